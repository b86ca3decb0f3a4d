"""Sphinx configuration of the sphinx-argdoc documentation."""

from __future__ import annotations

import sys
from pathlib import Path

from docutils import nodes
from sphinx import addnodes
from sphinx.application import Sphinx

import sphinx_argdoc
from sphinx_argdoc.model import Group, Option

EXAMPLES = Path(__file__).resolve().parent.parent / "examples"

# The pages document the example command-line tools in place, without installing them.
sys.path[:0] = [
    str(EXAMPLES / name)
    for name in ("greet", "mytool", "servecli", "gitlike", "tidy", "trainer", "worker")
]

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

# The worker example's cache folder is under the home directory of whoever builds the docs.
argdoc_default_values = {str(Path.home()): "~"}

# The event handlers below change only the program the events example on the cross-references
# page documents, so that the other pages show what the directive alone renders.
EVENTS_EXAMPLE = "greet-events"


def mark_flags(app: Sphinx, option: Option, prog: str, entry: list[nodes.Node]) -> None:
    if prog == EVENTS_EXAMPLE and option.is_flag:
        for node in entry:
            if isinstance(node, addnodes.desc):
                content = node.next_node(addnodes.desc_content)
                if content is not None:
                    content += nodes.paragraph("", "A flag: it takes no value.")


def count_options(app: Sphinx, group: Group, prog: str, body: list[nodes.Node]) -> None:
    if prog == EVENTS_EXAMPLE:
        body.insert(0, nodes.paragraph("", f"Options in this group: {len(group.options)}."))


def setup(app: Sphinx) -> None:
    app.connect("argdoc-option-rendered", mark_flags)
    app.connect("argdoc-group-rendered", count_options)
