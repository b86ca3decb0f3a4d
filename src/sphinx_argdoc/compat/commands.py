"""sphinx-argparse's commands indices: its ``sphinxarg_*`` settings, read with their meanings.

A project that switches keeps its ``conf.py``: the same settings build the same two index pages
of a ``commands`` domain, ``commands-index`` (every documented command, by first letter) and
``commands-by-group`` (the commands of each ``:index-groups:`` name), with the same ``:ref:``
labels, and may list them in a toctree. Its role, ``:commands:command:`vcs remote` ``, links to a
command whatever the settings. The settings add pages, and leave the others as they were.

Directives note the commands they render per page on the domain's data, so the notes come back
from parallel readers, leave with their page and survive incremental builds.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from typing import Any, ClassVar, cast

from docutils import nodes
from sphinx import addnodes
from sphinx.application import Sphinx
from sphinx.builders import Builder
from sphinx.domains import Domain, Index, IndexEntry, ObjType
from sphinx.domains.std import StandardDomain
from sphinx.environment import BuildEnvironment
from sphinx.locale import _
from sphinx.roles import XRefRole
from sphinx.util.nodes import make_refnode
from sphinx.util.typing import RoleFunction

from ..config import BY_GROUP_PAGE, BY_GROUP_TITLE, Settings
from ..problems import Kind, Problem, report
from .private import sphinx_id, toctree_names

DOMAIN = "commands"


class CommandsIndex(Index):
    """Every command the pages document, under its first letter."""

    name = "index"
    localname = "Commands Index"

    def generate(
        self, docnames: Iterable[str] | None = None
    ) -> tuple[list[tuple[str, list[IndexEntry]]], bool]:
        content: dict[str, list[IndexEntry]] = {}
        for command in sorted(_domain_of(self).commands(docnames), key=_sort_key):
            if command.in_commands_index:
                content.setdefault(command.name[0].lower(), []).append(_entry(command))
        return sorted(content.items()), True


class CommandsByGroupIndex(Index):
    """The commands of each ``:index-groups:`` name, under that name."""

    name = BY_GROUP_PAGE
    localname = BY_GROUP_TITLE

    def generate(
        self, docnames: Iterable[str] | None = None
    ) -> tuple[list[tuple[str, list[IndexEntry]]], bool]:
        content: dict[str, list[IndexEntry]] = {}
        for command in sorted(_domain_of(self).commands(docnames), key=_sort_key):
            for group in command.groups:
                content.setdefault(group, []).append(_entry(command))
        return sorted(content.items()), True


@dataclass(frozen=True)
class Command:
    """One command (a parser or a subcommand) as a page documents it."""

    name: str
    """As sphinx-argparse named it: the program and subcommands, aliases in parentheses."""
    description: str
    docname: str
    anchor: str
    groups: tuple[str, ...]
    """The directive's ``:index-groups:``."""
    in_commands_index: bool = True
    """False for a ``:no-index:`` directive: its ``:index-groups:`` list it, as they index it."""


class CommandsDomain(Domain):
    """Holds the commands the pages document, for the indices conf.py asks for."""

    name = DOMAIN
    label = "Commands"
    object_types: ClassVar[dict[str, ObjType]] = {"command": ObjType("command", "command")}
    roles: ClassVar[dict[str, RoleFunction | XRefRole]] = {
        # As sphinx-argparse's role did, a link to no command is a warning without nitpicky too.
        "command": XRefRole(warn_dangling=True)
    }
    dangling_warnings: ClassVar[dict[str, str]] = {
        "command": "no argparse directive documents the command %(target)r"
    }
    initial_data: ClassVar[dict[str, Any]] = {
        # docname -> the commands that page documents, in page order.
        "commands": {},
        # std-domain labels added for the indices, removed when conf.py stops asking for them.
        "labels": [],
    }

    def note_commands(self, docname: str, commands: Iterable[Command]) -> None:
        self.data["commands"].setdefault(docname, []).extend(commands)

    def commands(self, docnames: Iterable[str] | None = None) -> Iterator[Command]:
        """The commands of *docnames*' pages (every page's for ``None``)."""
        by_page: dict[str, list[Command]] = self.data["commands"]
        wanted = by_page.keys() if docnames is None else set(docnames) & by_page.keys()
        for docname in wanted:
            yield from by_page[docname]

    def resolve_xref(
        self,
        env: BuildEnvironment,
        fromdocname: str,
        builder: Builder,
        typ: str,
        target: str,
        node: addnodes.pending_xref,
        contnode: nodes.Element,
    ) -> nodes.reference | None:
        command = self._command_at(target)
        if command is None:
            return None
        return make_refnode(
            builder, fromdocname, command.docname, command.anchor, contnode, command.name
        )

    def get_objects(self) -> Iterator[tuple[str, str, str, str, str, int]]:
        """Every indexed command, for objects.inv, where other sites find it as they found
        sphinx-argparse's: a command documented on two pages is listed for both."""
        for command in sorted(self.commands(), key=_sort_key):
            if command.in_commands_index:
                yield (command.name, command.name, "command", command.docname, command.anchor, 1)

    def resolve_any_xref(
        self,
        env: BuildEnvironment,
        fromdocname: str,
        builder: Builder,
        target: str,
        node: addnodes.pending_xref,
        contnode: nodes.Element,
    ) -> list[tuple[str, nodes.reference]]:
        found = self.resolve_xref(env, fromdocname, builder, "command", target, node, contnode)
        return [] if found is None else [(f"{DOMAIN}:command", found)]

    def _command_at(self, target: str) -> Command | None:
        # sphinx-argparse looked the target up, its spaces made dashes, among the commands' ids.
        # Made an id as those were, it also names a command with aliases as the index shows it.
        anchor = sphinx_id(target)
        listed = (c for c in self.commands() if c.in_commands_index and c.anchor == anchor)
        return min(listed, key=_sort_key, default=None)

    def clear_doc(self, docname: str) -> None:
        self.data["commands"].pop(docname, None)

    def merge_domaindata(self, docnames: Any, otherdata: dict[str, Any]) -> None:
        for docname in docnames:
            if docname in otherdata["commands"]:
                self.data["commands"][docname] = otherdata["commands"][docname]


def configure(app: Sphinx) -> None:
    """Give the domain the indices conf.py asks for, and their ``:ref:`` labels."""
    env = app.env
    domain = cast(CommandsDomain, env.get_domain(DOMAIN))
    # Sphinx gave each domain object a list of its own.
    domain.indices[:] = [index for index, _in_toctree in _wanted(Settings.of(env.config))]
    _relabel(env, domain)


def check_pages(app: Sphinx, env: BuildEnvironment, docnames: list[str]) -> None:
    """Once the documents are known: warn of one an index would overwrite, and let toctrees name
    the indices conf.py asks to list there."""
    for index, in_toctree in _wanted(Settings.of(env.config)):
        page = _page(index)
        if page in env.found_docs:
            _warn_overwritten(index, page)
        elif in_toctree:
            # A toctree accepts a page that no source file makes only if the std domain lists it,
            # as it lists the general index; sphinx-argparse wrote a placeholder file instead.
            toctree_names()[page] = (page, str(index.localname))
            _added_toctree_names.add(page)


def keep_out_of_inlined_toctrees(app: Sphinx, doctree: nodes.document) -> None:
    """Leave the indices out of the documents a toctree includes, keeping them as its entries."""
    # Builders of one output file (LaTeX, man, single HTML) inline every included document and
    # warn about one that has no source; such a builder shows the indices its own way.
    if not _added_toctree_names:
        return
    for toctree in doctree.findall(addnodes.toctree):
        included = toctree["includefiles"]
        toctree["includefiles"] = [name for name in included if name not in _added_toctree_names]


def forget_toctree_entries(app: Sphinx, exception: BaseException | None) -> None:
    """Take the indices out of the names toctrees accept, for the next build in this process."""
    for name in _added_toctree_names:
        toctree_names().pop(name, None)
    _added_toctree_names.clear()


# The toctree names this process added, so that only those are taken out again.
_added_toctree_names: set[str] = set()


def _wanted(settings: Settings) -> list[tuple[type[Index], bool]]:
    """The indices to build, each with whether toctrees may list it."""
    return [
        (index, in_toctree)
        for index, build, in_toctree in (
            (
                CommandsIndex,
                settings.build_commands_index,
                settings.commands_index_in_toctree,
            ),
            (
                _by_group_index(settings),
                settings.build_commands_by_group_index,
                settings.commands_by_group_index_in_toctree,
            ),
        )
        if build or in_toctree
    ]


def _by_group_index(settings: Settings) -> type[Index]:
    # conf.py renames the index and its page: a class of its own, leaving the default alone.
    return type(
        "CommandsByGroupIndex",
        (CommandsByGroupIndex,),
        {
            "name": settings.commands_by_group_index_file_suffix,
            "localname": settings.commands_by_group_index_title,
        },
    )


def _relabel(env: BuildEnvironment, domain: CommandsDomain) -> None:
    # Sphinx labels a domain's indices once, when the domain is set up, on data that outlives
    # the build; the indices were chosen later, and the labels of an earlier configuration
    # must go.
    std = cast(StandardDomain, env.get_domain("std"))
    for label in domain.data["labels"]:
        std.labels.pop(label, None)
        std.anonlabels.pop(label, None)
    domain.data["labels"] = [_page(index) for index in domain.indices]
    for index in domain.indices:
        std.note_hyperlink_target(_page(index), _page(index), "", str(index.localname))


def _warn_overwritten(index: type[Index], page: str) -> None:
    # About conf.py, which has no page and line to show.
    report(
        Problem(
            Kind.COMMANDS,
            f"conf.py builds the {index.localname} as page {page!r}, but the project has a "
            "document of that name, whose page the index would overwrite; rename the document",
        )
    )


def _page(index: type[Index]) -> str:
    return f"{DOMAIN}-{index.name}"


def _domain_of(index: Index) -> CommandsDomain:
    return cast(CommandsDomain, index.domain)


def _sort_key(command: Command) -> tuple[str, str, str]:
    return (command.name, command.docname, command.anchor)


def _entry(command: Command) -> IndexEntry:
    description = " ".join(command.description.split()) or _("No description.")
    return IndexEntry(
        command.name, 0, command.docname, command.anchor, command.docname, "", description
    )
