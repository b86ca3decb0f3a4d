"""Parsers whose help, descriptions and epilogs are written in reST, Markdown or plain text."""

from __future__ import annotations

import argparse


def rst_help() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="rsttool",
        description="Reads *reST* help.",
        epilog="Epilog with ``inline code``.",
    )
    parser.add_argument("--strong", help='**Loud**, "quoted" and the same as --other-name.')
    parser.add_argument("--other-name", help="Pairs with --strong; --- is an em dash.")
    parser.add_argument("--role", help="Uses the :code:`role` syntax.")
    return parser


def broken_rst_help() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="brokentool", description="Fine.")
    parser.add_argument("--fine", help="Nothing wrong here.")
    parser.add_argument("--unclosed", help="An *unclosed emphasis.")
    return parser


def markdown_help() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="mdtool",
        description="Reads **Markdown** help.",
        epilog="See [the site](https://example.org/mdtool).",
    )
    group = parser.add_argument_group("Output", "Where `results` go.")
    group.add_argument("--out", help="Write to `PATH`, like --out-dir but *one* file.")
    group.add_argument("--out-dir", help="- first item\n- second item")
    return parser


def broken_markdown_help() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="brokenmd")
    parser.add_argument("--role", help="Uses an {unknownrole}`thing`.")
    return parser


def terminal_help() -> argparse.ArgumentParser:
    """Help written for a terminal: reST would misread every line of it."""
    parser = argparse.ArgumentParser(
        prog="termtool",
        description="Copies *.txt files\nfrom here\nto there.",
        formatter_class=argparse.RawTextHelpFormatter,
    )
    parser.add_argument(
        "--mode",
        help="How to copy:\n  fast  -- no checks\n    (risky)\n\n"
        "See `termtool --help` and **docs**.",
    )
    parser.add_argument("--glob", help="Pattern like *.py or _private_ or |x|.")
    parser.add_argument("--copy", help='Runs "cp --force" -- carefully.')
    parser.add_argument("--layout", help="Layouts:\n  left\n  right")
    return parser


def substitution_help() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="subtool")
    parser.add_argument("--run", help="Runs |tool|, defined further down the page.")
    return parser


def broken_everywhere() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="everywhere", description="A *description.", epilog="An *epilog."
    )
    group = parser.add_argument_group("Tuning", "A *group description.")
    group.add_argument("--knob", help="A *help.")
    commands = parser.add_subparsers()
    commands.add_parser("sub", help="A *subcommand help.")
    return parser


def undocumented() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="quiet")
    parser.add_argument("--said", help="Said.")
    parser.add_argument("--unsaid")
    commands = parser.add_subparsers()
    commands.add_parser("sub").add_argument("--also-unsaid")
    return parser


def broken_rst_and_markdown() -> argparse.ArgumentParser:
    """Help that neither reST nor Markdown reads clean: only plain text shows it."""
    parser = argparse.ArgumentParser(prog="brokenboth")
    parser.add_argument("--glob", help="Pattern like *.py or _private_.")
    parser.add_argument("--role", help="Uses an {unknownrole}`thing`.")
    return parser
