"""worker: an example command line whose defaults come from the machine it runs on.

``--jobs`` defaults to the number of CPUs and ``--cache`` to a folder in the home directory, so a
page built from the parser would show the build machine's values; the documentation says what
a reader should see instead. Standard library only.
"""

from __future__ import annotations

import argparse
import enum
import os
from pathlib import Path


class Level(enum.Enum):
    """How much the worker says."""

    QUIET = "quiet"
    NORMAL = "normal"
    DEBUG = "debug"


def build_parser() -> argparse.ArgumentParser:
    """Return a new parser for ``worker``."""
    parser = argparse.ArgumentParser(prog="worker", description="Process a queue of jobs.")
    parser.add_argument(
        "source", choices=["file", "url", "stdin"], help="Where the jobs come from."
    )
    parser.add_argument("--jobs", type=int, default=os.cpu_count(), help="Jobs run at once.")
    parser.add_argument(
        "--cache", type=Path, default=Path.home() / ".cache" / "worker", help="Where results go."
    )
    parser.add_argument("--level", type=Level, default=Level.NORMAL.value, help="How much to say.")
    parser.add_argument("--token", required=True, help="The queue's access token.")
    return parser


if __name__ == "__main__":
    print(build_parser().parse_args())
