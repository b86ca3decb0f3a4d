"""An argument group on the page: its section (or a block under a rubric), its description,
its entries, the summary table above them, and the subcommand chooser where ``--help`` lists it.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import replace

from docutils import nodes
from sphinx import addnodes

from .. import overrides
from ..compat import names
from ..model import Chooser, Group, Option, Parser
from ..overrides import Override
from . import subcommands
from .context import Context
from .entry import EntryProgram, entry, parsed
from .ids import add_free_ids, group_label, mark_label, page_unique_id, titled_section
from .summary import summary_table


def group_sections(parser: Parser, context: Context, headings: bool = False) -> list[nodes.Node]:
    """A section per titled group (with *headings*, a block under a rubric); the entries of an
    untitled one go where ``--help`` puts them.

    ``--help`` lists an untitled group's entries under no heading, right after the group before
    it. A section needs a title, and nothing but sections may follow a section: so the entries
    join the end of the previous group's section, where a reader of ``--help`` sees them, or
    lead, ahead of every section, when no titled group comes before them.
    """
    leading: list[nodes.Node] = []
    sections: list[nodes.Element] = []
    for group in parser.groups:
        override = overrides.for_group(context.overrides, group)
        if not _lists_anything(group, context) or overrides.skips(override):
            continue
        if group.titled:
            sections.append(_group_section(group, parser, context, override, headings))
        elif sections:
            sections[-1].extend(_untitled_group(group, parser, context, override))
        else:
            leading += _untitled_group(group, parser, context, override)
    return [*leading, *sections]


def _lists_anything(group: Group, context: Context) -> bool:
    # A manual page lists the subcommands in a section of their own.
    return bool(group.options) or (group.chooser is not None and not context.display.manpage)


def _untitled_group(
    group: Group, parser: Parser, context: Context, override: Override | None
) -> list[nodes.Node]:
    """The group's body in a block of its own (as ``--help`` sets it apart), if it has one."""
    body = group_body(group, parser, context, override)
    return [nodes.container("", *body, classes=["argdoc-untitled-group"])] if body else []


def _group_section(
    group: Group, parser: Parser, context: Context, override: Override | None, heading: bool
) -> nodes.Element:
    prog = context.program.prog
    # sphinx-argparse numbered repeats of its ids in the order it made its sections.
    legacy = names.group_ids(group, context.program, context.id_prefix)
    legacy = names.renumbered(legacy, context.seen.legacy_ids) if names.had_section(group) else []
    body = group_body(group, parser, context, override)
    make = _headed_block if heading else titled_section
    section = make(group.title, f"{prog}-{group.title}", body, context)
    mark_label(section, group_label(prog, group.title), group.title, context)
    add_free_ids(section, legacy, context)
    return section


def _headed_block(
    title: str, id_base: str, body: Sequence[nodes.Node], context: Context
) -> nodes.container:
    """A group as a block under a rubric: a heading that no table of contents lists."""
    rubric = nodes.rubric(title, title)
    block = nodes.container("", rubric, *body, classes=["argdoc-group"])
    block["ids"].append(page_unique_id(context, id_base))
    context.document.note_implicit_target(block)
    return block


def group_body(
    group: Group, parser: Parser, context: Context, override: Override | None = None
) -> list[nodes.Node]:
    program = EntryProgram.of(context.program)
    about = f"description of {program.prog} group {group.title!r}"
    context = replace(context, overrides=overrides.inside(context.overrides, override))
    description = parsed(group.description, about, program.std, context, prose=True)
    result = overrides.applied(override, description)
    hooks = context.hooks
    entries: list[nodes.Node] = []
    described: list[tuple[Option, addnodes.desc]] = []
    for position, option in enumerate(group.options):
        if group.chooser is not None and position == group.chooser.position:
            entries += _chooser(group.chooser, parser, context)
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
    if group.chooser is not None and group.chooser.position >= len(group.options):
        entries += _chooser(group.chooser, parser, context)
    if context.display.summary and described:
        result.append(summary_table(described, context))
    result += entries
    if hooks.group_rendered is not None:
        hooks.group_rendered(group, program.prog, result)
    return result


def _chooser(chooser: Chooser, parser: Parser, context: Context) -> list[nodes.Node]:
    """Where ``--help`` lists the subcommand chooser: its help, then a table of the commands."""
    if context.display.manpage:
        return []
    override = overrides.for_chooser(context.overrides, chooser)
    if overrides.skips(override):
        return []
    about = f"help of {context.program.prog} {chooser.name}"
    result = overrides.applied(override, parsed(chooser.help, about, context.program.std, context))
    listing = subcommands.table(parser, context)
    return result + ([listing] if listing is not None else [])
