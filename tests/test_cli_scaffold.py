"""``sphinx-argdoc`` on real shapes of CLI: subcommands, help in other formats, and ``check``."""

from __future__ import annotations

from pathlib import Path

from commands import run_module, sphinx_build

CONF = 'extensions = ["myst_parser", "sphinx_argdoc"]\n'


def _argdoc(*args: str) -> tuple[int, str, str]:
    result = run_module("sphinx_argdoc", *args)
    return result.returncode, result.stdout, result.stderr


def _built(tmp_path: Path, page: str) -> tuple[int, str, str]:
    srcdir = tmp_path / "docs"
    srcdir.mkdir()
    (srcdir / "index.md").write_text(page)
    (srcdir / "conf.py").write_text(CONF)
    result = sphinx_build(srcdir, "-W")
    html = (srcdir / "_build" / "index.html").read_text() if result.returncode == 0 else ""
    return result.returncode, result.stderr, html


def test_groups_lists_the_subcommands_and_their_groups() -> None:
    code, out, err = _argdoc("groups", "subcommand_clis:vcs")
    assert (code, err) == (0, "")
    assert out.startswith("-  commands (subcommands: commit, checkout, remote)\n1  (no group)\n")
    assert "\nvcs remote add:\n2  transport\n3  (no group)\n" in out


def test_page_scaffolds_every_subcommand_and_builds_without_a_coverage_warning(tmp_path) -> None:
    # The parser has a prog of its own: no --prog needed.
    code, out, err = _argdoc("page", "subcommand_clis:vcs")
    assert (code, err) == (0, "")
    assert ":prog:" not in out
    assert "## vcs remote add\n\n### transport\n" in out
    assert "    :path: remote add\n    :group: transport\n" in out
    assert "## vcs commit\n\n```{eval-rst}\n" in out
    built, warnings, html = _built(tmp_path, out)
    assert (built, warnings) == (0, "")
    for node_id in ("vcs-work-dir", "vcs-commit-amend", "vcs-remote-add-protocol"):
        assert f'id="cmdoption-{node_id}"' in html


def test_page_reads_help_in_the_format_it_reads_clean_in_and_says_so(tmp_path) -> None:
    code, out, err = _argdoc("page", "help_clis:terminal_help")
    assert code == 0
    assert err.startswith("sphinx-argdoc: note: the help does not read clean as reST (")
    assert err.endswith("the page reads it as text (:help-format: text)\n")
    assert out.count("    :help-format: text\n") == 1
    built, warnings, _ = _built(tmp_path, out)
    assert (built, warnings) == (0, "")


def test_page_without_prog_for_a_parser_without_one_says_what_is_missing() -> None:
    code, out, err = _argdoc("page", "sphinxarg_sample:parser")
    assert (code, out) == (2, "")
    assert err == (
        "sphinx-argdoc: error: sphinxarg_sample:parser: the parser has no prog of its own; "
        "give --prog NAME\n"
    )


def test_check_prints_each_problem_with_what_it_belongs_to_and_exits_1() -> None:
    code, out, err = _argdoc("check", "help_clis:broken_everywhere")
    assert (code, err) == (1, "")
    problem = "Inline emphasis start-string without end-string."
    assert out.splitlines() == [
        f"description of everywhere: {problem}",
        # In page order: the table of the commands lists sub where --help lists the chooser.
        f"help of everywhere sub: {problem}",
        f"description of everywhere group 'Tuning': {problem}",
        f"help of everywhere --knob: {problem}",
        f"epilog of everywhere: {problem}",
    ]


def test_check_reads_the_format_it_is_told_and_reports_options_without_help() -> None:
    assert _argdoc("check", "help_clis:markdown_help", "--help-format", "markdown") == (0, "", "")
    code, out, _ = _argdoc("check", "help_clis:broken_markdown_help", "--help-format", "markdown")
    assert code == 1 and out.startswith("help of brokenmd --role: ")
    code, out, _ = _argdoc("check", "help_clis:undocumented")
    assert code == 1
    assert out.splitlines() == ["quiet --unsaid: no help", "quiet sub --also-unsaid: no help"]


def test_the_commands_own_help_shows_no_rest_markup() -> None:
    code, out, _ = _argdoc("--help")
    assert code == 0
    assert "::" not in out and "sphinx-argdoc check mypkg.cli:build_parser" in out
