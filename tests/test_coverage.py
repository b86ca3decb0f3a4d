"""The coverage warning: groups of a parser rendered in parts that no page renders."""

from __future__ import annotations

import os
import shutil
from pathlib import Path
from types import SimpleNamespace

import coverage_clis
import pytest
from commands import sphinx_build
from conftest import TESTS, warnings_of

from sphinx_argdoc import coverage, introspect, model, select
from sphinx_argdoc.locator import Locator
from sphinx_argdoc.parts import Choice

GAPS = [
    "network.md:4: WARNING: three (coverage_clis:three_groups): no directive renders its "
    "argument group 'Logging' (the parser is rendered in parts on network, storage)",
    "network.md:4: WARNING: three (coverage_clis:three_groups): no :nogroup: directive renders "
    "its 2 options (target, --dry-run) in no group (the parser is rendered in parts on network, "
    "storage)",
]


def _warning_lines(text: str, srcdir: Path) -> list[str]:
    """Warnings without the source folder, and without the type that Sphinx < 8 leaves out."""
    prefix = f"{srcdir}{os.sep}"
    return [
        line.removeprefix(prefix).removesuffix(" [argdoc.coverage]") for line in text.splitlines()
    ]


def _without_the_typo_error(lines: list[str]) -> list[str]:
    # typo.rst names a group that does not exist: one error there, and nothing else about it.
    (error,) = (line for line in lines if line.startswith("typo.rst:"))
    assert error.startswith("typo.rst:18: ERROR: no argument group 'Loging' in three typo")
    return [line for line in lines if line != error]


@pytest.mark.site("coverage-gaps")
def test_each_missing_group_and_the_missing_nogroup_block_warn_once(site) -> None:
    lines = _warning_lines(site.warnings, site.srcdir)
    assert _without_the_typo_error(lines) == GAPS


@pytest.mark.sphinx("html", testroot="coverage-gaps", freshenv=True, parallel=2)
def test_parallel_reading_merges_what_each_process_saw(app, warning) -> None:
    app.build()
    # Each page is read in its own process: the Storage block (read apart from the Network
    # one) only counts if the main process got it back.
    assert app.parallel == 2
    lines = _warning_lines(warnings_of(warning), Path(app.srcdir))
    assert _without_the_typo_error(lines) == GAPS


@pytest.mark.parametrize(
    "confoverrides",
    [
        pytest.param({"argdoc_coverage_warnings": False}, id="conf-value-turns-them-off"),
        pytest.param({"suppress_warnings": ["argdoc.coverage"]}, id="they-have-their-own-type"),
    ],
)
def test_the_warnings_go_with_the_conf_value_or_their_own_type(build_site, confoverrides) -> None:
    site = build_site("coverage-gaps", confoverrides=confoverrides)
    assert _without_the_typo_error(_warning_lines(site.warnings, site.srcdir)) == []


@pytest.mark.site("coverage-pages")
def test_groups_spread_over_pages_are_covered(site) -> None:
    assert site.warnings == ""


def _touch_later(path: Path) -> None:
    # A second build only rereads pages whose time stamp is newer than the first read.
    stamp = path.stat().st_mtime + 10
    os.utime(path, (stamp, stamp))


def test_incremental_builds_forget_changed_and_removed_pages(tmp_path) -> None:
    srcdir = tmp_path / "coverage-pages"
    shutil.copytree(TESTS / "roots" / "test-coverage-pages", srcdir)

    def build() -> list[str]:
        result = sphinx_build(srcdir)
        assert result.returncode == 0, result.stderr
        return _warning_lines(result.stderr, srcdir)

    assert build() == []

    storage = srcdir / "storage.md"
    storage.write_text("# Storage\n\nNothing here any more.\n")
    _touch_later(storage)
    assert build() == [
        "logging.md:4: WARNING: three (coverage_clis:three_groups): no directive renders its "
        "argument group 'Storage' (the parser is rendered in parts on logging, network)"
    ]

    (srcdir / "logging.md").unlink()
    missing_both = [
        "network.md:4: WARNING: three (coverage_clis:three_groups): no directive renders its "
        f"argument group '{title}' (the parser is rendered in parts on network)"
        for title in ("Storage", "Logging")
    ]
    assert build() == missing_both
    # Nothing changed: the gaps are still there, and still reported.
    assert build() == missing_both


def test_a_whole_render_covers_the_subcommands_it_shows() -> None:
    root = introspect.build(coverage_clis.with_subcommands(), "tool")
    (run,) = (sub.parser for sub in root.subcommands)
    locator = Locator("coverage_clis", "with_subcommands")
    env = SimpleNamespace(docname="split")

    def note(parser: model.Parser, group: str | None, whole_progs: tuple[str, ...] = ()) -> None:
        outline = select.outline(parser)
        location = f"{env.docname}.rst:3"
        choice = Choice(group)
        coverage.note(
            env,
            coverage.record(
                locator, parser.prog, outline, choice, location, whole_progs=whole_progs
            ),
        )

    note(run, "Speed")
    (split,) = coverage.split_parsers(vars(env)["argdoc_renders"])
    assert (split.prog, split.visible_groups, split.rendered_groups) == (
        "tool run",
        ("Speed", "Safety"),
        {"Speed"},
    )
    env.docname = "whole"
    note(root, None, whole_progs=("tool", "tool run"))
    assert coverage.split_parsers(vars(env)["argdoc_renders"]) == []


@pytest.mark.site("coverage-skip")
def test_subcommands_a_whole_render_leaves_out_are_not_covered_by_it(site) -> None:
    lines = _warning_lines(site.warnings, site.srcdir)
    # fleet skips ship (and so dock) at the top, navy only dock inside ship; solo shows no
    # subcommand. The stay block of fleet and the ship block of navy are covered.
    assert lines == [
        f"parts.rst:{line}: WARNING: {prog} (coverage_clis:fleet): no directive renders its "
        f"argument group '{title}' (the parser is rendered in parts on parts)"
        for line, prog, title in (
            (6, "fleet ship", "Safety"),
            (12, "fleet ship dock", "Tide"),
            (31, "navy ship dock", "Tide"),
            (38, "solo stay", "Crew"),
        )
    ]
