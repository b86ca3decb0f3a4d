"""Notes kept per page on the build environment, so Sphinx pickles them with it: they survive
incremental builds, come back from parallel readers and leave with their page.

Each kind of note has an attribute of the environment and a collector that purges and merges it.
"""

from __future__ import annotations

from collections.abc import Set
from typing import Any, ClassVar

from docutils import nodes
from sphinx.application import Sphinx
from sphinx.environment import BuildEnvironment
from sphinx.environment.collectors import EnvironmentCollector


def notes_of(env: BuildEnvironment, attribute: str) -> dict[str, Any]:
    """The notes kept under *attribute*, by page (made empty the first time)."""
    kept: dict[str, Any] | None = getattr(env, attribute, None)
    if kept is None:
        kept = {}
        setattr(env, attribute, kept)
    return kept


class PageNotes(EnvironmentCollector):
    """Purges a page's notes with the page, and merges them back from parallel readers."""

    #: The environment attribute the notes are kept under.
    attribute: ClassVar[str]

    def clear_doc(self, app: Sphinx, env: BuildEnvironment, docname: str) -> None:
        notes_of(env, self.attribute).pop(docname, None)

    def merge_other(
        self, app: Sphinx, env: BuildEnvironment, docnames: Set[str], other: BuildEnvironment
    ) -> None:
        theirs, ours = notes_of(other, self.attribute), notes_of(env, self.attribute)
        for docname in docnames:
            if docname in theirs:
                ours[docname] = theirs[docname]

    def process_doc(self, app: Sphinx, doctree: nodes.document) -> None:
        # Notes are taken while the page is read, by the directives; the doctree adds nothing.
        pass
