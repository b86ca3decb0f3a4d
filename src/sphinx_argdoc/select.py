"""Stage 3: choose which groups of a parser model a directive renders."""

from __future__ import annotations

import difflib
from collections.abc import Mapping, Sequence
from dataclasses import dataclass

from .model import Group, Option, Parser, Subcommand
from .problems import ArgdocError


@dataclass(frozen=True)
class Selection:
    """The groups to render and how: ``whole`` adds usage, description, sections and epilog."""

    groups: tuple[Group, ...]
    whole: bool


@dataclass(frozen=True)
class Outline:
    """What ``:group:`` and ``:nogroup:`` pick from in a parser, worked out once per parser.

    A page in the seed's shape has a directive per group of one parser: were each directive to
    scan the whole parser, the page's cost would grow with the square of its size.
    """

    custom_groups: Mapping[str, tuple[Group, ...]]
    """The custom groups by title, spaced as a page writes it (one title can repeat)."""
    visible_group_titles: tuple[str, ...]
    """Titles of the argument groups that have something to document, in order."""
    ungrouped_names: tuple[str, ...]
    """A name (the first long one) of each visible option that only ``:nogroup:`` renders."""


def outline(parser: Parser) -> Outline:
    custom_groups: dict[str, tuple[Group, ...]] = {}
    for group in parser.groups:
        if group.is_custom:
            spaced = spaced_title(group.title)
            custom_groups[spaced] = (*custom_groups.get(spaced, ()), group)
    return Outline(
        custom_groups=custom_groups,
        visible_group_titles=tuple(title for title, size in group_sizes(parser) if size),
        ungrouped_names=tuple(
            _long_name(option)
            for group in parser.groups
            if not group.is_custom
            for option in group.options
        ),
    )


def select(
    parser: Parser, group: str | None, nogroup: bool, known: Outline | None = None
) -> Selection:
    """Return the part of *parser* that ``:group:`` / ``:nogroup:`` ask for.

    *known* is the parser's outline, when the caller keeps it for the parser's next directive.
    """
    if group is not None:
        return Selection(_custom_groups_titled(parser, group, known), whole=False)
    if nogroup:
        return Selection(tuple(g for g in parser.groups if not g.is_custom), whole=False)
    return Selection(parser.groups, whole=True)


def _custom_groups_titled(parser: Parser, title: str, known: Outline | None) -> tuple[Group, ...]:
    matches = (known or outline(parser)).custom_groups.get(spaced_title(title))
    if matches:
        return matches
    raise _not_found("argument group", title, parser.custom_group_titles, parser.prog)


def spaced_title(title: str) -> str:
    # A page cannot write a title's line breaks or padding, and a heading does not show them.
    return " ".join(title.split())


def is_empty(selection: Selection) -> bool:
    """Whether nothing in the selection would be documented."""
    return not any(group.options for group in selection.groups)


def navigate(parser: Parser, path: tuple[str, ...]) -> Parser:
    """The subcommand that ``:path:`` names (by name or alias), or *parser* for an empty path."""
    walked = walk(parser, path)
    return walked[-1].parser if walked else parser


def walk(parser: Parser, path: tuple[str, ...]) -> tuple[Subcommand, ...]:
    """The subcommands that ``:path:`` passes through, in order."""
    walked: list[Subcommand] = []
    current = parser
    for step in path:
        walked.append(_subcommand_named(current, step))
        current = walked[-1].parser
    return tuple(walked)


def _subcommand_named(parser: Parser, name: str) -> Subcommand:
    for sub in parser.subcommands:
        if name == sub.name or name in sub.aliases:
            return sub
    raise _not_found("subcommand", name, [sub.name for sub in parser.subcommands], parser.prog)


def _not_found(kind: str, wanted: str, available: Sequence[str], prog: str) -> ArgdocError:
    """The error for a name that is not there: what there is, and the closest one."""
    if not available:
        return ArgdocError(f"no {kind} {wanted!r}: {prog} has no {kind}s")
    closest = difflib.get_close_matches(wanted, available, n=1)
    hint = f" Did you mean {closest[0]!r}?" if closest else ""
    listed = ", ".join(repr(name) for name in available)
    return ArgdocError(f"no {kind} {wanted!r} in {prog}; it has {listed}.{hint}")


def group_sizes(parser: Parser) -> tuple[tuple[str, int], ...]:
    """Each argument group title once, in order, with how many options ``:group:`` renders."""
    sizes: dict[str, int] = {}
    for group in parser.groups:
        if group.is_custom:
            sizes[group.title] = sizes.get(group.title, 0) + len(group.options)
    return tuple(sizes.items())


def _long_name(option: Option) -> str:
    return next((name for name in option.names if name.startswith("--")), option.names[0])
