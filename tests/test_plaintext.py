"""Help texts that skip the reST parser come out exactly as the parser would make them."""

from __future__ import annotations

from pathlib import Path

import pytest
from docutils import nodes
from docutils.core import publish_doctree
from hypothesis import given, settings
from hypothesis import strategies as st

from sphinx_argdoc import plaintext

QUIET = {"report_level": 5, "halt_level": 5, "smart_quotes": False}


def _parsed(text: str) -> list[nodes.Node]:
    return list(publish_doctree(text, settings_overrides=QUIET).children)


@pytest.mark.parametrize(
    "text",
    [
        "Turn on feature 3 of group 1.",
        "Number of GPUs (0 means all), e.g. 4; see [the guide] for more!",
        "Use <N> workers & 50% of memory = fast {really} ~ $cheap ^ #1 \"quoted\" 'too'.",
        "v2.0 is the default",
        "1.5 times the base size",
    ],
)
def test_plain_texts_skip_the_parser_and_match_it(text: str) -> None:
    made = plaintext.paragraph(text)
    assert made is not None
    assert [node.pformat() for node in _parsed(text)] == [made.pformat()]


@pytest.mark.parametrize(
    "text",
    [
        "Use *emphasis* here.",
        "A ``literal`` value.",
        "See `the docs`_ for details.",
        "A reference_ at the end.",
        "Role :option:`--x` inside.",
        "A |substitution| here.",
        "An escape \\* here.",
        "Mail admin@example.com please.",
        "See https://example.com for more.",
        "1. A numbered item",
        "a) A lettered item",
        "IV. A roman item",
        "Ends. With a sentence",
        "- a bullet",
        "-v  option list",
        "  indented quote",
        "Two\nlines",
        "Trailing space ",
        "Ünïcode text",
        "",
    ],
)
def test_texts_that_may_hold_markup_go_to_the_parser(text: str) -> None:
    assert plaintext.paragraph(text) is None


@settings(max_examples=150, deadline=None)
@given(st.text(alphabet="aZ09 ,.;!?'\"()%/+=<>&~^$#{}[]-", max_size=40))
def test_whatever_skips_the_parser_is_what_the_parser_makes(text: str) -> None:
    made = plaintext.paragraph(text)
    if made is not None:
        assert [node.pformat() for node in _parsed(text)] == [made.pformat()]


@pytest.mark.sphinx("html", testroot="load-once", freshenv=True)
def test_a_paragraph_made_without_the_parser_points_at_the_directive(app) -> None:
    app.build()
    doctree = app.env.get_doctree("index")
    # The Alpha group block is the page's first directive; the whole parser repeats the help.
    first, *_ = (p for p in doctree.findall(nodes.paragraph) if p.astext() == "In Alpha.")
    assert (Path(first.source).name, first.line) == ("index.rst", 11)


def _markdown(text: str) -> list[nodes.Node]:
    """What myst-parser, with no extension on, makes of *text*."""
    from myst_parser.parsers.docutils_ import Parser

    return list(publish_doctree(text, parser=Parser(), settings_overrides=QUIET).children)


@pytest.mark.parametrize(
    "text",
    ["Turn on feature 3 of group 1.", "Number of GPUs (0 means all), e.g. 4; or 'auto'/\"none\"."],
)
def test_plain_texts_skip_the_markdown_parser_and_match_it(text: str) -> None:
    made = plaintext.markdown_paragraph(text, frozenset())
    assert made is not None
    assert [node.pformat() for node in _markdown(text)] == [made.pformat()]


@pytest.mark.parametrize(
    "text",
    [
        "See [the guide](x) now.",
        "Use <b>bold</b>.",
        "A {role}`x` here.",
        "Cost $x$ now.",
        "A ~~gone~~ word.",
        "Tom & Jerry.",
        "# A heading",
        "+ an item",
        "2) an item",
        "Wow!",
    ],
)
def test_texts_that_may_hold_markdown_go_to_the_parser(text: str) -> None:
    assert plaintext.markdown_paragraph(text, frozenset()) is None


@pytest.mark.parametrize("extension", ["linkify", "replacements", "smartquotes", "substitution"])
def test_extensions_that_rewrite_words_send_every_text_to_the_parser(extension: str) -> None:
    assert plaintext.markdown_paragraph("See example.com -- now.", frozenset({extension})) is None


@settings(max_examples=150, deadline=None)
@given(st.text(alphabet="aZ09 ,.;!?'\"()%/+=<>&~^$#{}[]-*_`:|@\\", max_size=40))
def test_whatever_skips_the_markdown_parser_is_what_it_makes(text: str) -> None:
    made = plaintext.markdown_paragraph(text, frozenset())
    if made is not None:
        assert [node.pformat() for node in _markdown(text)] == [made.pformat()]
