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

from . import helpcheck, introspect, load, model, scaffold, select
from .config import HELP_FORMATS
from .locator import Locator
from .problems import ArgdocError, counted

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
        # Read in a terminal and, in the docs, as reST: prose, which reads the same in both.
        epilog=(
            "For example, 'sphinx-argdoc groups mypkg.cli:build_parser' shows the groups of a\n"
            "parser, 'sphinx-argdoc page mypkg.cli:build_parser > docs/cli.md' starts a page\n"
            "with a section per group, and 'sphinx-argdoc check mypkg.cli:build_parser' in CI\n"
            "finds help that would break the docs build.\n\n"
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
            "(those that the directive's :nogroup: option renders); then the same for each "
            "subcommand, after a line with its name."
        ),
    )
    _add_locator(groups)
    groups.add_argument("--prog", metavar="NAME", help=_PROG_HELP)
    page = commands.add_parser(
        "page",
        help="print a page with one argparse directive per argument group",
        description=(
            "Print a page with a heading and a :group: directive for each argument group that "
            "has visible options, then a :nogroup: directive for the options in no group, if "
            "any; then the same for each subcommand, under a heading naming it. When the help "
            "does not read clean as reST but does as Markdown (or else as plain text), the "
            "directives say so with :help-format:. Save the page in the Sphinx source folder "
            "and add it to a toctree."
        ),
    )
    _add_locator(page)
    page.add_argument("--prog", metavar="NAME", help=_PROG_HELP)
    page.add_argument(
        "--format",
        choices=("md", "rst"),
        default="md",
        help="MyST Markdown with eval-rst fences, or reStructuredText (default: %(default)s)",
    )
    page.add_argument("--title", metavar="TEXT", help="the page title (default: the prog)")
    page.add_argument(
        "--split",
        metavar="DIR",
        type=Path,
        help=(
            "write a page per subcommand into the new or empty folder DIR instead: DIR/index "
            "for the parser, with a toctree of its subcommands' pages, each with a toctree of "
            "its own; print the files written"
        ),
    )
    check = commands.add_parser(
        "check",
        help="report the help texts that would break a docs build",
        description=(
            "Read every help text, description and epilog of the parser and its subcommands as "
            "a docs build reads them, and print each problem found with the option or parser it "
            "belongs to, and each visible option without help; with --docs-source, also what "
            "no page of the docs renders. Exit with status 1 when there is any, so that CI "
            "catches it where the help is written."
        ),
    )
    _add_locator(check)
    check.add_argument("--prog", metavar="NAME", help=_PROG_HELP)
    check.add_argument(
        "--help-format",
        choices=HELP_FORMATS,
        default="rst",
        help="how the docs read the help (argdoc_help_format; default: %(default)s)",
    )
    check.add_argument(
        "--docs-source",
        metavar="SRCDIR",
        type=Path,
        help=(
            "also report each argument group, and the options in no group, that no page of "
            "the docs in SRCDIR (the folder of their conf.py) renders; the docs are read, with "
            "nothing written, to find out"
        ),
    )
    return parser


_PROG_HELP = (
    "the program name the page documents (the directive's :prog:), e.g. 'mytool serve'; "
    "needed only when the parser has no prog of its own"
)


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
            is_page = args.command == "page"
            split = args.split if is_page else None
            if split is not None:
                _check_split_folder(split)
            # The pages name the parser by its prog: the one written, or the one to look for.
            need_prog = is_page or (args.command == "check" and args.docs_source is not None)
            parser = parser_model(target, args.passparser, args.prog, need_prog)
            found = _check(args, target, parser) if args.command == "check" else []
            if is_page and not scaffold.page_sections(parser):
                raise ArgdocError(f"{target.locator} has no visible options to put on a page")
            if split is not None and not parser.subcommands:
                raise ArgdocError(
                    f"{parser.prog} has no subcommands, and --split writes a page per "
                    "subcommand: leave out --split to print one page"
                )
            help_format = _help_format(args, target, parser) if is_page else None
    except ArgdocError as exc:
        _fail(str(exc))
    if args.command == "check":
        print("".join(f"{problem}\n" for problem in found), end="")
        return 1 if found else 0
    if args.command == "groups":
        print(scaffold.groups_listing(parser), end="")
        return 0
    _note_left_out(parser, target)
    title = args.title or parser.prog
    spec = scaffold.PageSpec(target.locator, args.prog, title, args.passparser, help_format)
    if split is not None:
        _write_split(spec, parser, split, args.format)
        return 0
    page = scaffold.markdown_page if args.format == "md" else scaffold.rest_page
    print(page(spec, parser), end="")
    return 0


def _check_split_folder(folder: Path) -> None:
    if folder.exists() and not folder.is_dir():
        raise ArgdocError(f"--split {folder}: that is a file; give a new or empty folder")
    if folder.is_dir() and any(folder.iterdir()):
        raise ArgdocError(
            f"--split {folder}: the folder is not empty; give a new or empty folder, "
            "so that no page is overwritten"
        )


def _write_split(spec: scaffold.PageSpec, parser: model.Parser, folder: Path, form: str) -> None:
    """Write the pages of ``--split`` into *folder* and print the name of each file."""
    folder.mkdir(parents=True, exist_ok=True)
    for page in scaffold.split_pages(spec.title, parser):
        file = folder / f"{page.name}.{form}"
        file.write_text(scaffold.split_page(spec, page, markdown=form == "md"), encoding="utf-8")
        print(file)


def _check(args: argparse.Namespace, target: Target, parser: model.Parser) -> list[str]:
    locator = replace(target.locator, passparser=args.passparser)
    found = helpcheck.markup_problems(locator, parser.prog, args.help_format)
    found += helpcheck.empty_help(parser)
    if args.docs_source is not None:
        found += helpcheck.undocumented_parts(args.docs_source, parser)
    return found


def _help_format(args: argparse.Namespace, target: Target, parser: model.Parser) -> str | None:
    """``None`` when the help reads clean as reST; otherwise the first format that does."""
    locator = replace(target.locator, passparser=args.passparser)
    problems = helpcheck.markup_problems(locator, parser.prog, "rst")
    if not problems:
        return None
    chosen = "text"
    has_myst = importlib.util.find_spec("myst_parser") is not None
    if has_myst and not helpcheck.markup_problems(locator, parser.prog, "markdown"):
        chosen = "markdown"
    _note(
        f"the help does not read clean as reST ({counted(len(problems), 'problem')}, the "
        f"first: {problems[0]}); the page reads it as {chosen} (:help-format: {chosen})"
    )
    return chosen


def _fail(message: str) -> NoReturn:
    print(f"{PROG}: error: {message}", file=sys.stderr)
    raise SystemExit(2)


def _note_left_out(parser: model.Parser, target: Target) -> None:
    for _, each in scaffold.walk(parser):
        for title, size in select.group_sizes(each):
            if not size and title not in scaffold.subcommand_groups(each):
                of = f" of {each.prog}" if each is not parser else ""
                _note(f"argument group {title!r}{of} is left out: it has no visible options")
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

    locator: Locator
    file: Path | None = None
    search_path: str | None = None


def parse_locator(text: str) -> Target:
    """Read ``MODULE:FUNC``, ``MODULE.ATTR`` or ``PATH.py:FUNC``."""
    where, colon, func = text.rpartition(":")
    if not colon:
        if text.endswith(".py"):
            raise ArgdocError(
                f"{text!r} names a file but not what in it gives the parser: write {text}:FUNC"
            )
        return Target(_dotted_locator(text))
    if not where or not func:
        raise ArgdocError(f"locator {text!r} needs text on both sides of ':'")
    if where.endswith(".py") or "/" in where or os.sep in where:
        return _file_target(Path(where), func)
    return Target(Locator(where, func))


def _dotted_locator(text: str) -> Locator:
    parts = text.split(".")
    for cut in range(len(parts) - 1, 0, -1):
        module = ".".join(parts[:cut])
        if _module_origin(module) is not None:
            return Locator(module, ".".join(parts[cut:]))
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
    return Target(Locator(".".join(names), func), path, str(folder))


def parser_model(
    target: Target, passparser: bool, prog: str | None, need_prog: bool = False
) -> model.Parser:
    """Import and call the user's code and describe the parser it gives, named *prog* or, when
    that is ``None``, by its own prog (an error if *need_prog* and it has none)."""
    if target.file is not None:
        _import_from(target)
    loaded = load.load(replace(target.locator, passparser=passparser))
    if prog is None and loaded.prog_is_derived:
        # A prog argparse took from sys.argv names nothing; the module's name is a better guess.
        if need_prog:
            raise ArgdocError(
                f"{target.locator}: the parser has no prog of its own; give --prog NAME"
            )
        prog = target.locator.module.rpartition(".")[2]
    return introspect.build(loaded.parser, prog or loaded.parser.prog)


def _import_from(target: Target) -> None:
    assert target.file is not None and target.search_path is not None
    sys.path.insert(0, target.search_path)
    origin = _module_origin(target.locator.module)
    if origin is None or Path(origin).resolve() != target.file:
        raise ArgdocError(
            f"{target.file} cannot be imported as {target.locator.module!r}: that name is "
            f"taken by {origin or 'nothing importable'}"
        )
