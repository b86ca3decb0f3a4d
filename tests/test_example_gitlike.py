"""The gitlike example in examples/ builds cleanly and its alias links land on one entry."""

from __future__ import annotations

import shutil
import sys
from io import StringIO
from pathlib import Path

from conftest import TESTS, warnings_of
from sphinx.testing.util import SphinxTestApp

EXAMPLE = TESTS.parent / "examples" / "gitlike"


def test_gitlike_example_builds_and_links_aliases_to_one_entry(tmp_path: Path) -> None:
    shutil.copytree(EXAMPLE, tmp_path / "gitlike")
    saved = sys.path[:]
    warnings = StringIO()
    app = SphinxTestApp(
        "html",
        srcdir=tmp_path / "gitlike" / "docs",
        freshenv=True,
        confoverrides={"nitpicky": True},
        status=StringIO(),
        warning=warnings,
    )
    try:
        app.build()
        assert warnings_of(warnings) == ""
        index = (Path(app.outdir) / "index.html").read_text()
    finally:
        app.cleanup()
        sys.path[:] = saved
        sys.modules.pop("gitlike", None)
    assert index.count('href="cli.html#cmdoption-gitlike-checkout-b"') == 2
    assert index.count('href="cli.html#cmdoption-gitlike-branch-delete-f"') == 3
    assert 'href="cli.html#cmdoption-gitlike-commit-amend"' in index
