"""A script outside any package, documented with :filename:."""

import argparse
import sys


def with_epilog() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="script")
    parser.add_argument("--from-file", help="Only the file's parser has this.")
    return parser


if __name__ == "__main__":
    sys.exit("running the script's main block is a bug")
