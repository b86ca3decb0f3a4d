"""Stage 3: choose which groups of a parser model a directive renders."""

from __future__ import annotations

import difflib
from dataclasses import dataclass

from .errors import ArgdocError
from .model import Group, Parser


@dataclass(frozen=True)
class Selection:
    """The groups to render and how: ``whole`` adds usage, description, sections and epilog."""

    groups: tuple[Group, ...]
    whole: bool


def select(parser: Parser, group: str | None, nogroup: bool) -> Selection:
    """Return the part of *parser* that ``:group:`` / ``:nogroup:`` ask for."""
    if group is not None:
        return Selection(_custom_groups_titled(parser, group), whole=False)
    if nogroup:
        return Selection(tuple(g for g in parser.groups if not g.is_custom), whole=False)
    return Selection(parser.groups, whole=True)


def _custom_groups_titled(parser: Parser, title: str) -> tuple[Group, ...]:
    wanted = _spaced(title)
    matches = tuple(g for g in parser.groups if g.is_custom and _spaced(g.title) == wanted)
    if matches:
        return matches
    titles = parser.custom_group_titles
    if not titles:
        raise ArgdocError(f"no argument group {title!r}: {parser.prog} has no argument groups")
    closest = difflib.get_close_matches(title, titles, n=1)
    hint = f" Did you mean {closest[0]!r}?" if closest else ""
    listed = ", ".join(repr(t) for t in titles)
    raise ArgdocError(f"no argument group {title!r} in {parser.prog}; it has {listed}.{hint}")


def _spaced(title: str) -> str:
    # A page cannot write a title's line breaks or padding, and a heading does not show them.
    return " ".join(title.split())


def is_empty(selection: Selection) -> bool:
    """Whether nothing in the selection would be documented."""
    return not any(group.options for group in selection.groups)
