"""Sphinx configuration for the ``servecli`` example documentation."""

from __future__ import annotations

import sys
from pathlib import Path

# Make ``servecli.py`` (one folder up) importable for ``:module: servecli``.
sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

project = "servecli"

extensions = ["myst_parser", "sphinx_argdoc"]

source_suffix = {".rst": "restructuredtext", ".md": "markdown"}

exclude_patterns = ["_build"]
