"""Parsers with subcommands, and other shapes sphinx-argparse users have; each call is new."""

from __future__ import annotations

import argparse


def vcs() -> argparse.ArgumentParser:
    """A git-like tool: aliases, nested subcommands, groups, exclusive options, an epilog."""
    parser = argparse.ArgumentParser(
        prog="vcs", description="A small version control tool.", epilog="Run vcs COMMAND -h."
    )
    parser.add_argument("--work-dir", default=".", help="Where the work tree is.")
    commands = parser.add_subparsers(dest="command", title="commands")

    commit = commands.add_parser(
        "commit", aliases=["ci"], help="Record changes.", description="Record staged changes."
    )
    commit.add_argument("-m", "--message", required=True, help="Use --amend to change it later.")
    commit.add_argument("--amend", action="store_true", help="Replace the last commit.")
    which = commit.add_mutually_exclusive_group()
    which.add_argument("--all", action="store_true", help="Commit every change.")
    which.add_argument("--staged", action="store_true", help="Commit staged changes only.")

    checkout = commands.add_parser("checkout", aliases=["co", "switch"], help="Switch branches.")
    checkout.add_argument("-b", dest="new_branch", metavar="BRANCH", help="Create BRANCH first.")
    checkout.add_argument("target", help="Branch or commit to check out.")

    remote = commands.add_parser("remote", help="Manage remotes.", epilog="Remotes are kept.")
    remote.add_argument("-v", "--verbose", action="store_true", help="Show URLs.")
    remotes = remote.add_subparsers(dest="remote_command")
    add = remotes.add_parser("add", help="Add a remote.")
    add.add_argument("name", help="Short name of the remote.")
    add.add_argument("url", help="Where the remote is.")
    add.add_argument("-f", "--fetch", action="store_true", help="Fetch after adding.")
    transport = add.add_argument_group("transport", "How to talk to the remote.")
    transport.add_argument("--protocol", choices=["ssh", "https"], default="ssh", help="Protocol.")
    transport.add_argument("--timeout", type=int, default=30, help="Seconds (default %(default)s).")
    remove = remotes.add_parser("remove", aliases=["rm"], help="Remove a remote.")
    remove.add_argument("name", help="Short name of the remote.")

    commands.add_parser("debug-internals", help=argparse.SUPPRESS)
    return parser


def fill(parser: argparse.ArgumentParser) -> None:
    """For ``:passparser:``: adds to the parser it is given and returns nothing."""
    parser.prog = "filled"
    parser.add_argument("--filled-in", action="store_true", help="Added by fill().")


class ColourFormatter(argparse.HelpFormatter):
    """Colours usage and invocations with ANSI codes, as Python 3.14's argparse can."""

    def _format_usage(self, *args: object, **kwargs: object) -> str:
        return f"\x1b[1;34m{super()._format_usage(*args, **kwargs)}\x1b[0m"  # type: ignore[arg-type]

    def _format_action_invocation(self, action: argparse.Action) -> str:
        return f"\x1b[1;32m{super()._format_action_invocation(action)}\x1b[0m"


def coloured() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="painted",
        formatter_class=ColourFormatter,
        description="Paints \x1b[1mbold\x1b[0m things.",
        epilog="See \x1b[4mthe manual\x1b[0m.",
    )
    parser.add_argument("target", help="What to paint.")
    parser.add_argument("--shade", default="dark", help="How dark.")
    return parser


def with_epilog() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="epi", description="Has a description.", epilog="And an epilog."
    )
    parser.add_argument("--level", type=int, default=3, help="Level, %(default)s by default.")
    parser.add_argument("--mode", choices=["a", "b"], default="a", help="Mode (--level too).")
    return parser


#: One parser object shared by every directive that names it, as a module-level CLI would be.
VCS = vcs()


def nameless() -> argparse.ArgumentParser:
    """A parser whose prog is empty, with a subcommand."""
    parser = argparse.ArgumentParser(prog="", description="No name.")
    parser.add_subparsers().add_parser("sub", description="Named.")
    return parser


def middle_without_options() -> argparse.ArgumentParser:
    """``pkg cache clean``: the subcommand in the middle has no options of its own."""
    parser = argparse.ArgumentParser(prog="pkg", add_help=False)
    parser.add_argument("--quiet", action="store_true", help="Say less.")
    commands = parser.add_subparsers(dest="command", metavar="COMMAND")
    cache = commands.add_parser("cache", help="Manage the cache.", add_help=False)
    actions = cache.add_subparsers(dest="action", metavar="ACTION")
    clean = actions.add_parser("clean", help="Empty the cache.")
    clean.add_argument("--older-than", metavar="DAYS", help="Only entries this old.")
    return parser
