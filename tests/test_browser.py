"""In a real browser, option links land on their entries, in the default theme and in furo.

Needs Debian's ``chromium`` (``apt-get install chromium``); skipped without it.
"""

from __future__ import annotations

import importlib.util
from pathlib import Path

import pagelook
import pytest
from browser_check import check, chromium
from conftest import TESTS, build_project

from sphinx_argdoc import introspect

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


needs_furo = pytest.mark.skipif(
    importlib.util.find_spec("furo") is None
    or importlib.util.find_spec("sphinx_argparse_cli") is None,
    reason="needs furo and sphinx-argparse-cli (the test extra)",
)


@needs_furo
def test_a_300_option_page_is_at_most_a_third_taller_per_option_than_argparse_clis(
    tmp_path: Path,
) -> None:
    found = pagelook.heights(tmp_path)
    ours, theirs = found["sphinx-argdoc"], found["sphinx-argparse-cli"]
    assert ours["per_option"] <= 1.3 * theirs["per_option"], (
        ours["per_option"],
        theirs["per_option"],
    )
    assert ours["entries"] == 300 and ours["overflowing"] == [] and ours["repeated_ids"] == []
    # Every fact is still on the page: names, help, types and defaults as the model has them.
    bench = pagelook.bench_module()
    namespace: dict[str, object] = {}
    exec(bench.cli_module(bench.Shape(300), 0.0), namespace)
    model = introspect.build(namespace["build_parser"](), "bench")  # type: ignore[operator]
    text = ours["text"]
    for group in model.groups:
        for option in group.options:
            for shown in (option.names[0], option.help, option.default, option.type_name):
                assert shown is None or shown in text, (option.names, shown)


@needs_furo
@pytest.mark.parametrize("example", sorted(pagelook.PAGES))
def test_example_pages_have_unique_ids_linked_usage_and_no_overflow(
    example: str, tmp_path: Path
) -> None:
    built = pagelook.build(TESTS.parent / "examples" / example / "docs", tmp_path / "html", "furo")
    pages = sorted(path.relative_to(built).as_posix() for path in built.glob("*.html"))
    with pagelook.browser() as tab:
        for page in pages:
            measured = pagelook.measure(tab, built, page, 1440)
            assert measured["repeated_ids"] == [], (page, measured["repeated_ids"])
            assert measured["overflowing"] == [], page
            # Every link of the usage lands on an option's entry.
            assert measured["usage_links_landing"] == measured["usage_links"], page
        usage = pagelook.measure(tab, built, pagelook.PAGES[example][0], 1440)
        assert usage["usage_links"] > 0


@needs_furo
def test_usage_and_summary_fit_the_content_box_at_1440_and_scroll_at_400(tmp_path: Path) -> None:
    built = build_project(
        TESTS / "roots" / "test-builders",
        builddir=tmp_path,
        confoverrides={"html_theme": "furo"},
    )
    assert built.warnings == ""
    with pagelook.browser() as tab:
        wide = pagelook.measure(tab, built.outdir, "whole.html", 1440)
        assert wide["overflowing"] == []
        assert wide["usage_links"] == wide["usage_links_landing"] > 10
        narrow = pagelook.measure(tab, built.outdir, "whole.html", 400)
        # At 400 px the usage and the tables scroll inside their column: nothing sticks out.
        assert narrow["page_overflow"] is False
