"""Sphinx configuration for the ``gitlike`` example documentation."""

from __future__ import annotations

import sys
from pathlib import Path

# Make ``gitlike.py`` (one folder up) importable for ``:module: gitlike``.
sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

project = "gitlike"

extensions = ["myst_parser", "sphinx_argdoc"]

source_suffix = {".rst": "restructuredtext", ".md": "markdown"}

exclude_patterns = ["_build"]
