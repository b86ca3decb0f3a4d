from __future__ import annotations

import os
import re
import shutil
import sys
import time
import zlib
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from io import StringIO
from pathlib import Path
from typing import Any

import pytest
from docutils import nodes
from sphinx import addnodes
from sphinx.environment import BuildEnvironment
from sphinx.testing.util import SphinxTestApp

pytest_plugins = ("sphinx.testing.fixtures",)

TESTS = Path(__file__).parent
sys.path.insert(0, str(TESTS / "clis"))


@pytest.fixture(scope="session")
def rootdir() -> Path:
    return TESTS / "roots"


def warnings_of(warning: object) -> str:
    """The build's warnings with colour codes removed."""
    return re.sub(r"\x1b\[[0-9;]*m", "", warning.getvalue())  # type: ignore[attr-defined]


def inventory(outdir: Path) -> list[tuple[str, str, str]]:
    """``(name, domain:role, uri)`` of every entry in a built objects.inv."""
    raw = (outdir / "objects.inv").read_bytes()
    body = zlib.decompress(raw.split(b"\n", 4)[4]).decode()
    entries = []
    for line in body.splitlines():
        match = re.match(r"(.+?)\s+(\S+:\S+)\s+(-?\d+)\s+(\S+)\s+(.*)", line)
        assert match, line
        name, role, _, uri, _ = match.groups()
        entries.append((name, role, uri))
    return entries


@dataclass(frozen=True)
class Built:
    """Where a finished build wrote its output, and what it warned."""

    outdir: Path
    doctreedir: Path
    warnings: str
    env: BuildEnvironment | None = None
    """The build environment, when asked to keep it."""


def build_project(
    srcdir: Path,
    builder: str = "html",
    builddir: Path | None = None,
    confoverrides: dict[str, Any] | None = None,
    keep_environment: bool = False,
) -> Built:
    """Build a whole Sphinx project from scratch, outside the ``app`` fixture."""
    app, warnings = _fresh_build(builder, srcdir, confoverrides, builddir)
    env = app.env if keep_environment else None
    return Built(Path(app.outdir), Path(app.doctreedir), warnings, env)


def _fresh_build(
    builder: str,
    srcdir: Path,
    confoverrides: dict[str, Any] | None,
    builddir: Path | None = None,
) -> tuple[SphinxTestApp, str]:
    """A finished fresh build of *srcdir*, and its warnings with colour codes removed."""
    warnings = StringIO()
    app = SphinxTestApp(
        builder,
        srcdir=srcdir,
        builddir=builddir,
        freshenv=True,
        confoverrides=confoverrides or {},
        status=StringIO(),
        warning=warnings,
    )
    try:
        app.build()
    finally:
        # Unregister its nodes and restore sys.path now: other tests start apps too.
        app.cleanup()
    return app, warnings_of(warnings)


def edit_file(path: Path, old: str, new: str) -> None:
    """Replace *old* by *new* in *path*, stamped visibly newer than any earlier read of it."""
    text = path.read_text()
    assert old in text
    path.write_text(text.replace(old, new))
    # File systems stamp with a coarse clock; make the edit visibly newer than the last read.
    now = time.time_ns()
    os.utime(path, ns=(now, now))


# Shared builds: one build of a root per test module.
#
# ``@pytest.mark.sphinx(..., freshenv=True)`` builds the root again for every test. A test that
# only reads the result can ask for a ``Site`` instead: ``build_site(root, builder, confoverrides)``
# builds each combination once per module, in a folder of its own, and every later test of the
# module gets the same ``Site``. Tests that edit sources, rebuild, patch modules or count loads
# keep their own ``app``.


def section_titles(doctree: nodes.document) -> list[str]:
    """The title of every section, in document order."""
    return [section[0].astext() for section in doctree.findall(nodes.section)]


def option_entry_list(doctree: nodes.document) -> list[tuple[str, str, str]]:
    """``(program, first name, content text)`` of every option entry, in page order."""
    return [
        (desc[0]["argdoc-program"], desc[0]["allnames"][0], " ".join(desc[1].astext().split()))
        for desc in doctree.findall(addnodes.desc)
    ]


def option_entries(doctree: nodes.document) -> dict[str, str]:
    """``{"program first-name": text of the entry's content}`` for every option entry.

    A program documented twice on the page keeps the text of its last entry.
    """
    return {f"{program} {name}": text for program, name, text in option_entry_list(doctree)}


def option_entry_text(doctree: nodes.document, name: str) -> str:
    """The content text of the first entry that has *name* among its names."""
    for desc in doctree.findall(addnodes.desc):
        if name in desc[0]["allnames"]:
            return " ".join(desc[1].astext().split())
    raise AssertionError(name)


def html_ids(html: str) -> list[str]:
    """Every ``id="..."`` attribute of an HTML page, in order, repeats included."""
    return re.findall(r'\sid="([^"]+)"', html)


def cmdoptions(outdir: Path) -> dict[str, str]:
    """``{"program option": uri}`` from objects.inv (Sphinx 9 writes ``program.option``)."""
    found = {}
    for name, role, uri in inventory(outdir):
        if role == "std:cmdoption":
            program, _, option = name.partition(" ") if " " in name else name.partition(".")
            found[f"{program} {option}"] = uri
    return found


#: The suffix of the file each builder writes a page to.
_SUFFIXES = {"html": ".html", "text": ".txt"}


@dataclass(frozen=True)
class Page:
    """One document of a shared build."""

    site: Site
    docname: str

    @property
    def doctree(self) -> nodes.document:
        """The resolved doctree, read afresh on each access: tests may change it freely."""
        return self.site.env.get_doctree(self.docname)

    @property
    def html(self) -> str:
        """The text of the file the html (or text) builder wrote for this page."""
        return self.site.read(f"{self.docname}{_SUFFIXES[self.site.app.builder.name]}")

    def option_entries(self) -> dict[str, str]:
        return option_entries(self.doctree)

    def option_entry_list(self) -> list[tuple[str, str, str]]:
        return option_entry_list(self.doctree)

    def option_entry_text(self, name: str) -> str:
        return option_entry_text(self.doctree, name)

    def ids(self) -> list[str]:
        return html_ids(self.html)

    def titles(self) -> list[str]:
        return section_titles(self.doctree)


@dataclass(frozen=True)
class Site:
    """A finished build shared by the tests of a module."""

    app: SphinxTestApp
    warnings: str
    """The build's warnings with colour codes removed."""

    @property
    def outdir(self) -> Path:
        return Path(self.app.outdir)

    @property
    def srcdir(self) -> Path:
        return Path(self.app.srcdir)

    @property
    def env(self) -> BuildEnvironment:
        return self.app.env

    def page(self, docname: str) -> Page:
        return Page(self, docname)

    def read(self, name: str) -> str:
        """The text of a file the builder wrote, by its path under the output folder."""
        return (self.outdir / name).read_text(encoding="utf-8")

    def warning_lines(self, containing: str = "") -> list[str]:
        """The non-blank lines of the warnings that contain *containing* (every line if empty)."""
        return [line for line in self.warnings.splitlines() if line.strip() and containing in line]


SiteFactory = Callable[..., Site]


@pytest.fixture(scope="module")
def build_site(rootdir: Path, tmp_path_factory: pytest.TempPathFactory) -> Iterator[SiteFactory]:
    """``build_site(root, builder="html", confoverrides=None, prepare=None)``: a shared build.

    Each ``(root, builder, confoverrides, prepare)`` is built once for the module, from a copy
    of ``tests/roots/test-<root>`` in a temporary folder of its own (never the one the ``app``
    fixture copies roots to). *prepare*, if given, is called with the copy's folder before the
    build.
    """
    built: dict[tuple[object, ...], Site] = {}

    def build(
        root: str,
        builder: str = "html",
        confoverrides: dict[str, Any] | None = None,
        prepare: Callable[[Path], None] | None = None,
    ) -> Site:
        key = (root, builder, repr(sorted((confoverrides or {}).items())), prepare)
        if key not in built:
            srcdir = tmp_path_factory.mktemp(f"site-{root}-{builder}") / root
            shutil.copytree(rootdir / f"test-{root}", srcdir)
            if prepare is not None:
                prepare(srcdir)
            built[key] = Site(*_fresh_build(builder, srcdir, confoverrides))
        return built[key]

    yield build
    built.clear()


@pytest.fixture
def site(request: pytest.FixtureRequest, build_site: SiteFactory) -> Site:
    """The shared build that the test's ``@pytest.mark.site(root, builder, ...)`` names."""
    marker = request.node.get_closest_marker("site")
    if marker is None:
        pytest.fail("the site fixture needs @pytest.mark.site(root, ...)")
    return build_site(*marker.args, **marker.kwargs)


def pytest_configure(config: pytest.Config) -> None:
    config.addinivalue_line(
        "markers", "site(root, builder='html', confoverrides=None): the shared build to use"
    )
