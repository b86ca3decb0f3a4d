project = "builders"
extensions = ["myst_parser", "sphinx_argdoc"]
source_suffix = {".rst": "restructuredtext", ".md": "markdown"}
man_pages = [("index", "grouped", "a tool with groups", [], 1)]
latex_documents = [("index", "builders.tex", "Builders", "", "manual")]
version = release = "1.0"
# The sample parser has a help with a broken %-format on purpose (its warning is tested elsewhere).
suppress_warnings = ["argdoc.help"]
copyright = "the authors"
