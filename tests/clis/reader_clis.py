"""Parsers for the tests of what readers see: rich entries, summaries, links."""

from __future__ import annotations

import argparse


def rich() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="rich", description="Entries with *everything*.")
    parser.add_argument("path", nargs="?", help="Where to work. Defaults to here.")
    parser.add_argument(
        "--color", action=argparse.BooleanOptionalAction, default=True, help="Colour the output."
    )
    parser.add_argument("--token", required=True, metavar="TOKEN", help="The ``API`` token.")
    parser.add_argument(
        "--mode", choices=["fast", "safe"], default="safe", help="How to run, e.g. fast. Or not."
    )
    parser.add_argument("--sizes", nargs="*", type=int, default=[], help="Sizes.")
    tuning = parser.add_argument_group("Tuning", "Knobs for experts.")
    tuning.add_argument(
        "--overrides",
        type=dict,
        default={f"layer{index}": {"heads": index, "dim": 64 * index} for index in range(40)},
        help="Per-layer overrides. Rarely needed.",
    )
    tuning.add_argument(
        "--schedule", nargs="+", type=float, default=[0.5] * 200, help="Learning-rate schedule."
    )
    tuning.add_argument("--tags", default={"b", "a", "c"}, help="Tags.")
    old = tuning.add_argument("--old-flag", action="store_true", help="Do the old thing.")
    # Python 3.13 sets this from deprecated=True; earlier versions know no such attribute.
    old.deprecated = True  # type: ignore[attr-defined]
    return parser
