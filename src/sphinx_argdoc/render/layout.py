"""Stage 4: lay the selected part of a parser model out as docutils nodes.

Nodes are built directly; only user-written text (help, descriptions, epilogs) goes through a
parser, given as ``parse_text``. Option entries are std-domain ``option`` objects, so Sphinx's
HTML, LaTeX, text, man and epub writers and the ``:option:`` role treat them as their own.
"""

from __future__ import annotations

from dataclasses import replace

from docutils import nodes
from sphinx import addnodes
from sphinx.locale import _

from .. import overrides
from ..compat import names
from ..model import USAGE_PREFIX, Parser, Subcommand
from ..overrides import Override
from ..select import Selection
from . import subcommands
from .context import Command, Context, Rendered
from .entry import literals, parsed
from .groups import group_body, group_sections
from .ids import (
    add_free_ids,
    group_label,
    id_is_free,
    label_target,
    page_unique_id,
    program_label,
    titled_section,
)
from .prose import prose
from .usage import usage_block

#: Subcommand sections nest this deep, each in a "Sub-commands" section of its parent's; deeper
#: ones follow their parent's section, titled with the whole command. Writers have a fixed
#: number of heading levels (text: 7, LaTeX: 7 from part to subparagraph).
NESTED_SUBCOMMAND_LEVELS = 2


def render(parser: Parser, selection: Selection, context: Context) -> Rendered:
    """Nodes for *selection* of *parser* (the program ``context.program``): the whole parser,
    or the bodies of some groups; with the commands and programs they show."""
    result = _command_target(parser, context, selection.whole)
    if selection.whole and context.display.usage_only:
        result += [label_target(program_label(parser.prog), parser.prog, context)]
        result.append(usage_block(parser, context.program.std))
    elif selection.whole and context.display.manpage:
        result += _manpage(parser, context)
    else:
        result += context.body
        if selection.whole:
            result += _whole_parser(parser, context)
        else:
            result += _selected_groups(parser, selection, context)
    seen = context.seen
    subcommands.link(result, seen.sections)
    return Rendered(result, tuple(seen.commands), tuple(seen.programs))


def _selected_groups(parser: Parser, selection: Selection, context: Context) -> list[nodes.Node]:
    rubrics = sum(1 for group in selection.groups if group.options) > 1 and not any(
        group.is_custom for group in selection.groups
    )
    result: list[nodes.Node] = []
    for group in selection.groups:
        if not (group.options or group.chooser or group.description):
            continue
        override = overrides.for_group(context.overrides, group)
        if overrides.skips(override):
            continue
        # An untitled group's entries follow the group before them, as in --help.
        if group.options and group.titled:
            if rubrics:
                result.append(nodes.rubric(group.title, group.title))
            result.append(label_target(group_label(parser.prog, group.title), group.title, context))
        result += group_body(group, parser, context, override)
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
    prog, display = parser.prog, context.display
    context.seen.programs.append(prog)
    synopsis = titled_section(_("Synopsis"), f"{prog}-synopsis", [_synopsis(parser.usage)], context)
    result: list[nodes.Node] = [label_target(program_label(prog), prog, context), synopsis]
    add_free_ids(synopsis, [names.MANPAGE_IDS["synopsis"]], context)
    # The body goes where a manual page's reader looks for prose: into its description, after
    # what the parser says of itself (its description, or else its one-line help).
    description: list[nodes.Node] = []
    if not display.nodescription:
        about = "description" if parser.description else "help"
        text = parser.description or context.help_line
        description += prose(parser, text, f"{about} of {prog}", context)
    description += context.body
    if not display.noepilog:
        description += prose(parser, parser.epilog, f"epilog of {prog}", context)
    sections = [
        (_("Description"), f"{prog}-description", "description", description),
        (_("Options"), f"{prog}-options-section", "options", group_sections(parser, context)),
    ]
    if parser.subcommands and not display.nosubcommands:
        listed: list[nodes.Node] = [subcommands.manpage_list(parser, context)]
        sections.append((_("Sub-commands"), f"{prog}-sub-commands", "subcommands", listed))
    for title, id_base, legacy, body in sections:
        if body:
            section = titled_section(title, id_base, body, context)
            add_free_ids(section, [names.MANPAGE_IDS[legacy]], context)
            result.append(section)
    return result


def _whole_parser(parser: Parser, context: Context) -> list[nodes.Node]:
    prog, display = parser.prog, context.display
    context.seen.programs.append(prog)
    result: list[nodes.Node] = [
        label_target(program_label(prog), prog, context),
        usage_block(parser, context.program.std),
    ]
    if not display.nodescription:
        result += prose(parser, parser.description, f"description of {prog}", context)
    shown = _shown_subcommands(parser, context)
    # Under subcommands a page's contents list the commands: their groups are headings that
    # stay out of them (and out of autosectionlabel's labels).
    result += group_sections(parser, context, headings=bool(shown) or context.subcommand_depth > 0)
    # The epilog is the parser's own: ahead of its subcommands, not read as the last one's.
    if not display.noepilog:
        result += prose(parser, parser.epilog, f"epilog of {prog}", context)
    if context.subcommand_depth < NESTED_SUBCOMMAND_LEVELS:
        result += _subcommands(parser, shown, context)
    return result


def _shown_subcommands(
    parser: Parser, context: Context
) -> list[tuple[Subcommand, Override | None]]:
    if context.display.nosubcommands:
        return []
    return overrides.unskipped(context.overrides, parser.subcommands)


def _subcommands(
    parser: Parser, shown: list[tuple[Subcommand, Override | None]], context: Context
) -> list[nodes.Node]:
    """*parser*'s subcommand sections under a "Sub-commands" rubric; past the nesting limit,
    the sections alone, to follow their parent's section."""
    if not shown:
        return []
    legacy = names.renumbered(names.subcommands_ids(context.program), context.seen.legacy_ids)
    # Switches about the top parser's own text, and its id prefix, stop at its subcommands.
    display = replace(context.display, nodescription=False, noepilog=False)
    inner = replace(context, display=display, id_prefix="")
    sections: list[nodes.Node] = []
    for sub, override in shown:
        sections += _subcommand(sub, inner, override)
    if context.subcommand_depth >= NESTED_SUBCOMMAND_LEVELS:
        assert isinstance(sections[0], nodes.section)
        add_free_ids(sections[0], legacy, context)
        return sections
    # A rubric, not a section: each page's contents list the commands, and autosectionlabel
    # finds no "Sub-commands" on every page and in every command.
    heading = nodes.rubric(_("Sub-commands"), _("Sub-commands"), classes=["argdoc-sub-commands"])
    heading["ids"].append(page_unique_id(context, f"{context.program.prog} sub-commands"))
    context.document.note_implicit_target(heading)
    add_free_ids(heading, legacy, context)
    return [heading, *sections]


def _synopsis(usage: str) -> nodes.literal_block:
    """The usage as a manual page's synopsis shows it: wrapped lines lined up under the first,
    without the ``usage:`` that the model's indent makes room for."""
    lines = usage.split("\n")
    width = len(USAGE_PREFIX)
    shifted = [line[width:] if line[:width].isspace() else line for line in lines[1:]]
    text = "\n".join([lines[0], *shifted])
    block = nodes.literal_block(text, text, classes=["argdoc-usage"])
    block["language"] = "text"
    return block


def _subcommand(sub: Subcommand, context: Context, override: Override | None) -> list[nodes.Node]:
    """*sub*'s section, and past the nesting limit the sections of its subcommands after it."""
    program = context.program.child(sub)
    legacy = names.renumbered(names.subcommand_ids(program), context.seen.legacy_ids)
    body: list[nodes.Node] = []
    if sub.aliases:
        body.append(
            nodes.paragraph(
                "", "", nodes.emphasis("", _("Aliases:")), nodes.Text(" "), *literals(sub.aliases)
            )
        )
    # The parser's description says more than the one-line help; show the help only without it.
    if sub.parser.description:
        about = f"description of {program.prog}"
        shown = prose(sub.parser, sub.parser.description, about, replace(context, program=program))
    else:
        shown = parsed(sub.help, f"help of {program.prog}", program.std, context)
    body += overrides.applied(override, shown)
    depth = context.subcommand_depth + 1
    inner = replace(
        context,
        program=program,
        display=replace(context.display, nodescription=True),
        overrides=overrides.inside(context.overrides, override),
        subcommand_depth=depth,
    )
    # Past the nesting limit sections follow their parent's: only the whole command says which.
    whole_name = context.display.full_subcommand_names or depth > NESTED_SUBCOMMAND_LEVELS
    title = program.prog if whole_name else sub.name
    section = titled_section(title, program.prog, body, context)
    add_free_ids(section, legacy, context)
    context.seen.sections[program.prog] = section["ids"][0]
    anchor = legacy[0] if legacy[0] in section["ids"] else section["ids"][0]
    _note_command(sub.parser, anchor, inner)
    section.extend(_whole_parser(sub.parser, inner))
    if depth < NESTED_SUBCOMMAND_LEVELS:
        return [section]
    return [section, *_subcommands(sub.parser, _shown_subcommands(sub.parser, inner), inner)]
