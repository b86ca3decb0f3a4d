"""What rendering needs besides the model, and what it hands back besides nodes."""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from typing import Protocol

from docutils import nodes

from ..model import Group, Option
from ..overrides import Override
from ..parts import Program


class ParseText(Protocol):
    """Parses user text: *about* says what the text documents, for messages, and *program*
    names the std-domain program it belongs to, whose options ``:option:`` links find.
    *prose* is true for a description or an epilog, false for a help string."""

    def __call__(
        self, text: str, about: str, program: str, *, prose: bool = False
    ) -> list[nodes.Node]: ...


#: Called with an option, its program and its nodes (index entry and description), which the
#: callee may change in place before they are placed on the page.
OptionHook = Callable[[Option, str, list[nodes.Node]], None]
#: Called with a group, its program and the nodes of its body, which the callee may change.
GroupHook = Callable[[Group, str, list[nodes.Node]], None]
#: Gives the environment variable an option of a program (its prog) reads, or ``None``.
EnvVar = Callable[[str, Option], "str | None"]


@dataclass(frozen=True)
class Display:
    """The switches that change what a rendering shows, as the directive's options set them."""

    nodefault: bool = False
    nodefaultconst: bool = False
    index: bool = True
    """Whether entries, sections and targets are registered for cross-references and the index."""
    summary: bool = False
    nosubcommands: bool = False
    noepilog: bool = False
    nodescription: bool = False
    manpage: bool = False
    usage_only: bool = False
    """Show the program's usage alone, for a page that renders its groups one by one."""
    full_subcommand_names: bool = False
    """Title subcommand sections with the whole command (``vcs remote``), not the name alone."""


@dataclass(frozen=True)
class Hooks:
    """The ``conf.py`` handlers of the extension's events; ``None`` where none listens."""

    option_rendered: OptionHook | None = None
    group_rendered: GroupHook | None = None


@dataclass(frozen=True)
class Command:
    """A command a rendering shows with a target of its own, for sphinx-argparse's indices."""

    name: str
    """As sphinx-argparse named it: ``vcs checkout (co)``."""
    description: str
    anchor: str


@dataclass
class Seen:
    """What a rendering met on its way, besides its nodes."""

    commands: list[Command] = field(default_factory=list)
    programs: list[str] = field(default_factory=list)
    """The programs rendered whole: the parser's, and its subcommands' that are shown."""
    sections: dict[str, str] = field(default_factory=dict)
    """The id of each subcommand's section, by its program, for the subcommand tables' links."""
    legacy_ids: set[str] = field(default_factory=set)
    """sphinx-argparse's section ids given so far by this rendering, to number repeats as it
    did."""


@dataclass(frozen=True)
class Context:
    """The page being written, a text parser, the program at hand and the display switches."""

    document: nodes.document
    parse_text: ParseText
    program: Program
    display: Display = Display()
    hooks: Hooks = Hooks()
    ids_on_page: set[str] = field(default_factory=set)
    """Ids given on this page so far, by every directive on it: MyST parses each ``eval-rst``
    block as a document of its own, whose ``ids`` do not show the other blocks' ids."""
    body: tuple[nodes.Node, ...] = ()
    """The directive body's free content, shown before the generated text."""
    overrides: tuple[Override, ...] = ()
    id_prefix: str = ""
    """sphinx-argparse's prefix for the ids of the groups' sections (``{module}-{func}`` for the
    parser a directive names, empty inside subcommands)."""
    index_groups: tuple[str, ...] = ()
    env_var: EnvVar | None = None
    help_line: str = ""
    """The one-line help of the subcommand rendered (``:path:``), for a manual page's
    description when the subcommand has none."""
    default_values: Mapping[str, str] = field(default_factory=dict)
    """``argdoc_default_values``: what a default printed as each key shows instead."""
    subcommand_depth: int = 0
    """How many subcommand sections the parser being rendered is inside."""
    seen: Seen = field(default_factory=Seen)


@dataclass(frozen=True)
class Rendered:
    """A rendering: its nodes, and what it met on the way."""

    nodes: list[nodes.Node]
    commands: tuple[Command, ...]
    programs: tuple[str, ...]
