"""The parser sphinx-argparse's usage documentation describes, with what its examples name."""

import argparse


def my_func_that_returns_a_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser()
    parser.add_argument("foo", default=False, help="foo help")
    parser.add_argument("bar", default=False)
    parser.add_argument("--output", "-o", help="Where to write.")
    advanced = parser.add_argument_group("advanced arguments")
    advanced.add_argument("--tuning", help="Only for experts.")

    subparsers = parser.add_subparsers()

    subparser = subparsers.add_parser("install", help="install help")
    subparser.add_argument("ref", type=str, help="foo1 help")
    subparser.add_argument("--upgrade", "-u", action="store_true", default=False, help="foo2 help")
    deeper = subparser.add_subparsers()
    level1 = deeper.add_parser("subcomand1", help="one level down").add_subparsers()
    level2 = level1.add_parser("subcommand2", help="two levels down").add_subparsers()
    level3 = level2.add_parser("subcommand3", help="three levels down")
    level3.add_argument("--depth", type=int, default=3, help="How deep this is.")

    # The name that the example documentation structure uses for a subcommand.
    subcommand = subparsers.add_parser("subcommand", help="subcommand help")
    subcommand.add_argument("--dry-run", action="store_true", help="Change nothing.")
    return parser


my_func_that_return_parser = my_func_that_returns_a_parser
