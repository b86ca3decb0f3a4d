project = "helpfmt-warnings"
extensions = ["myst_parser", "sphinx_argdoc", "body_probe"]
source_suffix = {".rst": "restructuredtext", ".md": "markdown"}
