"""One test for each sphinx-argparse bug that a page switching to us must not meet."""

from __future__ import annotations

import argparse
from collections import Counter

import pytest
from conftest import option_entry_text, warnings_of
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


@pytest.mark.site("sphinxarg-bugs")
def test_manpage_with_nodescription_and_an_epilog_builds(site) -> None:
    assert site.warnings == ""
    text = site.env.get_doctree("manpage").astext()
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


@pytest.mark.site("sphinxarg-bugs")
def test_a_default_the_help_already_names_is_not_printed_again(site) -> None:
    level = option_entry_text(site.env.get_doctree("index"), "--level")
    assert level == "Level, 3 by default. Type: int"
    assert "Default: a" in option_entry_text(site.env.get_doctree("index"), "--mode")


@pytest.mark.site("sphinxarg-bugs")
def test_option_names_in_help_keep_their_two_dashes(site) -> None:
    doctree = site.env.get_doctree("index")
    assert option_entry_text(doctree, "--mode").startswith("Mode (--level too).")
    html = (site.outdir / "index.html").read_text()
    assert "Mode (<span>--level</span> too)." in html and "\N{EN DASH}level" not in html
    commit = option_entry_text(site.env.get_doctree("shared"), "--message")
    assert commit.startswith("Use --amend to change it later.")


@pytest.mark.site("dropin-paths")
def test_several_paths_on_one_page_give_unique_ids(site) -> None:
    assert site.warnings == ""
    ids = site.page("index").ids()
    assert [i for i, n in Counter(ids).items() if n > 1] == []
    # sphinx-argparse's "{module}-{func}-{group}" id goes to the first section that had it.
    legacy = "subcommand_clis-vcs-positional-arguments"
    assert ids.count(legacy) == 1
    assert ids.index(legacy) < ids.index("vcs-checkout-co-switch")
    # In Markdown each eval-rst block is parsed apart; the page still has each id once.
    blocks = site.page("blocks").ids()
    assert [i for i, n in Counter(blocks).items() if n > 1] == []
    assert blocks.count("subcommand_clis-vcs-positional-arguments") == 1


@pytest.mark.site("dropin-subcommands")
def test_aliased_subcommands_keep_references_working(site) -> None:
    assert site.warnings == ""
    html = (site.outdir / "vcs.html").read_text()
    # :option:`vcs co -b` and :option:`vcs switch target` go to the checkout entries.
    assert 'href="#cmdoption-vcs-checkout-b"' in html
    assert 'href="#cmdoption-vcs-checkout-arg-target"' in html
    # The section keeps sphinx-argparse's id for "checkout (co, switch)" and a clean one.
    assert 'id="vcs-checkout"' in html and 'id="vcs-checkout-co-switch"' in html
