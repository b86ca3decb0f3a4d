project = "commands-toctree"
extensions = ["sphinx_argdoc"]
nitpicky = True
sphinxarg_commands_index_in_toctree = True
sphinxarg_commands_by_group_index_in_toctree = True
