"""The directive's body: free content, and definition-list items that change generated text.

An item's term names an option (any of its names, all of them joined by spaces as
sphinx-argparse wrote them, or a positional's dest), an argument group or a subcommand; its
classifier says where its definition goes: ``@before`` or ``@after`` (the default) the
generated text, ``@replace`` it, or ``@skip`` the whole entry; for an option, ``@default``
makes the definition what its default shows (a value computed on the build machine). Items
nested in a group's or subcommand's definition apply only inside that group or subcommand.
reST reads an unclassified item whose term starts with ``-`` (``--amend``) as an option list;
such items count as ``@after`` overrides too. Markdown definition lists have no classifiers:
there the term may end with `` : @replace`` and the like.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from docutils import nodes

from .compat import names
from .model import Chooser, Group, Option, Parser, Subcommand

CLASSIFIERS = ("@before", "@after", "@replace", "@skip", "@default")


@dataclass(frozen=True)
class Override:
    """One definition-list item of the body."""

    term: str
    how: str
    content: tuple[nodes.Node, ...]
    nested: tuple[Override, ...]


@dataclass(frozen=True)
class Body:
    """The body split into content shown as written, overrides, and items that were wrong."""

    free: tuple[nodes.Node, ...]
    overrides: tuple[Override, ...]
    problems: tuple[str, ...]


_LISTS = (nodes.definition_list, nodes.option_list)
_WRITTEN_CLASSIFIER = re.compile(r"(.+?)\s+:\s+(@\w+)")


def split_body(children: Sequence[nodes.Node]) -> Body:
    """Return the parsed body *children* as free content plus overrides."""
    free = tuple(child for child in children if not isinstance(child, _LISTS))
    lists = [child for child in children if isinstance(child, _LISTS)]
    problems: list[str] = []
    overrides = tuple(_overrides(lists, problems))
    return Body(free, overrides, tuple(problems))


def _overrides(lists: Iterable[nodes.Node], problems: list[str]) -> Iterable[Override]:
    for each in lists:
        for item in each.children:
            if isinstance(item, nodes.definition_list_item):
                override = _override(item, problems)
            elif isinstance(item, nodes.option_list_item):
                override = _option_list_override(item, problems)
            else:
                override = None
            if override is not None:
                yield override


def _option_list_override(item: nodes.option_list_item, problems: list[str]) -> Override | None:
    groups = [c for c in item.children if isinstance(c, nodes.option_group)]
    descriptions = [c for c in item.children if isinstance(c, nodes.description)]
    if not groups:
        return None
    body = list(descriptions[0].children) if descriptions else []
    strings = [name.astext() for name in groups[0].findall(nodes.option_string)]
    return _made(" ".join(strings), "@after", body, problems)


def _override(item: nodes.definition_list_item, problems: list[str]) -> Override | None:
    term_node = next(iter(item.findall(nodes.term)), None)
    if term_node is None or not term_node.astext().strip():
        return None
    classifiers = [c.astext().strip() for c in item.children if isinstance(c, nodes.classifier)]
    term, how = _term_and_classifier(term_node.astext(), classifiers)
    if how not in CLASSIFIERS:
        allowed = ", ".join(CLASSIFIERS)
        problems.append(f"override {term!r}: unknown classifier {how!r} (use {allowed})")
        return None
    definitions = [c for c in item.children if isinstance(c, nodes.definition)]
    body = list(definitions[0].children) if definitions else []
    return _made(term, how, body, problems)


def _term_and_classifier(term: str, classifiers: list[str]) -> tuple[str, str]:
    if classifiers:
        return term, classifiers[0]
    # Markdown definition lists have no classifiers: there "TERM : @replace" is all term.
    written = _WRITTEN_CLASSIFIER.fullmatch(term.strip())
    if written is not None:
        return written.group(1), written.group(2)
    return term, "@after"


def _made(term: str, how: str, body: list[nodes.Node], problems: list[str]) -> Override:
    return Override(
        term=" ".join(term.split()),
        how=how,
        content=tuple(c for c in body if not isinstance(c, _LISTS)),
        nested=tuple(_overrides([c for c in body if isinstance(c, _LISTS)], problems)),
    )


def for_option(active: Sequence[Override], option: Option) -> Override | None:
    """The innermost override naming *option*, of its help or entry."""
    return _last(o for o in _placing(active) if _names_option(o.term, option))


def _placing(active: Sequence[Override]) -> Iterable[Override]:
    """The items that place text or skip an entry: all but ``@default`` ones."""
    return (o for o in active if o.how != "@default")


def default_for(active: Sequence[Override], option: Option) -> list[nodes.Node] | None:
    """What the innermost ``@default`` item naming *option* says its default shows: the inline
    content of its definition's first paragraph (or its text)."""
    found = _last(o for o in active if o.how == "@default" and _names_option(o.term, option))
    if found is None or not found.content:
        return None
    first = found.content[0]
    if isinstance(first, nodes.paragraph):
        return list(first.children)
    return [nodes.Text(first.astext())]


def for_group(active: Sequence[Override], group: Group) -> Override | None:
    """The innermost override naming *group* by its title (or sphinx-argparse's title for it)."""
    return _last(o for o in _placing(active) if _names_group(o.term, group))


def for_chooser(active: Sequence[Override], chooser: Chooser) -> Override | None:
    """The innermost override naming the subcommand chooser by where it stores the choice."""
    return _last(o for o in _placing(active) if _names_chooser(o.term, chooser))


def for_subcommand(active: Sequence[Override], sub: Subcommand) -> Override | None:
    """The innermost override naming *sub* or one of its aliases."""
    return _last(o for o in _placing(active) if o.term == sub.name or o.term in sub.aliases)


def unskipped(
    active: Sequence[Override], subcommands: Iterable[Subcommand]
) -> list[tuple[Subcommand, Override | None]]:
    """The subcommands that no ``@skip`` item leaves out, each with the item naming it."""
    shown = []
    for sub in subcommands:
        override = for_subcommand(active, sub)
        if not skips(override):
            shown.append((sub, override))
    return shown


def inside(active: tuple[Override, ...], override: Override | None) -> tuple[Override, ...]:
    """The overrides in force within the entry that *override* named."""
    return active + override.nested if override is not None else active


def skips(override: Override | None) -> bool:
    return override is not None and override.how == "@skip"


def applied(override: Override | None, generated: list[nodes.Node]) -> list[nodes.Node]:
    """*generated* with the override's content placed as its classifier says."""
    if override is None or override.how == "@skip":
        return generated
    # One item may apply at several places (an option in several subcommands): copy it.
    content = [node.deepcopy() for node in override.content]
    if override.how == "@replace":
        return content
    if override.how == "@before":
        return content + generated
    return generated + content


def unmatched(overrides: Sequence[Override], parser: Parser) -> list[str]:
    """Terms of *overrides* that name nothing where they apply; a nested one as ``outer > term``.

    A top-level item applies anywhere in *parser*; a nested one only inside what its outer
    item named.
    """
    return [term for override in overrides for term in _unmatched(override, [parser])]


def _unmatched(override: Override, scopes: Sequence[Parser | Group]) -> list[str]:
    inner = [named for scope in scopes for named in _scopes_named(override.term, scope)]
    if not inner and not any(_names_option_in(override.term, scope) for scope in scopes):
        return [override.term]
    missing = [term for nested in override.nested for term in _unmatched(nested, inner)]
    return [f"{override.term} > {term}" for term in missing]


def _scopes_named(term: str, scope: Parser | Group) -> list[Parser | Group]:
    """The groups and subcommands (anywhere inside *scope*) that *term* names."""
    if isinstance(scope, Group):
        return []
    found: list[Parser | Group] = [g for g in scope.groups if _names_group(term, g)]
    for sub in scope.subcommands:
        if term == sub.name or term in sub.aliases:
            found.append(sub.parser)
        found += _scopes_named(term, sub.parser)
    return found


def _names_option_in(term: str, scope: Parser | Group) -> bool:
    if isinstance(scope, Group):
        chooser = scope.chooser
        named = chooser is not None and _names_chooser(term, chooser)
        return named or any(_names_option(term, option) for option in scope.options)
    return any(_names_option_in(term, group) for group in scope.groups) or any(
        _names_option_in(term, sub.parser) for sub in scope.subcommands
    )


def _names_chooser(term: str, chooser: Chooser) -> bool:
    return term in (chooser.dest, chooser.name) and bool(term)


def _names_option(term: str, option: Option) -> bool:
    joined = (" ".join(option.names), ", ".join(option.names))
    return term in option.names or term in joined or (option.positional and term == option.dest)


def _names_group(term: str, group: Group) -> bool:
    wanted = term.casefold()
    # Pages written for sphinx-argparse name argparse's default groups by the titles it showed.
    return wanted in (group.title.casefold(), names.group_title(group).casefold())


def _last(candidates: Iterable[Override]) -> Override | None:
    found = None
    for candidate in candidates:
        found = candidate
    return found
