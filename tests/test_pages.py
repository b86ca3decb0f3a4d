"""What a reader scans: facts on one line, types, a linked usage, defaults as the docs say."""

from __future__ import annotations

import argparse
import enum
import functools
import os
import pathlib
import re
import shutil
import subprocess
from pathlib import Path

import pytest
from conftest import TESTS, build_project
from docutils import nodes

from sphinx_argdoc import introspect, model

EXAMPLES = TESTS.parent / "examples"


class Shade(enum.Enum):
    LIGHT = "light"
    DARK = "dark"


def positive(text: str) -> int:
    return int(text)


def test_the_type_is_named_as_python_imports_it_and_not_for_lambdas_or_partials() -> None:
    parser = argparse.ArgumentParser(prog="typed")
    parser.add_argument("--count", type=int)
    parser.add_argument("--share", type=float)
    parser.add_argument("--path", type=pathlib.Path)
    parser.add_argument("--positive", type=positive)
    parser.add_argument("--lambda", type=lambda text: text)
    parser.add_argument("--partial", type=functools.partial(int, base=16))
    parser.add_argument("--shade", type=Shade)
    parser.add_argument("--plain")
    (group,) = (g for g in introspect.build(parser, "typed").groups if g.options)
    types = {option.names[-1]: option.type_name for option in group.options}
    assert types == {
        "--count": "int",
        "--share": "float",
        "--path": "pathlib.Path",
        "--positive": "positive",
        "--lambda": None,
        "--partial": None,
        "--shade": "test_pages.Shade",
        "--plain": None,
    }
    shade = next(option for option in group.options if option.names == ("--shade",))
    # Shade("dark") is what argparse calls: the values are the choices.
    assert shade.choices == ("light", "dark")


def test_usage_wraps_at_the_width_asked_for_with_room_for_its_label() -> None:
    parser = argparse.ArgumentParser(prog="wide")
    for number in range(12):
        parser.add_argument(f"--option-{number}", metavar="VALUE")
    for width in (60, 80):
        usage = introspect.build(parser, "wide", usage_width=width).usage
        lines = [
            model.USAGE_PREFIX + line if not n else line
            for n, line in enumerate(usage.splitlines())
        ]
        assert max(len(line) for line in lines) <= width
        # Wrapped lines line up under the first option, after "usage: wide ".
        assert lines[1].startswith(" " * len("usage: wide [")) or lines[1].startswith(" " * 12)


@pytest.mark.site("pages")
def test_facts_stand_on_one_line_with_badges_types_and_defaults_as_the_docs_say(site) -> None:
    assert site.warnings == ""
    entries = site.page("index").option_entries()
    jobs = entries["worker --jobs"]
    assert "Type: int · Default: the number of CPUs" in jobs
    assert str(os.cpu_count()) not in jobs.split("Default:")[1]
    assert "Default: ~/.cache/worker" in entries["worker --cache"]
    assert str(Path.home()) not in site.page("index").html
    assert (
        "Type: pages_cli.Level · Choices: quiet, normal, debug · Default: normal"
        in (entries["worker --level"])
    )
    html = site.page("index").html
    assert '<span class="argdoc-badge argdoc-required"><strong>Required</strong></span>' in html
    facts = [
        p
        for p in site.page("index").doctree.findall(nodes.paragraph)
        if "argdoc-facts" in p["classes"]
    ]
    # One line per entry that has facts; source's choices are in its signature.
    assert len(facts) == 4


@pytest.mark.site("pages")
def test_a_positional_with_choices_is_named_by_its_dest_and_its_old_links_still_work(site) -> None:
    html = site.page("index").html
    signature = re.search(
        r'<dt class="sig sig-object std" id="cmdoption-worker-arg-source">(.*?)</dt>', html, re.S
    )
    assert signature is not None
    text = re.sub(r"<[^>]+>", "", signature.group(1)).strip()
    assert text.startswith("source {file,url,stdin}")
    assert "Choices:" not in site.page("index").option_entries()["worker source"]
    # The old id stays on the entry, and both spellings link to it.
    assert 'id="cmdoption-worker-arg-file-url-stdin"' in html
    assert html.count('href="#cmdoption-worker-arg-source"') == 3  # two links, the permalink
    assert "worker {file,url,stdin}" not in site.warnings


@pytest.mark.site("pages")
def test_usage_is_labelled_and_links_each_option_to_its_entry(site) -> None:
    html = site.page("index").html
    (usage,) = re.findall(r'<pre class="argdoc-usage literal-block"[^>]*>(.*?)</pre>', html, re.S)
    assert '<span class="argdoc-usage-label">usage: </span>worker [-h]' in usage
    for option in ("jobs", "cache", "level", "token"):
        assert f'href="#cmdoption-worker-{option}"' in usage, option
    # -h has no entry: it stays text.
    assert "[-h]" in re.sub(r"<[^>]+>", "", usage)


@pytest.mark.site("pages")
def test_usage_only_shows_the_usage_once_atop_a_page_built_by_groups(site) -> None:
    assert site.warnings == ""
    page = site.page("grouped")
    blocks = [
        b for b in page.doctree.findall(nodes.literal_block) if "argdoc-usage" in b["classes"]
    ]
    assert len(blocks) == 1
    assert blocks[0].astext().startswith("usage: grouped [-h]")
    # Its options link to the entries the blocks below render; none is rendered twice.
    assert 'href="#cmdoption-grouped-pair"' in page.html
    assert page.html.count('id="cmdoption-grouped-pair"') == 1
    assert page.titles() == ["A page built group by group", "Input and output", "Other options"]


@pytest.mark.parametrize("prefix", [False, True])
def test_gitlike_builds_without_duplicate_labels_under_autosectionlabel(
    prefix: bool, tmp_path: Path
) -> None:
    built = build_project(
        EXAMPLES / "gitlike" / "docs",
        builddir=tmp_path,
        confoverrides={
            "extensions": ["myst_parser", "sphinx_argdoc", "sphinx.ext.autosectionlabel"],
            "autosectionlabel_prefix_document": prefix,
        },
    )
    assert built.warnings == ""
    html = (built.outdir / "cli.html").read_text()
    ids = re.findall(r' id="([^"]+)"', html)
    assert len(ids) == len(set(ids))
    remote = (built.outdir / "remote.html").read_text()
    remote_ids = re.findall(r' id="([^"]+)"', remote)
    assert remote_ids.count("gitlike-remote") == 1
    assert len(remote_ids) == len(set(remote_ids))


def test_the_epilog_is_its_parsers_not_the_last_subcommands(tmp_path: Path) -> None:
    built = build_project(EXAMPLES / "gitlike" / "docs", "text", builddir=tmp_path)
    text = (built.outdir / "cli.txt").read_text()
    epilog = text.index("Run 'gitlike COMMAND --help'")
    assert epilog < text.index("-[ Sub-commands ]-") < text.index("\nclone\n")


@pytest.mark.skipif(shutil.which("groff") is None, reason="needs groff")
@pytest.mark.site("builders", "man", confoverrides={"nitpicky": True})
def test_the_manual_page_gives_troff_no_warnings_and_shows_no_link_targets(site) -> None:
    page = site.outdir / "grouped.1"
    checked = subprocess.run(
        ["groff", "-k", "-t", "-man", "-Tutf8", "-ww", "-z", str(page)],
        capture_output=True,
        text=True,
        check=True,
    )
    assert checked.stderr == ""
    assert "<#cmdoption" not in page.read_text()
