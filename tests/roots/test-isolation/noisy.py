"""Prints at import and while building its parser, and plays with sys.argv and sys.path."""

import argparse
import sys

print("noisy: loading plugins")
print("noisy: a note on stderr", file=sys.stderr)
ARGV_AT_IMPORT = list(sys.argv)
sys.argv.append("--added-at-import")
sys.path.insert(0, "/nonexistent/added-at-import")


def parser() -> argparse.ArgumentParser:
    print("." * 3000)  # a progress bar
    print("noisy: building the parser")
    sys.argv = ["replaced-in-call"]
    sys.path.append("/nonexistent/added-in-call")
    result = argparse.ArgumentParser(prog="noisy")
    result.add_argument("--level", help="How loud.")
    return result
