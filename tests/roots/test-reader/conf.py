project = "reader"
extensions = ["myst_parser", "sphinx_argdoc"]
source_suffix = {".rst": "restructuredtext", ".md": "markdown"}
# The sample parser has a help with a broken %-format on purpose (its warning is tested elsewhere).
suppress_warnings = ["argdoc.help"]
