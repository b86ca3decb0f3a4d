"""What a reader sees: targets and links, :no-index:, rich entries, summaries, MyST nesting."""

from __future__ import annotations

import argparse
import re
import sys

import pytest
from conftest import html_ids, inventory
from docutils import nodes

from sphinx_argdoc import introspect


@pytest.mark.site("reader")
def test_program_and_group_labels_link_from_myst_and_rest(site) -> None:
    assert site.warnings == ""
    links = site.page("links").html
    assert re.search(r'href="nested.html#argdoc-deep"><span class="std std-ref">deep<', links)
    group = 'href="nested.html#deep-input-and-output"><span class="std std-ref">Input and output<'
    assert group in links
    assert 'href="nested.html#deep-options"><span class="std std-ref">ungrouped options<' in links
    assert 'href="twice.html#argdoc-twice-input-and-output"' in links
    assert 'href="rich.html#argdoc-rich"' in links
    assert 'href="rich.html#rich-tuning"><span class="std std-ref">Tuning<' in links
    assert 'id="argdoc-deep"' in site.page("nested").html
    assert 'id="argdoc-twice-input-and-output"' in site.page("twice").html


@pytest.mark.site("reader")
def test_no_index_copies_register_nothing_and_keep_unique_ids(site) -> None:
    assert site.warnings == ""
    entries = [(name, uri) for name, role, uri in inventory(site.outdir) if "twice" in name]
    pair = [uri for name, uri in entries if name.endswith("--pair")]
    assert pair == ["twice.html#cmdoption-twice-pair"]
    # The :noindex: whole parser has ungrouped options that no indexed block has.
    assert not any(name.endswith("--verbose") for name, _ in entries)
    labels = {name for name, role, _ in inventory(site.outdir) if role == "std:label"}
    assert "argdoc-twice-input-and-output" in labels and "argdoc-twice" not in labels
    page = site.page("twice").html
    ids = html_ids(page)
    assert len(ids) == len(set(ids))
    assert all(i == i.lower() for i in ids)
    assert {"cmdoption-twice-pair", "cmdoption-twice-pair-2", "cmdoption-twice-pair-3"} <= set(ids)
    # Each copy keeps its own permalink.
    for anchor in ("cmdoption-twice-pair", "cmdoption-twice-pair-2"):
        assert f'<a class="headerlink" href="#{anchor}"' in page
    genindex = (site.outdir / "genindex.html").read_text()
    assert "twice.html#cmdoption-twice-pair-2" not in genindex
    assert "twice.html#cmdoption-twice-pair" in genindex


@pytest.mark.site("reader")
def test_native_myst_directive_nests_under_the_surrounding_heading(site) -> None:
    assert site.warnings == ""
    page = site.page("nested").html
    headings = re.findall(r"<h(\d)>([^<]+)<", page[page.index('role="main"') :])
    assert headings[:7] == [
        ("1", "Nested"),
        ("2", "Level two"),
        ("3", "Level three"),
        ("4", "positional arguments"),
        ("4", "options"),
        ("4", "Input and output"),
        ("2", "Back at level two"),
    ]
    doctree = site.env.get_doctree("nested")
    after = [s for s in doctree.findall(nodes.section) if s[0].astext() == "Back at level two"]
    assert len(after) == 1 and after[0].parent is doctree[0]
    # Help is reST in a native MyST directive too: ``API`` is code, not literal backquotes.
    token = _entry_html(page, "cmdoption-rich-native-token")
    assert '<code class="docutils literal notranslate"><span class="pre">API</span></code>' in token
    assert "``" not in token


@pytest.mark.site("reader")
def test_rich_entries(site) -> None:
    assert site.warnings == ""
    page = site.page("rich").html
    color = _entry_html(page, "cmdoption-rich-color")
    assert ">--color</span>" in color and ">--no-color</span>" in color
    # One entry for both names; --no-color is a second anchor of that entry.
    for anchor in ("cmdoption-rich-color", "cmdoption-rich-no-color"):
        assert page.count(f'id="{anchor}"') == 1
    assert 'id="cmdoption-rich-no-color"' in color
    assert "<strong>Required</strong>" in _entry_html(page, "cmdoption-rich-token")
    assert "<code" in _entry_html(page, "cmdoption-rich-token")  # the help's ``API`` is code
    old = _entry_html(page, "cmdoption-rich-old-flag")
    assert "<strong>Deprecated</strong>" in old
    assert 'class="std option argdoc-deprecated"' in page
    mode = _entry_html(page, "cmdoption-rich-mode")
    # The signature lists the choices: they are not repeated below it.
    assert "{fast,safe}" in mode and "Choices:" not in mode
    assert "--sizes [SIZES ...]" in _text(_entry_html(page, "cmdoption-rich-sizes"))
    schedule = _text(_entry_html(page, "cmdoption-rich-schedule"))
    assert "Default: [0.5, 0.5, 0.5, 0.5, 0.5, 0.5, ...]" in schedule
    overrides = _text(_entry_html(page, "cmdoption-rich-overrides"))
    assert "layer2" in overrides and "layer39" not in overrides and "…" in overrides


@pytest.mark.site("reader")
def test_summary_rows_link_to_entries_with_the_first_sentence(site) -> None:
    doctree = site.env.get_doctree("rich")
    tables = list(doctree.findall(nodes.table))
    assert len(tables) == 4  # positionals, options, Tuning; Tuning again under :nodefault:
    rows = [
        [cell.astext() for cell in row.findall(nodes.entry)] for row in tables[1].findall(nodes.row)
    ]
    assert rows[0] == ["Option", "Value", "Default", "Description"]
    assert rows[1] == ["--color, --no-color", "", "True", "Colour the output."]
    assert rows[2] == ["--token", "TOKEN", "", "The API token. Required"]
    assert rows[3] == ["--mode", "{fast,safe}", "safe", "How to run, e.g. fast."]
    refs = [ref["refid"] for ref in tables[1].findall(nodes.reference)]
    assert refs == [f"cmdoption-rich-{name}" for name in ("color", "token", "mode", "sizes")]
    page = site.page("rich").html
    assert 'href="#cmdoption-rich-color"><code' in page
    assert not any(node["ids"] for table in tables for node in table.findall(nodes.Element))
    plain = [
        [cell.astext() for cell in row.findall(nodes.entry)] for row in tables[3].findall(nodes.row)
    ]
    assert plain[0] == ["Option", "Value", "Description"]
    assert plain[1] == ["--overrides", "OVERRIDES", "Per-layer overrides."]
    assert plain[-1] == ["--old-flag", "", "Do the old thing. Deprecated"]


def _text(html: str) -> str:
    return " ".join(re.sub(r"<[^>]+>", " ", html).split()).replace(" ,", ",")


def _entry_html(page: str, anchor: str) -> str:
    start = page.index(f'id="{anchor}"')
    return page[start : page.index("</dd>", start)]


def test_long_defaults_are_shortened_the_same_way_each_time() -> None:
    parser = argparse.ArgumentParser(prog="p")
    parser.add_argument("--table", default={f"k{i}": list(range(i)) for i in range(50)})
    parser.add_argument("--text", default="x" * 300)
    parser.add_argument("--short", default={"b": 2, "a": 1})
    parser.add_argument("--choices", default={"zeta", "alpha", "mid"})
    options = {o.names[0]: o for o in introspect.build(parser, "p").groups[1].options}
    assert options["--table"].default == "{'k0': [], 'k1': [0], 'k2': [0, 1], 'k3': [0, 1, 2], ...}"
    assert options["--text"].default == "x" * 79 + "…"
    assert options["--short"].default == "{'b': 2, 'a': 1}"  # short ones are shown whole, in order
    assert options["--choices"].default == "{'alpha', 'mid', 'zeta'}"


def test_deprecated_is_read_from_the_action() -> None:
    parser = argparse.ArgumentParser(prog="p")
    old = parser.add_argument("--old", help="Old.")
    parser.add_argument("--new", help="New.")
    # Stands in for Python 3.13's deprecated=True on any Python.
    old.deprecated = True  # type: ignore[attr-defined]
    options = {o.names[0]: o for o in introspect.build(parser, "p").groups[1].options}
    assert options["--old"].deprecated and not options["--new"].deprecated


@pytest.mark.skipif(sys.version_info < (3, 13), reason="deprecated= is new in Python 3.13")
def test_deprecated_argument_of_python_3_13() -> None:
    parser = argparse.ArgumentParser(prog="p")
    parser.add_argument("--old", deprecated=True, help="Old.")  # type: ignore[call-arg]
    (option,) = introspect.build(parser, "p").groups[1].options
    assert option.deprecated


@pytest.mark.site("events")
def test_events_let_conf_change_entries_and_groups(site) -> None:
    doctree = site.env.get_doctree("index")
    needed = [n for n in doctree.findall(nodes.Element) if "needed" in n["classes"]]
    assert [n.next_node(nodes.Element).astext() for n in needed] == ["--name NAME"]
    assert "cmdoption-grouped-const" not in site.page("index").html
    table = next(doctree.findall(nodes.table))
    assert "--const" not in table.astext()
    assert "grouped: 14 options in Input and output." in doctree.astext()
    assert "bad-format" in site.warnings  # the sample's broken help, and nothing else
    assert len(site.warnings.splitlines()) == 1


@pytest.mark.site("reader")
def test_ids_stay_unique_across_the_blocks_of_a_markdown_page(site) -> None:
    assert site.warnings == ""
    ids = site.page("twice_md").ids()
    assert len(ids) == len(set(ids))
    assert {
        "cmdoption-mdcopies-pair",
        "cmdoption-mdcopies-pair-2",
        "cmdoption-mdcopies-pair-3",
    } <= set(ids)
    pair = [
        uri
        for name, _, uri in inventory(site.outdir)
        if "mdcopies" in name and name.endswith("--pair")
    ]
    assert pair == ["twice_md.html#cmdoption-mdcopies-pair"]
