"""A parser with argument groups that have no title, as ``add_argument_group()`` makes them."""

from __future__ import annotations

import argparse


def mixed() -> argparse.ArgumentParser:
    """Untitled groups between titled ones, after the last one and, in ``run``, before any."""
    parser = argparse.ArgumentParser(prog="mixed", description="Groups with and without titles.")
    parser.add_argument("source", help="Where to read from.")
    parser.add_argument("--verbose", action="store_true", help="Say more.")
    parser.add_argument_group("Alpha").add_argument("--alpha", help="The first titled group.")
    between = parser.add_argument_group(description="Between the titled groups.")
    between.add_argument("--between", help="Untitled, after Alpha.")
    parser.add_argument_group("Beta").add_argument("--beta", help="The second titled group.")
    parser.add_argument_group("").add_argument("--empty", help="Titled with an empty string.")
    parser.add_argument_group(" \n ").add_argument("--blank", help="Titled with blanks.")
    commands = parser.add_subparsers(dest="command")
    run = commands.add_parser("run", help="Run it.")
    run.add_argument_group(None).add_argument("--first", help="Untitled, before Gamma.")
    run.add_argument_group("Gamma").add_argument("--gamma", help="A titled group of run.")
    return parser
