project = "load-failures"
extensions = ["sphinx_argdoc"]
