"""Stage 0: the directive's options, checked and turned into one frozen value."""

from __future__ import annotations

import os
from collections.abc import Mapping
from dataclasses import dataclass, replace
from typing import Any, ClassVar

from docutils.parsers.rst import directives

from .config import HELP_FORMATS
from .locator import Locator
from .parts import Choice
from .problems import ArgdocError
from .render import Display


@dataclass(frozen=True)
class DirectiveOptions:
    """Everything one ``argparse`` directive asked for."""

    locator: Locator
    prog: str | None
    choice: Choice
    path: tuple[str, ...]
    """Subcommand names leading from the parser to the one to document (``:path:``)."""
    display: Display
    color: bool
    index_groups: tuple[str, ...]
    help_format: str | None
    """How help text is read (one of ``config.HELP_FORMATS``); ``None``: as conf.py says."""
    markdown_body: bool

    spec: ClassVar[dict[str, Any]] = {
        "module": directives.unchanged_required,
        "func": directives.unchanged_required,
        "prog": directives.unchanged_required,
        "group": directives.unchanged_required,
        "nogroup": directives.flag,
        "nodefault": directives.flag,
        "nodefaultconst": directives.flag,
        # sphinx-argparse's options, with its meanings. It declared several switches as
        # ``unchanged``, so pages may give them a value; a switch is on whatever the value.
        "ref": directives.unchanged_required,
        "filename": directives.unchanged_required,
        "passparser": directives.flag,
        # sphinx-argparse-cli's name: run :func: and document the parser it parses.
        "hook": directives.flag,
        "mock-missing-imports": directives.flag,
        "path": directives.unchanged,
        "nosubcommands": directives.unchanged,
        "noepilog": directives.unchanged,
        "nodescription": directives.unchanged,
        "manpage": directives.unchanged,
        "color": directives.flag,
        "index-groups": directives.unchanged,
        "no-index": directives.flag,
        "noindex": directives.flag,
        "summary": directives.flag,
        "usage-only": directives.flag,
        "help-format": directives.unchanged_required,
        "markdownhelp": directives.flag,
        "markdown": directives.flag,
    }

    @classmethod
    def from_directive(cls, given: Mapping[str, Any], srcdir: str = "") -> DirectiveOptions:
        """Check *given* (docutils' parsed options) and return them as a value.

        A relative ``:filename:`` is taken relative to *srcdir*, as sphinx-argparse did.
        """
        if "group" in given and "nogroup" in given:
            raise ArgdocError(":group: and :nogroup: exclude each other; give one of them")
        if "manpage" in given and ("group" in given or "nogroup" in given):
            raise ArgdocError(":manpage: lays out a whole parser; it cannot show one group only")
        if "usage-only" in given and ({"group", "nogroup", "manpage"} & set(given)):
            raise ArgdocError(
                ":usage-only: shows the program's usage alone; it excludes :group:, :nogroup: "
                "and :manpage:"
            )
        return cls(
            locator=_locator(given, srcdir),
            prog=_stripped(given.get("prog")),
            choice=Choice(_stripped(given.get("group")), ungrouped="nogroup" in given),
            path=tuple((given.get("path") or "").split()),
            display=Display(
                nodefault="nodefault" in given,
                nodefaultconst="nodefaultconst" in given,
                index=not ("no-index" in given or "noindex" in given),
                summary="summary" in given,
                nosubcommands="nosubcommands" in given,
                noepilog="noepilog" in given,
                nodescription="nodescription" in given,
                manpage="manpage" in given,
                usage_only="usage-only" in given,
            ),
            color="color" in given,
            index_groups=_index_groups(given.get("index-groups")),
            help_format=_help_format(given),
            markdown_body="markdown" in given,
        )


def _locator(given: Mapping[str, Any], srcdir: str) -> Locator:
    found = _found_locator(given, srcdir)
    return replace(
        found,
        passparser="passparser" in given,
        hook="hook" in given,
        mock_missing="mock-missing-imports" in given,
    )


def _found_locator(given: Mapping[str, Any], srcdir: str) -> Locator:
    ways = [name for name in ("module", "ref", "filename") if _stripped(given.get(name))]
    if ways[:2] == ["module", "ref"] and _names_same_parser(given):
        ways.remove("ref")
    if len(ways) > 1:
        listed = ", ".join(f":{name}:" for name in ways)
        raise ArgdocError(f"{listed} each name where the parser is; give only one of them")
    if ways == ["ref"]:
        return _ref_locator(given["ref"].strip())
    if ways == ["filename"]:
        if not _stripped(given.get("func")):
            raise ArgdocError(":filename: needs :func: to name the parser in that file")
        filename = os.path.normpath(os.path.join(srcdir, given["filename"].strip()))
        return Locator("", given["func"].strip(), filename=filename)
    return _module_locator(given)


def _names_same_parser(given: Mapping[str, Any]) -> bool:
    # sphinx-argparse let :module: + :func: win over :ref:; pages that give both agree.
    module, _, attribute = given["ref"].strip().rpartition(".")
    return (module, attribute) == (given["module"].strip(), (given.get("func") or "").strip())


def _ref_locator(ref: str) -> Locator:
    module, _, attribute = ref.rpartition(".")
    if not module or not attribute:
        raise ArgdocError(f":ref: {ref!r} must be module.attribute, e.g. mytool.cli.make_parser")
    return Locator(module, attribute)


def _module_locator(given: Mapping[str, Any]) -> Locator:
    missing = [name for name in ("module", "func") if not _stripped(given.get(name))]
    if missing:
        needed = " and ".join(f":{name}:" for name in missing)
        raise ArgdocError(
            f"the argparse directive needs {needed} to find the parser "
            "(or :ref: module.attribute, or :filename: with :func:)"
        )
    return Locator(given["module"].strip(), given["func"].strip())


def _index_groups(value: str | None) -> tuple[str, ...]:
    return tuple(part.strip() for part in (value or "").split(",") if part.strip())


def _help_format(given: Mapping[str, Any]) -> str | None:
    asked = _stripped(given.get("help-format"))
    if asked is not None and asked not in HELP_FORMATS:
        choices = ", ".join(HELP_FORMATS)
        raise ArgdocError(f":help-format: must be one of {choices}, not {asked!r}")
    flag = next((name for name in ("markdown", "markdownhelp") if name in given), None)
    if flag is None:
        return asked
    if asked not in (None, "markdown"):
        raise ArgdocError(f":{flag}: reads help as Markdown; it excludes :help-format: {asked}")
    return "markdown"


def _stripped(value: str | None) -> str | None:
    return value.strip() if value is not None and value.strip() else None
