"""Help texts that the reST parser would turn into one plain paragraph, made without it.

Most help texts of a big CLI are one line of words. Running the reST parser on each is the
largest share of the directive's own time, so a text that cannot hold markup becomes its
paragraph directly. A text qualifies when it is one line of ASCII that starts with a letter or
a digit, uses none of the characters that start inline markup, roles, references, escapes or
standalone hyperlinks (asterisk, backquote, underscore, bar, colon, backslash, at sign), and
does not open with something a list could take for its enumerator ("1.", "a)", "IV.").
Everything else goes to the parser.

Markdown (myst-parser) gives the same paragraph to a text of fewer characters: besides the
above, none that starts HTML, entities, links, images, MyST roles and substitutions, or dollar
math (angle brackets, ampersand, square and curly brackets, tilde, dollar, caret, plus, hash,
percent, exclamation mark), and only while no extension is on that rewrites plain words (bare
links, typographic replacements, smart quotes).
"""

from __future__ import annotations

import re

from docutils import nodes

_PLAIN = re.compile(r"[A-Za-z0-9][A-Za-z0-9 ,.;!?'\"()%/+=<>&~^$#{}\[\]-]*")
_ENUMERATOR_FIRST = re.compile(r"[A-Za-z0-9#]+[.)](?: |$)")
_PLAIN_MARKDOWN = re.compile(r"[A-Za-z0-9][A-Za-z0-9 ,.;?'\"()/=-]*")
#: MyST extensions that change words of a plain line (links, dashes, quotes, substitutions).
_REWRITING = frozenset({"linkify", "replacements", "smartquotes", "substitution"})


def paragraph(text: str) -> nodes.paragraph | None:
    """The paragraph reST makes of *text*, or ``None`` when only the parser can tell."""
    if not _PLAIN.fullmatch(text) or _ENUMERATOR_FIRST.match(text) or text.endswith(" "):
        return None
    return nodes.paragraph(text, text)


def markdown_paragraph(text: str, extensions: frozenset[str]) -> nodes.paragraph | None:
    """The paragraph myst-parser makes of *text* with MyST's *extensions* on, or ``None`` when
    only the parser can tell."""
    if extensions & _REWRITING or not _PLAIN_MARKDOWN.fullmatch(text):
        return None
    return paragraph(text)
