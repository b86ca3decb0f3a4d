"""Text whose line breaks are meant: a formatter that prints descriptions as written."""

from __future__ import annotations

from docutils import nodes

from ..model import Parser
from .context import Context
from .entry import parsed


def keep_line_breaks(result: list[nodes.Node]) -> list[nodes.Node]:
    """*result* with each paragraph that spans lines made a line block, a line per line."""
    for root in result:
        if not isinstance(root, nodes.Element):
            continue
        for paragraph in list(root.findall(nodes.paragraph)):
            if "\n" in paragraph.astext() and isinstance(paragraph.parent, nodes.Element):
                paragraph.replace_self(_line_block(paragraph))
    return [
        _line_block(node) if isinstance(node, nodes.paragraph) and "\n" in node.astext() else node
        for node in result
    ]


def _line_block(paragraph: nodes.paragraph) -> nodes.line_block:
    """The paragraph's children split at each line break, inline markup kept within a line."""
    lines = [nodes.line()]
    for child in paragraph.children:
        if not isinstance(child, nodes.Text) or "\n" not in child:
            lines[-1] += child.deepcopy()
            continue
        first, *rest = str(child).split("\n")
        if first:
            lines[-1] += nodes.Text(first)
        for text in rest:
            lines.append(nodes.line())
            if text:
                lines[-1] += nodes.Text(text)
    block = nodes.line_block("", *lines, classes=paragraph["classes"])
    block.source, block.line = paragraph.source, paragraph.line
    return block


def prose(parser: Parser, text: str, about: str, context: Context) -> list[nodes.Node]:
    """A description or an epilog; line breaks kept where the formatter prints them as written."""
    result = parsed(text, about, context.program.std, context, prose=True)
    return keep_line_breaks(result) if parser.raw_description else result
