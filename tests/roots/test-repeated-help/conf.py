project = "repeated"
extensions = ["sphinx_argdoc"]
