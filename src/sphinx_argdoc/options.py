"""Stage 0: the directive's options, checked and turned into one frozen value."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any, ClassVar

from docutils.parsers.rst import directives

from .errors import ArgdocError
from .helptext import FORMATS
from .load import Locator


@dataclass(frozen=True)
class DirectiveOptions:
    """Everything one ``argparse`` directive asked for."""

    locator: Locator
    prog: str | None
    group: str | None
    nogroup: bool
    nodefault: bool
    nodefaultconst: bool
    index: bool = True
    """False for ``:no-index:``: no std-domain objects, labels or index entries."""
    summary: bool = False
    """``:summary:``: a table of the options above each group's entries."""
    help_format: str | None = None
    """How help text is read (one of ``helptext.FORMATS``); ``None``: as conf.py says."""
    markdown_body: bool = False

    spec: ClassVar[dict[str, Any]] = {
        "module": directives.unchanged_required,
        "func": directives.unchanged_required,
        "prog": directives.unchanged_required,
        "group": directives.unchanged_required,
        "nogroup": directives.flag,
        "nodefault": directives.flag,
        "nodefaultconst": directives.flag,
        "no-index": directives.flag,
        "noindex": directives.flag,
        "summary": directives.flag,
        "help-format": directives.unchanged_required,
        "markdownhelp": directives.flag,
        "markdown": directives.flag,
    }

    @classmethod
    def from_directive(cls, given: Mapping[str, Any]) -> DirectiveOptions:
        """Check *given* (docutils' parsed options) and return them as a value."""
        if "group" in given and "nogroup" in given:
            raise ArgdocError(":group: and :nogroup: exclude each other; give one of them")
        return cls(
            locator=_locator(given),
            prog=_stripped(given.get("prog")),
            group=_stripped(given.get("group")),
            nogroup="nogroup" in given,
            nodefault="nodefault" in given,
            nodefaultconst="nodefaultconst" in given,
            index=not ("no-index" in given or "noindex" in given),
            summary="summary" in given,
            help_format=_help_format(given),
            markdown_body="markdown" in given,
        )


def _locator(given: Mapping[str, Any]) -> Locator:
    missing = [name for name in ("module", "func") if not _stripped(given.get(name))]
    if missing:
        needed = " and ".join(f":{name}:" for name in missing)
        raise ArgdocError(f"the argparse directive needs {needed} to find the parser")
    return Locator(given["module"].strip(), given["func"].strip())


def _help_format(given: Mapping[str, Any]) -> str | None:
    asked = _stripped(given.get("help-format"))
    if asked is not None and asked not in FORMATS:
        choices = ", ".join(FORMATS)
        raise ArgdocError(f":help-format: must be one of {choices}, not {asked!r}")
    flag = next((name for name in ("markdown", "markdownhelp") if name in given), None)
    if flag is None:
        return asked
    if asked not in (None, "markdown"):
        raise ArgdocError(f":{flag}: reads help as Markdown; it excludes :help-format: {asked}")
    return "markdown"


def _stripped(value: str | None) -> str | None:
    return value.strip() if value is not None and value.strip() else None
