"""Test extension: ``body-probe`` shows its body, read by helptext.parse_body."""

from __future__ import annotations

from typing import ClassVar

from docutils import nodes
from docutils.parsers.rst import directives
from sphinx.application import Sphinx
from sphinx.util.docutils import SphinxDirective

from sphinx_argdoc import helptext


class BodyProbe(SphinxDirective):
    has_content = True
    option_spec: ClassVar = {"markdown": directives.flag}

    def run(self) -> list[nodes.Node]:
        return helptext.parse_body(self, "markdown" in self.options)


def setup(app: Sphinx) -> dict[str, bool]:
    app.add_directive("body-probe", BodyProbe)
    return {"parallel_read_safe": True}
