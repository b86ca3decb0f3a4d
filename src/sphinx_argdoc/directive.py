"""The ``argparse`` directive: an adapter between Sphinx and the pipeline.

It takes a request from its options and the build's settings, lends the pipeline what only a
directive has (see ``pipeline.Page``), and applies the outcome to the build.
"""

from __future__ import annotations

import contextlib
from collections.abc import Callable
from typing import ClassVar, cast

from docutils import nodes
from sphinx.domains.std import StandardDomain
from sphinx.util.docutils import SphinxDirective
from sphinx.util.typing import OptionSpec

from . import buildlog, coverage, helptext, nesting, pipeline, register, render
from .compat import commands
from .config import Settings
from .options import DirectiveOptions
from .problems import ArgdocError, Problem, report


class ArgparseDirective(SphinxDirective):
    """Document an ``argparse.ArgumentParser`` returned by ``:module:`` + ``:func:``."""

    has_content = True
    option_spec: ClassVar[OptionSpec] = DirectiveOptions.spec

    def run(self) -> list[nodes.Node]:
        try:
            options = DirectiveOptions.from_directive(self.options, str(self.env.srcdir))
        except ArgdocError as exc:
            self._report(exc.problem)
            return []
        settings = Settings.of(self.config)
        where = self.get_location()
        request = pipeline.Request(options, settings, self.env.docname, where, bool(self.content))
        outcome = pipeline.run(request, self)
        for problem in outcome.problems:
            self._report(problem)
        for path in outcome.dependencies:
            self.env.note_dependency(path)
        if outcome.coverage is not None:
            coverage.note(self.env, outcome.coverage)
        buildlog.note_stand_ins(self.env, str(options.locator), outcome.stood_in)
        std = cast(StandardDomain, self.env.get_domain("std"))
        register.register(std, self.env.docname, outcome.nodes)
        if outcome.commands:
            domain = cast(commands.CommandsDomain, self.env.get_domain(commands.DOMAIN))
            domain.note_commands(self.env.docname, outcome.commands)
        return outcome.nodes

    # What the pipeline borrows from the page (``pipeline.Page``).

    @property
    def document(self) -> nodes.document:
        return self.state.document

    @property
    def ids_on_page(self) -> set[str]:
        # Data of the document being read: Sphinx starts it anew for each page.
        return cast(set[str], self.env.temp_data.setdefault("argdoc-ids-on-page", set()))

    @property
    def rendering(self) -> list[nesting.Part]:
        # Data of the document being read, like the ids: a directive inside help text renders
        # while the directive around it is rendering, on the same page.
        return cast(list[nesting.Part], self.env.temp_data.setdefault("argdoc-rendering", []))

    @property
    def hooks(self) -> render.Hooks:
        emitter = self._emitter
        return render.Hooks(emitter("argdoc-option-rendered"), emitter("argdoc-group-rendered"))

    def text_parser(
        self, help_format: str, problems: list[Problem]
    ) -> contextlib.AbstractContextManager[render.ParseText]:
        return helptext.text_parser(self, help_format, problems)

    def body(self, markdown: bool, program: str) -> list[nodes.Node]:
        with helptext.current_program(self, program):
            return helptext.parse_body(self, markdown)

    def _emitter(self, event: str) -> Callable[..., None] | None:
        # Emitting costs more than building a small entry: with no listener, skip it.
        if not self.env.events.listeners.get(event):
            return None
        events = self.env.events

        def emit(*arguments: object) -> None:
            events.emit(event, *arguments)

        return emit

    def _report(self, problem: Problem) -> None:
        report(problem, self.get_location())
