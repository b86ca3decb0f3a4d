"""tidy: an example tool whose help is written for a terminal, not for Sphinx.

The documentation uses it to show how help text is read (reStructuredText, Markdown or plain
text) and the directive's ``:passparser:`` option. Run it with ``python tidy.py --help``.
"""

from __future__ import annotations

import argparse


def add_arguments(parser: argparse.ArgumentParser) -> None:
    """Add tidy's arguments to *parser*, as tools that share one parser among modules do."""
    parser.add_argument("folder", help="The folder to clean up.")
    parser.add_argument(
        "--skip",
        metavar="PATTERN",
        action="append",
        help="Leave files matching PATTERN alone, e.g. *.tmp or *.bak.\n"
        "Give it once per pattern:\n"
        "  --skip *.tmp --skip *.bak",
    )
    parser.add_argument(
        "--older-than", metavar="DAYS", type=int, default=30, help="Only files older than this."
    )
    parser.add_argument("--dry-run", action="store_true", help="List the files, remove nothing.")


def build_parser() -> argparse.ArgumentParser:
    """Return a new parser for ``tidy``, with help as ``tidy --help`` prints it."""
    parser = argparse.ArgumentParser(
        prog="tidy",
        description="Remove old files from a folder.",
        formatter_class=argparse.RawTextHelpFormatter,
    )
    add_arguments(parser)
    return parser


def build_markdown_parser() -> argparse.ArgumentParser:
    """Return the parser of ``tidy-md``, whose help is written in Markdown."""
    parser = argparse.ArgumentParser(
        prog="tidy-md",
        description="Remove old files from a folder. See the [glob syntax]"
        "(https://docs.python.org/3/library/glob.html) for patterns.",
    )
    parser.add_argument("folder", help="The folder to clean up.")
    parser.add_argument(
        "--skip",
        metavar="PATTERN",
        action="append",
        help="Leave files matching `PATTERN` alone, e.g. `*.tmp`. **Give it once per pattern.**",
    )
    return parser


def build_coloured_parser() -> argparse.ArgumentParser:
    """Return a parser whose help carries ANSI colour codes, as some tools put there."""
    parser = argparse.ArgumentParser(prog="tidy-colour")
    parser.add_argument(
        "--dry-run", action="store_true", help="List the files, remove \x1b[1mnothing\x1b[0m."
    )
    return parser


def main(argv: list[str] | None = None) -> int:
    args = build_parser().parse_args(argv)
    print(args)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
