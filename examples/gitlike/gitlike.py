"""gitlike: an example version-control command line with nested subcommands and aliases.

Standard library only; :func:`main` parses the command line and prints the namespace. The
documentation in ``docs/`` renders it with ``sphinx_argdoc``, including every subcommand.
"""

from __future__ import annotations

import argparse


def build_parser() -> argparse.ArgumentParser:
    """Build and return a new argument parser for ``gitlike``."""
    parser = argparse.ArgumentParser(
        prog="gitlike",
        description="Track changes to a tree of files, share them and merge them.",
        epilog="Run 'gitlike COMMAND --help' for the options of one command.",
    )
    parser.add_argument("-C", metavar="PATH", dest="directory", help="Run as if started in PATH.")
    parser.add_argument("--no-pager", action="store_true", help="Never page the output.")
    parser.add_argument("-v", "--verbose", action="count", default=0, help="Say more; repeatable.")
    commands = parser.add_subparsers(dest="command", title="commands", metavar="COMMAND")
    _add_clone(commands)
    _add_commit(commands)
    _add_checkout(commands)
    _add_branch(commands)
    _add_remote(commands)
    _add_stash(commands)
    return parser


def _add_clone(commands: argparse._SubParsersAction) -> None:  # type: ignore[type-arg]
    clone = commands.add_parser(
        "clone",
        help="Copy a repository into a new directory.",
        description="Copy a repository, with its history, into a new directory.",
    )
    clone.add_argument("url", help="Where the repository is.")
    clone.add_argument("directory", nargs="?", help="Where to put it (default: from the URL).")
    clone.add_argument("--depth", type=int, help="Copy only the last DEPTH commits.")
    clone.add_argument("-b", "--branch", metavar="NAME", help="Check out NAME, not HEAD.")


def _add_commit(commands: argparse._SubParsersAction) -> None:  # type: ignore[type-arg]
    commit = commands.add_parser("commit", aliases=["ci"], help="Record changes.")
    commit.add_argument("-m", "--message", help="The message; without it an editor opens.")
    commit.add_argument("--amend", action="store_true", help="Replace the last commit.")
    which = commit.add_mutually_exclusive_group()
    which.add_argument("-a", "--all", action="store_true", help="Stage every tracked change.")
    which.add_argument("--only", nargs="+", metavar="FILE", help="Commit only these files.")


def _add_checkout(commands: argparse._SubParsersAction) -> None:  # type: ignore[type-arg]
    checkout = commands.add_parser(
        "checkout", aliases=["co", "switch"], help="Switch to a branch or commit."
    )
    checkout.add_argument("target", help="Branch, tag or commit.")
    checkout.add_argument("-b", metavar="NEW", dest="new_branch", help="Create branch NEW first.")
    checkout.add_argument("--force", action="store_true", help="Throw away local changes.")


def _add_branch(commands: argparse._SubParsersAction) -> None:  # type: ignore[type-arg]
    branch = commands.add_parser("branch", aliases=["br"], help="List, create or delete branches.")
    actions = branch.add_subparsers(dest="branch_command", metavar="ACTION")
    listing = actions.add_parser("list", aliases=["ls"], help="List branches.")
    listing.add_argument("--all", action="store_true", help="Include remote branches.")
    listing.add_argument("--sort", choices=["name", "date"], default="name", help="Order.")
    create = actions.add_parser("create", help="Create a branch.")
    create.add_argument("name", help="Name of the new branch.")
    create.add_argument("start", nargs="?", default="HEAD", help="Where it starts.")
    delete = actions.add_parser("delete", aliases=["rm"], help="Delete a branch.")
    delete.add_argument("name", help="Branch to delete.")
    delete.add_argument("-f", "--force", action="store_true", help="Even if it is not merged.")


def _add_remote(commands: argparse._SubParsersAction) -> None:  # type: ignore[type-arg]
    remote = commands.add_parser("remote", help="Manage the repositories you share with.")
    actions = remote.add_subparsers(dest="remote_command", metavar="ACTION")
    add = actions.add_parser("add", help="Add a remote.")
    add.add_argument("name", help="Short name for the remote.")
    add.add_argument("url", help="Where the remote is.")
    add.add_argument("-f", "--fetch", action="store_true", help="Fetch from it right away.")
    transport = add.add_argument_group("transport", "How to talk to the remote.")
    transport.add_argument("--protocol", choices=["ssh", "https"], default="ssh", help="Protocol.")
    transport.add_argument("--timeout", type=int, default=30, help="Seconds (%(default)s).")
    remove = actions.add_parser("remove", aliases=["rm"], help="Forget a remote.")
    remove.add_argument("name", help="The remote to forget.")
    rename = actions.add_parser("rename", help="Give a remote another name.")
    rename.add_argument("old", help="Its name now.")
    rename.add_argument("new", help="Its name from now on.")


def _add_stash(commands: argparse._SubParsersAction) -> None:  # type: ignore[type-arg]
    stash = commands.add_parser("stash", help="Put changes aside and bring them back.")
    actions = stash.add_subparsers(dest="stash_command", metavar="ACTION")
    push = actions.add_parser("push", aliases=["save"], help="Put the changes aside.")
    push.add_argument("-m", "--message", help="Describe the stash.")
    pop = actions.add_parser("pop", help="Bring the newest stash back.")
    pop.add_argument("--index", action="store_true", help="Restore the staging area too.")


def main(argv: list[str] | None = None) -> None:
    """Parse *argv* and print the result."""
    print(build_parser().parse_args(argv))


if __name__ == "__main__":
    main()
