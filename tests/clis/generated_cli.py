"""Hands a documentation build the parser that a property test generated."""

from __future__ import annotations

import argparse

CURRENT: list[argparse.ArgumentParser] = []


def parser() -> argparse.ArgumentParser:
    return CURRENT[-1]
