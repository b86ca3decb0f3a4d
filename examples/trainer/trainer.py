"""trainer: an example tool that imports torch, which its documentation build does not install.

The documentation uses it to show ``:mock-missing-imports:``. Run it (with torch installed) with
``python trainer.py --help``.
"""

from __future__ import annotations

import argparse

import torch


class Scaler(torch.nn.Module):
    """A layer of the tool's own, derived from a class of torch."""

    factor = 2.0


def build_parser() -> argparse.ArgumentParser:
    """Return the parser of ``trainer``."""
    parser = argparse.ArgumentParser(
        prog="trainer", description=f"Train a small model with torch {torch.__version__}."
    )
    parser.add_argument("--epochs", type=int, default=10, help="Passes over the data.")
    parser.add_argument("--scale", type=float, default=Scaler.factor, help="Output scale.")
    parser.add_argument("--dtype", default=torch.float32, help="Data type of the weights.")
    parser.add_argument(
        "--device", default="cuda" if torch.cuda.is_available() else "cpu", help="Where to train."
    )
    return parser


if __name__ == "__main__":
    build_parser().parse_args()
