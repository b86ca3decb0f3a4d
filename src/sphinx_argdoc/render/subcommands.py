"""Lists of subcommands: the table where ``--help`` lists the chooser, and a manual page's list.

A reader looks for the commands first: the table names each with its aliases and one-line
help, and links to its section when the page renders it.
"""

from __future__ import annotations

from docutils import nodes
from sphinx.locale import _

from ..model import Parser
from .context import Context
from .entry import literals, parsed

#: Attribute on a reference in the table: the program whose section it links to, once known.
LINKS_TO = "argdoc-links-to"


def table(parser: Parser, context: Context) -> nodes.table | None:
    """A row per subcommand of *parser* that ``--help`` lists: name, aliases, help."""
    if not parser.subcommands:
        return None
    aliased = any(sub.aliases for sub in parser.subcommands)
    headings = [_("Command"), *([_("Aliases")] if aliased else []), _("Description")]
    widths = [20, *([16] if aliased else []), 60 - (16 if aliased else 0)]
    tgroup = nodes.tgroup(cols=len(headings))
    tgroup += [nodes.colspec(colwidth=width) for width in widths]
    tgroup += nodes.thead("", _row([[nodes.paragraph(h, h)] for h in headings]))
    body = nodes.tbody()
    for sub in parser.subcommands:
        program = context.program.child(sub)
        link = nodes.reference("", "", nodes.literal(sub.name, sub.name), internal=True)
        link[LINKS_TO] = program.prog
        about = f"help of {program.prog}"
        cells: list[list[nodes.Node]] = [[nodes.paragraph("", "", link)]]
        if aliased:
            cells.append([nodes.paragraph("", "", *literals(sub.aliases))])
        # A cell holds the help's first paragraph; the subcommand's section says the rest.
        cells.append(parsed(sub.help, about, program.std, context)[:1])
        body += _row(cells)
    tgroup += body
    return nodes.table("", tgroup, classes=["argdoc-subcommands"], align="left")


def link(nodes_with_table: list[nodes.Node], sections: dict[str, str]) -> None:
    """Point each table link at the section of its program (*sections*: prog -> id); a link to
    a section the page does not have becomes plain text."""
    for root in nodes_with_table:
        if not isinstance(root, nodes.Element):
            continue
        for reference in list(root.findall(nodes.reference)):
            prog = reference.get(LINKS_TO)
            if prog is None:
                continue
            del reference[LINKS_TO]
            if prog in sections:
                reference["refid"] = sections[prog]
            else:
                reference.replace_self(reference.children)


def manpage_list(parser: Parser, context: Context) -> nodes.definition_list:
    """Each subcommand's usage, in bold, and its help: how a manual page lists them."""
    items = []
    for sub in parser.subcommands:
        program = context.program.child(sub)
        about = f"help of {program.prog}"
        # A usage line is code: "--data" must keep its two hyphens.
        usage = " ".join(sub.parser.usage.split())
        term = nodes.term("", "", nodes.strong(usage, usage, support_smartquotes=False))
        definition = nodes.definition("", *parsed(sub.help, about, program.std, context))
        items.append(nodes.definition_list_item("", term, definition))
    return nodes.definition_list("", *items)


def _row(cells: list[list[nodes.Node]]) -> nodes.row:
    return nodes.row("", *(nodes.entry("", *cell) for cell in cells))
