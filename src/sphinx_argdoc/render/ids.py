"""Ids and labels on the page: unique across every directive of it, stable from build to build."""

from __future__ import annotations

from collections.abc import Container, Iterable, Sequence

from docutils import nodes
from sphinx.application import Sphinx

from .. import register
from .context import Context


def program_label(prog: str) -> str:
    """The std-domain label of a whole-parser rendering: ``argdoc-`` and the program, as an id."""
    return nodes.make_id(f"argdoc {prog}")


def group_label(prog: str, title: str) -> str:
    """The std-domain label of one group: ``argdoc-``, the program and the title, as an id."""
    return nodes.make_id(f"argdoc {prog} {title}")


def label_target(label: str, title: str, context: Context) -> nodes.target:
    """A target carrying *label* (registered unless ``:no-index:``)."""
    target = nodes.target("", "")
    target["ids"].append(page_unique_id(context, label))
    context.document.note_implicit_target(target)
    mark_label(target, label, title, context)
    return target


def mark_label(node: nodes.Element, label: str, title: str, context: Context) -> None:
    if context.display.index:
        register.mark_label(node, label, title)


def add_free_ids(section: nodes.Element, ids: Iterable[str], context: Context) -> None:
    """Give *section* each of *ids* that no node on the page has yet: the first one keeps it."""
    for each in ids:
        if each and id_is_free(each, context):
            section["ids"].append(each)
            context.document.ids[each] = section
            context.ids_on_page.add(each)


def id_is_free(candidate: str, context: Context) -> bool:
    return candidate not in context.document.ids and candidate not in context.ids_on_page


def page_unique_id(context: Context, base: str, also_taken: Sequence[str] = ()) -> str:
    """Like ``unique_id``, also avoiding the ids of the page's other directives."""
    new_id = unique_id(context.document, base, also_taken, elsewhere=context.ids_on_page)
    context.ids_on_page.add(new_id)
    return new_id


def unique_id(
    document: nodes.document,
    base: str,
    also_taken: Sequence[str] = (),
    elsewhere: Container[str] = frozenset(),
) -> str:
    """A lowercase id from *base*, suffixed ``-2``, ``-3``… while the page already has it."""
    stem = nodes.make_id(base) or "argdoc"
    candidate, number = stem, 1
    while candidate in document.ids or candidate in also_taken or candidate in elsewhere:
        number += 1
        candidate = f"{stem}-{number}"
    return candidate


def drop_repeated_ids(app: Sphinx, doctree: nodes.document) -> None:
    """Leave each id on the first node of the page that has it.

    A directive inside a Markdown ``eval-rst`` block cannot see the ids of the page around it:
    the command's anchor sphinx-argparse gave (``#vcs-remote``) can repeat the id of the page's
    own heading. The heading comes first and keeps it; links to it land there.
    """
    seen: set[str] = set()
    for node in doctree.findall(nodes.Element):
        repeated = [each for each in node["ids"] if each in seen]
        if repeated:
            node["ids"] = [each for each in node["ids"] if each not in seen]
        seen.update(node["ids"])


def titled_section(
    title: str, id_base: str, body: Sequence[nodes.Node], context: Context
) -> nodes.section:
    """A section titled *title*, its id unique on the page, made from *id_base*."""
    made = nodes.section("", nodes.title(title, title), *body)
    made["ids"].append(page_unique_id(context, id_base))
    context.document.note_implicit_target(made)
    return made
