project = "overrides"
extensions = ["sphinx_argdoc"]
