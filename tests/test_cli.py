"""``python -m sphinx_argdoc``: the group listing, the scaffolded page, locators and errors."""

from __future__ import annotations

import html
import re
import shutil
from pathlib import Path

import pytest
from commands import TESTS, run_module, run_python, sphinx_build

THREE_GROUPS = "2  Network\n1  Storage\n1  Logging\n0  Internal\n2  (no group)\n"
CONF = 'extensions = ["myst_parser", "sphinx_argdoc"]\n'


def _argdoc(*args: str, cwd: Path | None = None) -> tuple[int, str, str]:
    result = run_module("sphinx_argdoc", *args, cwd=cwd)
    return result.returncode, result.stdout, result.stderr


def test_groups_lists_titles_in_order_with_counts_and_the_ungrouped_count() -> None:
    assert _argdoc("groups", "coverage_clis:three_groups") == (0, THREE_GROUPS, "")


@pytest.mark.parametrize(
    "locator",
    [
        "coverage_clis.three_groups",
        str(TESTS / "clis" / "coverage_clis.py") + ":three_groups",
    ],
)
def test_module_attr_and_file_locators_find_the_same_parser(locator: str, tmp_path) -> None:
    assert _argdoc("groups", locator, cwd=tmp_path) == (0, THREE_GROUPS, "")


def test_a_file_inside_a_package_is_imported_as_part_of_it(tmp_path) -> None:
    package = tmp_path / "tool"
    package.mkdir()
    (package / "__init__.py").write_text("")
    (package / "names.py").write_text("GROUP = 'Relative import'\n")
    (package / "cli.py").write_text(
        "import argparse\nfrom .names import GROUP\n\n"
        "def build():\n"
        "    parser = argparse.ArgumentParser(prog='tool')\n"
        "    parser.add_argument_group(GROUP).add_argument('--x', help='X.')\n"
        "    return parser\n"
    )
    code, out, err = _argdoc("page", "tool/cli.py:build", "--prog", "tool", cwd=tmp_path)
    assert code == 0
    assert err == (
        f"sphinx-argdoc: note: the page imports 'tool.cli': put {tmp_path} on sys.path in conf.py\n"
    )
    assert ":module: tool.cli\n" in out and ":group: Relative import\n" in out


def test_a_file_whose_name_is_taken_is_an_error(tmp_path) -> None:
    (tmp_path / "json.py").write_text("def build(): pass\n")
    code, out, err = _argdoc("groups", str(tmp_path / "json.py") + ":build")
    assert (code, out) == (2, "")
    assert err.startswith(f"sphinx-argdoc: error: {tmp_path / 'json.py'} cannot be imported as")


def test_passparser_fills_an_empty_parser() -> None:
    code, out, err = _argdoc("groups", "coverage_clis:add_arguments", "--passparser")
    assert (code, out, err) == (0, "1  Style\n1  (no group)\n", "")


def test_a_passparser_page_builds(tmp_path) -> None:
    code, out, err = _argdoc(
        "page", "coverage_clis:add_arguments", "--passparser", "--prog", "greet"
    )
    assert (code, err) == (0, "")
    assert out.count("    :passparser:\n") == 2
    srcdir = tmp_path / "docs"
    srcdir.mkdir()
    (srcdir / "index.md").write_text(out)
    (srcdir / "conf.py").write_text(CONF)
    result = sphinx_build(srcdir, "-W")
    assert (result.returncode, result.stderr) == (0, "")
    page = (srcdir / "_build" / "index.html").read_text()
    assert 'id="cmdoption-greet-shout"' in page and 'id="cmdoption-greet-name"' in page


def test_a_package_in_the_current_folder_is_found_and_its_output_kept_off_the_page(
    tmp_path,
) -> None:
    package = tmp_path / "chatty"
    package.mkdir()
    # Finding where chatty.cli.build splits into module and attribute imports the package.
    (package / "__init__.py").write_text("print('importing chatty')\n")
    (package / "cli.py").write_text(
        "import argparse\n\n"
        "def build():\n"
        "    print('building')\n"
        "    parser = argparse.ArgumentParser()\n"
        "    parser.add_argument('--loud', help='Be loud.')\n"
        "    return parser\n"
    )
    code, out, err = _argdoc("page", "chatty.cli.build", "--prog", "chatty", cwd=tmp_path)
    assert code == 0
    assert out.startswith("# chatty\n\n## Options\n\n```{eval-rst}\n.. argparse::\n")
    assert ":module: chatty.cli\n    :func: build\n" in out
    assert "importing" not in out and "building" not in out
    assert "importing chatty" in err


def test_the_console_script_also_imports_from_the_current_folder(tmp_path) -> None:
    tomllib = pytest.importorskip("tomllib")
    pyproject = tomllib.loads((TESTS.parent / "pyproject.toml").read_text())
    module, _, func = pyproject["project"]["scripts"]["sphinx-argdoc"].partition(":")
    # What installers write: the script's own folder, not the current one, is on sys.path.
    script = tmp_path / "bin" / "sphinx-argdoc"
    script.parent.mkdir()
    script.write_text(f"import sys\nfrom {module} import {func}\nsys.exit({func}())\n")
    project = tmp_path / "project"
    project.mkdir()
    (project / "local_cli.py").write_text(
        "import argparse\nPARSER = argparse.ArgumentParser(prog='local')\n"
        "PARSER.add_argument_group('Here').add_argument('--here', help='Here.')\n"
    )
    result = run_python(str(script), "groups", "local_cli.PARSER", cwd=project)
    assert (result.returncode, result.stdout, result.stderr) == (0, "1  Here\n0  (no group)\n", "")


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["groups", "no_such_module:build"], "cannot import module 'no_such_module'"),
        (["groups", "sample_clis:not_a_parser"], "gave dict, not an argparse.ArgumentParser"),
        (["groups", "sample_clis:exits"], "it called sys.exit(3)"),
        (["groups", "no_such_module"], "no importable module in 'no_such_module'"),
        (["groups", "missing.py:build"], "no file 'missing.py'"),
        (["groups", "coverage_clis:three_groups", "--passparser"], "three_groups() takes 0"),
        (["page", "coverage_clis:three_groups", "--format"], "expected one argument"),
        (["groups", "coverage_clis.py"], "names a file but not what in it gives the parser"),
        (["groups", "sample_clis:needs_arguments"], "use --passparser"),
        (["page", "coverage_clis:three_groups", "--prog", "x", "--format", "pdf"], "'pdf'"),
        (["publish"], "invalid choice: 'publish'"),
        (["page", "coverage_clis:nothing_visible", "--prog", "x"], "has no visible options"),
    ],
)
def test_errors_are_one_line_with_the_cause_and_exit_status_2(args, message, tmp_path) -> None:
    code, out, err = _argdoc(*args, cwd=tmp_path)
    assert (code, out) == (2, "")
    (line,) = err.splitlines()
    assert line.startswith("sphinx-argdoc: error: ")
    assert message in line


def test_help_describes_every_command_and_option() -> None:
    code, out, _ = _argdoc("--help")
    assert code == 0
    assert "list the argument groups of a parser" in out and "sphinx-argdoc page" in out
    code, out, _ = _argdoc("page", "--help")
    assert code == 0
    for text in ("LOCATOR", "MODULE:FUNC", "MODULE.ATTR", "PATH.py:FUNC", "--passparser"):
        assert text in out
    for option in ("--prog NAME", "--format {md,rst}", "--title TEXT", "--split DIR"):
        assert option in out
    code, out, _ = _argdoc("check", "--help")
    assert code == 0
    assert "--help-format {rst,markdown,text}" in out and "--docs-source SRCDIR" in out


def _page_project(tmp_path: Path, page_format: str, *args: str) -> Path:
    srcdir = tmp_path / "docs"
    srcdir.mkdir()
    code, out, err = _argdoc("page", "coverage_clis:three_groups", "--format", page_format, *args)
    assert (code, err) == (
        0,
        "sphinx-argdoc: note: argument group 'Internal' is left out: it has no visible options\n",
    )
    (srcdir / f"cli.{page_format}").write_text(out)
    (srcdir / "index.rst").write_text("Index\n=====\n\n.. toctree::\n\n   cli\n")
    (srcdir / "conf.py").write_text(CONF)
    return srcdir


@pytest.mark.parametrize("page_format", ["md", "rst"])
def test_the_printed_page_builds_with_W_and_documents_every_group(page_format, tmp_path) -> None:
    title = "The *three* tool: `x` [y] {z} #1 a_b_"
    srcdir = _page_project(tmp_path, page_format, "--prog", "three x", "--title", title)
    result = sphinx_build(srcdir, "-W")
    assert (result.returncode, result.stderr) == (0, "")

    page = (srcdir / "_build" / "cli.html").read_text()
    headings = [
        html.unescape(re.sub(r"<[^>]+>", "", text))
        for text in re.findall(r"<h[12]>(.*?)<a class=\"headerlink\"", page)
    ]
    assert headings == [title, "Network", "Storage", "Logging", "Other options"]
    for name in ("host", "port", "cache-dir", "log-level", "arg-target", "dry-run"):
        assert f'id="cmdoption-three-x-{name}"' in page


def test_the_command_line_reference_is_rendered_by_sphinx_argdoc(tmp_path) -> None:
    srcdir = tmp_path / "cli-reference"
    shutil.copytree(TESTS.parent / "examples" / "cli-reference", srcdir)
    result = sphinx_build(srcdir, "-W", "-n")
    assert (result.returncode, result.stderr) == (0, "")
    page = (srcdir / "_build" / "index.html").read_text()
    for node_id in (
        "cmdoption-sphinx-argdoc-groups-passparser",
        "cmdoption-sphinx-argdoc-page-prog",
        "cmdoption-sphinx-argdoc-page-format",
        "cmdoption-sphinx-argdoc-page-title",
        "cmdoption-sphinx-argdoc-page-arg-locator",
    ):
        assert f'id="{node_id}"' in page
