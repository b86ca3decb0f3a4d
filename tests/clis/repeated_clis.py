"""A CLI whose subcommands repeat the same help texts, as big CLIs do."""

from __future__ import annotations

import argparse


def build() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="fleet")
    commands = parser.add_subparsers(dest="command")
    for name in ("start", "stop", "status"):
        sub = commands.add_parser(name, help=f"The {name} command.")
        sub.add_argument("--host", help="The *host* to reach, see ``--port``.")
        sub.add_argument("--port", help="The port, a *broken emphasis.")
        sub.add_argument("--tag", help="A tag, like :option:`--host`.")
    return parser
