"""Programs whose parsers exist only inside main(), which parses and runs at once."""

import argparse
import contextlib
import sys

RAN = []
PARSER = argparse.ArgumentParser(prog="module-level")


def main() -> int:
    parser = argparse.ArgumentParser(prog="serve", description="Serve a model.")
    parser.add_argument("--port", type=int, default=8000, help="Port to listen on.")
    args = parser.parse_args()
    RAN.append(args)
    return 0


def main_with_argv(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="train")
    parser.add_argument("--epochs", type=int, default=3, help="Passes over the data.")
    # Parses a list, sys.argv[1:] when called without one: stopped all the same.
    args = parser.parse_args(sys.argv[1:] if argv is None else argv)
    RAN.append(args)
    return 0


def main_with_subcommands() -> None:
    parser = argparse.ArgumentParser(prog="vcs")
    commands = parser.add_subparsers(dest="command")
    clone = commands.add_parser("clone", help="Copy a repository.")
    clone.add_argument("--depth", type=int, help="How much history to copy.")
    RAN.append(parser.parse_known_args())


def returns_without_parsing() -> argparse.ArgumentParser:
    return argparse.ArgumentParser(prog="quiet")


def parses_two_parsers() -> None:
    early = argparse.ArgumentParser(prog="early", add_help=False)
    # Swallows even the build's stop, and goes on.
    with contextlib.suppress(BaseException):
        early.parse_known_args()
    late = argparse.ArgumentParser(prog="late")
    RAN.append(late.parse_args())


def fails_before_parsing() -> None:
    raise RuntimeError("no config file")
