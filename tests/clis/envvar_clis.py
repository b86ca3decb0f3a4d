"""Parsers whose options read environment variables."""

from __future__ import annotations

import argparse


def fetcher() -> argparse.ArgumentParser:
    """One option names its variable itself, as configargparse's ``env_var=`` does."""
    parser = argparse.ArgumentParser(prog="fetcher", description="Fetch things.")
    index = parser.add_argument("--index-url", metavar="URL", help="Where to look.")
    index.env_var = "FETCH_INDEX"  # type: ignore[attr-defined]
    parser.add_argument("--retries", type=int, default=3, help="How often to try.")
    parser.add_argument("-q", action="store_true", help="Say less.")
    parser.add_argument("url", help="What to fetch.")
    commands = parser.add_subparsers(dest="command")
    get = commands.add_parser("get", help="Get one thing.")
    get.add_argument("--dest-dir", help="Where to put it.")
    return parser
