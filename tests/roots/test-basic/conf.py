project = "basic"
extensions = ["myst_parser", "sphinx_argdoc"]
source_suffix = {".rst": "restructuredtext", ".md": "markdown"}
# sample_clis.grouped has one help with a broken %-format on purpose (see test_errors).
suppress_warnings = ["argdoc.help"]
# These pages render single groups to test rendering; the coverage warning has its own tests.
argdoc_coverage_warnings = False
