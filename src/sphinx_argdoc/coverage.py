"""Warn about the parts of a parser that a page rendered in parts leaves out.

A page that renders a parser group by group (``:group:`` / ``:nogroup:``) goes stale without a
sound when the CLI gains a group. Each directive notes here what it rendered, per page, on the
build environment: the notes survive incremental builds, come back from parallel readers and
leave with their page. Once every page is read, each parser rendered in parts (and nowhere
whole) is checked against them.
"""

from __future__ import annotations

from collections.abc import Iterable, Set
from dataclasses import dataclass

from sphinx.application import Sphinx
from sphinx.environment import BuildEnvironment

from .config import Settings
from .locator import Locator
from .pagenotes import PageNotes, notes_of
from .parts import Choice
from .problems import Kind, Problem, counted, report
from .select import Outline

# The notes live on the environment so that Sphinx pickles them with it.
_ENV_ATTRIBUTE = "argdoc_renders"


@dataclass(frozen=True)
class Render:
    """One argparse directive, and what its parser offered when it was read."""

    locator: str
    prog: str
    group: str | None
    """The title given to ``:group:``; ``None`` for a ``:nogroup:`` block or a whole parser."""
    location: str
    visible_groups: tuple[str, ...]
    ungrouped: tuple[str, ...]
    whole_progs: tuple[str, ...] = ()
    """For a whole parser: its prog and those of the subcommands it renders too (not those that
    the body skips or ``:nosubcommands:`` leaves out)."""
    failed: bool = False
    """It named a group the parser does not have (and got an error for it)."""


@dataclass(frozen=True)
class SplitParser:
    """Everything the project's pages render of one parser (one locator and prog)."""

    locator: str
    prog: str
    pages: tuple[str, ...]
    location: str
    """Where the first page in name order renders the parser first."""
    rendered_groups: frozenset[str]
    has_nogroup: bool
    visible_groups: tuple[str, ...]
    ungrouped: tuple[str, ...]


def record(
    locator: Locator,
    prog: str,
    outline: Outline,
    choice: Choice,
    location: str,
    *,
    whole_progs: tuple[str, ...] = (),
    failed: bool = False,
) -> Render:
    """What a directive at *location* renders of *prog* (outlined *outline*): the part
    *choice* names (*failed*: a group it does not have) or, given *whole_progs*, the whole
    parser and those of its subcommands that the rendering shows."""
    return Render(
        locator=str(locator),
        prog=prog,
        group=choice.group,
        location=location,
        # Shared by every directive of the parser, so the environment pickles them once.
        visible_groups=outline.visible_group_titles,
        ungrouped=outline.ungrouped_names,
        whole_progs=whole_progs,
        failed=failed,
    )


def note(env: BuildEnvironment, render: Render) -> None:
    """Keep *render* with the page being read."""
    pages_renders(env).setdefault(env.docname, []).append(render)


class CoverageCollector(PageNotes):
    """Keeps each page's renders as pages come and go."""

    attribute = _ENV_ATTRIBUTE


def warn_uncovered(app: Sphinx, env: BuildEnvironment) -> None:
    """Warn once per visible group, and once per set of ungrouped options, that no page renders."""
    # Connected to env-updated, which follows every read phase: unlike env-check-consistency, it
    # also runs when pages were only removed, and on a rebuild a gap is reported again.
    if not Settings.of(app.config).coverage_warnings:
        return
    for parser in split_parsers(pages_renders(env)):
        _warn_about(parser)


def split_parsers(renders: dict[str, list[Render]]) -> list[SplitParser]:
    """The parsers rendered in parts, in a stable order, with all their pages' notes combined.

    A parser that some directive renders whole (itself or as a subcommand of a parser rendered
    whole) has every group documented, and one that some directive names a missing group of
    already has an error (most likely, a group was renamed): both are left out.
    """
    by_parser: dict[tuple[str, str], list[tuple[str, Render]]] = {}
    complete: set[tuple[str, str]] = set()
    for docname in sorted(renders):
        for render in renders[docname]:
            by_parser.setdefault((render.locator, render.prog), []).append((docname, render))
            complete.update((render.locator, prog) for prog in render.whole_progs)
            if render.failed:
                complete.add((render.locator, render.prog))
    return [
        _combined(notes) for parser, notes in sorted(by_parser.items()) if parser not in complete
    ]


def _combined(notes: list[tuple[str, Render]]) -> SplitParser:
    first = notes[0][1]
    renders = [render for _, render in notes]
    return SplitParser(
        locator=first.locator,
        prog=first.prog,
        pages=_unique(docname for docname, _ in notes),
        location=first.location,
        rendered_groups=frozenset(r.group for r in renders if r.group is not None),
        has_nogroup=any(r.group is None and not r.whole_progs for r in renders),
        # Pages read in different builds may have seen different versions of the CLI.
        visible_groups=_unique(
            title for seen in _distinct(r.visible_groups for r in renders) for title in seen
        ),
        ungrouped=_unique(
            name for seen in _distinct(r.ungrouped for r in renders) for name in seen
        ),
    )


@dataclass(frozen=True)
class Gaps:
    """What of a parser no directive renders."""

    groups: tuple[str, ...]
    """The titles of its visible argument groups that no ``:group:`` block renders."""
    ungrouped: tuple[str, ...]
    """Its options in no group when no ``:nogroup:`` block renders them; else empty."""

    def __bool__(self) -> bool:
        return bool(self.groups or self.ungrouped)


def _gaps(
    visible_groups: tuple[str, ...],
    ungrouped: tuple[str, ...],
    rendered_groups: Set[str],
    has_nogroup: bool,
) -> Gaps:
    return Gaps(
        tuple(title for title in visible_groups if title not in rendered_groups),
        () if has_nogroup else ungrouped,
    )


def undocumented(renders: dict[str, list[Render]], prog: str, outline: Outline) -> Gaps:
    """What no directive of *renders* renders of the parser of *prog*, outlined *outline* (the
    parser as it is now, whatever the directives saw). Unlike the build's own check, a parser
    that no directive names has gaps too: all of it."""
    notes = [(docname, render) for docname, page in renders.items() for render in page]
    if any(prog in render.whole_progs for _, render in notes):
        return Gaps((), ())
    own = [(docname, render) for docname, render in notes if render.prog == prog]
    if not own:
        return Gaps(outline.visible_group_titles, outline.ungrouped_names)
    rendered = _combined(own)
    return _gaps(
        outline.visible_group_titles,
        outline.ungrouped_names,
        rendered.rendered_groups,
        rendered.has_nogroup,
    )


def _warn_about(parser: SplitParser) -> None:
    where = f"the parser is rendered in parts on {', '.join(parser.pages)}"
    gaps = _gaps(
        parser.visible_groups, parser.ungrouped, parser.rendered_groups, parser.has_nogroup
    )
    for title in gaps.groups:
        _warn(parser, f"no directive renders its argument group {title!r} ({where})")
    if gaps.ungrouped:
        _warn(parser, f"no :nogroup: directive renders its {options_in_no_group(gaps)} ({where})")


def options_in_no_group(gaps: Gaps) -> str:
    """``2 options (--a, --b) in no group``: what *gaps* leaves out of no group."""
    count = counted(len(gaps.ungrouped), "option")
    return f"{count} ({', '.join(gaps.ungrouped)}) in no group"


def _warn(parser: SplitParser, message: str) -> None:
    report(Problem(Kind.COVERAGE, f"{parser.prog} ({parser.locator}): {message}"), parser.location)


def _unique(items: Iterable[str]) -> tuple[str, ...]:
    return tuple(dict.fromkeys(items))


def _distinct(seen: Iterable[tuple[str, ...]]) -> Iterable[tuple[str, ...]]:
    # The directives of one parser share these tuples: going through each once keeps a page of
    # many directives linear in its size.
    return {id(names): names for names in seen}.values()


def pages_renders(env: BuildEnvironment) -> dict[str, list[Render]]:
    """What the directives of each page of *env* render."""
    return notes_of(env, _ENV_ATTRIBUTE)
