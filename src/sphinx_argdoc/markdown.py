"""Markdown in help texts and the directive body, read by myst-parser with the page's settings.

myst-parser is optional (``sphinx-argdoc[markdown]``): it is imported only when Markdown is read.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING, Any

from docutils import nodes
from sphinx.util.docutils import SphinxDirective

from . import plaintext
from .problems import ArgdocError

if TYPE_CHECKING:
    from markdown_it import MarkdownIt

MARKDOWN_EXTRA = "sphinx-argdoc[markdown]"


def require() -> None:
    """Raise a user-facing error when myst-parser, which reads Markdown, is not installed."""
    _api()


def reader(directive: SphinxDirective) -> Callable[[str], list[nodes.Node]]:
    """A function reading help texts as Markdown; a text that cannot hold Markdown becomes its
    paragraph without the parser."""
    _, line = directive.get_source_info()
    render = renderer(directive, line - 1)
    config = getattr(directive.env, "myst_config", None)
    extensions = frozenset(getattr(config, "enable_extensions", ()) or ())

    def read(text: str) -> list[nodes.Node]:
        plain = plaintext.markdown_paragraph(text, extensions)
        return [plain] if plain is not None else render(text)

    return read


def _api() -> tuple[Any, Any, Any]:
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


def renderer(directive: SphinxDirective, line_offset: int) -> Callable[[str], list[nodes.Node]]:
    """A function rendering Markdown into nodes for *directive*'s page, lines counted from
    *line_offset*."""
    config_class, renderer_class, create_md_parser = _api()
    # The page's MyST settings when myst_parser is a Sphinx extension, MyST's defaults otherwise.
    config = getattr(directive.env, "myst_config", None) or config_class()
    parser: MarkdownIt = create_md_parser(config, renderer_class)
    parser.options["document"] = directive.state.document
    markdown_env: dict[str, Any] = {}
    md_renderer: Any = parser.renderer
    # Set up once (it builds a throw-away document each time) and skip render()'s document-level
    # start and finish, which would change the page's own state.
    md_renderer.setup_render(parser.options, markdown_env)

    def render(text: str) -> list[nodes.Node]:
        # Each text has its own link definitions and footnotes.
        markdown_env.clear()
        # Under a node that is neither document nor section, headings become rubrics.
        holder = nodes.Element()
        with md_renderer.current_node_context(holder):
            md_renderer.nested_render_text(text, line_offset)
        return list(holder.children)

    return render
