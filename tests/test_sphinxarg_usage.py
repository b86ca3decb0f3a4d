"""The directive blocks of sphinx-argparse's usage documentation build unchanged with ours."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from conftest import TESTS, option_entry_list, section_titles

SAMPLE = TESTS / "clis" / "sphinxarg_sample.py"


def _only_the_misplaced_override(warnings: str) -> bool:
    """Whether the one warning is about the published example's misplaced ``--output -o``.

    Indented one space deeper than its siblings, that item ends up inside "install", which has
    no --output: it changes nothing, with sphinx-argparse as with us, and we say so.
    """
    lines = warnings.strip().splitlines()
    return len(lines) == 1 and "extend.rst:24:" in lines[0] and "install > --output" in lines[0]


def _sample_outside_srcdir(srcdir: Path) -> None:
    # One example names "../test/sample.py": a file next to the documentation's directory.
    target = srcdir.parent / "test" / "sample.py"
    target.parent.mkdir(exist_ok=True)
    shutil.copy(SAMPLE, target)


@pytest.mark.site("sphinxarg-usage", prepare=_sample_outside_srcdir)
def test_usage_examples_build_and_document_what_they_name(site) -> None:
    assert _only_the_misplaced_override(site.warnings), site.warnings
    entries = option_entry_list(site.env.get_doctree("usage"))
    programs = [program for program, _, _ in entries]
    assert programs.count("fancytool") == 2 * 4  # foo, bar, --output, --tuning; twice
    assert ("script.py", "foo", "foo help Default: False") in entries
    assert ("fancytool-install", "--upgrade", "foo2 help Default: False") in entries
    assert ("fancytool-install-subcomand1-subcommand2-subcommand3", "--depth") in {
        (p, n) for p, n, _ in entries
    }
    assert ("sample-game", "--addition") in {(p, n) for p, n, _ in entries}
    genindex = (site.outdir / "genindex.html").read_text()
    assert "Basic Commands" in genindex


@pytest.mark.site("sphinxarg-usage", prepare=_sample_outside_srcdir)
def test_extend_examples_put_body_text_where_they_say(site) -> None:
    assert _only_the_misplaced_override(site.warnings), site.warnings
    doctree = site.env.get_doctree("extend")
    text = " ".join(doctree.astext().split())
    assert "Also any valid markup…" in section_titles(doctree)
    assert "any directives you usually use." in text
    entries = option_entry_list(doctree)
    foo = [content for program, name, content in entries if name == "foo"]
    assert foo[1] == (
        "foo help Default: False This text will go right after the “foo” positional argument help."
    )
    assert foo[2] == (
        "This text will go before the “foo” positional argument help. foo help Default: False"
    )
    upgrade = [content for program, name, content in entries if name == "--upgrade"]
    # In the second block reST reads "--upgrade -u" (after a deeper-indented paragraph) as the
    # attribution of a block quote, for sphinx-argparse as for us: only the install text lands.
    assert upgrade[1] == "foo2 help Default: False"
    assert "install help This text will go right after the “install”" in text
    assert upgrade[2].endswith("so you needn\N{RIGHT SINGLE QUOTATION MARK}t specify it.")
    assert "This text will replace the “install” subcommand help/description." in text
    # The third block skips the "advanced arguments" group: --tuning is in the first two only.
    assert [name for _, name, _ in entries].count("--tuning") == 2


@pytest.mark.site("sphinxarg-usage", prepare=_sample_outside_srcdir)
def test_sample_pages_document_the_sample_and_its_subcommand(site) -> None:
    assert _only_the_misplaced_override(site.warnings), site.warnings
    entries = option_entry_list(site.env.get_doctree("sample"))
    programs = [program for program, _, _ in entries]
    assert programs.count("sample-apply") == 3 and programs.count("sample-game") == 2 * 3
    assert ("sample-apply", "path", "The script (default provision.py).") in entries
    # The override under "subcommand" adds a link to the page of that subcommand.
    html = (site.outdir / "cmd_main.html").read_text()
    assert "to simplify navigation.\nSee <a" in html and 'href="cmd_subcommand.html"' in html
    subcommand = option_entry_list(site.env.get_doctree("cmd_subcommand"))
    assert subcommand == [("fancytool-subcommand", "--dry-run", "Change nothing. Default: False")]
