project = "labels"
extensions = ["sphinx_argdoc"]
