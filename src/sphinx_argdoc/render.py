"""Stage 4: turn the selected part of a parser model into docutils nodes.

Nodes are built directly; only user-written text (help, descriptions, epilogs) goes through a
parser, given as ``parse_text``. Option entries are std-domain ``option`` objects, so Sphinx's
HTML, LaTeX, text, man and epub writers and the ``:option:`` role treat them as their own.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Container, Iterable, Sequence
from dataclasses import dataclass, field, replace

from docutils import nodes
from sphinx import addnodes
from sphinx.locale import _
from sphinx.util.nodes import _make_id as _sphinx_make_id

from . import overrides
from .model import Group, Option, Parser, Subcommand
from .overrides import Override
from .select import Selection

#: Parses user text; the second argument says what the text documents, for messages, and the
#: third names the std-domain program it belongs to, whose options ``:option:`` links find.
ParseText = Callable[[str, str, str], list[nodes.Node]]
#: Called with an option, its program and its nodes (index entry and description), which the
#: callee may change in place before they are placed on the page.
OptionHook = Callable[[Option, str, list[nodes.Node]], None]
#: Called with a group, its program and the nodes of its body, which the callee may change.
GroupHook = Callable[[Group, str, list[nodes.Node]], None]
#: Called with each command rendered whole, or given ``:index-groups:``: its name as
#: sphinx-argparse gave it (``vcs checkout (co)``), its description and the id it is found at.
CommandHook = Callable[[str, str, str], None]

#: Attribute on each ``desc_signature`` naming the std-domain program its options belong to.
PROGRAM_ATTRIBUTE = "argdoc-program"
#: Attribute on a node (a section or a target) carrying the std-domain label that points at it,
#: with the link text that ``:ref:`` shows by default in ``LABEL_TITLE_ATTRIBUTE``.
LABEL_ATTRIBUTE = "argdoc-label"
LABEL_TITLE_ATTRIBUTE = "argdoc-label-title"
#: Attribute listing the other programs the same options answer to (via subcommand aliases).
PROGRAM_ALIASES_ATTRIBUTE = "argdoc-program-aliases"

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
    command_rendered: CommandHook | None = None
    ids_on_page: set[str] = field(default_factory=set)
    """Ids given on this page so far, by every directive on it: MyST parses each ``eval-rst``
    block as a document of its own, whose ``ids`` do not show the other blocks' ids."""
    nosubcommands: bool = False
    noepilog: bool = False
    nodescription: bool = False
    manpage: bool = False
    body: tuple[nodes.Node, ...] = ()
    """The directive body's free content, shown before the generated text."""
    overrides: tuple[Override, ...] = ()
    legacy_id_prefix: str | None = None
    """``{module}-{func}``: sphinx-argparse's prefix for the ids of the top groups' sections."""
    legacy_command: str | None = None
    """The command as sphinx-argparse named it in ids: ``vcs commit (ci)`` (default: prog)."""
    index_groups: tuple[str, ...] = ()
    program_aliases: tuple[str, ...] = ()
    """Other names of the parser being rendered, through subcommand aliases (``vcs ci``)."""
    subcommand_depth: int = 0
    """How many subcommand sections the parser being rendered is inside."""


def render(parser: Parser, selection: Selection, context: Context) -> list[nodes.Node]:
    """Nodes for *selection* of *parser*: the whole parser, or the bodies of some groups."""
    result = _command_target(parser, context, selection.whole)
    if selection.whole and context.manpage:
        return result + _manpage(parser, context)
    result += context.body
    if selection.whole:
        return result + _whole_parser(parser, context)
    return result + _selected_groups(parser, selection, context)


def _selected_groups(parser: Parser, selection: Selection, context: Context) -> list[nodes.Node]:
    rubrics = sum(1 for group in selection.groups if group.options) > 1 and not any(
        group.is_custom for group in selection.groups
    )
    result: list[nodes.Node] = []
    for group in selection.groups:
        if not (group.options or group.description):
            continue
        override = overrides.for_group(context.overrides, group)
        if overrides.skips(override):
            continue
        # An untitled group's entries follow the group before them, as in --help.
        if group.options and group.titled:
            if rubrics:
                result.append(nodes.rubric(group.title, group.title))
            result.append(
                _label_target(group_label(parser.prog, group.title), group.title, context)
            )
        result += _group_body(group, parser.prog, context, override)
    return result


def _command_target(parser: Parser, context: Context, whole: bool) -> list[nodes.Node]:
    """sphinx-argparse's anchor for the command (``#prog``), and the ``:index-groups:`` entries."""
    if not (whole or context.index_groups):
        return []
    legacy = _sphinx_make_id(context.legacy_command or parser.prog)
    target_id = legacy if legacy and _id_is_free(legacy, context) else None
    target = nodes.target("", "", ids=[target_id or _page_unique_id(context, parser.prog)])
    context.ids_on_page.add(target["ids"][0])
    context.document.note_explicit_target(target)
    if context.command_rendered is not None:
        command = context.legacy_command or parser.prog
        context.command_rendered(command, parser.description, target["ids"][0])
    result: list[nodes.Node] = [target]
    if context.index_groups:
        entries = [
            ("single", f"{group}; {parser.prog}", target["ids"][0], "", None)
            for group in context.index_groups
        ]
        result.insert(0, addnodes.index(entries=entries))
    return result


def _manpage(parser: Parser, context: Context) -> list[nodes.Node]:
    """The sections a manual page has: synopsis, description, options, subcommands."""
    prog = parser.prog
    result: list[nodes.Node] = [
        _label_target(program_label(prog), prog, context),
        _section(_("Synopsis"), f"{prog}-synopsis", [_usage(parser.usage)], context),
    ]
    # The body goes where a manual page's reader looks for prose: into its description.
    description = list(context.body)
    if not context.nodescription:
        description += _parsed(
            parser.description, f"description of {prog}", std_program(prog), context
        )
    if not context.noepilog:
        description += _parsed(parser.epilog, f"epilog of {prog}", std_program(prog), context)
    if description:
        result.append(_section(_("Description"), f"{prog}-description", description, context))
    groups = _group_sections(parser, context)
    if groups:
        result.append(_section(_("Options"), f"{prog}-options-section", groups, context))
    subcommands = _subcommands(parser, context)
    if subcommands:
        result.append(_section(_("Sub-commands"), f"{prog}-sub-commands", subcommands, context))
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


def _whole_parser(parser: Parser, context: Context) -> list[nodes.Node]:
    result: list[nodes.Node] = [
        _label_target(program_label(parser.prog), parser.prog, context),
        _usage(parser.usage),
    ]
    if not context.nodescription:
        result += _parsed(
            parser.description,
            f"description of {parser.prog}",
            std_program(parser.prog),
            context,
        )
    result += _group_sections(parser, context)
    nested = context.subcommand_depth < NESTED_SUBCOMMAND_LEVELS
    subcommands = _subcommands(parser, context) if nested else []
    if subcommands:
        _add_free_ids(subcommands[0], _chooser_group_ids(parser, context), context)
    result += subcommands
    if not context.noepilog:
        result += _parsed(
            parser.epilog, f"epilog of {parser.prog}", std_program(parser.prog), context
        )
    return result


def _chooser_group_ids(parser: Parser, context: Context) -> list[str]:
    """sphinx-argparse's ids for a group holding only the subcommand chooser (we show none)."""
    ids = []
    for group in parser.groups:
        if group.lists_subcommands and not group.options:
            ids += _legacy_group_ids(group, parser.prog, context)
    return ids


def _shown_groups(parser: Parser, context: Context) -> list[tuple[Group, Override | None]]:
    shown = []
    for group in parser.groups:
        override = overrides.for_group(context.overrides, group)
        if group.options and not overrides.skips(override):
            shown.append((group, override))
    return shown


def _group_sections(parser: Parser, context: Context) -> list[nodes.Node]:
    """A section per titled group; the entries of an untitled one go where ``--help`` puts them.

    ``--help`` lists an untitled group's entries under no heading, right after the group before
    it. A section needs a title, and nothing but sections may follow a section: so the entries
    join the end of the previous group's section, where a reader of ``--help`` sees them, or
    lead, ahead of every section, when no titled group comes before them.
    """
    leading: list[nodes.Node] = []
    sections: list[nodes.section] = []
    for group, override in _shown_groups(parser, context):
        if group.titled:
            sections.append(_group_section(group, parser.prog, context, override))
        elif sections:
            sections[-1].extend(_untitled_group(group, parser.prog, context, override))
        else:
            leading += _untitled_group(group, parser.prog, context, override)
    return [*leading, *sections]


def _untitled_group(
    group: Group, prog: str, context: Context, override: Override | None
) -> list[nodes.Node]:
    """The group's body in a block of its own (as ``--help`` sets it apart), if it has one."""
    body = _group_body(group, prog, context, override)
    return [nodes.container("", *body, classes=["argdoc-untitled-group"])] if body else []


def _group_section(
    group: Group, prog: str, context: Context, override: Override | None
) -> nodes.section:
    section = _section(
        group.title, f"{prog}-{group.title}", _group_body(group, prog, context, override), context
    )
    _mark_label(section, group_label(prog, group.title), group.title, context)
    _add_free_ids(section, _legacy_group_ids(group, prog, context), context)
    return section


def _add_free_ids(section: nodes.section, ids: Iterable[str], context: Context) -> None:
    """Give *section* each of *ids* that no node on the page has yet: the first one keeps it."""
    for each in ids:
        if each and _id_is_free(each, context):
            section["ids"].append(each)
            context.document.ids[each] = section
            context.ids_on_page.add(each)


def _id_is_free(candidate: str, context: Context) -> bool:
    return candidate not in context.document.ids and candidate not in context.ids_on_page


def _legacy_group_ids(group: Group, prog: str, context: Context) -> list[str]:
    """The ids sphinx-argparse gave this group's section, so that old links keep working."""
    # It renamed argparse's default groups and built ids from the lowercased, dashed title.
    title = overrides.legacy_title(group).replace(" ", "-").lower()
    ids = [_sphinx_make_id(f"{context.legacy_command or prog}-{title}")]
    if context.legacy_id_prefix is not None:
        ids.append(f"{context.legacy_id_prefix}-{title}")
    return ids


def _subcommands(parser: Parser, context: Context) -> list[nodes.section]:
    if context.nosubcommands:
        return []
    # Switches about the top parser's own text, and its id prefix, stop at its subcommands.
    inner = replace(context, nodescription=False, noepilog=False, legacy_id_prefix=None)
    result: list[nodes.section] = []
    for sub, override in overrides.unskipped(context.overrides, parser.subcommands):
        result += _subcommand(sub, inner, override)
    return result


def programs_rendered(parser: Parser, context: Context) -> tuple[str, ...]:
    """The programs that a whole rendering of *parser* shows: its own, and those of the
    subcommands that neither ``:nosubcommands:`` nor an ``@skip`` item leaves out."""
    if context.nosubcommands:
        return (parser.prog,)
    return _programs_within(parser, context.overrides)


def _programs_within(parser: Parser, active: tuple[Override, ...]) -> tuple[str, ...]:
    return (
        parser.prog,
        *(
            prog
            for sub, override in overrides.unskipped(active, parser.subcommands)
            for prog in _programs_within(sub.parser, overrides.inside(active, override))
        ),
    )


def _usage(usage: str) -> nodes.literal_block:
    block = nodes.literal_block(usage, usage, classes=["argdoc-usage"])
    block["language"] = "text"
    return block


def _subcommand(
    sub: Subcommand, context: Context, override: Override | None
) -> list[nodes.section]:
    """*sub*'s section, and past the nesting limit the sections of its subcommands after it."""
    body: list[nodes.Node] = []
    if sub.aliases:
        body.append(
            nodes.paragraph(
                "", "", nodes.emphasis("", _("Aliases:")), nodes.Text(" "), *_literals(sub.aliases)
            )
        )
    # The parser's description says more than the one-line help; show the help only without it.
    summary, about = (
        (sub.parser.description, "description") if sub.parser.description else (sub.help, "help")
    )
    body += overrides.applied(
        override,
        _parsed(summary, f"{about} of {sub.parser.prog}", std_program(sub.parser.prog), context),
    )
    parent = context.legacy_command or sub.parser.prog[: -len(sub.name)].rstrip()
    inner = replace(
        context,
        nodescription=True,
        overrides=overrides.inside(context.overrides, override),
        program_aliases=alias_programs(sub, context.program_aliases),
        legacy_command=legacy_command(parent, sub),
        subcommand_depth=context.subcommand_depth + 1,
    )
    section = _section(sub.parser.prog, sub.parser.prog, body, context)
    # sphinx-argparse also used the bare name; with aliases that id had spaces, so not that one.
    bare = [] if sub.aliases else [sub.name]
    legacy = _sphinx_make_id(inner.legacy_command or "")
    _add_free_ids(section, [legacy, *bare], context)
    if context.command_rendered is not None:
        anchor = legacy if legacy in section["ids"] else section["ids"][0]
        command = inner.legacy_command or sub.parser.prog
        context.command_rendered(command, sub.parser.description, anchor)
    section.extend(_whole_parser(sub.parser, inner))
    if inner.subcommand_depth < NESTED_SUBCOMMAND_LEVELS:
        return [section]
    deeper = _subcommands(sub.parser, inner)
    if deeper:
        _add_free_ids(deeper[0], _chooser_group_ids(sub.parser, inner), inner)
    return [section, *deeper]


def legacy_command(parent: str, sub: Subcommand) -> str:
    """How sphinx-argparse named *sub* under *parent* in ids: aliases in parentheses."""
    aliases = f" ({', '.join(sub.aliases)})" if sub.aliases else ""
    return f"{parent} {sub.name}{aliases}"


def alias_programs(sub: Subcommand, parent_aliases: tuple[str, ...]) -> tuple[str, ...]:
    """Every other way to spell *sub*'s program: its aliases, under each name of its parent."""
    parent = sub.parser.prog[: -len(sub.name)].rstrip()
    spellings = (
        f"{prefix} {name}"
        for prefix in (parent, *parent_aliases)
        for name in (sub.name, *sub.aliases)
    )
    return tuple(s for s in spellings if s != sub.parser.prog)


def _section(
    title: str, id_base: str, body: Sequence[nodes.Node], context: Context
) -> nodes.section:
    section = nodes.section("", nodes.title(title, title), *body)
    section["ids"].append(_page_unique_id(context, id_base))
    context.document.note_implicit_target(section)
    return section


def _group_body(
    group: Group, prog: str, context: Context, override: Override | None = None
) -> list[nodes.Node]:
    about = f"description of {prog} group {group.title!r}"
    context = replace(context, overrides=overrides.inside(context.overrides, override))
    program = _program(prog, context)
    result = overrides.applied(override, _parsed(group.description, about, program.std, context))
    entries: list[nodes.Node] = []
    described: list[tuple[Option, addnodes.desc]] = []
    for option in group.options:
        option_override = overrides.for_option(context.overrides, option)
        if overrides.skips(option_override):
            continue
        entry = _entry(option, program, context, option_override)
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


@dataclass(frozen=True)
class _Program:
    """What every entry of one program's group repeats: its names in ids and in the index."""

    prog: str
    std: str
    """The name as the std domain stores it."""
    index_pair: str
    """The first half of each entry's index pair, up to the option's name."""
    aliases: tuple[str, ...]
    """The other names of the program, as the std domain stores them."""


def _program(prog: str, context: Context) -> _Program:
    return _Program(
        prog,
        std_program(prog),
        f"{_('%s command line option') % prog}; ",
        tuple(std_program(alias) for alias in context.program_aliases),
    )


def _entry(
    option: Option, program: _Program, context: Context, override: Override | None = None
) -> list[nodes.Node]:
    signature = _signature(option, program, context)
    node_id = signature["ids"][0]
    index = addnodes.index(
        entries=[
            ("pair", f"{program.index_pair}{name}", node_id, "", None)
            for name in option.names
            # A name --help prints as nothing (metavar "") would be an invalid pair.
            if context.index and name.strip()
        ]
    )
    desc = addnodes.desc(
        "",
        signature,
        addnodes.desc_content("", *overrides.applied(override, _details(option, program, context))),
        domain="std",
        objtype="option",
        desctype="option",
        classes=["std", "option", *(["argdoc-deprecated"] if option.deprecated else [])],
    )
    desc["noindex"] = desc["no-index"] = not context.index
    return [index, desc]


def _signature(option: Option, program: _Program, context: Context) -> addnodes.desc_signature:
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
                f"cmdoption-{program.std}-{kind}{name}",
                also_taken=signature["ids"],
            )
        )
    signature["allnames"] = list(option.names)
    if context.index:
        signature[PROGRAM_ATTRIBUTE] = program.std
        if program.aliases:
            signature[PROGRAM_ALIASES_ATTRIBUTE] = list(program.aliases)
    context.document.note_explicit_target(signature)
    return signature


def _details(option: Option, program: _Program, context: Context) -> list[nodes.Node]:
    result = _parsed(option.help, f"help of {program.prog} {option.names[0]}", program.std, context)
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


def _parsed(text: str, about: str, program: str, context: Context) -> list[nodes.Node]:
    """*text* parsed, *program* (as the std domain names it) being the one its links mean."""
    return context.parse_text(text, about, program) if text.strip() else []


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
