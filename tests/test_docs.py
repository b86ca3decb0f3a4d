"""The documentation site and the example projects build without a warning, as CI builds them."""

from __future__ import annotations

import logging
import re
import shutil
import sys
from pathlib import Path

import pytest
from conftest import TESTS, build_project
from sphinx.cmd.build import build_main

from sphinx_argdoc import cli, scaffold
from sphinx_argdoc.options import DirectiveOptions
from sphinx_argdoc.problems import Kind

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


def test_new_pages_link_to_what_they_describe(docs_html: Path) -> None:
    references = (docs_html / "cross-references.html").read_text()
    assert 'href="subcommands.html#cmdoption-gitlike-remote-add-protocol"' in references
    assert 'href="examples/gitlike.html#argdoc-gitlike-commit"' in references
    # The events example: the handlers in conf.py changed what the directive rendered.
    assert "Options in this group: 3." in references
    assert "A flag: it takes no value." in references
    command_line = (docs_html / "command-line.html").read_text()
    assert 'id="cmdoption-sphinx-argdoc-page-prog"' in command_line
    help_text = (docs_html / "help-text.html").read_text()
    assert "Leave files matching PATTERN alone, e.g. *.tmp or *.bak." in help_text
    assert "<strong>Give it once per pattern.</strong>" in help_text
    directive = (docs_html / "directive.html").read_text()
    assert 'class="argdoc-summary' in directive
    # Repeated examples are :no-index:, so the general index leads to the first rendering only.
    genindex = (docs_html / "genindex.html").read_text()
    assert 'directive.html#cmdoption-greet-times"' in genindex
    assert "#cmdoption-greet-times-" not in genindex


def test_big_cli_page_shows_what_the_command_prints(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.syspath_prepend(str(EXAMPLES / "greet"))
    parser = cli.parser_model(cli.parse_locator("greet:build_parser"), False, None)
    locator = cli.parse_locator("greet:build_parser").locator
    spec = scaffold.PageSpec(locator, "greet", "greet", False)
    page = (DOCS / "big-cli.md").read_text()
    assert f"```text\n{scaffold.groups_listing(parser)}```" in page
    assert f"````markdown\n{scaffold.markdown_page(spec, parser)}````" in page


def test_big_cli_page_shows_the_coverage_warnings_a_build_gives(tmp_path: Path) -> None:
    source = tmp_path / "servecli"
    shutil.copytree(EXAMPLES / "servecli" / "docs", source)
    page = (source / "cli.md").read_text()
    for heading in ("## Security", "## Other options"):
        start = page.index(heading)
        page = page[:start] + page[page.index("```\n", page.index("```{eval-rst}", start)) + 4 :]
    (source / "cli.md").write_text(page)
    _, warnings, _ = _strict_build(source, tmp_path / "out")
    shown = re.findall(r"^cli\.md:\d+: WARNING: .+$", (DOCS / "big-cli.md").read_text(), re.M)
    assert len(shown) == 2
    # Sphinx before 7.3 prints no [type.subtype] after a warning.
    built = [_untyped(line.replace(f"{source}/", "")) for line in warnings.splitlines()]
    assert built == [_untyped(line) for line in shown]


def _untyped(warning: str) -> str:
    return re.sub(r" \[argdoc\.\w+\]$", "", warning)


def test_every_directive_option_has_a_rendered_example() -> None:
    rendered = set()
    for page in [*DOCS.glob("*.rst"), *DOCS.glob("*.md")]:
        for example in page.read_text().split("argdoc-example")[1:]:
            # A reST container ends at the first line back at its indentation; a Markdown one at
            # a closing fence of four backquotes or more (the directive's own fence comes first).
            lines = example.splitlines()[1:]
            end_of_example = r"`{4,}\s*$" if page.suffix == ".md" else r"\S"
            end = next((i for i, line in enumerate(lines) if re.match(end_of_example, line)), None)
            assert end is not None, page
            rendered.update(re.findall(r"^\s*:([a-z-]+):", "\n".join(lines[:end]), re.M))
    aliases = {"noindex"}  # the other spelling of :no-index:, shown with it
    assert sorted(set(DirectiveOptions.spec) - aliases - rendered) == []


def test_quick_start_project_builds_without_warnings(tmp_path: Path) -> None:
    status, warnings, outdir = _strict_build(EXAMPLES / "mytool" / "docs", tmp_path)
    assert warnings == ""
    assert status == 0
    assert 'href="cli.html#cmdoption-mytool-model"' in (outdir / "index.html").read_text()


def test_troubleshooting_describes_every_message_the_test_roots_get(tmp_path: Path) -> None:
    templates = _message_templates((DOCS / "troubleshooting.md").read_text())
    messages = []
    for root in sorted((TESTS / "roots").iterdir()):
        messages += _messages_of_build(root, tmp_path / root.name)
    assert len(messages) >= 30
    assert {level for level, _ in messages} == {"ERROR", "WARNING"}
    undocumented = [m for m in messages if not _described(m, templates)]
    assert undocumented == []


def test_the_architecture_page_lists_every_kind_of_warning() -> None:
    page = (DOCS / "architecture.md").read_text()
    table = page.split("## Kinds of warning", 1)[1].split("\n## ", 1)[0]
    listed = re.findall(r"^\| `(\w+)` \|", table, re.MULTILINE)
    assert listed == [kind.value for kind in Kind]


def test_troubleshooting_names_every_kind_of_message_the_extension_logs() -> None:
    subtypes = {kind.value for kind in Kind}
    assert {"directive", "coverage", "markup", "override"} <= subtypes
    page = (DOCS / "troubleshooting.md").read_text()
    assert [s for s in sorted(subtypes) if f"[argdoc.{s}]" not in page] == []


@pytest.mark.parametrize(
    "argv",
    [
        ["page", "sample_clis:grouped", "--format", "pdf"],
        ["groups", "sample_clis.py"],
        ["groups", "sample_clis:"],
        ["groups", "no_such_module_anywhere.build"],
        ["groups", "no/such/file.py:build"],
        ["groups", str(ROOT / "README.md") + ":build"],
        ["groups", "sample_clis:raises", "--passparser"],
        ["groups", "sample_clis:missing_function"],
        ["groups", "sample_clis:not_a_parser"],
        ["page", "{hidden}:build", "--prog", "hidden"],
        ["check", "sample_clis:grouped", "--docs-source", "{folder}"],
        ["page", "sample_clis:grouped", "--split", "{folder}/new"],
        ["page", "sample_clis:grouped", "--split", "{folder}"],
        ["page", "sample_clis:grouped", "--split", "{hidden}"],
    ],
)
def test_troubleshooting_describes_the_command_lines_messages(
    argv: list[str], tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys
) -> None:
    hidden = tmp_path / "hidden.py"
    hidden.write_text(
        "import argparse\n\n"
        "def build():\n"
        "    parser = argparse.ArgumentParser(prog='hidden')\n"
        "    parser.add_argument('--x', help=argparse.SUPPRESS)\n"
        "    return parser\n"
    )
    monkeypatch.setattr(sys, "path", list(sys.path))
    monkeypatch.chdir(tmp_path)
    with pytest.raises(SystemExit) as exited:
        cli.main([arg.format(hidden=hidden, folder=tmp_path) for arg in argv])
    assert exited.value.code == 2
    lines = capsys.readouterr().err.splitlines()
    assert len(lines) == 1
    templates = _message_templates((DOCS / "troubleshooting.md").read_text())
    assert _described(
        ("sphinx-argdoc: error", lines[0].removeprefix("sphinx-argdoc: error: ")), templates
    )


class _Collector(logging.Handler):
    """Keeps ``(level, message)`` of every record the extension's loggers emit."""

    def __init__(self) -> None:
        # Errors and warnings; the information the build log also shows is not a problem to fix.
        super().__init__(logging.WARNING)
        self.messages: list[tuple[str, str]] = []

    def emit(self, record: logging.LogRecord) -> None:
        self.messages.append((record.levelname, record.getMessage()))


def _messages_of_build(root: Path, workdir: Path) -> list[tuple[str, str]]:
    """What the extension logs while building a copy of *root*."""
    srcdir = workdir / "src"
    shutil.copytree(root, srcdir)
    collector = _Collector()
    extension_logger = logging.getLogger("sphinx.sphinx_argdoc")
    extension_logger.addHandler(collector)
    try:
        build_project(srcdir, builddir=workdir / "build")
    finally:
        extension_logger.removeHandler(collector)
    return collector.messages


Template = tuple[str, re.Pattern[str]]


def _described(message: tuple[str, str], templates: list[Template]) -> bool:
    level, text = message
    # The command line reports the directive's errors about loading a parser in its own words.
    accepted = {level, "ERROR"} if level == "sphinx-argdoc: error" else {level}
    return any(kind in accepted and pattern.fullmatch(text) for kind, pattern in templates)


def _message_templates(page: str) -> list[Template]:
    """``(level, message)`` of each one-line message the page shows, ``<...>`` matching anything."""
    templates = []
    for line in page.splitlines():
        shown = _SHOWN_MESSAGE.fullmatch(line)
        if shown is None:
            continue
        level, message = shown.groups()
        pattern = ".+".join(re.escape(part) for part in re.split(r"<[a-z ]+>", message))
        # What the code printed follows some messages on lines of their own.
        templates.append((level.removeprefix("<page>:<line>: "), re.compile(pattern, re.DOTALL)))
    return templates


# The type and subtype at the end are Sphinx's, shown by Sphinx 7.3 and newer.
_SHOWN_MESSAGE = re.compile(
    r"(<page>:<line>: (?:ERROR|WARNING)|sphinx-argdoc: (?:error|note)): (.+?)"
    r"(?: \[[a-z_]+\.[a-z_]+\])?"
)
