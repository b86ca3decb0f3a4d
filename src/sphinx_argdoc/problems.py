"""What can go wrong, as values: the kinds of warning, a problem, and the error that carries one.

Stages return problems instead of logging them; the directive, and the build-wide checks, issue
them through Sphinx's logger as ``type="argdoc"`` with the kind as subtype, so
``suppress_warnings = ["argdoc.KIND"]`` silences one kind.
"""

from __future__ import annotations

import enum
from dataclasses import dataclass

from sphinx.util import logging

_logger = logging.getLogger(__name__)


class Kind(enum.Enum):
    """Each kind of message, by the subtype that ``suppress_warnings`` names."""

    DIRECTIVE = "directive"
    """A mistake in the directive or in the CLI code it names: nothing is rendered."""
    RECURSION = "recursion"
    """A directive nested in text that would render part of what encloses it."""
    EMPTY = "empty"
    """A ``:group:`` or ``:nogroup:`` block whose every option is hidden."""
    HELP = "help"
    """A help string whose ``%``-formats cannot be expanded."""
    OVERRIDE = "override"
    """A body item that is malformed or names nothing."""
    PROG = "prog"
    """A parser without a ``prog`` of its own, documented without ``:prog:``."""
    MARKUP = "markup"
    """A problem in help text, a description or an epilog, read as reST or Markdown."""
    COVERAGE = "coverage"
    """A group or ungrouped options of a parser rendered in parts that no block renders."""
    COMMANDS = "commands"
    """A commands index that would overwrite a document (sphinx-argparse's settings)."""
    ENVVAR = "envvar"
    """An ``argdoc_envvars`` setting, or a function it names, that gives no variable name."""
    EXAMPLE = "example"
    """A console example that gives a documented program an option it does not have."""


class Level(enum.Enum):
    INFO = "INFO"
    WARNING = "WARNING"
    ERROR = "ERROR"


@dataclass(frozen=True)
class Problem:
    """One message for the build log, at the directive it belongs to."""

    kind: Kind | None
    """``None`` for an information line, which no ``suppress_warnings`` entry names."""
    message: str
    level: Level = Level.WARNING


class ArgdocError(Exception):
    """A problem in the user's directive or CLI code, reported at the directive's location."""

    kind = Kind.DIRECTIVE

    @property
    def problem(self) -> Problem:
        return Problem(self.kind, str(self), Level.ERROR)


def counted(number: int, noun: str) -> str:
    """``1 option``, ``3 options``: a count as messages say it."""
    return f"{number} {noun}" if number == 1 else f"{number} {noun}s"


def report(problem: Problem, location: object = None) -> None:
    """Log *problem* at *location* (a ``path:line`` text or a node; ``None`` for conf.py), typed
    ``argdoc`` with its kind as subtype."""
    kind = {} if problem.kind is None else {"type": "argdoc", "subtype": problem.kind.value}
    _logger.log(problem.level.value, problem.message, location=location, **kind)
