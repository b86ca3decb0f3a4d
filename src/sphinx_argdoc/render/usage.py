"""The usage block: labelled as ``--help`` labels it, each option in it a link to its entry.

Links are ``:option:`` cross-references of the program, so they find the entry wherever the
page or the project renders it (a page built group by group shows the usage once, at its top,
with ``:usage-only:``). An option that no page documents stays plain text, without a warning.
"""

from __future__ import annotations

import re
from collections.abc import Iterable

from docutils import nodes
from sphinx import addnodes
from sphinx.application import Sphinx
from sphinx.environment import BuildEnvironment

from ..model import USAGE_PREFIX, Parser

#: Attribute on a usage link: a reference that finds no entry is left as plain text.
QUIET_LINK = "argdoc-usage-link"
#: An option string as usage prints it: between brackets, bars, spaces or the ends of a line.
_OPTION_WORD = re.compile(r"(?<![^\s\[(|])--?[^\s\[\]()|=,]+")


def usage_block(parser: Parser, program: str, *, links: bool = True) -> nodes.literal_block:
    """*parser*'s usage after ``usage:``, each option that the parser documents a link to its
    entry (of std-domain *program*) when *links*."""
    documented = set(option_names(parser)) if links else set()
    block = nodes.literal_block("", "", classes=["argdoc-usage"])
    # One inline holds it all, so that a stylesheet can size the text to its block's width.
    text = nodes.inline("", "", classes=["argdoc-usage-text"])
    block += text
    text += nodes.inline(USAGE_PREFIX, USAGE_PREFIX, classes=["argdoc-usage-label"])
    position = 0
    for found in _OPTION_WORD.finditer(parser.usage):
        name = found.group()
        if name not in documented:
            continue
        text += nodes.Text(parser.usage[position : found.start()])
        text += _link(name, program)
        position = found.end()
    text += nodes.Text(parser.usage[position:])
    # Not highlighted: a literal block whose text differs from its source (Sphinx fills in an
    # empty one) is shown with its inline nodes, the links, in every writer.
    block.rawsource = parser.usage
    return block


def option_names(parser: Parser) -> Iterable[str]:
    """The option strings of *parser*'s documented options."""
    for group in parser.groups:
        for option in group.options:
            if not option.positional:
                yield from option.names


def _link(name: str, program: str) -> addnodes.pending_xref:
    xref = addnodes.pending_xref(
        "",
        nodes.inline(name, name),
        refdomain="std",
        reftype="option",
        reftarget=name,
        refexplicit=True,
        refwarn=False,
    )
    xref["std:program"] = program
    xref[QUIET_LINK] = True
    return xref


def keep_unresolved_as_text(
    app: Sphinx, env: BuildEnvironment, node: addnodes.pending_xref, contnode: nodes.Element
) -> nodes.Node | None:
    """A usage link that finds no entry (its option documented nowhere) shows as its text."""
    return contnode if node.get(QUIET_LINK) else None
