"""Stage 4: turn the selected part of a parser model into docutils nodes.

Nodes are built directly; only user-written text (help, descriptions, epilogs) goes through a
parser, given as ``parse_text``. Option entries are std-domain ``option`` objects, so Sphinx's
HTML, LaTeX, text, man and epub writers and the ``:option:`` role treat them as their own.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass

from docutils import nodes
from sphinx import addnodes
from sphinx.locale import _

from .model import Group, Option, Parser, Subcommand
from .select import Selection

ParseText = Callable[[str], list[nodes.Node]]

#: Attribute on each ``desc_signature`` naming the std-domain program its options belong to.
PROGRAM_ATTRIBUTE = "argdoc-program"

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
        result += _group_body(group, parser.prog, context)
    return result


def std_program(prog: str) -> str:
    """The program name as Sphinx's std domain stores it (``.. program::`` does the same)."""
    return re.sub(r"\s+", "-", prog.strip())


def _whole_parser(parser: Parser, context: Context, depth: int = 0) -> list[nodes.Node]:
    result: list[nodes.Node] = [_usage(parser.usage)]
    result += _parsed(parser.description, context)
    for group in parser.groups:
        if group.options:
            result.append(
                _section(
                    group.title,
                    f"{parser.prog}-{group.title}",
                    _group_body(group, parser.prog, context),
                    context,
                )
            )
    if depth < NESTED_SUBCOMMAND_LEVELS:
        result += _subcommand_sections(parser, context, depth)
    result += _parsed(parser.epilog, context)
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
    body += _parsed(sub.help, context)
    body += _whole_parser(sub.parser, context, depth)
    return _section(sub.parser.prog, sub.parser.prog, body, context)


def _section(
    title: str, id_base: str, body: Sequence[nodes.Node], context: Context
) -> nodes.section:
    section = nodes.section("", nodes.title(title, title), *body)
    section["ids"].append(_unique_id(context.document, id_base))
    context.document.note_implicit_target(section)
    return section


def _group_body(group: Group, prog: str, context: Context) -> list[nodes.Node]:
    result = _parsed(group.description, context)
    for option in group.options:
        result += _entry(option, prog, context)
    return result


def _entry(option: Option, prog: str, context: Context) -> list[nodes.Node]:
    signature = _signature(option, prog, context)
    node_id = signature["ids"][0]
    index = addnodes.index(
        entries=[
            ("pair", f"{_('%s command line option') % prog}; {name}", node_id, "", None)
            for name in option.names
        ]
    )
    desc = addnodes.desc(
        "",
        signature,
        addnodes.desc_content("", *_details(option, context)),
        domain="std",
        objtype="option",
        desctype="option",
        classes=["std", "option"],
    )
    desc["noindex"] = desc["no-index"] = False
    return [index, desc]


def _signature(option: Option, prog: str, context: Context) -> addnodes.desc_signature:
    signature = addnodes.desc_signature("", "")
    for position, (name, args) in enumerate(option.signature):
        if position:
            signature += addnodes.desc_addname(", ", ", ")
        signature += addnodes.desc_name(name, name)
        if args:
            signature += addnodes.desc_addname(f" {args}", f" {args}")
    kind = "arg-" if option.positional else ""
    signature["ids"].append(
        _unique_id(context.document, f"cmdoption-{std_program(prog)}-{kind}{option.names[0]}")
    )
    signature["allnames"] = list(option.names)
    signature[PROGRAM_ATTRIBUTE] = std_program(prog)
    context.document.note_explicit_target(signature)
    return signature


def _details(option: Option, context: Context) -> list[nodes.Node]:
    result = _parsed(option.help, context)
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
    if option.default is None or option.help_mentions_default or context.nodefault:
        return False
    return not (context.nodefaultconst and option.is_flag)


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


def _parsed(text: str, context: Context) -> list[nodes.Node]:
    return context.parse_text(text) if text.strip() else []


def _unique_id(document: nodes.document, base: str) -> str:
    """A lowercase id from *base*, suffixed ``-2``, ``-3``… while the page already has it."""
    stem = nodes.make_id(base) or "argdoc"
    candidate, number = stem, 1
    while candidate in document.ids:
        number += 1
        candidate = f"{stem}-{number}"
    return candidate
