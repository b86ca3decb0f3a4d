"""How rendered nodes become std-domain objects: the attributes render marks nodes with, and the
walk that registers what they mark once ``conf.py``'s handlers have had their say.

Registering after the walk, not while rendering, means an entry that an
``argdoc-option-rendered`` handler removes is not registered either.
"""

from __future__ import annotations

from collections.abc import Iterable

from docutils import nodes
from sphinx import addnodes
from sphinx.domains.std import StandardDomain

#: Attribute on each ``desc_signature`` naming the std-domain program its options belong to.
PROGRAM_ATTRIBUTE = "argdoc-program"
#: Attribute listing the other programs the same options answer to (via subcommand aliases).
PROGRAM_ALIASES_ATTRIBUTE = "argdoc-program-aliases"
#: Attribute on a node (a section or a target) carrying the std-domain label that points at it,
#: with the link text that ``:ref:`` shows by default in ``LABEL_TITLE_ATTRIBUTE``.
LABEL_ATTRIBUTE = "argdoc-label"
LABEL_TITLE_ATTRIBUTE = "argdoc-label-title"
#: Attribute on the node in an option's entry that is the target of an environment variable.
ENV_VAR_ATTRIBUTE = "argdoc-envvar"


def mark_program(signature: addnodes.desc_signature, std: str, aliases: tuple[str, ...]) -> None:
    """Mark an entry's signature as options of program *std* (and of its *aliases*)."""
    signature[PROGRAM_ATTRIBUTE] = std
    if aliases:
        signature[PROGRAM_ALIASES_ATTRIBUTE] = list(aliases)


def mark_label(node: nodes.Element, label: str, title: str) -> None:
    """Mark *node* as the target of std-domain label *label*, shown as *title* by ``:ref:``."""
    node[LABEL_ATTRIBUTE] = label
    node[LABEL_TITLE_ATTRIBUTE] = title


def mark_env_var(node: nodes.Element, variable: str) -> None:
    """Mark *node* (with an id) as where std-domain ``envvar`` *variable* is described."""
    node[ENV_VAR_ATTRIBUTE] = variable


def register(std: StandardDomain, docname: str, result: Iterable[nodes.Node]) -> None:
    """Register every option, label and environment variable marked in *result*, the nodes
    page *docname* gets."""
    for root in result:
        if not isinstance(root, nodes.Element):
            continue
        for node in root.findall(nodes.Element):
            if LABEL_ATTRIBUTE in node:
                _add_label(std, node, docname)
            if ENV_VAR_ATTRIBUTE in node:
                std.note_object("envvar", node[ENV_VAR_ATTRIBUTE], node["ids"][0], location=node)
            program = node.get(PROGRAM_ATTRIBUTE)
            if program is None or not isinstance(node, addnodes.desc_signature):
                continue
            aliases: list[str] = node.get(PROGRAM_ALIASES_ATTRIBUTE, [])
            for each in (program, *aliases):
                for name in node["allnames"]:
                    std.add_program_option(each, name, docname, node["ids"][0])


def _add_label(std: StandardDomain, node: nodes.Element, docname: str) -> None:
    # The first rendering of a group keeps the label, as the first entry of an option keeps the
    # option: pages that show a group twice mark the copies :no-index:.
    label = node[LABEL_ATTRIBUTE]
    if label in std.anonlabels:
        return
    std.anonlabels[label] = (docname, node["ids"][0])
    std.labels[label] = (docname, node["ids"][0], node[LABEL_TITLE_ATTRIBUTE])
