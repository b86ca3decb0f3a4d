"""Huge CLIs: subcommands nested 50 deep, a thousand argument groups."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

import huge_clis
import pytest
from bare import render_bare
from conftest import warnings_of
from docutils import nodes
from docutils.frontend import get_default_settings
from docutils.parsers.rst import Parser as RstParser
from docutils.utils import new_document
from sphinx import addnodes

from sphinx_argdoc import introspect, register, select
from sphinx_argdoc.parts import Choice, std_name
from sphinx_argdoc.problems import ArgdocError

LEVELS = [" ".join(["deep"] + [f"level{n}" for n in range(1, k + 1)]) for k in range(51)]


def _signatures(doctree: nodes.Node) -> list[tuple[str, tuple[str, ...]]]:
    return [
        (node[register.PROGRAM_ATTRIBUTE], tuple(node["allnames"]))
        for node in doctree.findall(addnodes.desc_signature)
    ]


def _section_depth(node: nodes.Node) -> int:
    depth, parent = 0, node.parent
    while parent is not None:
        depth += isinstance(parent, nodes.section)
        parent = parent.parent
    return depth


@pytest.mark.sphinx("html", testroot="deep", freshenv=True)
def test_fifty_levels_of_subcommands_build_and_link(app, warning) -> None:
    app.build()
    assert warnings_of(warning) == ""
    doctree = app.env.get_doctree("deep")
    expected = [(std_name(prog), (f"--opt{n}",)) for n, prog in enumerate(LEVELS)]
    assert _signatures(doctree) == expected
    html = (Path(app.outdir) / "deep.html").read_text()
    assert f'id="cmdoption-{std_name(LEVELS[50])}-opt50"' in html
    index = (Path(app.outdir) / "index.html").read_text()
    assert 'href="deep.html#cmdoption-deep-level1-level2-opt2"' in index
    assert 'href="deep.html#cmdoption-deep-level1-level2-level3-level4-opt4"' in index


@pytest.mark.sphinx("text", testroot="deep", freshenv=True)
def test_deep_subcommands_stay_within_the_heading_levels_writers_have(app, warning) -> None:
    app.build()
    assert warnings_of(warning) == ""
    doctree = app.env.get_doctree("deep")
    titles = {
        section[0].astext(): _section_depth(section) for section in doctree.findall(nodes.section)
    }
    # Page title, two nested subcommand levels (their groups and "Sub-commands" are rubrics);
    # the rest follow flat, titled with the whole command: three heading levels at most.
    assert titles["level1"] == 1 and titles["level2"] == 2
    assert titles[LEVELS[3]] == titles[LEVELS[50]] == 2
    assert max(titles.values()) == 2
    text = (Path(app.outdir) / "deep.txt").read_text()
    assert text.index(LEVELS[49]) < text.index("--opt49") < text.index(LEVELS[50])


def test_a_thousand_groups_each_render_and_select() -> None:
    parser = huge_clis.many_groups(1000)
    parsed = introspect.build(parser, "wide")
    assert len(parsed.custom_group_titles) == 1000
    document = new_document("<size>", get_default_settings(RstParser))  # type: ignore[arg-type]
    whole = render_bare(parsed, select.select(parsed, Choice()), document)
    sections = [node for node in whole if isinstance(node, nodes.section)]
    assert [section[0].astext() for section in sections] == [f"Group {n}" for n in range(1000)]
    names = [names for root in sections for _, names in _signatures(root)]
    assert names == [(f"--g{n}-o0",) for n in range(1000)]
    last = render_bare(parsed, select.select(parsed, Choice("Group 999")), document)
    assert [names for root in last for _, names in _signatures(root)] == [("--g999-o0",)]


def test_subcommands_that_loop_back_are_an_error_not_a_crash() -> None:
    parser = argparse.ArgumentParser(prog="loop")
    child = parser.add_subparsers().add_parser("child")
    # Real code reaches this by registering a shared parser under itself.
    child.add_subparsers().choices["again"] = parser
    with pytest.raises(ArgdocError, match="loop child again is loop again"):
        introspect.build(parser, "loop")


def test_absurdly_deep_subcommands_are_an_error_not_a_crash() -> None:
    assert introspect.build(huge_clis.nested(300), "deep").subcommands
    with pytest.raises(ArgdocError, match="nest too deep"):
        introspect.build(huge_clis.nested(sys.getrecursionlimit()), "deep")
