"""A CLI of its own."""

import argparse


def parser() -> argparse.ArgumentParser:
    result = argparse.ArgumentParser(prog="two")
    result.add_argument("--two", help="Only in two.")
    return result
