project = "nomyst"
extensions = ["sphinx_argdoc"]
