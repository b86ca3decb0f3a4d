project = "coverage-skip"
extensions = ["sphinx_argdoc"]
