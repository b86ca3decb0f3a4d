project = "dropin-errors"
extensions = ["sphinx_argdoc"]
