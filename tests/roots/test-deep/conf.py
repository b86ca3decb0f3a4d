project = "deep"
extensions = ["sphinx_argdoc"]
