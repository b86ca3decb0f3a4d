"""The gitlike example in examples/ builds cleanly and its alias links land on one entry."""

from __future__ import annotations

import shutil
import sys
from pathlib import Path

from conftest import TESTS, build_project

EXAMPLE = TESTS.parent / "examples" / "gitlike"


def test_gitlike_example_builds_and_links_aliases_to_one_entry(tmp_path: Path) -> None:
    shutil.copytree(EXAMPLE, tmp_path / "gitlike")
    saved = sys.path[:]
    try:
        built = build_project(tmp_path / "gitlike" / "docs", confoverrides={"nitpicky": True})
        assert built.warnings == ""
        index = (built.outdir / "index.html").read_text()
    finally:
        sys.path[:] = saved
        sys.modules.pop("gitlike", None)
    assert index.count('href="cli.html#cmdoption-gitlike-checkout-b"') == 2
    assert index.count('href="cli.html#cmdoption-gitlike-branch-delete-f"') == 3
    assert 'href="cli.html#cmdoption-gitlike-commit-amend"' in index
