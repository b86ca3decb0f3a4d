project = "untitled-groups"
extensions = ["sphinx_argdoc"]
man_pages = [("index", "mixed", "groups without titles", [], 1)]
# parts.rst shows only the ungrouped options; the coverage warning has its own tests.
argdoc_coverage_warnings = False
