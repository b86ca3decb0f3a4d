"""Lines the build log gets once per build, from what the directives of the pages read noted.

A parallel build reads pages in several processes: each directive notes on its page what the
line should say, and the line is written once every page is read and merged back.
"""

from __future__ import annotations

from sphinx.application import Sphinx
from sphinx.environment import BuildEnvironment
from sphinx.util import logging

from .pagenotes import PageNotes, notes_of

logger = logging.getLogger(__name__)

_ENV_ATTRIBUTE = "argdoc_stand_ins"

#: The pages this build reads (only their notes are news).
_read_now: set[str] = set()


def note_stand_ins(env: BuildEnvironment, locator: str, packages: tuple[str, ...]) -> None:
    """Note that loading *locator* for the page being read stood in for *packages*."""
    if packages:
        notes_of(env, _ENV_ATTRIBUTE).setdefault(env.docname, []).append((locator, packages))


class StandInNotes(PageNotes):
    """Keeps what each page's loads stood in for as pages come and go."""

    attribute = _ENV_ATTRIBUTE


def remember_pages_read(app: Sphinx, env: BuildEnvironment, docnames: list[str]) -> None:
    _read_now.clear()
    _read_now.update(docnames)


def report_stand_ins(app: Sphinx, env: BuildEnvironment) -> None:
    """One line for the build: the packages stood in for, and the parsers that needed them."""
    noted = notes_of(env, _ENV_ATTRIBUTE)
    packages: dict[str, None] = {}
    locators: dict[str, None] = {}
    for docname in sorted(_read_now & noted.keys()):
        for locator, stood_in in noted[docname]:
            locators[locator] = None
            packages.update(dict.fromkeys(stood_in))
    if packages:
        logger.info(
            "stood in for packages that are not installed: %s (loading %s)",
            ", ".join(packages),
            ", ".join(locators),
        )
