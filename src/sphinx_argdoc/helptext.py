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
from types import SimpleNamespace
from typing import TYPE_CHECKING, Any

from docutils import nodes
from docutils.parsers.rst import languages as rst_languages
from docutils.parsers.rst.states import Inliner, NestedStateMachine, RSTState, state_classes
from docutils.statemachine import StringList
from sphinx import addnodes
from sphinx.application import Sphinx
from sphinx.domains import Domain
from sphinx.transforms import SphinxTransform
from sphinx.util import logging as sphinx_logging
from sphinx.util.docutils import SphinxDirective
from sphinx.util.nodes import nested_parse_with_titles

from . import plaintext
from .problems import ArgdocError
from .render import ParseText

if TYPE_CHECKING:
    from markdown_it import MarkdownIt

logger = sphinx_logging.getLogger(__name__)

#: The ways help text can be read, as ``argdoc_help_format`` and ``:help-format:`` name them.
FORMATS = ("rst", "markdown", "text")
CONFIG_VALUE = "argdoc_help_format"
MARKDOWN_EXTRA = "sphinx-argdoc[markdown]"

_PROGRAM = "std:program"
_UNSET = object()

#: Attribute on a ``|name|`` reference or a cross-reference in help text: what the text documents.
_ABOUT = "argdoc-about"

# ``--name`` at the start of a word: smartquotes would turn its two hyphens into an en dash.
_OPTION_WORD = re.compile(r"(?<![\w-])--[A-Za-z0-9][\w-]*")


@contextlib.contextmanager
def text_parser(directive: SphinxDirective, help_format: str) -> Iterator[ParseText]:
    """A function reading ``(text, what it documents)`` in *help_format* at *directive*.

    Messages logged while it is in use are held back and issued when the block ends.
    """
    read: Callable[[str], list[nodes.Node]]
    if help_format == "text":
        read = _plain_text
    elif help_format == "markdown":
        read = _docstring_like(_markdown_reader(directive))
    else:
        read = _docstring_like(_rst_reader(directive))

    # One capture for the whole directive: swapping Sphinx's log handlers for every help
    # string would cost more than parsing most of them.
    origin = directive.get_source_info()
    with sphinx_logging.pending_logging() as held:

        def parse(text: str, about: str, program: str) -> list[nodes.Node]:
            start = len(held.buffer)
            with current_program(directive, program):
                result = read(text)
            raised = held.buffer[start:]
            del held.buffer[start:]
            _reissue(raised, about, directive)
            _mark_origin(result, origin, about)
            # Plain text is not smartquoted at all, but copies of it (a summary row) may be.
            if "--" in text:
                _protect_option_words(result)
            return result

        yield parse


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


def parse_body(directive: SphinxDirective, markdown: bool) -> list[nodes.Node]:
    """The directive's body parsed as reST, or as Markdown when *markdown* is true.

    The body is written in the page source, so its problems keep their own line numbers.
    """
    if not markdown:
        # sphinx-argparse's own examples put section titles in the body; docutils accepts a
        # title only where a section may go.
        holder = nodes.section()
        nested_parse_with_titles(
            directive.state, directive.content, holder, directive.content_offset
        )
        return list(holder.children)
    _, first_line = directive.state_machine.get_source_and_line(directive.content_offset + 1)
    render = _markdown_renderer(directive, (first_line or 1) - 1)
    return render("\n".join(directive.content))


def require_markdown() -> None:
    """Raise a user-facing error when myst-parser, which reads Markdown, is not installed."""
    _markdown_api()


def _docstring_like(
    read: Callable[[str], list[nodes.Node]],
) -> Callable[[str], list[nodes.Node]]:
    # Help written as an indented triple-quoted string must not read as a block quote: its
    # lines after the first lose their common indentation, as a docstring's do.
    return lambda text: read(inspect.cleandoc(text))


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
        plain = plaintext.paragraph(text) if isinstance(state, RSTState) else None
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


def _markdown_reader(directive: SphinxDirective) -> Callable[[str], list[nodes.Node]]:
    _, line = directive.get_source_info()
    return _markdown_renderer(directive, line - 1)


def _markdown_api() -> tuple[Any, Any, Any]:
    try:
        from myst_parser.config.main import MdParserConfig
        from myst_parser.mdit_to_docutils.sphinx_ import SphinxRenderer
        from myst_parser.parsers.mdit import create_md_parser
    except ImportError as exc:
        raise ArgdocError(
            f"reading Markdown needs myst-parser, which is not installed ({exc}); "
            f"install it with: pip install '{MARKDOWN_EXTRA}'"
        ) from None
    return MdParserConfig, SphinxRenderer, create_md_parser


def _markdown_renderer(
    directive: SphinxDirective, line_offset: int
) -> Callable[[str], list[nodes.Node]]:
    """A function rendering Markdown into nodes for *directive*'s page, lines counted from
    *line_offset*."""
    config_class, renderer_class, create_md_parser = _markdown_api()
    # The page's MyST settings when myst_parser is a Sphinx extension, MyST's defaults otherwise.
    config = getattr(directive.env, "myst_config", None) or config_class()
    parser: MarkdownIt = create_md_parser(config, renderer_class)
    parser.options["document"] = directive.state.document
    markdown_env: dict[str, Any] = {}
    renderer: Any = parser.renderer
    # Set up once (it builds a throw-away document each time) and skip render()'s document-level
    # start and finish, which would change the page's own state.
    renderer.setup_render(parser.options, markdown_env)

    def render(text: str) -> list[nodes.Node]:
        # Each text has its own link definitions and footnotes.
        markdown_env.clear()
        # Under a node that is neither document nor section, headings become rubrics.
        holder = nodes.Element()
        with renderer.current_node_context(holder):
            renderer.nested_render_text(text, line_offset)
        return list(holder.children)

    return render


def _reissue(records: list[logging.LogRecord], about: str, directive: SphinxDirective) -> None:
    """Issue *records* again at the directive, saying what was being parsed."""
    suppressed = directive.config.suppress_warnings
    for record in records:
        if record.levelno < logging.WARNING:
            logging.getLogger(sphinx_logging.NAMESPACE).handle(record)
            continue
        kind, subkind = getattr(record, "type", None), getattr(record, "subtype", None)
        if kind and sphinx_logging.is_suppressed_warning(kind, subkind or "", suppressed):
            continue
        logger.log(
            "ERROR" if record.levelno >= logging.ERROR else "WARNING",
            "%s: %s",
            about,
            record.getMessage().strip(),
            location=directive.get_location(),
            type="argdoc",
            # A directive of ours in the text, also reported here, keeps its kind of message.
            subtype=subkind if kind == "argdoc" and subkind else "markup",
        )


def _mark_origin(result: list[nodes.Node], origin: tuple[str, int], about: str) -> None:
    # Later messages (an unresolved reference, say) then point at the directive, not at a line
    # counted inside the help string.
    source, line = origin
    for root in result:
        for node in root.findall(nodes.Element):
            node.source, node.line = source, line
            if isinstance(node, (nodes.substitution_reference, addnodes.pending_xref)):
                node[_ABOUT] = about


class UndefinedHelpSubstitutions(SphinxTransform):
    """Report a ``|name|`` in help text that the page does not define, naming the option.

    Whether the page defines it is known only once the whole page is read.
    """

    # Just before docutils' own check, which would not say which help the reference is in.
    default_priority = 219

    def apply(self, **kwargs: Any) -> None:
        defined, names = self.document.substitution_defs, self.document.substitution_names
        for reference in list(self.document.findall(nodes.substitution_reference)):
            about = reference.get(_ABOUT)
            name = reference["refname"]
            if about is None or name in defined or name.lower() in names:
                continue
            logger.warning(
                "%s: undefined substitution %s; shown as written",
                about,
                reference.rawsource,
                location=reference,
                type="argdoc",
                subtype="markup",
            )
            reference.replace_self(nodes.Text(reference.rawsource))


def name_help_of_missing_reference(
    app: Sphinx, domain: Domain | None, node: addnodes.pending_xref
) -> bool | None:
    """Warn about a cross-reference in help text that finds no target, naming the option.

    Sphinx's own warning would point at the directive and leave the reader to search every help
    text it renders. Type and subtype stay Sphinx's, so ``suppress_warnings`` applies as before.
    """
    about = node.get(_ABOUT)
    kind, target = node["reftype"], node["reftarget"]
    # The std domain warns about a ``ref`` itself whatever other handlers return: a second
    # warning would only repeat it.
    if about is None or (kind == "ref" and (domain is None or domain.name == "std")):
        return None
    if domain is not None and kind in domain.dangling_warnings:
        problem = domain.dangling_warnings[kind] % {"target": target}
    elif node.get("refdomain", "std") not in {"", "std"}:
        problem = f"{node['refdomain']}:{kind} reference target not found: {target}"
    else:
        problem = f"{kind!r} reference target not found: {target}"
    logger.warning("%s: %s", about, problem, location=node, type="ref", subtype=kind)
    return True


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
