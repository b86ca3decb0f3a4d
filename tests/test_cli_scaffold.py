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


def test_page_reads_help_as_text_when_neither_rest_nor_markdown_read_it_clean(tmp_path) -> None:
    code, out, err = _argdoc("page", "help_clis:broken_rst_and_markdown")
    assert code == 0
    assert err.startswith("sphinx-argdoc: note: the help does not read clean as reST (")
    assert err.endswith("the page reads it as text (:help-format: text)\n")
    assert out.count("    :help-format: text\n") == 1
    built, warnings, _ = _built(tmp_path, out)
    assert (built, warnings) == (0, "")


def test_page_reads_help_that_breaks_rest_as_markdown_when_that_reads_clean(tmp_path) -> None:
    # Two builds in one process, reST then Markdown: the second starts as clean as the first.
    code, out, err = _argdoc("page", "help_clis:broken_rst_help")
    assert code == 0
    assert err == (
        "sphinx-argdoc: note: the help does not read clean as reST (1 problem, the first: "
        "help of brokentool --unclosed: Inline emphasis start-string without end-string.); "
        "the page reads it as markdown (:help-format: markdown)\n"
    )
    assert out.count("    :help-format: markdown\n") == 1
    built, warnings, html = _built(tmp_path, out)
    assert (built, warnings) == (0, "")
    assert "An *unclosed emphasis." in html


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


def _written(folder: Path) -> dict[str, str]:
    return {file.name: file.read_text() for file in sorted(folder.iterdir())}


def test_page_split_writes_a_page_per_subcommand_that_builds_without_a_warning(tmp_path) -> None:
    docs = tmp_path / "docs"
    code, out, err = _argdoc("page", "subcommand_clis:vcs", "--split", str(docs))
    assert (code, err) == (0, "")
    names = ["index", "commit", "checkout", "remote", "remote-add", "remote-remove"]
    assert out.splitlines() == [str(docs / f"{name}.md") for name in names]
    pages = _written(docs)
    assert pages["index.md"].endswith(
        "## Subcommands\n\n```{toctree}\n:maxdepth: 1\n\ncommit\ncheckout\nremote\n```\n"
    )
    assert pages["remote.md"].endswith("\nremote-add\nremote-remove\n```\n")
    assert pages["remote-add.md"].startswith("# vcs remote add\n\n## transport\n")
    assert "    :path: remote add\n    :group: transport\n" in pages["remote-add.md"]
    assert "    :path: remote add\n    :nogroup:\n" in pages["remote-add.md"]
    (docs / "conf.py").write_text(CONF)
    built = sphinx_build(docs, "-W")
    # No warning at all: none about coverage, none about a page outside every toctree.
    assert (built.returncode, built.stderr) == (0, "")
    html = (docs / "_build" / "remote-add.html").read_text()
    assert 'id="cmdoption-vcs-remote-add-protocol"' in html
    assert 'id="cmdoption-vcs-remote-add-fetch"' in html
    index = (docs / "_build" / "index.html").read_text()
    assert 'href="remote.html"' in index and 'id="cmdoption-vcs-work-dir"' in index
    # The written pages document everything: check, reading them, agrees.
    assert _argdoc("check", "subcommand_clis:vcs", "--docs-source", str(docs)) == (0, "", "")


def test_page_split_in_rest_gives_the_index_the_title_asked_for(tmp_path) -> None:
    docs = tmp_path / "reference"
    code, _, err = _argdoc(
        "page", "subcommand_clis:vcs", "--split", str(docs), "--format", "rst", "--title", "VCS"
    )
    assert (code, err) == (0, "")
    pages = _written(docs)
    assert sorted(pages) == sorted(
        f"{name}.rst"
        for name in ("index", "commit", "checkout", "remote", "remote-add", "remote-remove")
    )
    assert pages["index.rst"].startswith("VCS\n===\n")
    assert (
        ".. toctree::\n    :maxdepth: 1\n\n    commit\n    checkout\n    remote\n"
        in (pages["index.rst"])
    )
    assert pages["remote-add.rst"].startswith("vcs remote add\n==============\n\ntransport\n---")
    (docs / "conf.py").write_text('extensions = ["sphinx_argdoc"]\n')
    built = sphinx_build(docs, "-W")
    assert (built.returncode, built.stderr) == (0, "")
    assert "<title>VCS" in (docs / "_build" / "index.html").read_text()


def test_page_split_refuses_a_folder_with_files_and_a_cli_without_subcommands(tmp_path) -> None:
    kept = tmp_path / "docs"
    kept.mkdir()
    (kept / "index.md").write_text("# Mine\n")
    code, out, err = _argdoc("page", "subcommand_clis:vcs", "--split", str(kept))
    assert (code, out) == (2, "")
    assert err == (
        f"sphinx-argdoc: error: --split {kept}: the folder is not empty; give a new or empty "
        "folder, so that no page is overwritten\n"
    )
    assert _written(kept) == {"index.md": "# Mine\n"}
    code, out, err = _argdoc("page", "sample_clis:grouped", "--split", str(tmp_path / "new"))
    assert (code, out) == (2, "")
    assert err == (
        "sphinx-argdoc: error: grouped has no subcommands, and --split writes a page per "
        "subcommand: leave out --split to print one page\n"
    )
    assert not (tmp_path / "new").exists()


def _docs(folder: Path, pages: dict[str, str]) -> Path:
    folder.mkdir()
    (folder / "conf.py").write_text(CONF)
    for name, text in pages.items():
        (folder / name).write_text(text)
    return folder


def _block(*options: str) -> str:
    lines = [".. argparse::", "    :module: subcommand_clis", "    :func: vcs", *options]
    return "```{eval-rst}\n" + "".join(f"{line}\n" for line in lines) + "```\n"


def test_check_reports_the_groups_no_page_of_the_docs_renders(tmp_path) -> None:
    # The top parser's options and `remote add`'s group are documented; nothing else is.
    docs = _docs(
        tmp_path / "docs",
        {
            "index.md": "# vcs\n\n" + _block("    :nogroup:") + "\n```{toctree}\nremote\n```\n",
            "remote.md": "# remote add\n\n"
            + _block("    :path: remote add", "    :group: transport"),
        },
    )
    code, out, err = _argdoc("check", "subcommand_clis:vcs", "--docs-source", str(docs))
    assert (code, err) == (1, "")
    assert out.splitlines() == [
        "vcs commit: no page renders its 4 options (--message, --amend, --all, --staged) in no "
        "group",
        "vcs checkout: no page renders its 2 options (target, -b) in no group",
        "vcs remote: no page renders its 1 option (--verbose) in no group",
        "vcs remote add: no page renders its 3 options (name, url, --fetch) in no group",
        "vcs remote remove: no page renders its 1 option (name) in no group",
    ]


def test_check_finds_nothing_missing_where_a_page_renders_the_whole_parser(tmp_path) -> None:
    docs = _docs(tmp_path / "docs", {"index.md": "# vcs\n\n" + _block()})
    assert _argdoc("check", "subcommand_clis:vcs", "--docs-source", str(docs)) == (0, "", "")
    # Leaving the subcommands out of the whole parser leaves them undocumented.
    docs = _docs(tmp_path / "other", {"index.md": "# vcs\n\n" + _block("    :nosubcommands:")})
    code, out, _ = _argdoc("check", "subcommand_clis:vcs", "--docs-source", str(docs))
    assert code == 1
    assert [line.partition(":")[0] for line in out.splitlines()] == [
        "vcs commit",
        "vcs checkout",
        "vcs remote",
        "vcs remote add",
        "vcs remote add",
        "vcs remote remove",
    ]


def test_check_with_a_folder_that_is_no_sphinx_project_says_so(tmp_path) -> None:
    code, out, err = _argdoc("check", "subcommand_clis:vcs", "--docs-source", str(tmp_path))
    assert (code, out) == (2, "")
    assert err == (
        f"sphinx-argdoc: error: '{tmp_path}' has no conf.py: give the folder of the docs' conf.py\n"
    )
    (tmp_path / "conf.py").write_text("extensions = []\n")
    code, out, err = _argdoc("check", "subcommand_clis:vcs", "--docs-source", str(tmp_path))
    assert (code, out) == (2, "")
    assert err == (
        f"sphinx-argdoc: error: the docs in '{tmp_path}' do not use sphinx_argdoc: its conf.py "
        "does not list it in extensions\n"
    )
    (tmp_path / "conf.py").write_text('extensions = ["sphinx_argdoc"]\nraise OSError("no luck")\n')
    code, out, err = _argdoc("check", "subcommand_clis:vcs", "--docs-source", str(tmp_path))
    assert (code, out) == (2, "")
    assert err == (
        f"sphinx-argdoc: error: building the docs in '{tmp_path}' failed: OSError: no luck\n"
    )
