"""Sphinx configuration of the sphinx-argdoc documentation."""

from __future__ import annotations

import sys
from pathlib import Path

import sphinx_argdoc

EXAMPLES = Path(__file__).resolve().parent.parent / "examples"

# The pages document the example command-line tools in place, without installing them.
sys.path[:0] = [str(EXAMPLES / name) for name in ("greet", "mytool", "servecli", "gitlike")]

project = "sphinx-argdoc"
author = "sphinx-argdoc contributors"
copyright = "sphinx-argdoc contributors"
release = version = sphinx_argdoc.__version__

extensions = ["myst_parser", "sphinx_argdoc"]
source_suffix = {".rst": "restructuredtext", ".md": "markdown"}
exclude_patterns = ["_build"]

myst_heading_anchors = 3

html_theme = "furo"
html_title = f"sphinx-argdoc {release}"
html_static_path = ["_static"]
html_css_files = ["examples.css"]
