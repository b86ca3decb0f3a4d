"""Parsers as big as the largest real CLIs, and bigger."""

from __future__ import annotations

import argparse


def nested(depth: int = 50) -> argparse.ArgumentParser:
    """``deep level1 level2 … level{depth}``, each level with an option of its own."""
    root = argparse.ArgumentParser(prog="deep")
    parser = root
    for level in range(1, depth + 1):
        parser.add_argument(f"--opt{level - 1}", help=f"Option of level {level - 1}.")
        subparsers = parser.add_subparsers(dest=f"command{level}")
        parser = subparsers.add_parser(f"level{level}", help=f"Level {level}.")
    parser.add_argument(f"--opt{depth}", help=f"Option of level {depth}.")
    return root


def many_groups(groups: int = 1000, per_group: int = 1) -> argparse.ArgumentParser:
    """*groups* argument groups of *per_group* options each."""
    parser = argparse.ArgumentParser(prog="wide")
    for number in range(groups):
        group = parser.add_argument_group(f"Group {number}", f"Options of group {number}.")
        for index in range(per_group):
            group.add_argument(f"--g{number}-o{index}", type=int, default=index, help="A number.")
    return parser
