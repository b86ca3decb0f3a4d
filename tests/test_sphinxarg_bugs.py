"""One test for each sphinx-argparse bug that a page switching to us must not meet."""

from __future__ import annotations

import argparse
import re
from collections import Counter
from pathlib import Path

import pytest
from conftest import warnings_of
from docutils import nodes
from sphinx import addnodes


def _state(parser: argparse.ArgumentParser) -> list[object]:
    """What sphinx-argparse rewrote: prog, group titles and colour, down every subparser."""
    state: list[object] = [parser.prog, getattr(parser, "color", None)]
    state += [group.title for group in parser._action_groups]
    for action in parser._actions:
        if isinstance(action, argparse._SubParsersAction):
            for sub in action.choices.values():
                state += _state(sub)
    return state


def _entry_text(doctree: nodes.document, name: str) -> str:
    for desc in doctree.findall(addnodes.desc):
        if name in desc[0]["allnames"]:
            return " ".join(desc[1].astext().split())
    raise AssertionError(name)


@pytest.mark.sphinx("html", testroot="sphinxarg-bugs", freshenv=True)
def test_manpage_with_nodescription_and_an_epilog_builds(app, warning) -> None:
    app.build()
    assert warnings_of(warning) == ""
    text = app.env.get_doctree("manpage").astext()
    assert "And an epilog." in text and "Has a description." not in text


@pytest.mark.sphinx("html", testroot="sphinxarg-bugs", freshenv=True)
def test_the_users_parser_is_left_as_it_was(app, warning) -> None:
    from subcommand_clis import VCS

    before = _state(VCS)
    app.build()
    assert warnings_of(warning) == ""
    assert _state(VCS) == before
    assert VCS.prog == "vcs" and VCS._action_groups[1].title == "options"
    # The :prog: given to the first directive is not what the second one (same object) sees.
    shared = app.env.get_doctree("shared")
    programs = {s["argdoc-program"] for s in shared.findall(addnodes.desc_signature)}
    assert programs == {
        "renamed-vcs",
        "renamed-vcs-commit",
        "renamed-vcs-checkout",
        "renamed-vcs-remote",
        "renamed-vcs-remote-add",
        "renamed-vcs-remote-remove",
        "vcs-commit",
    }


@pytest.mark.sphinx("html", testroot="sphinxarg-bugs", freshenv=True)
def test_a_default_the_help_already_names_is_not_printed_again(app) -> None:
    app.build()
    level = _entry_text(app.env.get_doctree("index"), "--level")
    assert level == "Level, 3 by default."
    assert "Default: a" in _entry_text(app.env.get_doctree("index"), "--mode")


@pytest.mark.sphinx("html", testroot="sphinxarg-bugs", freshenv=True)
def test_option_names_in_help_keep_their_two_dashes(app) -> None:
    app.build()
    doctree = app.env.get_doctree("index")
    assert _entry_text(doctree, "--mode").startswith("Mode (--level too).")
    html = (Path(app.outdir) / "index.html").read_text()
    assert "Mode (<span>--level</span> too)." in html and "\N{EN DASH}level" not in html
    commit = _entry_text(app.env.get_doctree("shared"), "--message")
    assert commit.startswith("Use --amend to change it later.")


@pytest.mark.sphinx("html", testroot="dropin-paths", freshenv=True)
def test_several_paths_on_one_page_give_unique_ids(app, warning) -> None:
    app.build()
    assert warnings_of(warning) == ""
    html = (Path(app.outdir) / "index.html").read_text()
    ids = re.findall(r'\sid="([^"]+)"', html)
    assert [i for i, n in Counter(ids).items() if n > 1] == []
    # sphinx-argparse's "{module}-{func}-{group}" id goes to the first section that had it.
    legacy = "subcommand_clis-vcs-positional-arguments"
    assert ids.count(legacy) == 1
    assert ids.index(legacy) < ids.index("vcs-checkout-co-switch")
    # In Markdown each eval-rst block is parsed apart; the page still has each id once.
    blocks = re.findall(r'\sid="([^"]+)"', (Path(app.outdir) / "blocks.html").read_text())
    assert [i for i, n in Counter(blocks).items() if n > 1] == []
    assert blocks.count("subcommand_clis-vcs-positional-arguments") == 1


@pytest.mark.sphinx("html", testroot="dropin-subcommands", freshenv=True)
def test_aliased_subcommands_keep_references_working(app, warning) -> None:
    app.build()
    assert warnings_of(warning) == ""
    html = (Path(app.outdir) / "vcs.html").read_text()
    # :option:`vcs co -b` and :option:`vcs switch target` go to the checkout entries.
    assert 'href="#cmdoption-vcs-checkout-b"' in html
    assert 'href="#cmdoption-vcs-checkout-arg-target"' in html
    # The section keeps sphinx-argparse's id for "checkout (co, switch)" and a clean one.
    assert 'id="vcs-checkout"' in html and 'id="vcs-checkout-co-switch"' in html
