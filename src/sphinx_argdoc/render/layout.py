"""Stage 4: lay the selected part of a parser model out as docutils nodes.

Nodes are built directly; only user-written text (help, descriptions, epilogs) goes through a
parser, given as ``parse_text``. Option entries are std-domain ``option`` objects, so Sphinx's
HTML, LaTeX, text, man and epub writers and the ``:option:`` role treat them as their own.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import replace

from docutils import nodes
from sphinx import addnodes
from sphinx.locale import _

from .. import overrides
from ..compat import names
from ..model import Group, Option, Parser, Subcommand
from ..overrides import Override
from ..select import Selection
from .context import Command, Context, Rendered
from .entry import EntryProgram, entry, literals, parsed
from .ids import (
    add_free_ids,
    group_label,
    id_is_free,
    label_target,
    mark_label,
    page_unique_id,
    program_label,
)
from .summary import summary_table

#: Subcommand sections nest this deep; deeper ones follow as siblings. Writers have a fixed
#: number of heading levels (text: 7, LaTeX: 7 from part to subparagraph), and each section's
#: title is the full ``prog``, so a flat run of them still reads unambiguously.
NESTED_SUBCOMMAND_LEVELS = 3


def render(parser: Parser, selection: Selection, context: Context) -> Rendered:
    """Nodes for *selection* of *parser* (the program ``context.program``): the whole parser,
    or the bodies of some groups; with the commands and programs they show."""
    result = _command_target(parser, context, selection.whole)
    if selection.whole and context.display.manpage:
        result += _manpage(parser, context)
    else:
        result += context.body
        if selection.whole:
            result += _whole_parser(parser, context)
        else:
            result += _selected_groups(parser, selection, context)
    seen = context.seen
    return Rendered(result, tuple(seen.commands), tuple(seen.programs))


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
            result.append(label_target(group_label(parser.prog, group.title), group.title, context))
        result += _group_body(group, context, override)
    return result


def _command_target(parser: Parser, context: Context, whole: bool) -> list[nodes.Node]:
    """sphinx-argparse's anchor for the command (``#prog``), and the ``:index-groups:`` entries."""
    if not (whole or context.index_groups):
        return []
    legacy = names.command_id(context.program)
    target_id = legacy if legacy and id_is_free(legacy, context) else None
    target = nodes.target("", "", ids=[target_id or page_unique_id(context, parser.prog)])
    context.ids_on_page.add(target["ids"][0])
    context.document.note_explicit_target(target)
    _note_command(parser, target["ids"][0], context)
    result: list[nodes.Node] = [target]
    if context.index_groups:
        entries = [
            ("single", f"{group}; {parser.prog}", target["ids"][0], "", None)
            for group in context.index_groups
        ]
        result.insert(0, addnodes.index(entries=entries))
    return result


def _note_command(parser: Parser, anchor: str, context: Context) -> None:
    name = names.command_name(context.program)
    context.seen.commands.append(Command(name, parser.description, anchor))


def _manpage(parser: Parser, context: Context) -> list[nodes.Node]:
    """The sections a manual page has: synopsis, description, options, subcommands."""
    prog, std, display = parser.prog, context.program.std, context.display
    context.seen.programs.append(prog)
    result: list[nodes.Node] = [
        label_target(program_label(prog), prog, context),
        _section(_("Synopsis"), f"{prog}-synopsis", [_usage(parser.usage)], context),
    ]
    # The body goes where a manual page's reader looks for prose: into its description.
    description = list(context.body)
    if not display.nodescription:
        description += parsed(parser.description, f"description of {prog}", std, context)
    if not display.noepilog:
        description += parsed(parser.epilog, f"epilog of {prog}", std, context)
    if description:
        result.append(_section(_("Description"), f"{prog}-description", description, context))
    groups = _group_sections(parser, context)
    if groups:
        result.append(_section(_("Options"), f"{prog}-options-section", groups, context))
    subcommands = _subcommands(parser, context)
    if subcommands:
        result.append(_section(_("Sub-commands"), f"{prog}-sub-commands", subcommands, context))
    return result


def _whole_parser(parser: Parser, context: Context) -> list[nodes.Node]:
    prog, std, display = parser.prog, context.program.std, context.display
    context.seen.programs.append(prog)
    result: list[nodes.Node] = [
        label_target(program_label(prog), prog, context),
        _usage(parser.usage),
    ]
    if not display.nodescription:
        result += parsed(parser.description, f"description of {prog}", std, context)
    result += _group_sections(parser, context)
    nested = context.subcommand_depth < NESTED_SUBCOMMAND_LEVELS
    subcommands = _subcommands(parser, context) if nested else []
    if subcommands:
        add_free_ids(subcommands[0], _chooser_group_ids(parser, context), context)
    result += subcommands
    if not display.noepilog:
        result += parsed(parser.epilog, f"epilog of {prog}", std, context)
    return result


def _chooser_group_ids(parser: Parser, context: Context) -> list[str]:
    """sphinx-argparse's ids for a group holding only the subcommand chooser (we show none)."""
    ids = []
    for group in parser.groups:
        if group.lists_subcommands and not group.options:
            ids += names.group_ids(group, context.program, context.id_prefix)
    return ids


def _group_sections(parser: Parser, context: Context) -> list[nodes.Node]:
    """A section per titled group; the entries of an untitled one go where ``--help`` puts them.

    ``--help`` lists an untitled group's entries under no heading, right after the group before
    it. A section needs a title, and nothing but sections may follow a section: so the entries
    join the end of the previous group's section, where a reader of ``--help`` sees them, or
    lead, ahead of every section, when no titled group comes before them.
    """
    leading: list[nodes.Node] = []
    sections: list[nodes.section] = []
    for group in parser.groups:
        override = overrides.for_group(context.overrides, group)
        if not group.options or overrides.skips(override):
            continue
        if group.titled:
            sections.append(_group_section(group, context, override))
        elif sections:
            sections[-1].extend(_untitled_group(group, context, override))
        else:
            leading += _untitled_group(group, context, override)
    return [*leading, *sections]


def _untitled_group(group: Group, context: Context, override: Override | None) -> list[nodes.Node]:
    """The group's body in a block of its own (as ``--help`` sets it apart), if it has one."""
    body = _group_body(group, context, override)
    return [nodes.container("", *body, classes=["argdoc-untitled-group"])] if body else []


def _group_section(group: Group, context: Context, override: Override | None) -> nodes.section:
    prog = context.program.prog
    body = _group_body(group, context, override)
    section = _section(group.title, f"{prog}-{group.title}", body, context)
    mark_label(section, group_label(prog, group.title), group.title, context)
    add_free_ids(section, names.group_ids(group, context.program, context.id_prefix), context)
    return section


def _subcommands(parser: Parser, context: Context) -> list[nodes.section]:
    if context.display.nosubcommands:
        return []
    # Switches about the top parser's own text, and its id prefix, stop at its subcommands.
    display = replace(context.display, nodescription=False, noepilog=False)
    inner = replace(context, display=display, id_prefix=None)
    result: list[nodes.section] = []
    for sub, override in overrides.unskipped(context.overrides, parser.subcommands):
        result += _subcommand(sub, inner, override)
    return result


def _usage(usage: str) -> nodes.literal_block:
    block = nodes.literal_block(usage, usage, classes=["argdoc-usage"])
    block["language"] = "text"
    return block


def _subcommand(
    sub: Subcommand, context: Context, override: Override | None
) -> list[nodes.section]:
    """*sub*'s section, and past the nesting limit the sections of its subcommands after it."""
    program = context.program.child(sub)
    body: list[nodes.Node] = []
    if sub.aliases:
        body.append(
            nodes.paragraph(
                "", "", nodes.emphasis("", _("Aliases:")), nodes.Text(" "), *literals(sub.aliases)
            )
        )
    # The parser's description says more than the one-line help; show the help only without it.
    summary, about = (
        (sub.parser.description, "description") if sub.parser.description else (sub.help, "help")
    )
    body += overrides.applied(
        override, parsed(summary, f"{about} of {program.prog}", program.std, context)
    )
    inner = replace(
        context,
        program=program,
        display=replace(context.display, nodescription=True),
        overrides=overrides.inside(context.overrides, override),
        subcommand_depth=context.subcommand_depth + 1,
    )
    section = _section(program.prog, program.prog, body, context)
    legacy_ids = names.subcommand_ids(program)
    add_free_ids(section, legacy_ids, context)
    anchor = legacy_ids[0] if legacy_ids[0] in section["ids"] else section["ids"][0]
    _note_command(sub.parser, anchor, inner)
    section.extend(_whole_parser(sub.parser, inner))
    if inner.subcommand_depth < NESTED_SUBCOMMAND_LEVELS:
        return [section]
    deeper = _subcommands(sub.parser, inner)
    if deeper:
        add_free_ids(deeper[0], _chooser_group_ids(sub.parser, inner), inner)
    return [section, *deeper]


def _section(
    title: str, id_base: str, body: Sequence[nodes.Node], context: Context
) -> nodes.section:
    section = nodes.section("", nodes.title(title, title), *body)
    section["ids"].append(page_unique_id(context, id_base))
    context.document.note_implicit_target(section)
    return section


def _group_body(
    group: Group, context: Context, override: Override | None = None
) -> list[nodes.Node]:
    program = EntryProgram.of(context.program)
    about = f"description of {program.prog} group {group.title!r}"
    context = replace(context, overrides=overrides.inside(context.overrides, override))
    result = overrides.applied(override, parsed(group.description, about, program.std, context))
    hooks = context.hooks
    entries: list[nodes.Node] = []
    described: list[tuple[Option, addnodes.desc]] = []
    for option in group.options:
        option_override = overrides.for_option(context.overrides, option)
        if overrides.skips(option_override):
            continue
        nodes_of_option = entry(option, program, context, option_override)
        if hooks.option_rendered is not None:
            hooks.option_rendered(option, program.prog, nodes_of_option)
        desc = next((node for node in nodes_of_option if isinstance(node, addnodes.desc)), None)
        if desc is not None:
            described.append((option, desc))
        entries += nodes_of_option
    if context.display.summary and described:
        result.append(summary_table(described, context.display))
    result += entries
    if hooks.group_rendered is not None:
        hooks.group_rendered(group, program.prog, result)
    return result
