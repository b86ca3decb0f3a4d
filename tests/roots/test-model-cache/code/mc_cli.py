"""A CLI that notes each call of its parser function, with the process it ran in."""

import argparse
import os


def parser() -> argparse.ArgumentParser:
    log = os.environ.get("MC_CLI_CALLS")
    if log:
        with open(log, "a") as calls:
            calls.write(f"{os.getpid()}\n")
    result = argparse.ArgumentParser(prog="mc")
    result.add_argument("--level", help="How loud to be.")
    inputs = result.add_argument_group("Inputs")
    inputs.add_argument("--source", help="Where to read from.")
    return result
