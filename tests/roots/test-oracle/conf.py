project = "oracle"
extensions = ["sphinx_argdoc"]
