"""Small parsers for the tests; each function returns a new parser."""

from __future__ import annotations

import argparse
import enum
import sys


class Colour(enum.Enum):
    RED = "red"
    BLUE = "blue"


class Opaque:
    """No __repr__: its default repr carries a memory address."""


def grouped() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="grouped", description="A tool with groups.")
    parser.add_argument("source", help="Where to read from.")
    parser.add_argument("-v", "--verbose", action="count", default=0, help="More output.")
    exclusive = parser.add_mutually_exclusive_group()
    exclusive.add_argument("--fast", action="store_true", help="Go fast.")
    exclusive.add_argument("--slow", action="store_true", help="Go slow.")
    parser.add_argument("--secret", help=argparse.SUPPRESS)
    io = parser.add_argument_group("Input and output", "How data flows.")
    io.add_argument("--pair", nargs=2, metavar=("LO", "HI"), type=int, help="A range.")
    io.add_argument("--colour", type=Colour, default=Colour.RED, help="Pick a colour.")
    io.add_argument("--level", choices=["low", "high"], default="low", help="Level %(default)s.")
    io.add_argument("--percent", type=float, default=0.5, help="Share (50%% is half).")
    io.add_argument("--thing", default=Opaque(), help="An object default.")
    io.add_argument("--mapping", default={"a": 1}, help="A dict default.")
    io.add_argument("--items", nargs="+", default=["x", "y"], help="A list default.")
    io.add_argument("--bad-format", default=3, help="Broken %(nope)s and %d format.")
    io.add_argument("--name", required=True, help="Needed.")
    io.add_argument("--toggle", action=argparse.BooleanOptionalAction, default=True, help="On/off.")
    io.add_argument("--const", action="store_const", const=42, default=1, help="Store 42.")
    io.add_argument("--many", action="append", help="Repeatable.")
    inner = io.add_mutually_exclusive_group()
    inner.add_argument("--json", action="store_true", help="JSON out.")
    inner.add_argument("--yaml", action="store_true", help="YAML out.")
    hidden = parser.add_argument_group("Hidden", "Only hidden options here.")
    hidden.add_argument("--ghost", help=argparse.SUPPRESS)
    parser.add_argument_group("Empty")
    parser.epilog = "See %(prog)s docs."
    return parser


def unnamed() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(description="No prog given.")
    parser.add_argument("--flag", action="store_true", help="A flag.")
    return parser


def not_a_parser() -> dict[str, int]:
    return {"parser": 0}


def raises() -> argparse.ArgumentParser:
    raise RuntimeError("the config file is missing")


def exits() -> argparse.ArgumentParser:
    sys.exit(3)


PARSER = grouped()


class Cli:
    @staticmethod
    def parser() -> argparse.ArgumentParser:
        return grouped()


def needs_arguments(parser: argparse.ArgumentParser) -> None:
    """Fills the parser it is given: ``:passparser:`` is what calls it that way."""
    parser.add_argument("--filled", help="Added.")
