project = "load-once"
extensions = ["sphinx_argdoc"]
