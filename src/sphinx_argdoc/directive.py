"""The ``argparse`` directive: reads its options and runs load -> model -> select -> render."""

from __future__ import annotations

from typing import ClassVar, cast

from docutils import nodes
from docutils.parsers.rst import directives
from docutils.statemachine import StringList
from sphinx import addnodes
from sphinx.domains.std import StandardDomain
from sphinx.util import logging
from sphinx.util.docutils import SphinxDirective
from sphinx.util.typing import OptionSpec

from . import load, model, render, select
from .errors import ArgdocError

logger = logging.getLogger(__name__)


class ArgparseDirective(SphinxDirective):
    """Document an ``argparse.ArgumentParser`` returned by ``:module:`` + ``:func:``."""

    has_content = True
    option_spec: ClassVar[OptionSpec] = {
        "module": directives.unchanged_required,
        "func": directives.unchanged_required,
        "prog": directives.unchanged_required,
        "group": directives.unchanged_required,
        "nogroup": directives.flag,
        "nodefault": directives.flag,
        "nodefaultconst": directives.flag,
    }

    def run(self) -> list[nodes.Node]:
        try:
            parser, selection = self._parser_and_selection()
        except ArgdocError as exc:
            logger.error(str(exc), location=self.get_location(), type="argdoc", subtype="directive")
            return []
        if not selection.whole and select.is_empty(selection):
            logger.warning(
                "%s: argument group %r has nothing to document (every option is hidden)",
                parser.prog,
                self.options.get("group", "(no group)"),
                location=self.get_location(),
                type="argdoc",
                subtype="empty",
            )
        context = render.Context(
            document=self.state.document,
            parse_text=self._parse_rst,
            nodefault="nodefault" in self.options,
            nodefaultconst="nodefaultconst" in self.options,
        )
        result = render.render(parser, selection, context)
        self._register(result)
        return result

    def _parser_and_selection(self) -> tuple[model.Parser, select.Selection]:
        locator = self._locator()
        loaded = load.load(locator)
        prog = self.options.get("prog") or self._fallback_prog(loaded, locator)
        parser = load.memo(("model", locator, prog), lambda: model.build(loaded.parser, prog))
        return parser, select.select(parser, self.options.get("group"), "nogroup" in self.options)

    def _locator(self) -> load.Locator:
        missing = [name for name in ("module", "func") if not self.options.get(name)]
        if missing:
            needed = " and ".join(f":{name}:" for name in missing)
            raise ArgdocError(f"the argparse directive needs {needed} to find the parser")
        return load.Locator(self.options["module"].strip(), self.options["func"].strip())

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
        lines = StringList(text.splitlines(), source=source)
        for index in range(len(lines)):
            lines.items[index] = (source, line - 1)
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
