"""Sphinx extension that renders argparse parsers as CLI reference pages."""

from __future__ import annotations

from typing import Any

from sphinx.application import Sphinx
from sphinx.environment import BuildEnvironment

from . import load
from .directive import ArgparseDirective

__version__ = "0.1.0"


def _forget_loaded_parsers(app: Sphinx, env: BuildEnvironment, docnames: list[str]) -> None:
    # Every read phase starts afresh, also a second build by the same application object.
    load.clear_cache()


def setup(app: Sphinx) -> dict[str, Any]:
    app.add_directive("argparse", ArgparseDirective)
    app.connect("env-before-read-docs", _forget_loaded_parsers)
    return {"version": __version__, "parallel_read_safe": True, "parallel_write_safe": True}
