project = "parallel"
extensions = ["sphinx_argdoc"]
