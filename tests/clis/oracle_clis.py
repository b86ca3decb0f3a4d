"""Parsers that both sphinx-argparse and sphinx-argdoc document, to compare what they show."""

from __future__ import annotations

import argparse


def kitchen() -> argparse.ArgumentParser:
    """Many kinds of argument: choices, defaults of several types, exclusive groups."""
    parser = argparse.ArgumentParser(prog="kitchen", description="Cooks things.")
    parser.add_argument("dish", help="What to cook.")
    parser.add_argument("extras", nargs="*", help="Anything else.")
    parser.add_argument("-n", "--servings", type=int, default=2, help="How many people.")
    parser.add_argument("--heat", choices=["low", "medium", "high"], default="medium", help="Heat.")
    parser.add_argument("--salt", type=float, default=0.5, help="Grams of salt (%(default)s).")
    parser.add_argument("--spice", action="append", default=[], help="Add a spice.")
    parser.add_argument("--quiet", action="store_const", const=0, default=1, help="Less noise.")
    parser.add_argument("--level", action="count", default=0, help="Repeat to raise.")
    timing = parser.add_argument_group("timing", "When things happen.")
    timing.add_argument("--start", metavar="HH:MM", default="18:00", help="Start time.")
    exclusive = timing.add_mutually_exclusive_group()
    exclusive.add_argument("--fast", action="store_true", help="Hurry.")
    exclusive.add_argument("--slow", action="store_true", help="Take your time.")
    parser.add_argument("--secret", help=argparse.SUPPRESS)
    parser.epilog = "Enjoy."
    return parser
