"""What ``sphinx-argdoc`` prints: the listing of a parser's groups, and a page that renders them.

A page has a section per argument group with visible options (a ``:group:`` directive) and one
for the options in no group (``:nogroup:``), then the same for each subcommand, under a heading
naming it, its directives reaching it with ``:path:``.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass

from docutils.utils import column_width

from . import load, model, select


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

    locator: load.Locator
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
    lines = [f"# {_markdown_escaped(spec.title)}"]
    for section in page_sections(parser):
        lines += ["", f"{'#' * section.level} {_markdown_escaped(section.heading or '')}"]
        if section.directive:
            lines += ["", "```{eval-rst}", *_directive(spec, section), "```"]
    return "\n".join(lines) + "\n"


def rest_page(spec: PageSpec, parser: model.Parser) -> str:
    """The page in reStructuredText."""
    lines = _rest_heading(spec.title, "=")
    for section in page_sections(parser):
        lines += ["", *_rest_heading(section.heading or "", "-" if section.level == 2 else "~")]
        if section.directive:
            lines += ["", *_directive(spec, section)]
    return "\n".join(lines) + "\n"


def _directive(spec: PageSpec, section: Section) -> list[str]:
    lines = [
        ".. argparse::",
        f"    :module: {spec.locator.module}",
        f"    :func: {spec.locator.func}",
    ]
    if spec.prog is not None:
        lines.append(f"    :prog: {spec.prog}")
    if section.path:
        lines.append(f"    :path: {' '.join(section.path)}")
    lines.append(f"    :group: {section.group}" if section.group is not None else "    :nogroup:")
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
