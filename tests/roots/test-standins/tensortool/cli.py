"""The command line of tensortool: its options come from a pydantic model."""

from __future__ import annotations

import argparse

import pydantic
import safetensors.torch
import torch

from . import TORCH_VERSION
from .model import TORCH_DISTRIBUTION, Placement, TinyNet, scale


class ServeOptions(pydantic.BaseModel):
    model_config = pydantic.ConfigDict(arbitrary_types_allowed=False)

    port: int = pydantic.Field(8000, description="Port to listen on.")
    dtype: torch.dtype | None = pydantic.Field(torch.float16, description="Weights' data type.")
    device: str = pydantic.Field("cuda" if torch.cuda.is_available() else "cpu")
    width: int = pydantic.Field(TinyNet.hidden, description="Width of the hidden layer.")


def build_parser() -> argparse.ArgumentParser:
    assert scale is not None and Placement().device is not None
    assert safetensors.torch.load_file is not None
    versions = f"torch {TORCH_VERSION}, {TORCH_DISTRIBUTION}"
    parser = argparse.ArgumentParser(prog="tensortool", description=f"Serve a model ({versions}).")
    for name, field in ServeOptions.model_fields.items():
        parser.add_argument(
            f"--{name}", default=field.default, help=field.description or f"The {name}."
        )
    parser.add_argument("--precision", choices=[torch.float32, torch.bfloat16, "auto"])
    parser.add_argument("--backend", choices=torch.backends, help="Backend (%(default)s).")
    return parser


def main() -> None:
    build_parser().parse_args()
