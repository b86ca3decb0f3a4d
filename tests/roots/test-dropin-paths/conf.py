project = "paths"
extensions = ["sphinx_argdoc"]
