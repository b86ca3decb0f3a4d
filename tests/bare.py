"""Render a model into a bare docutils document, without Sphinx: the one way tests do it."""

from __future__ import annotations

from docutils import nodes
from docutils.frontend import get_default_settings
from docutils.parsers.rst import Parser as RstParser
from docutils.utils import new_document

from sphinx_argdoc import model, render, select
from sphinx_argdoc.parts import Program


def as_paragraph(text: str, about: str, program: str, *, prose: bool = False) -> list[nodes.Node]:
    """Help text as one paragraph, as written."""
    return [nodes.paragraph(text, text)]


def render_bare(
    parsed: model.Parser, selection: select.Selection, document: nodes.document | None = None
) -> list[nodes.Node]:
    """The nodes of *selection* of *parsed*, rendered into *document* (a new one by default)."""
    if document is None:
        document = new_document("<bare>", get_default_settings(RstParser))  # type: ignore[arg-type]
    context = render.Context(document, as_paragraph, Program(parsed.prog))
    return render.render(parsed, selection, context).nodes
