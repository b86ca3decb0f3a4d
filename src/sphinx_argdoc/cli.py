"""``sphinx-argdoc``: list a parser's argument groups, or print a reference page for them."""

from __future__ import annotations

import argparse
import contextlib
import importlib.util
import os
import sys
from collections.abc import Sequence
from dataclasses import dataclass, replace
from pathlib import Path
from typing import NoReturn

from docutils.utils import column_width

from . import introspect, load, model, select
from .problems import ArgdocError

PROG = "sphinx-argdoc"

_LOCATOR_HELP = (
    "where the parser comes from: MODULE:FUNC (mypkg.cli:build_parser), MODULE.ATTR "
    "(mypkg.cli.PARSER) or PATH.py:FUNC (a file; its folder, or the folder above its package, "
    "is made importable). FUNC may be a dotted path (Cli.parser); it is called when callable. "
    "The current folder is importable."
)


class _Parser(argparse.ArgumentParser):
    """Reports a mistake on the command line in one line, like every other error here."""

    def error(self, message: str) -> NoReturn:
        _fail(f"{message} (see {self.prog} --help)")


def build_parser() -> argparse.ArgumentParser:
    """The command line of ``sphinx-argdoc`` (also rendered in its own documentation)."""
    parser = _Parser(
        prog=PROG,
        description=(
            "Tools for pages written with the argparse directive of sphinx-argdoc: list the\n"
            "argument groups of a parser, or print a page that documents each of them."
        ),
        epilog=(
            "For example, to see the groups of a parser and start a page with one section per\n"
            "group::\n\n"
            "    sphinx-argdoc groups mypkg.cli:build_parser\n"
            "    sphinx-argdoc page mypkg.cli:build_parser --prog mytool > docs/cli.md\n\n"
            "Errors are reported in one line, with exit status 2."
        ),
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    commands = parser.add_subparsers(dest="command", metavar="COMMAND", required=True)
    groups = commands.add_parser(
        "groups",
        help="list the argument groups of a parser",
        description=(
            "Print each argument group title in order with its count of visible options "
            "(0: every option in it is hidden), then the count of options in no group "
            "(those that the directive's :nogroup: option renders)."
        ),
    )
    _add_locator(groups)
    page = commands.add_parser(
        "page",
        help="print a page with one argparse directive per argument group",
        description=(
            "Print a page with a heading and a :group: directive for each argument group that "
            "has visible options, then a :nogroup: directive for the options in no group, if "
            "any. Save it in the Sphinx source folder and add it to a toctree."
        ),
    )
    _add_locator(page)
    page.add_argument(
        "--prog",
        required=True,
        metavar="NAME",
        help="the program name the page documents (the directive's :prog:), e.g. 'mytool serve'",
    )
    page.add_argument(
        "--format",
        choices=("md", "rst"),
        default="md",
        help="MyST Markdown with eval-rst fences, or reStructuredText (default: %(default)s)",
    )
    page.add_argument("--title", metavar="TEXT", help="the page title (default: the prog)")
    return parser


def _add_locator(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("locator", metavar="LOCATOR", help=_LOCATOR_HELP)
    parser.add_argument(
        "--passparser",
        action="store_true",
        help="FUNC does not return a parser but fills the empty ArgumentParser it is given",
    )


def main(argv: Sequence[str] | None = None) -> int:
    """Run the command line; return the exit status (errors exit with 2)."""
    args = build_parser().parse_args(argv)
    # As with ``python -m``, the project in the current folder is importable.
    if os.getcwd() not in sys.path and "" not in sys.path:
        sys.path.insert(0, os.getcwd())
    try:
        # Whatever user code prints while it is imported and called must not end up in the page.
        with contextlib.redirect_stdout(sys.stderr):
            target = parse_locator(args.locator)
            parser = parser_model(target, args.passparser, getattr(args, "prog", None))
        if args.command == "page" and not page_sections(parser):
            raise ArgdocError(f"{target.locator} has no visible options to put on a page")
    except ArgdocError as exc:
        _fail(str(exc))
    if args.command == "groups":
        print(groups_listing(parser), end="")
        return 0
    _note_left_out(parser, target)
    spec = PageSpec(target.locator, args.prog, args.title or args.prog, args.passparser)
    print(markdown_page(spec, parser) if args.format == "md" else rest_page(spec, parser), end="")
    return 0


def _fail(message: str) -> NoReturn:
    print(f"{PROG}: error: {message}", file=sys.stderr)
    raise SystemExit(2)


def _note_left_out(parser: model.Parser, target: Target) -> None:
    for title, size in select.group_sizes(parser):
        if not size:
            _note(f"argument group {title!r} is left out: it has no visible options")
    if target.search_path is not None:
        _note(
            f"the page imports {target.locator.module!r}: put {target.search_path} "
            "on sys.path in conf.py"
        )


def _note(message: str) -> None:
    print(f"{PROG}: note: {message}", file=sys.stderr)


@dataclass(frozen=True)
class Target:
    """A parser's locator and, for a file, the folder to import it from."""

    locator: load.Locator
    file: Path | None = None
    search_path: str | None = None


def parse_locator(text: str) -> Target:
    """Read ``MODULE:FUNC``, ``MODULE.ATTR`` or ``PATH.py:FUNC``."""
    where, colon, func = text.rpartition(":")
    if not colon:
        return Target(_dotted_locator(text))
    if not where or not func:
        raise ArgdocError(f"locator {text!r} needs text on both sides of ':'")
    if where.endswith(".py") or "/" in where or os.sep in where:
        return _file_target(Path(where), func)
    return Target(load.Locator(where, func))


def _dotted_locator(text: str) -> load.Locator:
    parts = text.split(".")
    for cut in range(len(parts) - 1, 0, -1):
        module = ".".join(parts[:cut])
        if _module_origin(module) is not None:
            return load.Locator(module, ".".join(parts[cut:]))
    raise ArgdocError(f"no importable module in {text!r}; write MODULE:FUNC or MODULE.ATTR")


def _module_origin(name: str) -> str | None:
    """Where module *name* would be imported from; ``None`` when it cannot be found."""
    try:
        spec = importlib.util.find_spec(name)
    except BaseException as exc:  # a package on the way may fail to import, even exit
        if isinstance(exc, KeyboardInterrupt):
            raise
        return None
    return None if spec is None else (spec.origin or name)


def _file_target(path: Path, func: str) -> Target:
    if not path.is_file():
        raise ArgdocError(f"no file {str(path)!r}")
    if path.suffix != ".py":
        raise ArgdocError(f"{str(path)!r} is not a Python file (.py)")
    path = path.resolve()
    names = [] if path.stem == "__init__" else [path.stem]
    folder = path.parent
    while (folder / "__init__.py").is_file():
        names.insert(0, folder.name)
        folder = folder.parent
    return Target(load.Locator(".".join(names), func), path, str(folder))


def parser_model(target: Target, passparser: bool, prog: str | None) -> model.Parser:
    """Import and call the user's code and describe the parser it gives."""
    if target.file is not None:
        _import_from(target)
    loaded = load.load(replace(target.locator, passparser=passparser))
    # A prog argparse took from sys.argv names nothing; the module's name is a better guess.
    fallback = target.locator.module.rpartition(".")[2]
    return introspect.build(
        loaded.parser, prog or (fallback if loaded.prog_is_derived else loaded.parser.prog)
    )


def _import_from(target: Target) -> None:
    assert target.file is not None and target.search_path is not None
    sys.path.insert(0, target.search_path)
    origin = _module_origin(target.locator.module)
    if origin is None or Path(origin).resolve() != target.file:
        raise ArgdocError(
            f"{target.file} cannot be imported as {target.locator.module!r}: that name is "
            f"taken by {origin or 'nothing importable'}"
        )


def groups_listing(parser: model.Parser) -> str:
    """One line per argument group, ``COUNT  TITLE``, then the count of options in no group."""
    ungrouped = select.outline(parser).ungrouped_names
    rows = [*select.group_sizes(parser), ("(no group)", len(ungrouped))]
    width = max(len(str(size)) for _, size in rows)
    return "".join(f"{size:>{width}}  {title}\n" for title, size in rows)


@dataclass(frozen=True)
class PageSpec:
    """What a scaffolded page's directives say besides the group."""

    locator: load.Locator
    prog: str
    title: str
    passparser: bool


def page_sections(parser: model.Parser) -> list[tuple[str, str | None]]:
    """``(heading, group)`` per section of the page; group ``None`` is the ``:nogroup:`` one."""
    outline = select.outline(parser)
    sections: list[tuple[str, str | None]] = [
        (title, title) for title in outline.visible_group_titles
    ]
    if outline.ungrouped_names:
        sections.append(("Other options" if sections else "Options", None))
    return sections


def markdown_page(spec: PageSpec, parser: model.Parser) -> str:
    """The page in MyST Markdown, each directive in an ``eval-rst`` fence."""
    lines = [f"# {_markdown_escaped(spec.title)}"]
    for heading, group in page_sections(parser):
        lines += ["", f"## {_markdown_escaped(heading)}", "", "```{eval-rst}"]
        lines += _directive(spec, group)
        lines.append("```")
    return "\n".join(lines) + "\n"


def rest_page(spec: PageSpec, parser: model.Parser) -> str:
    """The page in reStructuredText."""
    lines = _rest_heading(spec.title, "=")
    for heading, group in page_sections(parser):
        lines += ["", *_rest_heading(heading, "-"), ""]
        lines += _directive(spec, group)
    return "\n".join(lines) + "\n"


def _directive(spec: PageSpec, group: str | None) -> list[str]:
    lines = [
        ".. argparse::",
        f"    :module: {spec.locator.module}",
        f"    :func: {spec.locator.func}",
        f"    :prog: {spec.prog}",
        f"    :group: {group}" if group is not None else "    :nogroup:",
    ]
    if spec.passparser:
        lines.append("    :passparser:")
    return lines


def _rest_heading(text: str, underline: str) -> list[str]:
    escaped = _escaped(text, _REST_SPECIAL)
    return [escaped, underline * max(column_width(escaped), 3)]


def _markdown_escaped(text: str) -> str:
    return _escaped(text, _MARKDOWN_SPECIAL)


# Characters that could start markup inside a heading; a backslash keeps each literal.
_REST_SPECIAL = frozenset("\\*`_|")
_MARKDOWN_SPECIAL = frozenset("\\`*_[]<>#${}~&")


def _escaped(text: str, special: frozenset[str]) -> str:
    return "".join(f"\\{char}" if char in special else char for char in text)
