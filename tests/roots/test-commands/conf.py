project = "commands"
extensions = ["myst_parser", "sphinx_argdoc"]
source_suffix = {".rst": "restructuredtext", ".md": "markdown"}
nitpicky = True
sphinxarg_build_commands_index = True
sphinxarg_build_commands_by_group_index = True
sphinxarg_commands_by_group_index_file_suffix = "topics"
sphinxarg_commands_by_group_index_title = "Commands by topic"
