"""Stage 3: choose what a directive renders: the subcommand ``:path:`` leads to, and which of
its groups."""

from __future__ import annotations

import difflib
from collections.abc import Mapping, Sequence
from dataclasses import dataclass

from .model import Group, Option, Parser, Subcommand
from .parts import Choice, Program, Scope, Word, spaced_title
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


def select(parser: Parser, choice: Choice, known: Outline | None = None) -> Selection:
    """Return the part of *parser* that *choice* names.

    *known* is the parser's outline, when the caller keeps it for the parser's next directive.
    """
    if choice.group is not None:
        return Selection(_custom_groups_titled(parser, choice.group, known), whole=False)
    if choice.ungrouped:
        return Selection(tuple(g for g in parser.groups if not g.is_custom), whole=False)
    return Selection(parser.groups, whole=True)


def _custom_groups_titled(parser: Parser, title: str, known: Outline | None) -> tuple[Group, ...]:
    matches = (known or outline(parser)).custom_groups.get(spaced_title(title))
    if matches:
        return matches
    raise _not_found("argument group", title, parser.custom_group_titles, parser.prog)


def is_empty(selection: Selection) -> bool:
    """Whether nothing in the selection would be documented."""
    return not any(group.options for group in selection.groups)


def scope(root: Parser, path: tuple[str, ...]) -> Scope:
    """Where ``:path:`` (subcommand names or aliases) leads from *root*, walked once."""
    walked: list[Subcommand] = []
    current = root
    for step in path:
        walked.append(_subcommand_named(current, step))
        current = walked[-1].parser
    words = tuple(Word(sub.name, sub.aliases) for sub in walked)
    return Scope(root, tuple(walked), Program(root.prog, words))


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
