"""The benchmark script compares like with like, and its verdicts follow the sign test."""

from __future__ import annotations

import importlib.util
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
