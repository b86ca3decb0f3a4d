"""sphinx-argparse as an oracle: the same pages built by both extensions.

Everything sphinx-argparse shows for an option (its help, default and choices) must appear in
our entry for that option, and every id its pages have (but the numbered ones it falls back on)
must exist on our page, so links to it keep working.
"""

from __future__ import annotations

import argparse
import pickle
import re
import shutil
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import pytest
from conftest import TESTS, Built, build_project, html_ids
from docutils import nodes
from sphinx import addnodes

pytest.importorskip("sphinxarg.ext")

#: Each page of the oracle root and the program its directive documents.
PAGES = {"kitchen": "kitchen", "vcs": "vcs", "epi": "epi", "path": "vcs remote add"}


@dataclass(frozen=True)
class Pages:
    built: Built

    @property
    def warnings(self) -> str:
        return self.built.warnings

    def doctree(self, page: str) -> nodes.document:
        with (self.built.doctreedir / f"{page}.doctree").open("rb") as file:
            return pickle.load(file)  # type: ignore[no-any-return]

    def html(self, page: str) -> str:
        return (self.built.outdir / f"{page}.html").read_text()


def _build(source: Path, out: Path, extensions: list[str]) -> Pages:
    return Pages(build_project(source, builddir=out, confoverrides={"extensions": extensions}))


@pytest.fixture(scope="module")
def both(tmp_path_factory: pytest.TempPathFactory) -> Iterator[tuple[Pages, Pages]]:
    source = tmp_path_factory.mktemp("oracle") / "src"
    shutil.copytree(TESTS / "roots" / "test-oracle", source)
    theirs = _build(source, source.parent / "theirs", ["sphinxarg.ext"])
    ours = _build(source, source.parent / "ours", ["sphinx_argdoc"])
    yield theirs, ours


def _subcommand_choosers() -> set[str]:
    """sphinx-argparse lists the subcommand chooser as an argument; we show sections instead."""
    from subcommand_clis import vcs

    found = set()
    pending = [vcs()]
    while pending:
        parser = pending.pop()
        for action in parser._actions:
            if isinstance(action, argparse._SubParsersAction):
                found.add(action.dest)
                pending += list(action.choices.values())
    return found


def _plain(text: str) -> str:
    # sphinx-argparse quotes string defaults (in %(default)s too) and lets smartquotes turn
    # "--opt" into an en dash and "opt"; neither is information, so both sides are compared
    # without them.
    text = re.sub("\N{EN DASH}(?=\\w)", "--", text).replace("'", "")
    return " ".join(text.split())


def _their_items(doctree: nodes.document, prog: str) -> Iterator[tuple[str, str, list[str]]]:
    """``(program, names, paragraphs)`` for each option sphinx-argparse shows."""
    for item in doctree.findall(nodes.option_list_item):
        chain = [prog]
        for section in _sections_around(item):
            parent = section.parent
            if isinstance(parent, nodes.section) and parent[0].astext() == "Sub-commands":
                chain.insert(1, section[0].astext().split(" (")[0])
        paragraphs = [_plain(p.astext()) for p in item[1].children]
        yield " ".join(chain), item[0].astext(), paragraphs


def _sections_around(node: nodes.Node) -> Iterator[nodes.section]:
    parent = node.parent
    while parent is not None:
        if isinstance(parent, nodes.section):
            yield parent
        parent = parent.parent


def _our_entries(doctree: nodes.document) -> dict[tuple[str, str], str]:
    entries = {}
    for desc in doctree.findall(addnodes.desc):
        signature = desc[0]
        names = ", ".join(signature["allnames"])
        entries[(signature["argdoc-program"], names)] = _plain(desc.astext())
    return entries


def test_every_option_help_default_and_choice_they_show_we_show_too(both) -> None:
    theirs, ours = both
    assert ours.warnings == ""
    choosers = _subcommand_choosers()
    compared = 0
    for page, prog in PAGES.items():
        entries = _our_entries(ours.doctree(page))
        our_text = _plain(ours.doctree(page).astext())
        for program, names, paragraphs in _their_items(theirs.doctree(page), prog):
            if names in choosers:
                # Their "Possible choices" of a subcommand chooser: our subcommand sections.
                choices = paragraphs[0].removeprefix("Possible choices: ").split(", ")
                shown = [c for c in choices if c != "debug-internals"]  # help=SUPPRESS: hidden
                assert all(c in our_text for c in shown), (page, names, shown)
                continue
            ours_for_it = entries.get((program.replace(" ", "-"), names))
            assert ours_for_it is not None, (page, program, names)
            for paragraph in paragraphs:
                wanted = _wanted(paragraph)
                assert all(piece in ours_for_it for piece in wanted), (paragraph, ours_for_it)
            compared += 1
    assert compared >= 30, compared


def _wanted(paragraph: str) -> list[str]:
    if paragraph.startswith("Possible choices: "):
        return paragraph.removeprefix("Possible choices: ").split(", ")
    if paragraph.startswith("Default: "):
        return [paragraph.removeprefix("Default: ")]
    return [paragraph]


def test_every_id_of_their_pages_exists_on_ours(both) -> None:
    theirs, ours = both
    checked = 0
    for page in PAGES:
        our_ids = set(html_ids(ours.html(page)))
        for wanted in _their_ids(theirs.html(page)):
            assert wanted in our_ids, (page, wanted)
            checked += 1
    assert checked >= 55, checked


def _their_ids(html: str) -> Iterator[str]:
    for each in html_ids(html):
        # Numbered from a build-wide counter when their first choice was taken: no link can
        # rely on one.
        if re.fullmatch(r"id\d+", each):
            continue
        if "debug-internals" in each:
            continue  # help=SUPPRESS: hidden by --help and by us, shown by them
        yield each


def test_every_paragraph_they_show_outside_option_lists_we_show_too(both) -> None:
    """Descriptions, helps of subcommands, epilogs and the body's text, wherever they go."""
    theirs, ours = both
    checked = 0
    for page in PAGES:
        our_text = _plain(ours.doctree(page).astext())
        for paragraph in theirs.doctree(page).findall(nodes.paragraph):
            if _inside(paragraph, nodes.option_list):
                continue
            text = _plain(paragraph.astext())
            # sphinx-argparse's filler for a subcommand without help, and the help of one that
            # --help hides (help=argparse.SUPPRESS), which we hide too.
            if text in ("Undocumented", "==SUPPRESS=="):
                continue
            assert text in our_text, (page, text)
            checked += 1
    assert checked >= 15, checked


def _inside(node: nodes.Node, kind: type[nodes.Element]) -> bool:
    return any(isinstance(parent, kind) for parent in _parents(node))


def _parents(node: nodes.Node) -> Iterator[nodes.Node]:
    parent = node.parent
    while parent is not None:
        yield parent
        parent = parent.parent
