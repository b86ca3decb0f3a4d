"""How user-written text is read: help, descriptions and epilogs, and the directive body.

Help strings are written for terminals, so a project chooses how they are read: as reST, as
Markdown (through myst-parser) or as plain text shown as written. Problems found while parsing
a help string are reported at the directive, naming the program and the option: the line
numbers inside a help string mean nothing to the reader of the page source.
"""

from __future__ import annotations

import contextlib
import functools
import inspect
import logging
import re
import textwrap
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from types import SimpleNamespace
from typing import TYPE_CHECKING

from docutils import nodes
from docutils.parsers.rst import languages as rst_languages
from docutils.parsers.rst.states import Inliner, NestedStateMachine, RSTState, state_classes
from docutils.statemachine import StringList
from sphinx import addnodes
from sphinx.util import logging as sphinx_logging
from sphinx.util.docutils import SphinxDirective
from sphinx.util.nodes import nested_parse_with_titles

from . import markdown, plaintext
from .problems import Kind, Level, Problem
from .render import ParseText
from .render.entry import without_ids

if TYPE_CHECKING:
    pass


_PROGRAM = "std:program"
_UNSET = object()

#: Attribute on a ``|name|`` reference or a cross-reference in help text: what the text documents.
ABOUT = "argdoc-about"

# ``--name`` at the start of a word: smartquotes would turn its two hyphens into an en dash.
_OPTION_WORD = re.compile(r"(?<![\w-])--[A-Za-z0-9][\w-]*")


@contextlib.contextmanager
def text_parser(
    directive: SphinxDirective, help_format: str, problems: list[Problem]
) -> Iterator[ParseText]:
    """A function reading ``(text, what it documents)`` in *help_format* at *directive*.

    The problems parsing finds are added to *problems*, saying what was being parsed; other
    messages logged while it is in use are held back and issued when the block ends.
    """
    read: Callable[[str], list[nodes.Node]]
    if help_format == "text":
        read = _plain_text
    elif help_format == "markdown":
        read = markdown.reader(directive)
    else:
        read = _rst_reader(directive)
    # Plain text keeps every indentation it can show; markup reads indentation as structure.
    cleaned = _as_written if help_format == "text" else _cleaned

    # One capture for the whole directive: swapping Sphinx's log handlers for every help
    # string would cost more than parsing most of them.
    origin = directive.get_source_info()
    suppressed = directive.config.suppress_warnings
    # Big CLIs repeat help texts (an option of every subcommand): each is parsed once, and its
    # problems are said again for every other thing it documents (not again for the same one,
    # a subcommand's help in the table of commands and in its section).
    known: dict[tuple[str, bool], _Parsed] = {}
    with sphinx_logging.pending_logging() as held:

        def parse(text: str, about: str, program: str, *, prose: bool = False) -> list[nodes.Node]:
            earlier = known.get((text, prose))
            if earlier is not None and earlier.serves(program):
                result = [without_ids(node.deepcopy()) for node in earlier.nodes]
                if about not in earlier.reported:
                    # Its warnings are said again; its information lines were said.
                    earlier.reported.add(about)
                    warned = [r for r in earlier.records if r.levelno >= logging.WARNING]
                    problems.extend(_problems_of(warned, about, suppressed))
                _mark_origin(result, origin, about)
                return result
            start = len(held.buffer)
            with current_program(directive, program):
                result = read(cleaned(text, prose))
            raised = held.buffer[start:]
            del held.buffer[start:]
            problems.extend(_problems_of(raised, about, suppressed))
            _mark_origin(result, origin, about)
            # Plain text is not smartquoted at all, but copies of it (a summary row) may be.
            if "--" in text:
                _protect_option_words(result)
            # Kept as parsed: callers extend the list they get.
            known[text, prose] = _Parsed(list(result), raised, program, _links(result), {about})
            return result

        yield parse


@dataclass(frozen=True)
class _Parsed:
    """A text as it was parsed: its nodes, what parsing it logged, the program it was read for."""

    nodes: list[nodes.Node]
    records: list[logging.LogRecord]
    program: str
    linked: bool
    """Whether the text links anywhere (its ``:option:`` links mean its program's options)."""
    reported: set[str]
    """What the text documents that its problems were said for."""

    def serves(self, program: str) -> bool:
        """Whether a copy serves *program* too."""
        return program == self.program or not self.linked


def _links(result: list[nodes.Node]) -> bool:
    return any(
        isinstance(root, nodes.Element) and next(root.findall(addnodes.pending_xref), None)
        for root in result
    )


@contextlib.contextmanager
def current_program(directive: SphinxDirective, program: str) -> Iterator[None]:
    """Make *program* the one whose options ``:option:`--name``` links to, for a while.

    In an entry, ``:option:`--other``` then means an option of the same program, as in the body
    of Sphinx's own ``.. option::`` after ``.. program::``; the page's own setting comes back.
    """
    context = directive.env.ref_context
    before = context.get(_PROGRAM, _UNSET)
    context[_PROGRAM] = program
    try:
        yield
    finally:
        if before is _UNSET:
            context.pop(_PROGRAM, None)
        else:
            context[_PROGRAM] = before


def parse_body(directive: SphinxDirective, as_markdown: bool) -> list[nodes.Node]:
    """The directive's body parsed as reST, or as Markdown when *as_markdown* is true.

    The body is written in the page source, so its problems keep their own line numbers.
    """
    if not as_markdown:
        # sphinx-argparse's own examples put section titles in the body; docutils accepts a
        # title only where a section may go.
        holder = nodes.section()
        nested_parse_with_titles(
            directive.state, directive.content, holder, directive.content_offset
        )
        return list(holder.children)
    _, first_line = directive.state_machine.get_source_and_line(directive.content_offset + 1)
    render = markdown.renderer(directive, (first_line or 1) - 1)
    return render("\n".join(directive.content))


def _cleaned(text: str, prose: bool) -> str:
    """*text* without the indentation that only says how it sat in the CLI's source.

    A help written as an indented triple-quoted string must not read as a block quote: its
    lines after the first lose their common indentation, as a docstring's do. Descriptions and
    epilogs keep the structure their indentation gives ("Example:" over indented lines is a
    definition list), losing only the indentation every line shares.
    """
    return textwrap.dedent(text) if prose else inspect.cleandoc(text)


def _as_written(text: str, prose: bool) -> str:
    return text


def _plain_text(text: str) -> list[nodes.Node]:
    """*text* as written: one element per paragraph, line breaks kept, nothing interpreted."""
    result: list[nodes.Node] = []
    for paragraph in re.split(r"\n\s*\n", textwrap.dedent(text).strip("\n")):
        lines = [_visible_indent(line.rstrip()) for line in paragraph.splitlines()]
        if len(lines) == 1:
            element: nodes.Element = nodes.paragraph(lines[0], lines[0])
        else:
            element = nodes.line_block("", *(nodes.line(line, line) for line in lines))
        element["support_smartquotes"] = False
        element["classes"].append("argdoc-plain")
        result.append(element)
    return result


def _visible_indent(line: str) -> str:
    # Writers collapse leading spaces; no-break spaces keep the author's indentation.
    stripped = line.lstrip(" ")
    return "\u00a0" * (len(line) - len(stripped)) + stripped


def _rst_reader(directive: SphinxDirective) -> Callable[[str], list[nodes.Node]]:
    source, line = directive.get_source_info()
    state = directive.state
    parse_into: Callable[[StringList, nodes.Element], None]
    if isinstance(state, RSTState):
        parse_into = functools.partial(_nested_parse, state, directive.content_offset)
    else:
        # A directive written natively in a MyST page gets a state that parses Markdown.
        parse_into = functools.partial(_standalone_rst_parse, state.document)

    def read(text: str) -> list[nodes.Node]:
        plain = plaintext.paragraph(text)
        if plain is not None:
            plain.source, plain.line = source, line
            return [plain]
        lines = StringList(text.splitlines(), source=source)
        lines.items = [(source, line - 1)] * len(lines)
        holder = nodes.Element()
        parse_into(lines, holder)
        return list(holder.children)

    return read


def _nested_parse(state: RSTState, offset: int, lines: StringList, holder: nodes.Element) -> None:
    state.nested_parse(lines, offset, holder)


def _standalone_rst_parse(
    document: nodes.document, lines: StringList, holder: nodes.Element
) -> None:
    inliner = Inliner()
    inliner.init_customizations(document.settings)
    memo = SimpleNamespace(
        document=document,
        reporter=document.reporter,
        language=rst_languages.get_language(document.settings.language_code, document.reporter),
        title_styles=[],
        section_level=0,
        section_bubble_up_kludge=False,
        inliner=inliner,
    )
    machine = NestedStateMachine(state_classes, initial_state="Body")
    try:
        machine.run(lines, 0, memo=memo, node=holder, match_titles=False)
    finally:
        machine.unlink()


def _problems_of(
    records: list[logging.LogRecord], about: str, suppressed: list[str]
) -> list[Problem]:
    """*records* as problems of the directive, saying what was being parsed."""
    found = []
    for record in records:
        if record.levelno < logging.WARNING:
            logging.getLogger(sphinx_logging.NAMESPACE).handle(record)
            continue
        kind, subkind = getattr(record, "type", None), getattr(record, "subtype", None)
        if kind and sphinx_logging.is_suppressed_warning(kind, subkind or "", suppressed):
            continue
        # A directive of ours in the text, also reported here, keeps its kind of message.
        ours = _KINDS.get(subkind or "", Kind.MARKUP) if kind == "argdoc" else Kind.MARKUP
        found.append(
            Problem(
                ours,
                f"{about}: {record.getMessage().strip()}",
                Level.ERROR if record.levelno >= logging.ERROR else Level.WARNING,
            )
        )
    return found


_KINDS = {kind.value: kind for kind in Kind}


def _mark_origin(result: list[nodes.Node], origin: tuple[str, int], about: str) -> None:
    # Later messages (an unresolved reference, say) then point at the directive, not at a line
    # counted inside the help string.
    source, line = origin
    for root in result:
        for node in root.findall(nodes.Element):
            node.source, node.line = source, line
            if isinstance(node, (nodes.substitution_reference, addnodes.pending_xref)):
                node[ABOUT] = about


def _protect_option_words(result: list[nodes.Node]) -> None:
    for root in result:
        for text in list(root.findall(nodes.Text)):
            parent = text.parent
            if parent is None or isinstance(parent, (nodes.FixedTextElement, nodes.literal)):
                continue
            pieces = _split_option_words(str(text))
            if len(pieces) > 1:
                parent.replace(text, pieces)


def _split_option_words(text: str) -> list[nodes.Node]:
    pieces: list[nodes.Node] = []
    end = 0
    for match in _OPTION_WORD.finditer(text):
        if match.start() > end:
            pieces.append(nodes.Text(text[end : match.start()]))
        word = match.group()
        pieces.append(nodes.inline(word, word, support_smartquotes=False))
        end = match.end()
    if end < len(text):
        pieces.append(nodes.Text(text[end:]))
    return pieces
