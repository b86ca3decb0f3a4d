"""The model: a parser as plain, frozen, typed data, knowing nothing of argparse or docutils.

``conf.py`` event handlers get these objects; ``introspect.build`` makes them from a parser.
"""

from __future__ import annotations

from dataclasses import dataclass, field

#: What ``--help`` prints before the usage; a model's usage is what follows it.
USAGE_PREFIX = "usage: "


@dataclass(frozen=True)
class Option:
    """One visible argument as ``--help`` describes it."""

    names: tuple[str, ...]
    """Option strings (``-v``, ``--verbose``); for a positional, the name ``--help`` shows."""
    signature: tuple[tuple[str, str], ...]
    """``(name, args)`` pairs in the order and form that ``--help`` prints them."""
    help: str
    """Help with argparse's ``%``-formats expanded; empty when there is none."""
    help_mentions_default: bool
    help_mentions_choices: bool
    choices: tuple[str, ...]
    default: str | None
    """The default as text, or ``None`` when there is nothing worth showing."""
    is_flag: bool
    """Takes no value and stores a constant (store_const/true/false, BooleanOptionalAction)."""
    required: bool
    positional: bool
    deprecated: bool
    exclusive_with: tuple[str, ...]
    help_error: str | None = None
    """Why the help's ``%``-formats could not be expanded (the raw help is kept)."""
    dest: str = ""
    """A positional's ``dest``, which ``names`` lacks when choices name it (``{a,b}``)."""
    env_var: str | None = None
    """The environment variable the action names itself (configargparse's ``env_var``)."""
    type_name: str | None = None
    """The name of the action's ``type`` (``int``, ``pathlib.Path``); ``None`` without one, or
    for a callable without a name of its own (a lambda, a partial)."""


@dataclass(frozen=True)
class Chooser:
    """The argument that chooses a subcommand (``add_subparsers``), as ``--help`` lists it."""

    name: str
    """As ``--help`` shows it: the metavar, or the choices (``{build,serve}``)."""
    dest: str
    """Where the choice is stored; empty when the parser does not keep it."""
    help: str
    position: int
    """How many of its group's options ``--help`` lists before it."""


@dataclass(frozen=True)
class Group:
    """One argument group: argparse's two default ones or one made by ``add_argument_group``."""

    title: str
    description: str
    options: tuple[Option, ...]
    is_custom: bool
    chooser: Chooser | None = None
    """The subcommand chooser, when this group lists it (it is not among ``options``)."""

    @property
    def titled(self) -> bool:
        """Whether ``--help`` gives the group a heading (a title that is more than blanks)."""
        return bool(self.title.strip())


@dataclass(frozen=True)
class Subcommand:
    """A subparser with the names it answers to."""

    name: str
    aliases: tuple[str, ...]
    help: str
    parser: Parser


@dataclass(frozen=True)
class Parser:
    """A whole parser, with ``prog`` as the documentation names it."""

    prog: str
    usage: str
    description: str
    epilog: str
    groups: tuple[Group, ...]
    subcommands: tuple[Subcommand, ...] = field(default=())
    raw_description: bool = False
    """The formatter prints the description and epilog as written (``RawDescriptionHelpFormatter``
    and its subclasses): their line breaks are meant."""

    @property
    def custom_group_titles(self) -> tuple[str, ...]:
        return tuple(group.title for group in self.groups if group.is_custom)
