"""What ``sphinx-argdoc`` prints: the listing of a parser's groups, and a page that renders them.

A page has a section per argument group with visible options (a ``:group:`` directive) and one
for the options in no group (``:nogroup:``), then the same for each subcommand, under a heading
naming it, its directives reaching it with ``:path:``. Split, the same sections make a page per
subcommand, each listing its own subcommands' pages in a toctree.
"""

from __future__ import annotations

import re
from collections.abc import Iterator, Sequence
from dataclasses import dataclass

from docutils.utils import column_width

from . import model, select
from .locator import Locator


def groups_listing(parser: model.Parser) -> str:
    """One line per argument group, ``COUNT  TITLE``, then the count of options in no group;
    then the same for each subcommand, after a line naming it."""
    blocks = []
    for path, each in walk(parser):
        ungrouped = select.outline(each).ungrouped_names
        chooser = subcommand_groups(each)
        words = ", ".join(sub.name for sub in each.subcommands)
        rows: list[tuple[str, int | str]] = [
            (f"{title} (subcommands: {words})", "-") if title in chooser else (title, size)
            for title, size in select.group_sizes(each)
        ]
        if each.subcommands and not chooser:
            rows.append((f"(subcommands: {words})", "-"))
        rows.append(("(no group)", len(ungrouped)))
        width = max(len(str(size)) for _, size in rows)
        heading = f"{each.prog}:\n" if path else ""
        blocks.append(heading + "".join(f"{size:>{width}}  {title}\n" for title, size in rows))
    return "\n".join(blocks)


def subcommand_groups(parser: model.Parser) -> set[str]:
    """The titles of the groups that hold only the subcommand chooser, which is no option."""
    return {g.title for g in parser.groups if g.chooser is not None and not g.options}


def walk(
    parser: model.Parser, path: tuple[str, ...] = ()
) -> Iterator[tuple[tuple[str, ...], model.Parser]]:
    """The parser and every subcommand under it, each with the names leading to it."""
    yield path, parser
    for sub in parser.subcommands:
        yield from walk(sub.parser, (*path, sub.name))


@dataclass(frozen=True)
class PageSpec:
    """What a scaffolded page's directives say besides the group."""

    locator: Locator
    prog: str | None
    """The directive's ``:prog:``; ``None`` when the parser has a prog of its own."""
    title: str
    passparser: bool
    help_format: str | None = None
    """The directive's ``:help-format:``, when the help does not read clean as reST."""


@dataclass(frozen=True)
class Section:
    """A heading of the page and the directive under it (none under a subcommand's heading
    whose parser has titled groups)."""

    heading: str | None
    level: int
    path: tuple[str, ...] = ()
    group: str | None = None
    directive: bool = True


def page_sections(parser: model.Parser) -> list[Section]:
    """The sections of the page: the top parser's, then each subcommand's."""
    sections = _parser_sections(parser, (), 2)
    for path, each in list(walk(parser))[1:]:
        inner = _parser_sections(each, path, 3)
        if not inner:
            continue
        if len(inner) == 1:
            sections.append(Section(each.prog, 2, path, inner[0].group))
        else:
            sections += [Section(each.prog, 2, path, directive=False), *inner]
    return sections


def _parser_sections(parser: model.Parser, path: tuple[str, ...], level: int) -> list[Section]:
    outline = select.outline(parser)
    sections = [Section(title, level, path, title) for title in outline.visible_group_titles]
    if outline.ungrouped_names:
        sections.append(Section("Other options" if sections else "Options", level, path))
    return sections


def markdown_page(spec: PageSpec, parser: model.Parser) -> str:
    """The page in MyST Markdown, each directive in an ``eval-rst`` fence."""
    return _markdown(spec, spec.title, page_sections(parser), ())


def rest_page(spec: PageSpec, parser: model.Parser) -> str:
    """The page in reStructuredText."""
    return _rest(spec, spec.title, page_sections(parser), ())


@dataclass(frozen=True)
class SplitPage:
    """One page of a split scaffold: ``index`` for the parser, one per subcommand."""

    name: str
    """The document name, a file name without its suffix."""
    title: str
    sections: tuple[Section, ...]
    children: tuple[str, ...]
    """The names of the pages of its subcommands, for its toctree."""


def split_pages(title: str, parser: model.Parser) -> list[SplitPage]:
    """``index`` for *parser*, titled *title*, then a page per subcommand, in the order of
    ``--help``. A subcommand with nothing to show, itself or below it, gets no page."""
    names = _page_names([path for path, _ in walk(parser)][1:])
    return _pages(parser, (), names, title)


def _pages(
    each: model.Parser, path: tuple[str, ...], names: dict[tuple[str, ...], str], title: str
) -> list[SplitPage]:
    """The page of *each* (the subcommand at *path*) and the pages below it."""
    below = [
        pages
        for sub in each.subcommands
        if (pages := _pages(sub.parser, (*path, sub.name), names, title))
    ]
    sections = tuple(_parser_sections(each, path, 2))
    if path and not sections and not below:
        return []
    page = SplitPage(
        names[path] if path else "index",
        each.prog if path else title,
        sections,
        tuple(pages[0].name for pages in below),
    )
    return [page, *(later for pages in below for later in pages)]


def _page_names(paths: list[tuple[str, ...]]) -> dict[tuple[str, ...], str]:
    """A file name for each subcommand: its path joined with ``-``, in characters safe in any
    file system, numbered where two would be the same (or ``index``)."""
    names: dict[tuple[str, ...], str] = {}
    taken = {"index"}
    for path in paths:
        name = base = re.sub(r"[^\w.-]+", "_", "-".join(path)).strip("._") or "command"
        number = 1
        while name.lower() in taken:
            number += 1
            name = f"{base}-{number}"
        taken.add(name.lower())
        names[path] = name
    return names


def split_page(spec: PageSpec, page: SplitPage, markdown: bool) -> str:
    """*page* in MyST Markdown (*markdown*) or reStructuredText."""
    write = _markdown if markdown else _rest
    return write(spec, page.title, page.sections, page.children)


def _markdown(
    spec: PageSpec, title: str, sections: Sequence[Section], children: Sequence[str]
) -> str:
    lines = [f"# {_markdown_escaped(title)}"]
    for section in sections:
        lines += ["", f"{'#' * section.level} {_markdown_escaped(section.heading or '')}"]
        if section.directive:
            lines += ["", "```{eval-rst}", *directive_lines(spec, section), "```"]
    if children:
        lines += ["", "## Subcommands", "", "```{toctree}", ":maxdepth: 1", "", *children, "```"]
    return "\n".join(lines) + "\n"


def _rest(spec: PageSpec, title: str, sections: Sequence[Section], children: Sequence[str]) -> str:
    lines = _rest_heading(title, "=")
    for section in sections:
        lines += ["", *_rest_heading(section.heading or "", "-" if section.level == 2 else "~")]
        if section.directive:
            lines += ["", *directive_lines(spec, section)]
    if children:
        lines += ["", *_rest_heading("Subcommands", "-"), "", ".. toctree::", "    :maxdepth: 1"]
        lines += ["", *(f"    {child}" for child in children)]
    return "\n".join(lines) + "\n"


def directive_lines(spec: PageSpec, section: Section | None = None) -> list[str]:
    """The ``argparse`` directive for *section* (its path, its group or the options in no
    group) of *spec*'s parser; without a section, for the whole parser."""
    lines = [
        ".. argparse::",
        f"    :module: {spec.locator.module}",
        f"    :func: {spec.locator.func}",
    ]
    if spec.prog is not None:
        lines.append(f"    :prog: {spec.prog}")
    if section is not None:
        if section.path:
            lines.append(f"    :path: {' '.join(section.path)}")
        group = section.group
        lines.append(f"    :group: {group}" if group is not None else "    :nogroup:")
    if spec.passparser:
        lines.append("    :passparser:")
    if spec.help_format is not None:
        lines.append(f"    :help-format: {spec.help_format}")
    return lines


def _rest_heading(text: str, underline: str) -> list[str]:
    escaped = _escaped(text, _REST_SPECIAL)
    return [escaped, underline * max(column_width(escaped), 3)]


def _markdown_escaped(text: str) -> str:
    return _escaped(text, _MARKDOWN_SPECIAL)


# Characters that could start markup inside a heading; a backslash keeps each literal.
_REST_SPECIAL = frozenset("\\*`_|")
_MARKDOWN_SPECIAL = frozenset("\\`*_[]<>#${}~&")


def _escaped(text: str, special: frozenset[str]) -> str:
    return "".join(f"\\{char}" if char in special else char for char in text)
