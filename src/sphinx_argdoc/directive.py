"""The ``argparse`` directive: runs options -> load -> model -> select -> render."""

from __future__ import annotations

from typing import ClassVar, cast

from docutils import nodes
from sphinx import addnodes
from sphinx.domains.std import StandardDomain
from sphinx.util import logging
from sphinx.util.docutils import SphinxDirective
from sphinx.util.typing import OptionSpec

from . import coverage, helptext, load, model, render, select
from .errors import ArgdocError
from .options import DirectiveOptions

logger = logging.getLogger(__name__)


class ArgparseDirective(SphinxDirective):
    """Document an ``argparse.ArgumentParser`` returned by ``:module:`` + ``:func:``."""

    has_content = True
    option_spec: ClassVar[OptionSpec] = DirectiveOptions.spec

    def run(self) -> list[nodes.Node]:
        try:
            options = DirectiveOptions.from_directive(self.options)
            parser = self._model(options)
            selection = self._select(options, parser)
            help_format = self._help_format(options)
        except ArgdocError as exc:
            logger.error(str(exc), location=self.get_location(), type="argdoc", subtype="directive")
            return []
        if not selection.whole and select.is_empty(selection):
            logger.warning(
                "%s: %s has nothing to document (every option in it is hidden)",
                parser.prog,
                _selected(options),
                location=self.get_location(),
                type="argdoc",
                subtype="empty",
            )
        self._warn_unexpanded_help(parser, selection)
        with helptext.text_parser(self, help_format) as parse_text:
            context = render.Context(
                document=self.state.document,
                parse_text=parse_text,
                nodefault=options.nodefault,
                nodefaultconst=options.nodefaultconst,
                index=options.index,
                summary=options.summary,
                option_rendered=self._emit_option_rendered,
                group_rendered=self._emit_group_rendered,
                ids_on_page=self._ids_on_page(),
            )
            result = render.render(parser, selection, context)
        coverage.note_render(
            self.env, options.locator, parser, selection, options.group, self.get_location()
        )
        self._register(result)
        return result

    def _select(self, options: DirectiveOptions, parser: model.Parser) -> select.Selection:
        try:
            return select.select(parser, options.group, options.nogroup)
        except ArgdocError:
            # The error names the group; a coverage warning about the parser would repeat it.
            coverage.note_failed_render(
                self.env, options.locator, parser, options.group, self.get_location()
            )
            raise

    def _warn_unexpanded_help(self, parser: model.Parser, selection: select.Selection) -> None:
        for group in selection.groups:
            for option in group.options:
                if option.help_error is not None:
                    logger.warning(
                        "%s %s: the help's %%-formats cannot be expanded (%s); shown as written",
                        parser.prog,
                        option.names[0],
                        option.help_error,
                        location=self.get_location(),
                        type="argdoc",
                        subtype="help",
                    )

    def _model(self, options: DirectiveOptions) -> model.Parser:
        loaded = load.load(options.locator)
        load.memo(("output", options.locator), lambda: self._report_output(options.locator, loaded))
        prog = options.prog or self._fallback_prog(loaded, options.locator)
        return load.memo(("model", options.locator, prog), lambda: model.build(loaded.parser, prog))

    def _report_output(self, locator: load.Locator, loaded: load.Loaded) -> None:
        # Printing at import is common and harmless (banners, deprecation notes): worth a
        # line in the build log, not a warning that would fail a -W build.
        if loaded.output.strip():
            logger.info(
                "%s printed while it was loaded (not shown in the page): %s",
                locator,
                load.output_tail(loaded.output),
                location=self.get_location(),
            )

    def _fallback_prog(self, loaded: load.Loaded, locator: load.Locator) -> str:
        if not loaded.prog_is_derived:
            return loaded.parser.prog
        logger.warning(
            "%s: the parser has no prog of its own (argparse would take the name of the running "
            "program, here sphinx-build); give the directive :prog:",
            locator,
            location=self.get_location(),
            type="argdoc",
            subtype="prog",
        )
        return locator.module.rpartition(".")[2]

    def _help_format(self, options: DirectiveOptions) -> str:
        help_format = options.help_format or getattr(self.config, helptext.CONFIG_VALUE)
        if help_format == "markdown" or options.markdown_body:
            helptext.require_markdown()
        return str(help_format)

    def _ids_on_page(self) -> set[str]:
        # Data of the document being read: Sphinx starts it anew for each page.
        return cast(set[str], self.env.temp_data.setdefault("argdoc-ids-on-page", set()))

    def _emit_option_rendered(
        self, option: model.Option, prog: str, entry: list[nodes.Node]
    ) -> None:
        self.env.events.emit("argdoc-option-rendered", option, prog, entry)

    def _emit_group_rendered(self, group: model.Group, prog: str, body: list[nodes.Node]) -> None:
        self.env.events.emit("argdoc-group-rendered", group, prog, body)

    def _register(self, result: list[nodes.Node]) -> None:
        std = cast(StandardDomain, self.env.get_domain("std"))
        for root in result:
            if not isinstance(root, nodes.Element):
                continue
            for labelled in root.findall(nodes.Element):
                if render.LABEL_ATTRIBUTE in labelled:
                    _add_label(std, labelled, self.env.docname)
            for signature in root.findall(addnodes.desc_signature):
                program = signature.get(render.PROGRAM_ATTRIBUTE)
                if program is None:
                    continue
                for name in signature["allnames"]:
                    std.add_program_option(program, name, self.env.docname, signature["ids"][0])


def _add_label(std: StandardDomain, node: nodes.Element, docname: str) -> None:
    # The first rendering of a group keeps the label, as the first entry of an option keeps the
    # option: pages that show a group twice mark the copies :no-index:.
    label = node[render.LABEL_ATTRIBUTE]
    if label in std.anonlabels:
        return
    std.anonlabels[label] = (docname, node["ids"][0])
    std.labels[label] = (docname, node["ids"][0], node[render.LABEL_TITLE_ATTRIBUTE])


def _selected(options: DirectiveOptions) -> str:
    """What a ``:group:`` or ``:nogroup:`` block renders, as a message names it."""
    if options.group is None:
        return ":nogroup: (the options in no argument group)"
    return f"argument group {options.group!r}"
