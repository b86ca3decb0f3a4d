"""Directives inside directives: help texts, descriptions and epilogs are read as reST or
Markdown, and the directive body as reST, so each can hold an ``argparse`` directive of its own.

A nested directive that renders part of what a directive around it is rendering would put that
part inside itself, and when the text holding it is in that part, do so again without end. It is
refused; a nested directive that renders another parser, or another group, renders as usual.
"""

from __future__ import annotations

import contextlib
from collections.abc import Iterator, Sequence
from dataclasses import dataclass

from .parts import Choice
from .problems import ArgdocError, Kind


@dataclass(frozen=True)
class Part:
    """What one directive renders: a parser, the subcommand it walks to, and which groups."""

    parser: object
    """What names the parser, compared by value: the locator, the same whether the model was
    loaded in this process or read from the model cache. A parser two locators give is met
    once more under the second one's name, and refused there."""
    path: tuple[str, ...]
    """The subcommands walked to, by their own names (``:path:`` may give an alias)."""
    choice: Choice
    subcommands: bool
    """Whether the subcommands below ``path`` are rendered too."""
    prog: str
    """The program at ``path``, for messages."""

    def __str__(self) -> str:
        return self.choice.of(self.prog)


def overlaps(outer: Part, inner: Part) -> bool:
    """Whether rendering *inner* renders something that rendering *outer* renders too."""
    if outer.parser != inner.parser:
        return False
    if outer.path == inner.path:
        chosen = (outer.choice.spaced_group, outer.choice.ungrouped)
        same = chosen == (inner.choice.spaced_group, inner.choice.ungrouped)
        return outer.choice.whole or inner.choice.whole or same
    if inner.path[: len(outer.path)] == outer.path:
        return outer.subcommands
    if outer.path[: len(inner.path)] == inner.path:
        return inner.subcommands
    return False


class RendersItself(ArgdocError):
    """A directive would render a part of what a directive around it is rendering."""

    kind = Kind.RECURSION


def check(stack: Sequence[Part], part: Part) -> None:
    """Raise ``RendersItself`` when a part on *stack*, the parts being rendered around a
    directive, renders something that the directive's *part* renders too."""
    around = next((each for each in stack if overlaps(each, part)), None)
    if around is not None:
        raise RendersItself(
            f"this argparse directive renders {part}, which an argparse directive it is nested "
            f"in is rendering already ({around}); rendered inside itself it could repeat "
            "without end, so it renders nothing"
        )


@contextlib.contextmanager
def rendering(stack: list[Part], part: Part) -> Iterator[None]:
    """*part* on *stack* while its directive renders."""
    stack.append(part)
    try:
        yield
    finally:
        stack.pop()
