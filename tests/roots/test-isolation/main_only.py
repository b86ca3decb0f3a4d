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
    parser.parse_known_args(["--name", "x", "--other"])
    parser.parse_intermixed_args([])
    parser.parse_known_intermixed_args(args=["--other"])
    return parser


def parses_known() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="tool")
    args, _ = parser.parse_known_args()
    RAN.append(args)
    return parser


def parses_intermixed() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="tool")
    RAN.append(parser.parse_intermixed_args(namespace=argparse.Namespace()))
    return parser


def parses_known_intermixed() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="tool")
    RAN.append(parser.parse_known_intermixed_args(None))
    return parser
