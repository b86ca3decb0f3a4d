"""Run ``python -m …`` in a child process that imports this very sphinx_argdoc and the test CLIs."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import sphinx_argdoc

TESTS = Path(__file__).parent
SOURCE = Path(sphinx_argdoc.__file__).parent.parent


def run_module(*args: str, cwd: Path | None = None) -> subprocess.CompletedProcess[str]:
    """``python -m ARGS`` with the package under test and ``tests/clis`` importable."""
    return run_python("-m", *args, cwd=cwd)


def run_python(*args: str, cwd: Path | None = None) -> subprocess.CompletedProcess[str]:
    """``python ARGS`` with the package under test and ``tests/clis`` importable."""
    env = dict(os.environ)
    env["PYTHONPATH"] = os.pathsep.join([str(SOURCE), str(TESTS / "clis")])
    env.pop("COLUMNS", None)
    return subprocess.run(
        [sys.executable, *args],
        capture_output=True,
        text=True,
        env=env,
        cwd=cwd,
        check=False,
        timeout=300,
    )


def sphinx_build(srcdir: Path, *options: str) -> subprocess.CompletedProcess[str]:
    """An HTML build of *srcdir* into ``srcdir/_build``; warnings come on stderr."""
    return run_module(
        "sphinx", "-q", "-b", "html", *options, str(srcdir), str(srcdir / "_build"), cwd=srcdir
    )
