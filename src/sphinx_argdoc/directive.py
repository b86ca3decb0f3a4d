"""The ``argparse`` directive: runs options -> load -> model -> select -> render."""

from __future__ import annotations

from typing import ClassVar, cast

from docutils import nodes
from docutils.statemachine import StringList
from sphinx import addnodes
from sphinx.domains.std import StandardDomain
from sphinx.util import logging
from sphinx.util.docutils import SphinxDirective
from sphinx.util.typing import OptionSpec

from . import load, model, plaintext, render, select
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
            selection = select.select(parser, options.group, options.nogroup)
        except ArgdocError as exc:
            logger.error(str(exc), location=self.get_location(), type="argdoc", subtype="directive")
            return []
        if not selection.whole and select.is_empty(selection):
            logger.warning(
                "%s: argument group %r has nothing to document (every option in it is hidden)",
                parser.prog,
                options.group,
                location=self.get_location(),
                type="argdoc",
                subtype="empty",
            )
        self._warn_unexpanded_help(parser, selection)
        context = render.Context(
            document=self.state.document,
            parse_text=self._parse_rst,
            nodefault=options.nodefault,
            nodefaultconst=options.nodefaultconst,
        )
        result = render.render(parser, selection, context)
        self._register(result)
        return result

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
        try:
            loaded = load.load(options.locator)
        finally:
            self._note_source_files(options.locator)
        prog = options.prog or self._fallback_prog(loaded, options.locator)
        return load.memo(("model", options.locator, prog), lambda: model.build(loaded.parser, prog))

    def _note_source_files(self, locator: load.Locator) -> None:
        # Editing the CLI's code then re-reads this page, and only pages like it.
        for path in load.source_files(locator):
            self.env.note_dependency(path)

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

    def _parse_rst(self, text: str) -> list[nodes.Node]:
        source, line = self.get_source_info()
        plain = plaintext.paragraph(text)
        if plain is not None:
            plain.source, plain.line = source, line
            return [plain]
        lines = StringList(text.splitlines(), source=source)
        lines.items = [(source, line - 1)] * len(lines)
        holder = nodes.Element()
        self.state.nested_parse(lines, self.content_offset, holder)
        return list(holder.children)

    def _register(self, result: list[nodes.Node]) -> None:
        std = cast(StandardDomain, self.env.get_domain("std"))
        for root in result:
            if not isinstance(root, nodes.Element):
                continue
            for signature in root.findall(addnodes.desc_signature):
                program = signature.get(render.PROGRAM_ATTRIBUTE)
                if program is None:
                    continue
                for name in signature["allnames"]:
                    std.add_program_option(program, name, self.env.docname, signature["ids"][0])
