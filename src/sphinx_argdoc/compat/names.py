"""The names and ids sphinx-argparse gave commands and sections, and the titles it showed.

Pages and other sites link to these ids, and body overrides name groups by these titles: each
rendering keeps them next to its own.
"""

from __future__ import annotations

from collections.abc import Iterable

from ..model import Chooser, Group
from ..parts import Program
from .private import sphinx_id

#: The ids of the sections of its manual-page layout.
MANPAGE_IDS = {
    "synopsis": "synopsis-section",
    "description": "description-section",
    "options": "options-section",
    "subcommands": "subcommands-section",
}
#: The id of the section that held the subcommands of a command.
SUBCOMMANDS_ID = "Sub-commands"

# argparse's default group titles, and the titles sphinx-argparse showed instead.
_TITLES = {
    "options": "Named Arguments",
    "optional arguments": "Named Arguments",
    "positional arguments": "Positional Arguments",
}


def group_title(group: Group) -> str:
    """The title sphinx-argparse showed for *group*."""
    if group.is_custom:
        return group.title
    return _TITLES.get(group.title.casefold(), group.title)


def command_name(program: Program) -> str:
    """The command as sphinx-argparse named it in ids and its index: ``vcs commit (ci)``."""
    named = [program.root]
    for word in program.words:
        aliases = f" ({', '.join(word.aliases)})" if word.aliases else ""
        named.append(f"{word.name}{aliases}")
    return " ".join(named)


def command_id(program: Program) -> str:
    """The id of the command's target or section: its name made an id."""
    return sphinx_id(command_name(program))


def subcommand_ids(program: Program) -> list[str]:
    """The ids of a subcommand's section: its command made an id, and its name as the section
    was titled (aliases in parentheses, spaces and all)."""
    word = program.words[-1]
    aliases = f" ({', '.join(word.aliases)})" if word.aliases else ""
    return [command_id(program), f"{word.name}{aliases}"]


def subcommands_ids(program: Program) -> list[str]:
    """The ids of the section holding *program*'s subcommands: its target's and its own."""
    return [sphinx_id(f"{command_name(program)}-sub-commands"), SUBCOMMANDS_ID]


def id_prefix(module: str, func: str) -> str:
    """The prefix of the ids of the top groups' sections: ``{module}-{func}``, or ``{func}``.

    Inside subcommands the prefix was empty: their groups' sections had ids like ``-options``.
    """
    return f"{module}-{func}" if module else func


def group_ids(group: Group, program: Program, prefix: str) -> list[str]:
    """The ids sphinx-argparse gave *group*'s section: from the command, and from *prefix*."""
    # It built them from the lowercased, dashed title it showed.
    title = group_title(group).replace(" ", "-").lower()
    return [sphinx_id(f"{command_name(program)}-{title}"), f"{prefix}-{title}"]


def had_section(group: Group) -> bool:
    """Whether sphinx-argparse gave *group* a section: it listed an option of it, or the
    subcommand chooser, which it listed only when the parser stores or names the choice."""
    return bool(group.options) or (group.chooser is not None and _listed(group.chooser))


def _listed(chooser: Chooser) -> bool:
    return bool(chooser.dest) or not chooser.name.startswith("{")


def renumbered(ids: Iterable[str], taken: set[str]) -> list[str]:
    """*ids* as one sphinx-argparse directive made them unique: a repeat of an id it had given
    already became ``ID_repeat1``, ``ID_repeat2``..."""
    result = []
    for each in ids:
        unique, number = each, 0
        while unique in taken:
            number += 1
            unique = f"{each}_repeat{number}"
        taken.add(unique)
        result.append(unique)
    return result
