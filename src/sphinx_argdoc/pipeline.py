"""What one ``argparse`` directive does, as a function from a request to an outcome:
options -> load -> model -> select -> render.

It knows no directive: the page being read lends it what only a directive has (its document,
its text parsers, the ids and renderings already on the page), and the directive applies the
outcome (logs its problems, notes its dependencies, keeps its coverage record and commands).
No stage logs on its own.
"""

from __future__ import annotations

import contextlib
import functools
from dataclasses import dataclass, field, replace
from typing import Protocol

from docutils import nodes

from . import (
    coverage,
    envvars,
    introspect,
    load,
    markdown,
    modelstore,
    nesting,
    overrides,
    render,
    select,
)
from .cache import BUILD, ModelKey, Wanted
from .compat import names
from .compat.commands import Command
from .config import Settings
from .load import Loaded
from .model import Option, Parser
from .modelstore import Inputs, Walked
from .options import DirectiveOptions
from .parts import Scope
from .problems import ArgdocError, Kind, Level, Problem


@dataclass(frozen=True)
class Request:
    """One directive's options, the build's settings, and where the directive is."""

    options: DirectiveOptions
    settings: Settings
    docname: str
    location: str
    has_body: bool


class Page(Protocol):
    """What the page being read lends the pipeline; the directive is the one that has it."""

    @property
    def document(self) -> nodes.document: ...

    @property
    def ids_on_page(self) -> set[str]: ...

    @property
    def rendering(self) -> list[nesting.Part]:
        """The parts that directives around this one are rendering (help text nests them)."""

    @property
    def hooks(self) -> render.Hooks: ...

    def text_parser(
        self, help_format: str, problems: list[Problem]
    ) -> contextlib.AbstractContextManager[render.ParseText]: ...

    def body(self, markdown: bool, program: str) -> list[nodes.Node]:
        """The directive's content parsed, ``:option:`` links meaning *program*'s options."""


@dataclass
class Outcome:
    """What the directive applies: its nodes and everything else the run found."""

    nodes: list[nodes.Node] = field(default_factory=list)
    problems: list[Problem] = field(default_factory=list)
    dependencies: list[str] = field(default_factory=list)
    """Files whose change must make Sphinx read the page again (also when loading failed)."""
    coverage: coverage.Render | None = None
    commands: list[Command] = field(default_factory=list)
    """The commands sphinx-argparse's indices and role know of."""
    stood_in: tuple[str, ...] = ()
    """The packages that loading the parser stood in for (not installed)."""


def run(request: Request, page: Page) -> Outcome:
    """Render what *request* asks for into *page*; every mistake is a problem of the outcome."""
    outcome = Outcome()
    options = request.options
    try:
        walked = _walked(request, outcome)
        if walked.prog_is_derived and not options.prog:
            outcome.problems.append(_no_prog(options))
        root = walked.model
        key = ModelKey(options.locator, root.prog, options.color, request.settings.usage_width)
        where = select.scope(root, options.path)
        outline = BUILD.outline(key, options.path, lambda: select.outline(where.parser))
        record = functools.partial(
            coverage.record,
            options.locator,
            where.parser.prog,
            outline,
            options.choice,
            request.location,
        )
        try:
            selection = select.select(where.parser, options.choice, outline)
        except ArgdocError:
            # The error names the group; a coverage warning about the parser would repeat it.
            outcome.coverage = record(failed=True)
            raise
        help_format = options.help_format or request.settings.help_format
        if help_format == "markdown" or options.markdown_body:
            markdown.require()
        part = nesting.Part(
            parser=options.locator,
            path=tuple(sub.name for sub in where.walked),
            choice=options.choice,
            subcommands=options.choice.whole and not options.display.nosubcommands,
            prog=where.parser.prog,
        )
        nesting.check(page.rendering, part)
    except ArgdocError as exc:
        outcome.problems.append(exc.problem)
        return outcome
    with nesting.rendering(page.rendering, part):
        rendered = _render(request, page, where, selection, help_format, outcome)
    outcome.nodes = rendered.nodes
    outcome.commands = _commands(request, rendered.commands)
    # The usage alone documents no option: the blocks that do keep the page complete.
    if not options.display.usage_only:
        outcome.coverage = record(whole_progs=rendered.programs if selection.whole else ())
    return outcome


def _walked(request: Request, outcome: Outcome) -> Walked:
    """The model the directive documents, and what its load said."""
    options, settings = request.options, request.settings
    locator = options.locator
    if locator.filename:
        # Not imported, so no module's change would tell Sphinx to read this page again.
        outcome.dependencies.append(locator.filename)
    wanted = Wanted(
        locator,
        options.prog,
        options.color,
        (
            settings.mock_imports,
            settings.mock_missing_imports,
            settings.mock_version,
            settings.usage_width,
        ),
    )
    try:
        walked = BUILD.walked(
            wanted, functools.partial(_walk, request, outcome), outcome.problems, _kept(request)
        )
    except ArgdocError:
        # Fixing the CLI's code then re-reads this page.
        outcome.dependencies += load.source_files(locator)
        raise
    # Editing the CLI's code then re-reads this page, and only pages like it.
    outcome.dependencies += walked.files
    outcome.stood_in = walked.stood_in
    return walked


def _walk(request: Request, outcome: Outcome) -> tuple[Walked, Inputs | None]:
    """The model made from the parser loaded in this process, and the inputs it came from."""
    options = request.options
    loaded = _loaded(request, outcome)
    prog = options.prog or (
        options.locator.module.rpartition(".")[2] if loaded.prog_is_derived else loaded.parser.prog
    )
    width = request.settings.usage_width
    key = ModelKey(options.locator, prog, options.color, width)
    # Called through its module, so a test can count the calls.
    model = BUILD.model(
        key, lambda: introspect.build(loaded.parser, prog, options.color, usage_width=width)
    )
    files = load.source_files(options.locator)
    walked = Walked(model, loaded.prog_is_derived, loaded.stood_in, files)
    return walked, modelstore.inputs_of(files, load.libraries(options.locator))


def _kept(request: Request) -> bool:
    """Whether the model of the request's parser may be kept in the model cache."""
    locator = request.options.locator
    excluded = request.settings.model_cache_exclude
    # A script run by :filename: is not a module: what it imports is not recorded.
    return not (locator.filename or locator.module in excluded or str(locator) in excluded)


def _loaded(request: Request, outcome: Outcome) -> Loaded:
    locator = request.options.locator
    settings = request.settings
    loaded = BUILD.loaded(
        locator,
        lambda: load.load(
            locator, settings.mock_imports, settings.mock_missing_imports, settings.mock_version
        ),
    )
    # Printing at import is common and harmless (banners, deprecation notes): worth a line in
    # the build log, once, not a warning that would fail a -W build.
    if BUILD.first_report(locator) and loaded.output.strip():
        printed = load.output_tail(loaded.output)
        message = f"{locator} printed while it was loaded (not shown in the page): {printed}"
        outcome.problems.append(Problem(None, message, Level.INFO))
    return loaded


def _no_prog(options: DirectiveOptions) -> Problem:
    return Problem(
        Kind.PROG,
        f"{options.locator}: the parser has no prog of its own (argparse would take the name "
        "of the running program, here sphinx-build); give the directive :prog:",
    )


def _render(
    request: Request,
    page: Page,
    where: Scope,
    selection: select.Selection,
    help_format: str,
    outcome: Outcome,
) -> render.Rendered:
    options, parser = request.options, where.parser
    if not selection.whole and select.is_empty(selection):
        outcome.problems.append(
            Problem(
                Kind.EMPTY,
                f"{parser.prog}: {options.choice} has nothing to document (every option in it is "
                "hidden)",
            )
        )
    outcome.problems += _unexpanded_help(parser, selection)
    body = _body(request, page, parser, where, outcome)
    with page.text_parser(help_format, outcome.problems) as parse_text:
        context = render.Context(
            document=page.document,
            parse_text=parse_text,
            program=where.program,
            display=replace(
                options.display, full_subcommand_names=request.settings.full_subcommand_name
            ),
            hooks=page.hooks,
            ids_on_page=page.ids_on_page,
            body=body.free,
            overrides=body.overrides,
            id_prefix=names.id_prefix(options.locator.module, options.locator.func),
            index_groups=options.index_groups,
            env_var=_env_var(request, outcome),
            help_line=where.walked[-1].help if where.walked else "",
            default_values=request.settings.default_values,
        )
        return render.render(parser, selection, context)


def _env_var(request: Request, outcome: Outcome) -> render.EnvVar | None:
    naming = envvars.naming(request.settings.envvars)

    def variable(prog: str, option: Option) -> str | None:
        return envvars.variable(naming, prog, option, outcome.problems)

    return variable


def _unexpanded_help(parser: Parser, selection: select.Selection) -> list[Problem]:
    return [
        Problem(
            Kind.HELP,
            f"{parser.prog} {option.names[0]}: the help's %-formats cannot be expanded "
            f"({option.help_error}); shown as written",
        )
        for group in selection.groups
        for option in group.options
        if option.help_error is not None
    ]


def _body(
    request: Request, page: Page, parser: Parser, where: Scope, outcome: Outcome
) -> overrides.Body:
    """The directive's content, parsed: free text and overrides; each mistake a problem."""
    if not request.has_body:
        return overrides.Body((), (), ())
    body = overrides.split_body(page.body(request.options.markdown_body, where.program.std))
    unmatched = (
        f"override {term!r} names no option, argument group or subcommand of {parser.prog}"
        for term in overrides.unmatched(body.overrides, parser)
    )
    outcome.problems += [Problem(Kind.OVERRIDE, each) for each in (*body.problems, *unmatched)]
    return body


def _commands(request: Request, seen: tuple[render.Command, ...]) -> list[Command]:
    """The commands a rendering showed, as sphinx-argparse's indices and role list them."""
    options = request.options
    display = options.display
    # sphinx-argparse left out the commands of manual-page layouts.
    if display.manpage or not (display.index or options.index_groups):
        return []
    return [
        Command(
            command.name.strip(),
            command.description,
            request.docname,
            command.anchor,
            options.index_groups,
            display.index,
        )
        # A parser may have the empty prog: its own entry would have no name to show.
        for command in seen
        if command.name.strip()
    ]
