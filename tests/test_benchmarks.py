"""The benchmark script compares like with like, and its verdicts follow the sign test."""

from __future__ import annotations

import importlib
import importlib.util
import os
import re
import sys
from pathlib import Path

import pytest
from conftest import build_project

SCRIPT = Path(__file__).resolve().parent.parent / "benchmarks" / "run.py"


@pytest.fixture(scope="module")
def bench():
    spec = importlib.util.spec_from_file_location("benchmark_run", SCRIPT)
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    # Its dataclasses look their module up while they are made.
    sys.modules[spec.name] = module
    spec.loader.exec_module(module)
    yield module
    del sys.modules[spec.name]


def _option_entries(html: str) -> list[tuple[str, str]]:
    """(id, signature text) of each option entry, in page order."""
    entries = re.findall(
        r'<dt class="sig sig-object std" id="([^"]+)">(.*?)<a class="headerlink"', html, re.S
    )
    return [(anchor, re.sub(r"<[^>]+>|\s+", "", body)) for anchor, body in entries]


def test_the_argdoc_page_and_the_static_page_have_the_same_entries(
    bench, tmp_path, monkeypatch
) -> None:
    shape = bench.Shape(45)
    pages = {}
    for case in "ad":
        source = bench.make_project(tmp_path, case, shape, cost=0.0)
        monkeypatch.syspath_prepend(str(source))
        built = build_project(source, builddir=tmp_path / f"build-{case}")
        assert built.warnings == ""
        pages[case] = (built.outdir / "index.html").read_text()
        monkeypatch.delitem(sys.modules, "bench_cli", raising=False)
    entries = _option_entries(pages["a"])
    assert len(entries) == 45
    assert entries == _option_entries(pages["d"])
    for fact in ("Default:", "Type:", "Turn on feature 0 of group 1."):
        assert pages["a"].count(fact) == pages["d"].count(fact) > 0


def test_a_pair_is_told_apart_from_a_tie_only_by_enough_rounds(bench) -> None:
    def builds(*seconds: float) -> list:
        return [bench.Build(cpu=s, wall=s, calls=1) for s in seconds]

    always = bench.Pair.of(builds(*[1.0] * 15), builds(*[1.1] * 15))
    assert (always.faster, always.rounds) == (15, 15)
    assert always.verdict() == "met"
    assert always.p_faster == pytest.approx(2**-15)
    half = bench.Pair.of(builds(*[1.0] * 8, *[1.2] * 7), builds(*[1.1] * 15))
    assert half.faster == 8 and half.verdict().startswith("NOT met: not told apart")
    slower = bench.Pair.of(builds(*[1.2] * 15), builds(*[1.0] * 15))
    assert slower.verdict() == "NOT met: slower"
    few = bench.Pair.of(builds(1.0, 1.0, 1.0), builds(1.1, 1.1, 1.1))
    assert few.p_faster == pytest.approx(1 / 8) and few.verdict().startswith("NOT met")


@pytest.fixture(scope="module")
def speed(bench):
    # speed.py takes run.py's helpers as the module ``run``.
    sys.modules["run"] = bench
    spec = importlib.util.spec_from_file_location("speed", SCRIPT.parent / "speed.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module
    spec.loader.exec_module(module)
    yield module
    del sys.modules[spec.name], sys.modules["run"]


def test_the_slow_cli_notes_each_import_and_shows_its_marker(speed, tmp_path, monkeypatch) -> None:
    (tmp_path / "slow_cli.py").write_text(speed.slow_cli(speed.bench.Shape(45), 0.0, " Mark."))
    log = tmp_path / "loads.log"
    monkeypatch.setenv(speed.LOADS_LOG, str(log))
    monkeypatch.syspath_prepend(str(tmp_path))
    module = importlib.import_module("slow_cli")
    monkeypatch.delitem(sys.modules, "slow_cli")
    assert log.read_text().split() == [str(os.getpid())]
    helps = [action.help for action in module.build_parser()._actions]
    assert "Priority of this stage when the scheduler is busy. Mark." in helps
    assert len(log.read_text().split()) == 1


def test_a_page_that_misses_what_its_sources_say_is_stale(speed, tmp_path) -> None:
    source = speed.make_project(tmp_path, "argdoc", speed.bench.Shape(45), 0.0)
    (source / "bench_cli.py").write_text(speed.slow_cli(speed.bench.Shape(45), 0.0, " Edited r1c."))
    shown = speed.expected(source)
    assert shown == [
        ("reference", "Sentence 0."),
        ("other", "Unrelated text 0."),
        ("reference", "busy. Edited r1c."),
    ]
    html = source / "out" / "html"
    html.mkdir(parents=True)
    (html / "other.html").write_text("<p>Unrelated text 0.</p>")
    (html / "reference.html").write_text("<p>Sentence 0.</p><p>the scheduler is busy.</p>")
    run = speed.Run(1.0, 1.0, ("reference",), ())
    assert not speed._checked(run, source, shown).right
    (html / "reference.html").write_text("<p>Sentence 0.</p><p>is busy. Edited r1c.</p>")
    assert speed._checked(run, source, shown).right


def test_each_tools_project_builds_and_shows_the_sentence(speed, tmp_path, monkeypatch) -> None:
    extensions = {"sphinxarg": "sphinxarg", "cli": "sphinx_argparse_cli"}
    for tool in ("argdoc", "argdoc-nocache", "sphinxarg", "cli"):
        # The other extensions come with the bench extra only.
        if tool in extensions and importlib.util.find_spec(extensions[tool]) is None:
            continue
        source = speed.make_project(tmp_path, tool, speed.bench.Shape(45), 0.0)
        monkeypatch.syspath_prepend(str(source))
        monkeypatch.delitem(sys.modules, "bench_cli", raising=False)
        built = build_project(source, builddir=tmp_path / f"build-{tool}")
        monkeypatch.delitem(sys.modules, "bench_cli", raising=False)
        assert built.warnings == ""
        assert "Sentence 0." in (built.outdir / "reference.html").read_text()


def test_six_pages_share_one_parser_and_render_all_of_it(speed, tmp_path, monkeypatch) -> None:
    source = speed.shared_pages(tmp_path, 0.0)
    monkeypatch.syspath_prepend(str(source))
    monkeypatch.delitem(sys.modules, "bench_cli", raising=False)
    built = build_project(source, builddir=tmp_path / "build")
    monkeypatch.delitem(sys.modules, "bench_cli", raising=False)
    assert built.warnings == ""
    pages = sorted(path.name for path in built.outdir.glob("*.html"))
    assert [page for page in pages if page.startswith(("group", "other"))] == [
        *(f"group{n}.html" for n in range(1, 6)),
        "other.html",
    ]
    entries = sum(len(_option_entries((built.outdir / page).read_text())) for page in pages)
    assert entries == 100


def test_a_cell_says_the_spread_of_reads_and_imports_and_any_stale_page(speed) -> None:
    runs = [speed.Run(1.0, 1.0, ("reference",), ("1",)), speed.Run(3.0, 1.0, (), (), right=False)]
    assert speed._cell(runs) == "2.00s r0-1 i0-1 STALE"
    assert speed._cell(runs[:1]) == "1.00s r1 i1 right"
