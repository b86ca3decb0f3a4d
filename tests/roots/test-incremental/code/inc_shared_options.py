"""Options the first CLI borrows."""

import argparse


def add_to(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--shared", help="Borrowed.")
