"""Builds its parser only inside main(), which then runs the program."""

import argparse
import sys

RAN = []


def main() -> int:
    parser = argparse.ArgumentParser(prog="tool")
    parser.add_argument("--name", default="world")
    try:
        args = parser.parse_args()
    except Exception:
        return 1
    RAN.append(args)
    return 0


def complains() -> argparse.ArgumentParser:
    print("main_only: the config file ~/.toolrc is missing", file=sys.stderr)
    sys.exit(2)


def parses_a_given_list() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="listed")
    parser.add_argument("--name", default="world")
    parser.parse_args(["--name", "x"])
    return parser
