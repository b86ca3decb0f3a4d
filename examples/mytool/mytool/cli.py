"""The parser of ``mytool``, built by a function as most command-line tools do.

The quick start documents it with one ``:group:`` block and one ``:nogroup:`` block. Run it
with ``python -m mytool.cli --model small --dry-run``.
"""

from __future__ import annotations

import argparse


def build_parser() -> argparse.ArgumentParser:
    """Return a new parser for ``mytool``."""
    parser = argparse.ArgumentParser(prog="mytool", description="Run a model on some input.")
    parser.add_argument("input", nargs="?", default="-", help="File to read; ``-`` is stdin.")
    parser.add_argument("--dry-run", action="store_true", help="Check the options and stop.")

    model = parser.add_argument_group("Model options", "Which model runs and how.")
    model.add_argument("--model", default="small", help="Name of the model to load.")
    model.add_argument(
        "--precision", choices=["fp16", "fp32"], default="fp32", help="Number format of weights."
    )
    return parser


def main(argv: list[str] | None = None) -> int:
    print(build_parser().parse_args(argv))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
