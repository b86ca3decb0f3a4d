"""The names and ids sphinx-argparse gave commands and sections, and the titles it showed.

Pages and other sites link to these ids, and body overrides name groups by these titles: each
rendering keeps them next to its own.
"""

from __future__ import annotations

from ..model import Group
from ..parts import Program
from .private import sphinx_id

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
    """The ids of a subcommand's section: its name made an id, and its bare name without
    aliases (with aliases that id had spaces, so not that one)."""
    word = program.words[-1]
    return [command_id(program), *([] if word.aliases else [word.name])]


def id_prefix(module: str, func: str) -> str:
    """The prefix of the ids of the top groups' sections: ``{module}-{func}``, or ``{func}``."""
    return f"{module}-{func}" if module else func


def group_ids(group: Group, program: Program, prefix: str | None) -> list[str]:
    """The ids sphinx-argparse gave *group*'s section: from the command and, for the parser a
    directive names, from *prefix*."""
    # It built them from the lowercased, dashed title it showed.
    title = group_title(group).replace(" ", "-").lower()
    ids = [sphinx_id(f"{command_name(program)}-{title}")]
    if prefix is not None:
        ids.append(f"{prefix}-{title}")
    return ids
