from pathlib import Path

project = "pages"
extensions = ["sphinx_argdoc"]
# The build machine's home directory, wherever it shows in a default, reads as ~.
argdoc_default_values = {str(Path.home()): "~"}
suppress_warnings = ["argdoc.help"]
