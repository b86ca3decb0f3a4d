"""Imports a dependency that is not installed; conf.py mocks it, as autodoc users do."""

import argparse

import heavy_toolkit
from heavy_toolkit.engines import Engine  # noqa: F401


def parser() -> argparse.ArgumentParser:
    result = argparse.ArgumentParser(prog="mocked", description=f"Uses {heavy_toolkit.__name__}.")
    result.add_argument("--engine", help="Which engine.")
    return result
