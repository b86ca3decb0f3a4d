project = "reader"
extensions = ["myst_parser", "sphinx_argdoc"]
source_suffix = {".rst": "restructuredtext", ".md": "markdown"}
# The sample parser has a help with a broken %-format on purpose (its warning is tested elsewhere).
suppress_warnings = ["argdoc.help"]
# These pages render single groups to test the reader's features; coverage has its own tests.
argdoc_coverage_warnings = False
