extensions = ["sphinx_argdoc"]
