"""A CLI whose options come partly from another module of the project."""

import argparse

import inc_shared_options


def parser() -> argparse.ArgumentParser:
    result = argparse.ArgumentParser(prog="one")
    result.add_argument("--one", help="Only in one.")
    inc_shared_options.add_to(result)
    return result
