"""A tool built on packages the documentation build does not install (torch, safetensors)."""

import torch

from .model import TinyNet

__all__ = ["TORCH_VERSION", "TinyNet"]

TORCH_VERSION = torch.__version__
