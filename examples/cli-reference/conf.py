"""Sphinx configuration for the reference of the ``sphinx-argdoc`` command line."""

project = "sphinx-argdoc command line"
extensions = ["myst_parser", "sphinx_argdoc"]
source_suffix = {".rst": "restructuredtext", ".md": "markdown"}
exclude_patterns = ["_build"]
