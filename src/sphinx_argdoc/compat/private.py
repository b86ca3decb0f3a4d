"""The private Sphinx APIs that sphinx-argparse compatibility needs, and why; nothing else in
the package uses a private Sphinx or docutils API.

- ``sphinx.util.nodes._make_id``: the ids sphinx-argparse gave sections and commands;
- ``StandardDomain._virtual_doc_names``: toctree entries for its commands indices;
- ``sphinx.ext.autodoc.mock.mock`` (undeclared re-export in Sphinx 9): ``autodoc_mock_imports``.
"""

from __future__ import annotations

import contextlib
from collections.abc import Sequence

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


def autodoc_mock(modules: Sequence[str]) -> contextlib.AbstractContextManager[object]:
    """autodoc's mocking of *modules* while the CLI is imported, for ``autodoc_mock_imports``.

    Sphinx 9 re-exports ``mock`` from a private module without declaring it exported.
    """
    from sphinx.ext.autodoc.mock import mock  # type: ignore[attr-defined,unused-ignore]

    return mock(list(modules))  # type: ignore[no-any-return,unused-ignore]
