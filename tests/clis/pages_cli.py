"""A parser whose defaults come from the build machine, with an Enum type and positional choices."""

from __future__ import annotations

import argparse
import enum
import os
from pathlib import Path


class Level(enum.Enum):
    QUIET = "quiet"
    NORMAL = "normal"
    DEBUG = "debug"


def worker() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="worker", description="Process a queue of jobs.")
    parser.add_argument("source", choices=["file", "url", "stdin"], help="Where jobs come from.")
    parser.add_argument("--jobs", type=int, default=os.cpu_count(), help="Jobs run at once.")
    parser.add_argument(
        "--cache", type=Path, default=Path.home() / ".cache" / "worker", help="Where results go."
    )
    parser.add_argument("--level", type=Level, default="normal", help="How much to say.")
    parser.add_argument("--token", required=True, help="The queue's access token.")
    return parser
