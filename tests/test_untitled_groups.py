"""Argument groups without a title: their entries go where ``--help`` puts them, unheaded."""

from __future__ import annotations

import itertools
import re

import pytest
from conftest import section_titles
from docutils import nodes
from sphinx import addnodes

#: The entries of the whole ``mixed`` parser in the order ``--help`` lists them.
ORDER = [
    "arg-source", "verbose", "alpha", "between", "beta", "empty", "blank", "run-first", "run-gamma",
]  # fmt: skip
#: The section titles of the whole ``mixed`` parser's page: under subcommands, the groups are
#: headings (rubrics) that stay out of the contents, and the commands are its sections.
TITLES = ["Whole", "run"]


def _ids_in_order(doctree: nodes.document, prog: str = "mixed") -> list[str]:
    prefix = f"cmdoption-{prog}-"
    return [sig["ids"][0].removeprefix(prefix) for sig in doctree.findall(addnodes.desc_signature)]


def _section_of(doctree: nodes.document, option_id: str) -> str:
    (signature,) = (s for s in doctree.findall(addnodes.desc_signature) if option_id in s["ids"])
    section = signature.parent
    while not isinstance(section, nodes.section) and "argdoc-group" not in section["classes"]:
        section = section.parent
    return section[0].astext()


@pytest.mark.site("untitled-groups", "html", confoverrides={"nitpicky": True})
def test_untitled_groups_join_the_group_before_them_without_a_heading(site) -> None:
    assert site.warnings == ""
    doctree = site.env.get_doctree("whole")
    titles = section_titles(doctree)
    assert titles == TITLES
    # Every entry once, in the order of --help.
    assert _ids_in_order(doctree) == ORDER
    sections = {name: _section_of(doctree, f"cmdoption-mixed-{name}") for name in ORDER}
    assert sections == {
        "arg-source": "positional arguments",
        "verbose": "options",
        "alpha": "Alpha",
        "between": "Alpha",
        "beta": "Beta",
        "empty": "Beta",
        "blank": "Beta",
        # Ahead of Gamma, the first titled group of run: in run's own section.
        "run-first": "run",
        "run-gamma": "Gamma",
    }
    # The untitled group's description heads its entries, as in --help.
    after_usage = doctree.astext().partition("Groups with and without titles.")[2]
    between = ("--alpha ALPHA", "Between the titled groups.", "--between BETWEEN")
    positions = [after_usage.index(each) for each in between]
    assert positions == sorted(positions)
    # Entries without a heading are options all the same: ids, links, index entries.
    std = site.env.get_domain("std")
    for prog, name in (("mixed", "--between"), ("mixed", "--empty"), ("mixed", "--blank")):
        assert std.progoptions[prog, name] == ("whole", f"cmdoption-mixed-{name[2:]}")
    assert std.progoptions["mixed-run", "--first"] == ("whole", "cmdoption-mixed-run-first")
    index = (site.outdir / "index.html").read_text()
    for target in ("mixed-between", "mixed-empty", "mixed-run-first"):
        assert f'href="whole.html#cmdoption-{target}"' in index
    genindex = (site.outdir / "genindex.html").read_text()
    for target in ("mixed-between", "mixed-empty", "mixed-blank", "mixed-run-first"):
        assert f'href="whole.html#cmdoption-{target}"' in genindex
    # The program's label keeps leading to its usage, with the program as its text.
    assert std.labels["argdoc-mixed"] == ("whole", "argdoc-mixed", "mixed")
    assert std.labels["argdoc-mixed-alpha"] == ("whole", "mixed-alpha", "Alpha")


@pytest.mark.site("untitled-groups")
def test_nogroup_gives_untitled_groups_no_rubric_and_no_label(site) -> None:
    assert site.warnings == ""
    doctree = site.env.get_doctree("parts")
    assert [rubric.astext() for rubric in doctree.findall(nodes.rubric)] == [
        "positional arguments",
        "options",
    ]
    assert _ids_in_order(doctree, "parts") == ["arg-source", "verbose", "between", "empty", "blank"]
    assert "argdoc-parts" not in site.env.get_domain("std").labels


@pytest.mark.site("untitled-groups")
def test_manpage_layout_has_no_empty_heading(site) -> None:
    assert site.warnings == ""
    doctree = site.env.get_doctree("manpage")
    titles = section_titles(doctree)
    assert titles == [
        "Manual page", "Synopsis", "Description", "Options", "positional arguments", "options",
        "Alpha", "Beta", "Sub-commands",
    ]  # fmt: skip
    # As in sphinx-argparse's manual pages, the subcommands are listed, not documented in full.
    assert _ids_in_order(doctree, "man-mixed") == [e for e in ORDER if not e.startswith("run-")]
    (listed,) = doctree.findall(nodes.definition_list)
    assert listed.astext().startswith("man-mixed run [-h]")


def _headings(text: str) -> list[str]:
    """The lines that the text writer underlines as titles."""
    lines = text.splitlines()
    return [
        above
        for above, line in itertools.pairwise(lines)
        if re.fullmatch(r"([=*\-~\"^+`])\1*", line)
    ]


@pytest.mark.site("untitled-groups", "text", confoverrides={"nitpicky": True})
def test_text_output_has_every_entry_and_no_empty_heading(site) -> None:
    assert site.warnings == ""
    text = (site.outdir / "whole.txt").read_text()
    assert _headings(text) == TITLES
    shown = [
        "--alpha ALPHA",
        "Between the titled groups.",
        "--between BETWEEN",
        "-[ Beta ]-",
        "--beta BETA",
        "--empty EMPTY",
        "--blank BLANK",
        "run",
        "--first FIRST",
        "-[ Gamma ]-",
        "--gamma GAMMA",
    ]
    # Each on a line of its own: the usage shows the options too, in brackets.
    lines = text.splitlines()
    positions = [lines.index(each) for each in shown]
    assert positions == sorted(positions)
    for each in shown:
        assert lines.count(each) == 1, each
