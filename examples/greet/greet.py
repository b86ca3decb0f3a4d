"""greet: a small command-line tool used by the directive reference.

It has one positional argument, a few ungrouped options (two of them mutually exclusive) and one
argument group, which is enough to show what each option of the ``argparse`` directive changes.
Run it with ``python greet.py World --times 2``.
"""

from __future__ import annotations

import argparse


def build_parser() -> argparse.ArgumentParser:
    """Return a new parser for ``greet``."""
    parser = argparse.ArgumentParser(
        prog="greet",
        description="Print a friendly greeting.",
        epilog="Example: greet world --times 2 --punctuation ?",
    )
    parser.add_argument("name", help="Who to greet.")
    parser.add_argument(
        "--times", type=int, default=1, metavar="N", help="Print the greeting N times."
    )
    volume = parser.add_mutually_exclusive_group()
    volume.add_argument("--shout", action="store_true", help="Print the greeting in capitals.")
    volume.add_argument("--whisper", action="store_true", help="Print it in lower case.")

    style = parser.add_argument_group("Style", "How the greeting looks.")
    style.add_argument("--greeting", default="Hello", help="The word to greet with.")
    style.add_argument(
        "--punctuation", choices=["!", ".", "?"], default="!", help="How the greeting ends."
    )
    style.add_argument(
        "--capitalize",
        action=argparse.BooleanOptionalAction,
        default=True,
        help="Start the name with a capital letter.",
    )
    return parser


def greeting(args: argparse.Namespace) -> str:
    """The line :func:`main` prints once per ``--times``."""
    name = args.name.capitalize() if args.capitalize else args.name
    text = f"{args.greeting}, {name}{args.punctuation}"
    if args.shout:
        text = text.upper()
    elif args.whisper:
        text = text.lower()
    return text


def main(argv: list[str] | None = None) -> int:
    args = build_parser().parse_args(argv)
    for _ in range(args.times):
        print(greeting(args))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
