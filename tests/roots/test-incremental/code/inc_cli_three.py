"""Another CLI that borrows the shared options."""

import argparse

from inc_shared_options import add_to


def parser() -> argparse.ArgumentParser:
    result = argparse.ArgumentParser(prog="three")
    add_to(result)
    return result
