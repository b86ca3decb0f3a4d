"""In a real browser, option links land on their entries, in the default theme and in furo.

Needs Debian's ``chromium`` (``apt-get install chromium``); skipped without it.
"""

from __future__ import annotations

import importlib.util
from pathlib import Path

import pytest
from browser_check import check, chromium
from conftest import TESTS, build_project

pytestmark = pytest.mark.skipif(chromium() is None, reason="needs chromium on PATH")

SERVECLI_DOCS = TESTS.parent / "examples" / "servecli" / "docs"
THEMES = [
    pytest.param("alabaster", "alabaster.css", id="default-theme"),
    pytest.param(
        "furo",
        "furo.css",
        id="furo",
        marks=pytest.mark.skipif(
            importlib.util.find_spec("furo") is None, reason="needs furo (pip install furo)"
        ),
    ),
]


def _built_example(theme: str, builddir: Path) -> Path:
    built = build_project(SERVECLI_DOCS, builddir=builddir, confoverrides={"html_theme": theme})
    assert built.warnings == ""
    return built.outdir


@pytest.mark.parametrize(("theme", "stylesheet"), THEMES)
def test_option_link_of_the_example_lands_on_its_entry(
    theme: str, stylesheet: str, tmp_path: Path
) -> None:
    landing = check(_built_example(theme, tmp_path), "index.html", "cmdoption-servecli-model-path")
    assert landing["clicked"] == "servecli --model-path"
    assert str(landing["url"]).endswith("/cli.html#cmdoption-servecli-model-path")
    assert landing["tag"] == "dt" and str(landing["text"]).startswith("--model-path PATH")
    assert landing["in_view"], landing
    assert stylesheet in landing["stylesheets"]  # type: ignore[operator]


@pytest.mark.sphinx(
    "html", testroot="builders", freshenv=True, confoverrides={"html_theme": "alabaster"}
)
def test_summary_row_lands_on_its_entry_on_the_same_page(app) -> None:
    app.build()
    landing = check(
        Path(app.outdir), "whole.html", "cmdoption-grouped-toggle", within="table.argdoc-summary"
    )
    assert landing["clicked"] == "--toggle, --no-toggle"
    assert str(landing["text"]).startswith("--toggle, --no-toggle")
    assert landing["in_view"], landing
