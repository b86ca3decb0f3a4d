"""The documentation site and the example projects build without a warning, as CI builds them."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from conftest import TESTS, warnings_of
from sphinx.cmd.build import build_main

ROOT = TESTS.parent
DOCS = ROOT / "docs"
EXAMPLES = ROOT / "examples"


def _strict_build(srcdir: Path, workdir: Path) -> tuple[int, str, Path]:
    """Build *srcdir* with the README's flags; return the exit status, the warnings, the HTML."""
    outdir = workdir / "html"
    warnings = workdir / "warnings.txt"
    flags = ["-q", "-N", "-W", "-n", "--keep-going", "-b", "html", "-w", str(warnings)]
    status = build_main([*flags, "-d", str(workdir / "doctrees"), str(srcdir), str(outdir)])
    return status, warnings.read_text(), outdir


@pytest.fixture(scope="module")
def docs_html(tmp_path_factory: pytest.TempPathFactory) -> Path:
    status, warnings, outdir = _strict_build(DOCS, tmp_path_factory.mktemp("docs"))
    assert warnings == ""
    assert status == 0
    return outdir


def test_docs_build_without_warnings_and_link_to_options(docs_html: Path) -> None:
    index = (docs_html / "index.html").read_text()
    assert 'href="directive.html#cmdoption-greet-times"' in index
    quickstart = (docs_html / "quickstart.html").read_text()
    assert 'id="cmdoption-mytool-model"' in quickstart
    assert 'href="#cmdoption-mytool-model"' in quickstart
    directive = (docs_html / "directive.html").read_text()
    assert 'href="#cmdoption-python-m-greet-times"' in directive
    # The reference renders --times three times; each entry keeps an anchor of its own.
    assert 'id="cmdoption-greet-times-3"' in directive
    assert 'id="cmdoption-greet-no-capitalize"' in directive
    servecli = (docs_html / "examples" / "servecli.html").read_text()
    for option in ("model-path", "tensor-parallel-size", "arg-model", "config"):
        assert f'id="cmdoption-servecli-{option}"' in servecli


def test_quick_start_project_builds_without_warnings(tmp_path: Path) -> None:
    status, warnings, outdir = _strict_build(EXAMPLES / "mytool" / "docs", tmp_path)
    assert warnings == ""
    assert status == 0
    assert 'href="cli.html#cmdoption-mytool-model"' in (outdir / "index.html").read_text()


@pytest.mark.sphinx("html", testroot="errors", freshenv=True)
def test_troubleshooting_describes_every_message_the_errors_root_gets(app, warning) -> None:
    app.build()
    messages = [
        line
        for line in warnings_of(warning).splitlines()
        if re.match(r"\S+:\d+: (ERROR|WARNING): ", line)
    ]
    assert len(messages) >= 10
    templates = _message_templates((DOCS / "troubleshooting.md").read_text())
    undocumented = [m for m in messages if not any(t.fullmatch(m) for t in templates)]
    assert undocumented == []


def _message_templates(page: str) -> list[re.Pattern[str]]:
    """The one-line messages the page shows, ``<...>`` matching anything."""
    templates = []
    for line in page.splitlines():
        shown = _SHOWN_MESSAGE.fullmatch(line)
        if shown is None:
            continue
        message, suffix = shown.groups()
        pattern = ".+".join(re.escape(part) for part in re.split(r"<[a-z ]+>", message))
        # Sphinx before 7.3 does not show the type and subtype at the end.
        if suffix:
            pattern += f"(?:{re.escape(suffix)})?"
        templates.append(re.compile(pattern))
    return templates


_SHOWN_MESSAGE = re.compile(r"(<page>:<line>: (?:ERROR|WARNING): .+?)( \[[a-z_]+\.[a-z_]+\])?")
