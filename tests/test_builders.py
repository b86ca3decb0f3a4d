"""Every builder renders a grouped page and a whole-parser page, nitpicky and without warnings."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from conftest import TESTS, build_project

EXAMPLES = TESTS.parent / "examples"

#: The file each builder writes for the whole-parser page (man and LaTeX write one document).
OUTPUT = {
    "html": "whole.html",
    "dirhtml": "whole/index.html",
    "singlehtml": "index.html",
    "text": "whole.txt",
    "man": "grouped.1",
    "latex": "builders.tex",
    "epub": "whole.xhtml",
    "xml": "whole.xml",
}


#: Every build of the builders root here is nitpicky: a broken reference is a warning too.
NITPICKY = {"nitpicky": True}


@pytest.mark.parametrize("builder", list(OUTPUT))
def test_builder_renders_entries_and_summaries_without_warnings(build_site, builder) -> None:
    site = build_site("builders", builder, confoverrides=NITPICKY)
    assert site.warnings == ""
    text = _hyphens_unescaped((site.outdir / OUTPUT[builder]).read_text())
    for shown in ("LO HI", "no-toggle", "Where to read from.", "Pick a colour.", "Colour.RED"):
        assert shown in text, shown
    assert "Description" in text  # the :summary: table's heading
    # User text is parsed, never passed through as markup.
    for stray in ("``", ":option:", ":ref:", "eval-rst", "{argparse}", ".. argparse"):
        assert stray not in text


def _hyphens_unescaped(text: str) -> str:
    # man writes "-" as \-, LaTeX as \sphinxhyphen{}.
    return text.replace("\\sphinxhyphen{}", "-").replace("\\-", "-")


@pytest.mark.site("builders", "text", confoverrides=NITPICKY)
def test_text_output_reads_as_plain_text(site) -> None:
    text = (site.outdir / "whole.txt").read_text()
    assert '--toggle, --no-toggle\n\n   On/off.\n\n   *Default:* "True"' in text
    assert '| "--pair"' in text and "| A range." in text
    assert max(len(line) for line in text.splitlines()) <= 100
    links = (site.outdir / "index.txt").read_text()
    assert "the program grouped and the group Input and\noutput." in links
    assert site.warnings == ""


@pytest.mark.site("builders", "man", confoverrides=NITPICKY)
def test_man_page_has_one_tagged_paragraph_per_option(site) -> None:
    page = (site.outdir / "grouped.1").read_text()
    assert ".TP\n.B \\-\\-toggle, \\-\\-no\\-toggle\nOn/off." in page
    assert ".TP\n.B \\-\\-pair LO HI\nA range." in page
    tables = re.findall(r"^\.TS$(.*?)^\.TE$", page, flags=re.MULTILINE | re.DOTALL)
    assert any("\\-\\-pair" in table and "A range." in table for table in tables)
    assert ".SS Input and output" in page


@pytest.mark.parametrize("builder", list(OUTPUT))
def test_servecli_example_builds_in_every_builder(builder: str, tmp_path: Path) -> None:
    built = build_project(
        EXAMPLES / "servecli" / "docs",
        builder,
        builddir=tmp_path,
        # EPUB wants a version and a copyright notice; the example sets neither.
        confoverrides={"nitpicky": True, "version": "0.1", "copyright": "the authors"},
    )
    assert built.warnings == ""
    written = "".join(path.read_text(errors="replace") for path in _pages(tmp_path / builder))
    assert "--tensor-parallel-size" in _hyphens_unescaped(written)


def _pages(outdir: Path) -> list[Path]:
    suffixes = {".html", ".xhtml", ".txt", ".1", ".tex", ".xml"}
    return [path for path in outdir.rglob("*") if path.suffix in suffixes]
