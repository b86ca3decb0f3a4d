"""In a real browser, an option link lands on its entry, in the default theme and in furo.

Needs Debian's ``chromium`` (``apt-get install chromium``); skipped without it.
"""

from __future__ import annotations

import importlib.util
from pathlib import Path

import pytest
from browser_check import check, chromium
from conftest import warnings_of

pytestmark = pytest.mark.skipif(chromium() is None, reason="needs chromium on PATH")

needs_furo = pytest.mark.skipif(
    importlib.util.find_spec("furo") is None, reason="needs the furo theme (pip install furo)"
)


def _landing(app: object, page: str, anchor: str) -> dict[str, object]:
    return check(Path(app.outdir), page, anchor)  # type: ignore[attr-defined]


@pytest.mark.sphinx(
    "html", testroot="builders", freshenv=True, confoverrides={"html_theme": "alabaster"}
)
def test_option_link_lands_on_its_entry_in_the_default_theme(app, warning) -> None:
    app.build()
    assert warnings_of(warning) == ""
    landing = _landing(app, "index.html", "cmdoption-grouped-pair")
    assert landing["clicked"] == "grouped --pair"
    assert str(landing["url"]).endswith("/whole.html#cmdoption-grouped-pair")
    assert landing["tag"] == "dt" and str(landing["text"]).startswith("--pair LO HI")
    assert landing["in_view"], landing
    assert "alabaster.css" in landing["stylesheets"]  # type: ignore[operator]


@pytest.mark.sphinx("html", testroot="builders", freshenv=True)
def test_summary_row_lands_on_its_entry_on_the_same_page(app) -> None:
    app.build()
    landing = _landing(app, "whole.html", "cmdoption-grouped-toggle")
    assert landing["clicked"] == "--toggle, --no-toggle"
    assert str(landing["text"]).startswith("--toggle, --no-toggle")
    assert landing["in_view"], landing


@needs_furo
@pytest.mark.sphinx(
    "html", testroot="builders", freshenv=True, confoverrides={"html_theme": "furo"}
)
def test_option_link_lands_on_its_entry_in_furo(app, warning) -> None:
    app.build()
    assert warnings_of(warning) == ""
    landing = _landing(app, "index.html", "cmdoption-grouped-pair")
    assert str(landing["url"]).endswith("/whole.html#cmdoption-grouped-pair")
    assert landing["tag"] == "dt" and landing["in_view"]
    assert "furo.css" in landing["stylesheets"]  # type: ignore[operator]
