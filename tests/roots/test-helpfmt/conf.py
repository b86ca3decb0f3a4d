from typing import ClassVar

from docutils.parsers.rst import directives
from sphinx.util.docutils import SphinxDirective

from sphinx_argdoc import helptext

project = "helpfmt"
extensions = ["myst_parser", "sphinx_argdoc"]
source_suffix = {".rst": "restructuredtext", ".md": "markdown"}


class BodyProbe(SphinxDirective):
    """Shows its body as the argparse directive's body parser reads it."""

    has_content = True
    option_spec: ClassVar = {"markdown": directives.flag}

    def run(self):
        return helptext.parse_body(self, "markdown" in self.options)


def setup(app):
    app.add_directive("body-probe", BodyProbe)
