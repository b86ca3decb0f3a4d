"""Stage 4: turn the selected part of a parser model into docutils nodes.

Nodes are built directly; only user-written text (help, descriptions, epilogs) goes through a
parser, given as ``parse_text``. Option entries are std-domain ``option`` objects, so Sphinx's
HTML, LaTeX, text, man and epub writers and the ``:option:`` role treat them as their own.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Container, Iterable, Sequence
from dataclasses import dataclass, field

from docutils import nodes
from sphinx import addnodes
from sphinx.locale import _

from .model import Group, Option, Parser, Subcommand
from .select import Selection

#: Parses user text; the second argument says what the text documents, for messages.
ParseText = Callable[[str, str], list[nodes.Node]]
#: Called with an option, its program and its nodes (index entry and description), which the
#: callee may change in place before they are placed on the page.
OptionHook = Callable[[Option, str, list[nodes.Node]], None]
#: Called with a group, its program and the nodes of its body, which the callee may change.
GroupHook = Callable[[Group, str, list[nodes.Node]], None]

#: Attribute on each ``desc_signature`` naming the std-domain program its options belong to.
PROGRAM_ATTRIBUTE = "argdoc-program"
#: Attribute on a node (a section or a target) carrying the std-domain label that points at it,
#: with the link text that ``:ref:`` shows by default in ``LABEL_TITLE_ATTRIBUTE``.
LABEL_ATTRIBUTE = "argdoc-label"
LABEL_TITLE_ATTRIBUTE = "argdoc-label-title"

#: Subcommand sections nest this deep; deeper ones follow as siblings. Writers have a fixed
#: number of heading levels (text: 7, LaTeX: 7 from part to subparagraph), and each section's
#: title is the full ``prog``, so a flat run of them still reads unambiguously.
NESTED_SUBCOMMAND_LEVELS = 3


@dataclass(frozen=True)
class Context:
    """What rendering needs besides the model: the page, a text parser and display switches."""

    document: nodes.document
    parse_text: ParseText
    nodefault: bool = False
    nodefaultconst: bool = False
    index: bool = True
    """Whether entries, sections and targets are registered for cross-references and the index."""
    summary: bool = False
    option_rendered: OptionHook | None = None
    group_rendered: GroupHook | None = None
    ids_on_page: set[str] = field(default_factory=set)
    """Ids given on this page so far, by every directive on it: MyST parses each ``eval-rst``
    block as a document of its own, whose ``ids`` do not show the other blocks' ids."""


def render(parser: Parser, selection: Selection, context: Context) -> list[nodes.Node]:
    """Nodes for *selection* of *parser*: the whole parser, or the bodies of some groups."""
    if selection.whole:
        return _whole_parser(parser, context)
    titled = sum(1 for group in selection.groups if group.options) > 1 and not any(
        group.is_custom for group in selection.groups
    )
    result: list[nodes.Node] = []
    for group in selection.groups:
        if not (group.options or group.description):
            continue
        if titled and group.options:
            result.append(nodes.rubric(group.title, group.title))
        if group.options:
            result.append(
                _label_target(group_label(parser.prog, group.title), group.title, context)
            )
        result += _group_body(group, parser.prog, context)
    return result


def std_program(prog: str) -> str:
    """The program name as Sphinx's std domain stores it (``.. program::`` does the same)."""
    return re.sub(r"\s+", "-", prog.strip())


def program_label(prog: str) -> str:
    """The std-domain label of a whole-parser rendering: ``argdoc-`` and the program, as an id."""
    return nodes.make_id(f"argdoc {prog}")


def group_label(prog: str, title: str) -> str:
    """The std-domain label of one group: ``argdoc-``, the program and the title, as an id."""
    return nodes.make_id(f"argdoc {prog} {title}")


def _label_target(label: str, title: str, context: Context) -> nodes.target:
    target = nodes.target("", "")
    target["ids"].append(_page_unique_id(context, label))
    context.document.note_implicit_target(target)
    _mark_label(target, label, title, context)
    return target


def _mark_label(node: nodes.Element, label: str, title: str, context: Context) -> None:
    if context.index:
        node[LABEL_ATTRIBUTE] = label
        node[LABEL_TITLE_ATTRIBUTE] = title


def _whole_parser(parser: Parser, context: Context, depth: int = 0) -> list[nodes.Node]:
    result: list[nodes.Node] = [
        _label_target(program_label(parser.prog), parser.prog, context),
        _usage(parser.usage),
    ]
    result += _parsed(parser.description, f"description of {parser.prog}", context)
    for group in parser.groups:
        if group.options:
            section = _section(
                group.title,
                f"{parser.prog}-{group.title}",
                _group_body(group, parser.prog, context),
                context,
            )
            _mark_label(section, group_label(parser.prog, group.title), group.title, context)
            result.append(section)
    if depth < NESTED_SUBCOMMAND_LEVELS:
        result += _subcommand_sections(parser, context, depth)
    result += _parsed(parser.epilog, f"epilog of {parser.prog}", context)
    return result


def _usage(usage: str) -> nodes.literal_block:
    block = nodes.literal_block(usage, usage, classes=["argdoc-usage"])
    block["language"] = "text"
    return block


def _subcommand_sections(parser: Parser, context: Context, depth: int) -> list[nodes.Node]:
    """A section per subcommand, holding its own subcommands' sections down to the limit, then
    followed by them."""
    result: list[nodes.Node] = []
    for sub in parser.subcommands:
        result.append(_subcommand(sub, context, depth + 1))
        if depth + 1 >= NESTED_SUBCOMMAND_LEVELS:
            result += _subcommand_sections(sub.parser, context, depth + 1)
    return result


def _subcommand(sub: Subcommand, context: Context, depth: int) -> nodes.section:
    body: list[nodes.Node] = []
    if sub.aliases:
        body.append(
            nodes.paragraph(
                "", "", nodes.emphasis("", _("Aliases:")), nodes.Text(" "), *_literals(sub.aliases)
            )
        )
    body += _parsed(sub.help, f"help of {sub.parser.prog}", context)
    body += _whole_parser(sub.parser, context, depth)
    return _section(sub.parser.prog, sub.parser.prog, body, context)


def _section(
    title: str, id_base: str, body: Sequence[nodes.Node], context: Context
) -> nodes.section:
    section = nodes.section("", nodes.title(title, title), *body)
    section["ids"].append(_page_unique_id(context, id_base))
    context.document.note_implicit_target(section)
    return section


def _group_body(group: Group, prog: str, context: Context) -> list[nodes.Node]:
    result = _parsed(group.description, f"description of {prog} group {group.title!r}", context)
    entries: list[nodes.Node] = []
    described: list[tuple[Option, addnodes.desc]] = []
    for option in group.options:
        entry = _entry(option, prog, context)
        if context.option_rendered is not None:
            context.option_rendered(option, prog, entry)
        desc = next((node for node in entry if isinstance(node, addnodes.desc)), None)
        if desc is not None:
            described.append((option, desc))
        entries += entry
    if context.summary and described:
        result.append(_summary_table(described, context))
    result += entries
    if context.group_rendered is not None:
        context.group_rendered(group, prog, result)
    return result


def _entry(option: Option, prog: str, context: Context) -> list[nodes.Node]:
    signature = _signature(option, prog, context)
    node_id = signature["ids"][0]
    index = addnodes.index(
        entries=[
            ("pair", f"{_('%s command line option') % prog}; {name}", node_id, "", None)
            for name in option.names
            if context.index
        ]
    )
    desc = addnodes.desc(
        "",
        signature,
        addnodes.desc_content("", *_details(option, prog, context)),
        domain="std",
        objtype="option",
        desctype="option",
        classes=["std", "option", *(["argdoc-deprecated"] if option.deprecated else [])],
    )
    desc["noindex"] = desc["no-index"] = not context.index
    return [index, desc]


def _signature(option: Option, prog: str, context: Context) -> addnodes.desc_signature:
    signature = addnodes.desc_signature("", "")
    for position, (name, args) in enumerate(option.signature):
        if position:
            signature += addnodes.desc_addname(", ", ", ")
        signature += addnodes.desc_name(name, name)
        if args:
            signature += addnodes.desc_addname(f" {args}", f" {args}")
    # One id per name, as Sphinx's own ``option`` directive gives: ``#cmdoption-prog-long`` works
    # in a URL as well as ``#cmdoption-prog-l``. Links use the first.
    kind = "arg-" if option.positional else ""
    for name in option.names:
        signature["ids"].append(
            _page_unique_id(
                context,
                f"cmdoption-{std_program(prog)}-{kind}{name}",
                also_taken=signature["ids"],
            )
        )
    signature["allnames"] = list(option.names)
    if context.index:
        signature[PROGRAM_ATTRIBUTE] = std_program(prog)
    context.document.note_explicit_target(signature)
    return signature


def _details(option: Option, prog: str, context: Context) -> list[nodes.Node]:
    result = _parsed(option.help, f"help of {prog} {option.names[0]}", context)
    if option.deprecated:
        result.append(_fact(_("Deprecated.")))
    if option.required:
        result.append(_fact(_("Required.")))
    if option.choices and not option.help_mentions_choices:
        result.append(_fact(_("Choices:"), _literals(option.choices)))
    if _shows_default(option, context):
        assert option.default is not None
        result.append(_fact(_("Default:"), [nodes.literal(option.default, option.default)]))
    if option.exclusive_with:
        result.append(_fact(_("Mutually exclusive with"), _literals(option.exclusive_with)))
    return result


def _shows_default(option: Option, context: Context) -> bool:
    return not option.help_mentions_default and _has_default_to_show(option, context)


def _has_default_to_show(option: Option, context: Context) -> bool:
    if option.default is None or context.nodefault:
        return False
    return not (context.nodefaultconst and option.is_flag)


def _summary_table(
    described: Sequence[tuple[Option, addnodes.desc]], context: Context
) -> nodes.table:
    # Under :nodefault: a default column would be empty in every row: leave it out.
    columns: tuple[tuple[str, int], ...]
    if context.nodefault:
        columns = ((_("Option"), 24), (_("Description"), 56))
    else:
        columns = ((_("Option"), 24), (_("Default"), 16), (_("Description"), 40))
    tgroup = nodes.tgroup(cols=len(columns))
    for _heading, width in columns:
        tgroup += nodes.colspec(colwidth=width)
    tgroup += nodes.thead("", _row([nodes.Text(heading)] for heading, _width in columns))
    tgroup += nodes.tbody("", *(_summary_row(option, desc, context) for option, desc in described))
    # Left, like the entries below it; themes centre tables by default.
    return nodes.table("", tgroup, classes=["argdoc-summary"], align="left")


def _summary_row(option: Option, desc: addnodes.desc, context: Context) -> nodes.row:
    signature = desc.next_node(addnodes.desc_signature)
    names = ", ".join(option.names)
    name_cell: list[nodes.Node] = [nodes.literal(names, names)]
    if signature is not None and signature["ids"]:
        name_cell = [nodes.reference("", "", *name_cell, refid=signature["ids"][0], internal=True)]
    if context.nodefault:
        return _row([name_cell, _summary_description(option, desc)])
    default_cell: list[nodes.Node] = []
    if _has_default_to_show(option, context):
        assert option.default is not None
        default_cell = [nodes.literal(option.default, option.default)]
    return _row([name_cell, default_cell, _summary_description(option, desc)])


def _summary_description(option: Option, desc: addnodes.desc) -> list[nodes.Node]:
    result = _first_sentence(desc)
    for applies, label in (
        (option.required, _("Required.")),
        (option.deprecated, _("Deprecated.")),
    ):
        if applies:
            result += [nodes.Text(" ")] if result else []
            result.append(nodes.emphasis(label, label))
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
    if "argdoc-fact" in paragraph["classes"]:
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
            result.append(_without_ids(child.deepcopy()))
    return result


def _without_ids(node: nodes.Element) -> nodes.Element:
    # A copy must not claim the ids (targets, footnote anchors) of the original.
    for element in node.findall(nodes.Element):
        element["ids"] = []
    return node


def _fact(label: str, values: Iterable[nodes.Node] = ()) -> nodes.paragraph:
    paragraph = nodes.paragraph("", "", nodes.emphasis(label, label), classes=["argdoc-fact"])
    values = list(values)
    if values:
        paragraph += nodes.Text(" ")
        paragraph.extend(values)
    return paragraph


def _literals(texts: Iterable[str]) -> list[nodes.Node]:
    result: list[nodes.Node] = []
    for position, text in enumerate(texts):
        if position:
            result.append(nodes.Text(", "))
        result.append(nodes.literal(text, text))
    return result


def _parsed(text: str, about: str, context: Context) -> list[nodes.Node]:
    return context.parse_text(text, about) if text.strip() else []


def _page_unique_id(context: Context, base: str, also_taken: Sequence[str] = ()) -> str:
    """Like ``_unique_id``, also avoiding the ids of the page's other directives."""
    new_id = _unique_id(context.document, base, also_taken, elsewhere=context.ids_on_page)
    context.ids_on_page.add(new_id)
    return new_id


def _unique_id(
    document: nodes.document,
    base: str,
    also_taken: Sequence[str] = (),
    elsewhere: Container[str] = frozenset(),
) -> str:
    """A lowercase id from *base*, suffixed ``-2``, ``-3``… while the page already has it."""
    stem = nodes.make_id(base) or "argdoc"
    candidate, number = stem, 1
    while candidate in document.ids or candidate in also_taken or candidate in elsewhere:
        number += 1
        candidate = f"{stem}-{number}"
    return candidate
