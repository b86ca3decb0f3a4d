"""The example projects a user copies build cleanly."""

from __future__ import annotations

from io import StringIO
from pathlib import Path

import pytest
from sphinx.testing.util import SphinxTestApp

EXAMPLES = Path(__file__).parent.parent / "examples"


@pytest.mark.parametrize("builder", ["html", "text"])
def test_servecli_docs_build_without_warnings(builder: str, tmp_path: Path) -> None:
    warnings = StringIO()
    app = SphinxTestApp(
        builder,
        srcdir=EXAMPLES / "servecli" / "docs",
        builddir=tmp_path,
        freshenv=True,
        confoverrides={"nitpicky": True},
        status=StringIO(),
        warning=warnings,
    )
    try:
        app.build()
    finally:
        app.cleanup()
    assert warnings.getvalue() == ""
    if builder == "text":
        reference = (tmp_path / "text" / "cli.txt").read_text()
        assert "--tensor-parallel-size" in reference
        assert "Command-line reference" in reference
