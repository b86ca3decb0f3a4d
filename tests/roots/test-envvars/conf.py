project = "envvars"
extensions = ["sphinx_argdoc"]
argdoc_envvars = "FETCHER_{NAME}"
