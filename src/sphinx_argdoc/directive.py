"""The ``argparse`` directive: runs options -> load -> model -> select -> render."""

from __future__ import annotations

from collections.abc import Callable
from typing import ClassVar, cast

from docutils import nodes
from sphinx import addnodes
from sphinx.domains.std import StandardDomain
from sphinx.util import logging
from sphinx.util.docutils import SphinxDirective
from sphinx.util.typing import OptionSpec

from . import (
    commands,
    coverage,
    helptext,
    introspect,
    load,
    model,
    nesting,
    overrides,
    render,
    select,
)
from .options import DirectiveOptions
from .problems import ArgdocError

logger = logging.getLogger(__name__)


class ArgparseDirective(SphinxDirective):
    """Document an ``argparse.ArgumentParser`` returned by ``:module:`` + ``:func:``."""

    has_content = True
    option_spec: ClassVar[OptionSpec] = DirectiveOptions.spec

    def run(self) -> list[nodes.Node]:
        rendering = self._parts_rendering()
        try:
            options = DirectiveOptions.from_directive(self.options, str(self.env.srcdir))
            loaded = self._loaded(options.locator)
            root, model_key = self._model(options, loaded)
            parser = select.navigate(root, options.path)
            outline = load.memo(
                ("outline", model_key, options.path), lambda: select.outline(parser)
            )
            selection = self._select(options, parser, outline)
            help_format = self._help_format(options)
            part = _part(loaded, root, parser, options)
            nesting.check(rendering, part)
        except nesting.RendersItself as exc:
            logger.error(str(exc), location=self.get_location(), type="argdoc", subtype="recursion")
            return []
        except ArgdocError as exc:
            logger.error(str(exc), location=self.get_location(), type="argdoc", subtype="directive")
            return []
        with nesting.rendering(rendering, part):
            return self._render(options, root, parser, outline, selection, help_format)

    def _render(
        self,
        options: DirectiveOptions,
        root: model.Parser,
        parser: model.Parser,
        outline: select.Outline,
        selection: select.Selection,
        help_format: str,
    ) -> list[nodes.Node]:
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
        body = self._body(parser, options)
        noted: list[commands.Command] = []
        with helptext.text_parser(self, help_format) as parse_text:
            context = render.Context(
                document=self.state.document,
                parse_text=parse_text,
                nodefault=options.nodefault,
                nodefaultconst=options.nodefaultconst,
                index=options.index,
                summary=options.summary,
                option_rendered=self._emitter("argdoc-option-rendered"),
                group_rendered=self._emitter("argdoc-group-rendered"),
                command_rendered=self._command_noter(options, noted),
                ids_on_page=self._ids_on_page(),
                nosubcommands=options.nosubcommands,
                noepilog=options.noepilog,
                nodescription=options.nodescription,
                manpage=options.manpage,
                body=body.free,
                overrides=body.overrides,
                legacy_id_prefix=_legacy_id_prefix(options.locator),
                legacy_command=_legacy_command(root, options.path),
                program_aliases=_program_aliases(root, options.path),
                index_groups=options.index_groups,
            )
            result = render.render(parser, selection, context)
        coverage.note_render(
            self.env,
            options.locator,
            parser,
            outline,
            options.group,
            self.get_location(),
            render.programs_rendered(parser, context) if selection.whole else (),
        )
        self._register(result)
        if noted:
            domain = cast(commands.CommandsDomain, self.env.get_domain(commands.DOMAIN))
            domain.note_commands(self.env.docname, noted)
        return result

    def _select(
        self, options: DirectiveOptions, parser: model.Parser, outline: select.Outline
    ) -> select.Selection:
        try:
            return select.select(parser, options.group, options.nogroup, outline)
        except ArgdocError:
            # The error names the group; a coverage warning about the parser would repeat it.
            coverage.note_failed_render(
                self.env, options.locator, parser, outline, options.group, self.get_location()
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

    def _body(self, parser: model.Parser, options: DirectiveOptions) -> overrides.Body:
        """The directive's content, parsed: free text and overrides; each mistake warned once."""
        if not self.content:
            return overrides.Body((), (), ())
        with helptext.current_program(self, render.std_program(parser.prog)):
            parsed = helptext.parse_body(self, options.markdown_body)
        body = overrides.split_body(parsed)
        problems = [
            *body.problems,
            *(
                f"override {term!r} names no option, argument group or subcommand of {parser.prog}"
                for term in overrides.unmatched(body.overrides, parser)
            ),
        ]
        for problem in problems:
            logger.warning(problem, location=self.get_location(), type="argdoc", subtype="override")
        return body

    def _loaded(self, locator: load.Locator) -> load.Loaded:
        if locator.filename:
            # Not imported, so no module's change would tell Sphinx to read this page again.
            self.env.note_dependency(locator.filename)
        try:
            loaded = load.load(locator, self._mock_imports())
        finally:
            self._note_source_files(locator)
        load.memo(("output", locator), lambda: self._report_output(locator, loaded))
        return loaded

    def _model(
        self, options: DirectiveOptions, loaded: load.Loaded
    ) -> tuple[model.Parser, tuple[object, ...]]:
        """The parser's model, and the key it is kept under for the build."""
        prog = options.prog or self._fallback_prog(loaded, options.locator)
        key = ("model", options.locator, prog, options.color)
        return load.memo(key, lambda: introspect.build(loaded.parser, prog, options.color)), key

    def _mock_imports(self) -> list[str]:
        return list(getattr(self.config, "autodoc_mock_imports", None) or [])

    def _note_source_files(self, locator: load.Locator) -> None:
        # Editing the CLI's code then re-reads this page, and only pages like it.
        for path in load.source_files(locator):
            self.env.note_dependency(path)

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

    def _parts_rendering(self) -> list[nesting.Part]:
        # Data of the document being read, like the ids: a directive inside help text renders
        # while the directive around it is rendering, on the same page.
        return cast(list[nesting.Part], self.env.temp_data.setdefault("argdoc-rendering", []))

    def _ids_on_page(self) -> set[str]:
        # Data of the document being read: Sphinx starts it anew for each page.
        return cast(set[str], self.env.temp_data.setdefault("argdoc-ids-on-page", set()))

    def _emitter(self, event: str) -> Callable[..., None] | None:
        # Emitting costs more than building a small entry: with no listener, skip it.
        if not self.env.events.listeners.get(event):
            return None
        events = self.env.events

        def emit(*arguments: object) -> None:
            events.emit(event, *arguments)

        return emit

    def _command_noter(
        self, options: DirectiveOptions, noted: list[commands.Command]
    ) -> render.CommandHook | None:
        """Where the commands go that sphinx-argparse's indices and role know."""
        # sphinx-argparse left out the commands of manual-page layouts.
        if options.manpage or not (options.index or options.index_groups):
            return None
        docname, groups, indexed = self.env.docname, options.index_groups, options.index

        def note(name: str, description: str, anchor: str) -> None:
            # A parser may have the empty prog: its own entry would have no name to show.
            if name.strip():
                command = commands.Command(
                    name.strip(), description, docname, anchor, groups, indexed
                )
                noted.append(command)

        return note

    def _register(self, result: list[nodes.Node]) -> None:
        std = cast(StandardDomain, self.env.get_domain("std"))
        for root in result:
            if not isinstance(root, nodes.Element):
                continue
            for node in root.findall(nodes.Element):
                if render.LABEL_ATTRIBUTE in node:
                    _add_label(std, node, self.env.docname)
                program = node.get(render.PROGRAM_ATTRIBUTE)
                if program is None or not isinstance(node, addnodes.desc_signature):
                    continue
                aliases: list[str] = node.get(render.PROGRAM_ALIASES_ATTRIBUTE, [])
                for each in (program, *aliases):
                    for name in node["allnames"]:
                        std.add_program_option(each, name, self.env.docname, node["ids"][0])


def _add_label(std: StandardDomain, node: nodes.Element, docname: str) -> None:
    # The first rendering of a group keeps the label, as the first entry of an option keeps the
    # option: pages that show a group twice mark the copies :no-index:.
    label = node[render.LABEL_ATTRIBUTE]
    if label in std.anonlabels:
        return
    std.anonlabels[label] = (docname, node["ids"][0])
    std.labels[label] = (docname, node["ids"][0], node[render.LABEL_TITLE_ATTRIBUTE])


def _part(
    loaded: load.Loaded, root: model.Parser, parser: model.Parser, options: DirectiveOptions
) -> nesting.Part:
    return nesting.Part(
        parser=loaded.parser,
        path=tuple(sub.name for sub in select.walk(root, options.path)),
        group=None if options.group is None else select.spaced_title(options.group),
        nogroup=options.nogroup,
        subcommands=options.group is None and not (options.nogroup or options.nosubcommands),
        prog=parser.prog,
    )


def _legacy_id_prefix(locator: load.Locator) -> str:
    # sphinx-argparse prefixed group ids with "{module}-{func}", or "{func}" for a file.
    return f"{locator.module}-{locator.func}" if locator.module else locator.func


def _legacy_command(root: model.Parser, path: tuple[str, ...]) -> str:
    command = root.prog
    for sub in select.walk(root, path):
        command = render.legacy_command(command, sub)
    return command


def _program_aliases(root: model.Parser, path: tuple[str, ...]) -> tuple[str, ...]:
    aliases: tuple[str, ...] = ()
    for sub in select.walk(root, path):
        aliases = render.alias_programs(sub, aliases)
    return aliases


def _selected(options: DirectiveOptions) -> str:
    """What a ``:group:`` or ``:nogroup:`` block renders, as a message names it."""
    if options.group is None:
        return ":nogroup: (the options in no argument group)"
    return f"argument group {options.group!r}"
