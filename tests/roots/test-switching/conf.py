project = "switching"
extensions = ["sphinx_argdoc"]
