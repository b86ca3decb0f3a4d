project = "errors"
extensions = ["myst_parser", "sphinx_argdoc"]
source_suffix = {".rst": "restructuredtext", ".md": "markdown"}
# This root is about directive errors; the coverage warning has its own tests.
argdoc_coverage_warnings = False
