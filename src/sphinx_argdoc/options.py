"""Stage 0: the directive's options, checked and turned into one frozen value."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any, ClassVar

from docutils.parsers.rst import directives

from .errors import ArgdocError
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
        )


def _locator(given: Mapping[str, Any]) -> Locator:
    missing = [name for name in ("module", "func") if not _stripped(given.get(name))]
    if missing:
        needed = " and ".join(f":{name}:" for name in missing)
        raise ArgdocError(f"the argparse directive needs {needed} to find the parser")
    return Locator(given["module"].strip(), given["func"].strip())


def _stripped(value: str | None) -> str | None:
    return value.strip() if value is not None and value.strip() else None
