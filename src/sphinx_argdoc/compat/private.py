"""The private Sphinx APIs that sphinx-argparse compatibility needs, and why; nothing else in
the package uses a private Sphinx or docutils API."""

from __future__ import annotations

from sphinx.domains.std import StandardDomain
from sphinx.util.nodes import _make_id


def sphinx_id(text: str) -> str:
    """*text* as an id the way sphinx-argparse made its ids, with Sphinx's ``_make_id``.

    Unlike docutils' ``make_id``, it keeps dots and underscores and case, which old links rely on.
    """
    return _make_id(text)


def toctree_names() -> dict[str, tuple[str, str]]:
    """The pages a toctree may list although no source file makes them (the general index...).

    sphinx-argparse's commands indices may be listed in a toctree; Sphinx offers no public way
    to add a page there.
    """
    return StandardDomain._virtual_doc_names
