from __future__ import annotations

import re
import sys
import zlib
from dataclasses import dataclass
from io import StringIO
from pathlib import Path
from typing import Any

import pytest
from sphinx.environment import BuildEnvironment
from sphinx.testing.util import SphinxTestApp

pytest_plugins = ("sphinx.testing.fixtures",)

TESTS = Path(__file__).parent
sys.path.insert(0, str(TESTS / "clis"))


@pytest.fixture(scope="session")
def rootdir() -> Path:
    return TESTS / "roots"


def warnings_of(warning: object) -> str:
    """The build's warnings with colour codes removed."""
    return re.sub(r"\x1b\[[0-9;]*m", "", warning.getvalue())  # type: ignore[attr-defined]


def inventory(outdir: Path) -> list[tuple[str, str, str]]:
    """``(name, domain:role, uri)`` of every entry in a built objects.inv."""
    raw = (outdir / "objects.inv").read_bytes()
    body = zlib.decompress(raw.split(b"\n", 4)[4]).decode()
    entries = []
    for line in body.splitlines():
        match = re.match(r"(.+?)\s+(\S+:\S+)\s+(-?\d+)\s+(\S+)\s+(.*)", line)
        assert match, line
        name, role, _, uri, _ = match.groups()
        entries.append((name, role, uri))
    return entries


@dataclass(frozen=True)
class Built:
    """Where a finished build wrote its output, and what it warned."""

    outdir: Path
    doctreedir: Path
    warnings: str
    env: BuildEnvironment | None = None
    """The build environment, when asked to keep it."""


def build_project(
    srcdir: Path,
    builder: str = "html",
    builddir: Path | None = None,
    confoverrides: dict[str, Any] | None = None,
    keep_environment: bool = False,
) -> Built:
    """Build a whole Sphinx project from scratch, outside the ``app`` fixture."""
    warnings = StringIO()
    app = SphinxTestApp(
        builder,
        srcdir=srcdir,
        builddir=builddir,
        freshenv=True,
        confoverrides=confoverrides or {},
        status=StringIO(),
        warning=warnings,
    )
    try:
        app.build()
    finally:
        app.cleanup()
    env = app.env if keep_environment else None
    return Built(Path(app.outdir), Path(app.doctreedir), warnings_of(warnings), env)
