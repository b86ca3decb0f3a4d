"""What a reader sees: entries, ids, links, defaults, sections."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from conftest import inventory, section_titles, warnings_of
from docutils import nodes
from sphinx import addnodes


@pytest.fixture(scope="module")
def built(build_site):  # type: ignore[no-untyped-def]
    return build_site("basic")


def _entries(app, docname: str) -> dict[str, addnodes.desc_signature]:  # type: ignore[no-untyped-def]
    doctree = app.env.get_doctree(docname)
    return {sig["ids"][0]: sig for sig in doctree.findall(addnodes.desc_signature)}


def _content(signature: addnodes.desc_signature) -> str:
    return signature.parent[1].astext()


def test_builds_without_warnings(built) -> None:  # type: ignore[no-untyped-def]
    assert built.warnings == ""


def test_every_entry_has_a_stable_lowercase_id(built) -> None:  # type: ignore[no-untyped-def]
    entries = _entries(built, "whole")
    assert sorted(entries) == sorted(
        f"cmdoption-grouped-{name}"
        for name in (
            "arg-source", "v", "fast", "slow", "pair", "colour", "level", "percent", "thing",
            "mapping", "items", "bad-format", "name", "toggle", "const", "many", "json", "yaml",
        )
    )  # fmt: skip
    assert entries["cmdoption-grouped-pair"].astext() == "--pair LO HI"
    assert entries["cmdoption-grouped-v"].astext() == "-v, --verbose"
    # Every name has its own anchor, as with Sphinx's own option directive.
    assert entries["cmdoption-grouped-v"]["ids"] == [
        "cmdoption-grouped-v",
        "cmdoption-grouped-verbose",
    ]
    assert entries["cmdoption-grouped-toggle"].astext() == "--toggle, --no-toggle"


def test_entry_details(built) -> None:  # type: ignore[no-untyped-def]
    entries = _entries(built, "whole")
    assert _content(entries["cmdoption-grouped-name"]) == "Needed.\n\nRequired"
    assert _content(entries["cmdoption-grouped-thing"]) == (
        "An object default.\n\nDefault: <sample_clis.Opaque>"
    )
    # The help shows the default already, the signature the choices: neither is repeated.
    assert _content(entries["cmdoption-grouped-level"]) == "Level low."
    assert _content(entries["cmdoption-grouped-fast"]) == (
        "Go fast.\n\nDefault: False · Mutually exclusive with --slow"
    )


def test_nodefaultconst_hides_flag_defaults_only(built) -> None:  # type: ignore[no-untyped-def]
    entries = _entries(built, "split")
    assert _content(entries["cmdoption-grouped-split-fast"]) == (
        "Go fast.\n\nMutually exclusive with --slow"
    )
    assert _content(entries["cmdoption-grouped-split-v"]) == "More output.\n\nDefault: 0"
    # The :group: block on that page does not ask for it.
    assert _content(entries["cmdoption-grouped-split-const"]).endswith("Default: 1")
    assert _content(entries["cmdoption-grouped-split-percent"]).endswith("Default: 0.5")


def test_whole_parser_has_usage_description_sections_and_epilog(built) -> None:  # type: ignore[no-untyped-def]
    doctree = built.env.get_doctree("whole")
    titles = section_titles(doctree)
    assert titles == ["Whole parser", "positional arguments", "options", "Input and output"]
    (usage,) = doctree.findall(nodes.literal_block)
    assert usage.astext().startswith("usage: grouped [-h] [-v] [--fast | --slow] [--pair LO HI]")
    text = doctree.astext()
    assert text.index("A tool with groups.") < text.index("positional arguments")
    assert text.rstrip().endswith("See grouped docs.")


def test_nogroup_titles_the_default_groups_when_both_have_entries(built) -> None:  # type: ignore[no-untyped-def]
    doctree = built.env.get_doctree("split")
    rubrics = [r.astext() for r in doctree.findall(nodes.rubric)]
    assert rubrics == ["positional arguments", "options"]


def test_links_and_inventory(built) -> None:  # type: ignore[no-untyped-def]
    html = (Path(built.outdir) / "index.html").read_text()
    for target in ("pair", "arg-source", "toggle"):
        assert f'href="whole.html#cmdoption-grouped-{target}"' in html
    names = {n for n, role, _ in inventory(Path(built.outdir)) if role == "std:cmdoption"}
    assert {"grouped --no-toggle", "grouped split --pair"} <= {
        re.sub(r"^(grouped(?:-split)?)\.", r"\1 ", n).replace("-split", " split") for n in names
    }


def test_general_index_lists_options_under_the_program(built) -> None:  # type: ignore[no-untyped-def]
    html = (Path(built.outdir) / "genindex.html").read_text()
    assert "grouped command line option" in html
    assert 'href="whole.html#cmdoption-grouped-pair"' in html


@pytest.mark.sphinx("html", testroot="basic", freshenv=True)
def test_same_program_twice_on_a_page_keeps_ids_unique(app, warning) -> None:  # type: ignore[no-untyped-def]
    extra = Path(app.srcdir) / "twice.rst"
    block = (
        ".. argparse::\n   :module: sample_clis\n   :func: grouped\n   :group: Input and output\n"
    )
    extra.write_text(f"Twice\n=====\n\n{block}\n{block}")
    (Path(app.srcdir) / "index.rst").write_text(
        (Path(app.srcdir) / "index.rst").read_text().replace("   split\n", "   split\n   twice\n")
    )
    app.build()
    ids = [sig["ids"][0] for sig in app.env.get_doctree("twice").findall(addnodes.desc_signature)]
    assert len(ids) == len(set(ids)) == 2 * 14
    assert "cmdoption-grouped-pair" in ids and "cmdoption-grouped-pair-2" in ids
    assert warnings_of(warning) == ""


def test_nodefault_hides_every_default(built) -> None:  # type: ignore[no-untyped-def]
    entries = _entries(built, "nodefault")
    assert len(entries) == 14
    assert not [i for i, sig in entries.items() if "Default:" in _content(sig)]
    # Help that spells out its default keeps it: that text is the author's.
    assert _content(entries["cmdoption-grouped-quiet-level"]).startswith("Level low.")
