"""Two parsers whose functions count their calls, to see how often a build runs them."""

from __future__ import annotations

import argparse
from collections import Counter

calls: Counter[str] = Counter()


def first() -> argparse.ArgumentParser:
    calls["first"] += 1
    parser = argparse.ArgumentParser(prog="first")
    parser.add_argument("--plain", help="Ungrouped.")
    alpha = parser.add_argument_group("Alpha")
    alpha.add_argument("--alpha", help="In Alpha.")
    beta = parser.add_argument_group("Beta")
    beta.add_argument("--beta", help="In Beta.")
    return parser


def second() -> argparse.ArgumentParser:
    calls["second"] += 1
    parser = argparse.ArgumentParser(prog="second")
    alpha = parser.add_argument_group("Alpha")
    alpha.add_argument("--only-in-second", help="Same group title, other parser.")
    return parser


def failing() -> argparse.ArgumentParser:
    calls["failing"] += 1
    raise RuntimeError("the model registry is unreachable")
