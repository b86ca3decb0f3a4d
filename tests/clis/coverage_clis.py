"""Parsers for the coverage warning and the command line; each function returns a new parser."""

from __future__ import annotations

import argparse


def three_groups() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="three", description="A tool with three groups.")
    parser.add_argument("target", help="What to act on.")
    parser.add_argument("--dry-run", action="store_true", help="Only say what would happen.")
    network = parser.add_argument_group("Network", "How to reach the server.")
    network.add_argument("--host", default="localhost", help="Server name.")
    network.add_argument("--port", type=int, default=8000, help="Server port.")
    storage = parser.add_argument_group("Storage")
    storage.add_argument("--cache-dir", help="Where to keep downloads.")
    logging = parser.add_argument_group("Logging")
    logging.add_argument("--log-level", choices=["info", "debug"], help="How much to log.")
    hidden = parser.add_argument_group("Internal")
    hidden.add_argument("--trace-id", help=argparse.SUPPRESS)
    return parser


def all_grouped() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="tidy")
    parser.add_argument_group("Only").add_argument("--only", help="The one option.")
    return parser


def with_subcommands() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="tool")
    run = parser.add_subparsers(dest="command").add_parser("run", help="Run it.")
    run.add_argument_group("Speed").add_argument("--fast", action="store_true", help="Fast.")
    run.add_argument_group("Safety").add_argument("--check", action="store_true", help="Check.")
    return parser


def nothing_visible() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="quiet")
    parser.add_argument("--internal", help=argparse.SUPPRESS)
    return parser


def add_arguments(parser: argparse.ArgumentParser) -> None:
    """Fill a parser made by the caller (the ``--passparser`` form)."""
    parser.add_argument("--name", help="Who to greet.")
    parser.add_argument_group("Style").add_argument("--shout", action="store_true", help="Loudly.")


def fleet() -> argparse.ArgumentParser:
    """Two subcommands with two groups each; ``ship`` has a subcommand of its own."""
    parser = argparse.ArgumentParser(prog="fleet")
    commands = parser.add_subparsers(dest="command")
    ship = commands.add_parser("ship", help="Send it.")
    ship.add_argument_group("Speed").add_argument("--fast", action="store_true", help="Fast.")
    ship.add_argument_group("Safety").add_argument("--check", action="store_true", help="Check.")
    dock = ship.add_subparsers(dest="how").add_parser("dock", help="Dock it.")
    dock.add_argument_group("Berth").add_argument("--berth", help="Which berth.")
    dock.add_argument_group("Tide").add_argument("--tide", help="Which tide.")
    stay = commands.add_parser("stay", help="Keep it.")
    stay.add_argument_group("Anchor").add_argument("--anchor", help="Which anchor.")
    stay.add_argument_group("Crew").add_argument("--crew", help="Who stays.")
    return parser
