"""Stands in for the ``test/sample.py`` that sphinx-argparse's examples document.

The tests copy it to ``../test/sample.py`` next to the example pages. Like the original it
makes a module-level ``parser`` (without a prog) with the subcommands ``apply`` and ``game``.
"""

import argparse

parser = argparse.ArgumentParser()
commands = parser.add_subparsers()

apply = commands.add_parser("apply", help="Run a provisioning script and apply what it makes.")
apply.add_argument("path", default="provision.py", help="The script (default %(default)s).")
apply.add_argument("-r", "--rollback", action="store_true", help="Undo what was applied.")
apply.add_argument("--dry", action="store_true", help="Only list the changes.")

game = commands.add_parser("game", help="Play a game of choices.")
game.add_argument("move", choices=["rock", "paper", "scissors"], help="Your move.")
game.add_argument("--opt", choices=["rock", "paper", "scissors"], help="An optional move.")
extra = game.add_argument_group("Group 1")
extra.add_argument("--addition", choices=["Spock", "lizard"], help="Two more moves.")
