"""Stage 2: turn an ``argparse.ArgumentParser`` into the model's frozen, typed data.

This package is the only code that reads argparse's private attributes: ``parser`` walks a
parser (its groups, usage, subcommands), ``actions`` describes one argument. Everything shown to
a reader is computed with the parser's own formatter, so it matches ``--help``; nothing here
writes to the parser.
"""

from __future__ import annotations

from .parser import build

__all__ = ["build"]
