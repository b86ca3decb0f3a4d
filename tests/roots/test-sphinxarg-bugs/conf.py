project = "sphinx-argparse bugs"
extensions = ["sphinx_argdoc"]
