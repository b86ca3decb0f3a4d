"""What the writers other than HTML need of the rendered nodes.

A manual page and a text file cannot follow a link: the usage's links print their target
(``<#cmdoption-prog-x>``) after each option there, so they become their text. troff cannot
justify the summary table's narrow cells (``cannot adjust line``): the table is set ragged.
"""

from __future__ import annotations

from typing import Any

from docutils import nodes
from sphinx.transforms.post_transforms import SphinxPostTransform


class PlainUsageLinks(SphinxPostTransform):
    """The usage's links as plain text, for writers without links."""

    # After Sphinx resolves the cross-references (priority 10).
    default_priority = 20
    builders = ("man", "text", "texinfo")

    def run(self, **kwargs: Any) -> None:
        for block in self.document.findall(nodes.literal_block):
            if "argdoc-usage" not in block["classes"]:
                continue
            for reference in list(block.findall(nodes.reference)):
                reference.replace_self(nodes.Text(reference.astext()))


class RaggedManTables(SphinxPostTransform):
    """The summary tables of a manual page set ragged right, which troff can always do."""

    default_priority = 20
    builders = ("man",)

    def run(self, **kwargs: Any) -> None:
        for table in list(self.document.findall(nodes.table)):
            if "argdoc-summary" not in table["classes"] or table.parent is None:
                continue
            parent, position = table.parent, table.parent.index(table)
            parent.insert(position + 1, nodes.raw("", ".ad\n", format="manpage"))
            parent.insert(position, nodes.raw("", ".na\n", format="manpage"))
