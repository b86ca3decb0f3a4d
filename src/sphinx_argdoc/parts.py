"""The two things every stage talks about: a program, and the part of it a directive renders.

A program is the top parser's name and the subcommands walked from it, each with its aliases:
its ``prog``, the name the std domain stores and every other spelling through aliases all follow
from that, in one place. A choice of part is the whole program, one titled argument group, or the
options in no group, and has one wording for messages.
"""

from __future__ import annotations

import itertools
import re
from dataclasses import dataclass

from .model import Parser, Subcommand


@dataclass(frozen=True)
class Word:
    """One subcommand on the way to a program: the name it has, and the aliases it answers to."""

    name: str
    aliases: tuple[str, ...] = ()

    @property
    def names(self) -> tuple[str, ...]:
        return (self.name, *self.aliases)


@dataclass(frozen=True)
class Program:
    """A program as the documentation names it: the top ``prog``, then subcommand words."""

    root: str
    words: tuple[Word, ...] = ()

    @property
    def prog(self) -> str:
        """As usage shows it: ``vcs remote add``."""
        return " ".join((self.root, *(word.name for word in self.words)))

    @property
    def std(self) -> str:
        """The name the std domain stores options under (``.. program::`` does the same)."""
        return std_name(self.prog)

    @property
    def spellings(self) -> tuple[str, ...]:
        """Every other way to write the program through aliases: ``vcs r add``, ``vcs r a``..."""
        every = itertools.product((self.root,), *(word.names for word in self.words))
        return tuple(spelled for spelled in map(" ".join, every) if spelled != self.prog)

    @property
    def std_spellings(self) -> tuple[str, ...]:
        return tuple(std_name(spelled) for spelled in self.spellings)

    def child(self, sub: Subcommand) -> Program:
        """The program of subcommand *sub* of this one."""
        return Program(self.root, (*self.words, Word(sub.name, sub.aliases)))


def std_name(prog: str) -> str:
    """*prog* as the std domain stores a program: runs of white space become one ``-``."""
    return re.sub(r"\s+", "-", prog.strip())


@dataclass(frozen=True)
class Choice:
    """The part of a program a directive renders: whole, one titled group, or the ungrouped."""

    group: str | None = None
    """The ``:group:`` title as the page gives it."""
    ungrouped: bool = False
    """``:nogroup:``: the options in no custom argument group."""

    @property
    def whole(self) -> bool:
        return self.group is None and not self.ungrouped

    @property
    def spaced_group(self) -> str | None:
        """The title as a heading shows it, white space folded (how titles are matched)."""
        return None if self.group is None else spaced_title(self.group)

    def __str__(self) -> str:
        """The part, as every message names it."""
        if self.group is not None:
            return f"argument group {self.group!r}"
        if self.ungrouped:
            return ":nogroup: (the options in no argument group)"
        return "the whole parser"

    def of(self, prog: str) -> str:
        """The part of program *prog*, as messages name it: the program alone when whole."""
        return prog if self.whole else f"{self} of {prog}"


def spaced_title(title: str) -> str:
    # A page cannot write a title's line breaks or padding, and a heading does not show them.
    return " ".join(title.split())


@dataclass(frozen=True)
class Scope:
    """Where ``:path:`` leads: the top parser, the subcommands walked, and the program there."""

    root: Parser
    walked: tuple[Subcommand, ...]
    program: Program

    @property
    def parser(self) -> Parser:
        return self.walked[-1].parser if self.walked else self.root
