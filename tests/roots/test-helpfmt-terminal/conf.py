project = "terminal"
extensions = ["myst_parser", "sphinx_argdoc"]
