"""Imports a module of its own project that does not exist: a mistake, not a missing package."""

from .missing_part import build_parser

__all__ = ["build_parser"]
