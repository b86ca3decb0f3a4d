"""The ``:summary:`` table above a group's entries: a row per entry, linking to it."""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence

from docutils import nodes
from sphinx import addnodes
from sphinx.locale import _

from ..model import Option
from .context import Context
from .entry import badge, shown_default, without_ids


def summary_table(
    described: Sequence[tuple[Option, addnodes.desc]], context: Context
) -> nodes.table:
    """A table of *described* entries: name, value (metavar or type), default (unless
    ``:nodefault:``), first sentence."""
    # Under :nodefault: a default column would be empty in every row: leave it out.
    columns: tuple[tuple[str, int], ...]
    if context.display.nodefault:
        columns = ((_("Option"), 22), (_("Value"), 14), (_("Description"), 44))
    else:
        columns = ((_("Option"), 22), (_("Value"), 16), (_("Default"), 12), (_("Description"), 30))
    tgroup = nodes.tgroup(cols=len(columns))
    for _heading, width in columns:
        tgroup += nodes.colspec(colwidth=width)
    tgroup += nodes.thead("", _row([nodes.Text(heading)] for heading, _width in columns))
    tgroup += nodes.tbody("", *(_summary_row(option, desc, context) for option, desc in described))
    # Left, like the entries below it; themes centre tables by default.
    return nodes.table("", tgroup, classes=["argdoc-summary"], align="left")


def _summary_row(option: Option, desc: addnodes.desc, context: Context) -> nodes.row:
    signature = desc.next_node(addnodes.desc_signature)
    name_cell: list[nodes.Node] = []
    for position, name in enumerate(option.names):
        # Each name whole on its line: a browser must not break ``--dry-run`` at its hyphen.
        name_cell += [nodes.Text(", ")] if position else []
        name_cell.append(nodes.literal(name, name, classes=["argdoc-nowrap"]))
    if signature is not None and signature["ids"]:
        name_cell = [nodes.reference("", "", *name_cell, refid=signature["ids"][0], internal=True)]
    cells = [name_cell, _value(option)]
    if not context.display.nodefault:
        cells.append(shown_default(option, context) or [])
    return _row([*cells, _summary_description(option, desc)])


def _value(option: Option) -> list[nodes.Node]:
    """What the option takes: its metavar as ``--help`` prints it, else its type."""
    args = next((args for _name, args in option.signature if args), "")
    text = args or option.type_name or ""
    return [nodes.literal(text, text)] if text else []


def _summary_description(option: Option, desc: addnodes.desc) -> list[nodes.Node]:
    result = _first_sentence(desc)
    for applies, label, kind in (
        (option.required, _("Required"), "required"),
        (option.deprecated, _("Deprecated"), "deprecated"),
    ):
        if applies:
            result += [nodes.Text(" ")] if result else []
            result.append(badge(label, kind))
    return result


def _row(cells: Iterable[list[nodes.Node]]) -> nodes.row:
    return nodes.row("", *(nodes.entry("", nodes.paragraph("", "", *content)) for content in cells))


#: A sentence ends at ``.``, ``!`` or ``?`` followed by the end or by a space and a capital, so
#: "e.g. a value" stays whole.
_SENTENCE_END = re.compile(r"[.!?](?=$|\s+[A-Z(\"'`])")


def _first_sentence(desc: addnodes.desc) -> list[nodes.Node]:
    """Copies of the help's first sentence, taken from the rendered help (parsed once)."""
    content = desc.next_node(addnodes.desc_content)
    if content is None or not content.children:
        return []
    paragraph = content.children[0]
    if isinstance(paragraph, nodes.line_block) and paragraph.children:
        # Help read as plain text keeps its line breaks in a line block: its first line leads.
        paragraph = paragraph.children[0]
    if not isinstance(paragraph, (nodes.paragraph, nodes.line)):
        return []
    if "argdoc-facts" in paragraph["classes"]:
        return []
    result: list[nodes.Node] = []
    for child in paragraph.children:
        if isinstance(child, nodes.Text):
            end = _SENTENCE_END.search(str(child))
            if end is not None:
                result.append(nodes.Text(str(child)[: end.end()]))
                return result
            result.append(nodes.Text(str(child)))
        elif isinstance(child, nodes.Element):
            result.append(without_ids(child.deepcopy()))
    return result
