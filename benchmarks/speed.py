"""Rebuilds of a CLI that is slow to import, parallel reading, and the directive's share.

Run through ``python benchmarks/run.py``; the helpers here use its generated pages.

- Incremental series, on a parser whose module takes about 2 s of CPU to import: after a first
  build, (a) nothing changed, (b) one sentence of the reference page changed, (c) the CLI's
  source changed, (d) an unrelated page changed; for sphinx-argdoc with and without its model
  cache, sphinx-argparse and sphinx-argparse-cli. Each build reports the pages it read, how
  often the CLI was imported, and whether the pages show what the sources say now.
- ``-j 2`` against a serial build of six pages that share one parser, loads counted per process.
- The directive's and render's share of a clean 1,000-option build, and clean 300-option builds
  above an empty project, for each extension and for a static page.
"""

from __future__ import annotations

import shutil
import statistics
import sys
import textwrap
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

import run as bench

LOADS_LOG = "ARGDOC_BENCH_LOADS"
TOOLS = {
    "argdoc": "sphinx-argdoc, model cache on (default)",
    "argdoc-nocache": "sphinx-argdoc, argdoc_model_cache = False",
    "sphinxarg": "sphinx-argparse",
    "cli": "sphinx-argparse-cli",
}
STEPS = {
    "a": "(a) nothing changed",
    "b": "(b) a sentence of the reference page",
    "c": "(c) the CLI's source",
    "d": "(d) an unrelated page",
}

CHILD = textwrap.dedent(
    """\
    import io, json, resource, sys, time
    from sphinx.application import Sphinx

    source, output, fresh, jobs, profile = sys.argv[1:6]
    spent = {"directive": 0.0, "render": 0.0}
    if profile == "profile":
        from sphinx_argdoc import pipeline, render

        def timed(name, function):
            def measured(*args, **kwargs):
                start = time.process_time()
                try:
                    return function(*args, **kwargs)
                finally:
                    spent[name] += time.process_time() - start
            return measured

        pipeline.run = timed("directive", pipeline.run)
        render.render = timed("render", render.render)
    warnings, read = io.StringIO(), []
    start, start_cpu = time.perf_counter(), time.process_time()
    app = Sphinx(source, source, output + "/html", output + "/doctrees", "html", status=None,
                 warning=warnings, freshenv=fresh == "fresh", parallel=int(jobs))
    app.connect("env-before-read-docs", lambda app, env, docnames: read.extend(docnames))
    app.build()
    children = resource.getrusage(resource.RUSAGE_CHILDREN)
    print(json.dumps({
        "wall": time.perf_counter() - start,
        "cpu": time.process_time() - start_cpu + children.ru_utime + children.ru_stime,
        "warnings": warnings.getvalue(), "read": sorted(read), "spent": spent,
    }))
    """
)


@dataclass(frozen=True)
class Run:
    """One build: its times, the pages it read, the CLI's loads (process ids), what it spent."""

    cpu: float
    wall: float
    read: tuple[str, ...]
    loads: tuple[str, ...]
    spent: dict[str, float] = field(default_factory=dict)
    right: bool = True
    """Whether every page shows what its sources say now (a stale page is a failure)."""


def slow_cli(shape: bench.Shape, import_cost: float, marker: str = "") -> str:
    """The benchmark CLI, whose import works *import_cost* CPU seconds and notes each load."""
    module = bench.cli_module(shape, 0.0)
    note = textwrap.dedent(
        f"""\
        if "{LOADS_LOG}" in os.environ:
            with open(os.environ["{LOADS_LOG}"], "a") as _log:
                _log.write(f"{{os.getpid()}}\\n")
        _end = time.process_time() + {import_cost}
        while time.process_time() < _end:
            pass
        MARKER = {marker!r}
        """
    )
    # After the imports, before the functions: what a heavy import does at module level.
    head, tail = module.split("\n\n\ndef _add", 1)
    help_text = '"Priority of this stage when the scheduler is busy."'
    tail = tail.replace(help_text, f"{help_text} + MARKER")
    return f"{head}\n\n{note}\n\ndef _add{tail}"


def reference_page(tool: str, shape: bench.Shape, sentence: str) -> str:
    page = bench.argdoc_page(shape) if tool.startswith("argdoc") else _whole(tool)
    title, rest = page.split("\n\n", 1)
    return f"{title}\n\n{sentence}\n\n{rest}"


def _whole(tool: str) -> str:
    return bench.whole_parser_page("argparse" if tool == "sphinxarg" else "sphinx_argparse_cli")


def make_project(root: Path, tool: str, shape: bench.Shape, import_cost: float) -> Path:
    source = root / tool
    source.mkdir(parents=True)
    extension = {"sphinxarg": "sphinxarg.ext", "cli": "sphinx_argparse_cli"}.get(
        tool, "sphinx_argdoc"
    )
    settings = "argdoc_model_cache = False\n" if tool == "argdoc-nocache" else ""
    (source / "conf.py").write_text(
        "import sys\nfrom pathlib import Path\n\nsys.path.insert(0, str(Path(__file__).parent))\n"
        f"project = 'bench'\nextensions = [{extension!r}]\n{settings}"
        "exclude_patterns = ['out']\n"
    )
    (source / "bench_cli.py").write_text(slow_cli(shape, import_cost))
    (source / "index.rst").write_text("Bench\n=====\n\n.. toctree::\n\n   reference\n   other\n")
    (source / "reference.rst").write_text(reference_page(tool, shape, "Sentence 0."))
    (source / "other.rst").write_text("Other\n=====\n\nUnrelated text 0.\n")
    return source


def build(source: Path, fresh: bool = False, jobs: int = 1, profile: bool = False) -> Run:
    output = source / "out"
    if fresh:
        shutil.rmtree(output, ignore_errors=True)
    loads = source.parent / f"{source.name}-loads.log"
    loads.unlink(missing_ok=True)
    arguments = [str(source), str(output), "fresh" if fresh else "update", str(jobs)]
    result = bench.child_build(
        CHILD,
        [*arguments, "profile" if profile else "plain"],
        bench.child_environment(**{LOADS_LOG: str(loads)}),
    )
    pids = tuple(loads.read_text().split()) if loads.exists() else ()
    return Run(result["cpu"], result["wall"], tuple(result["read"]), pids, result["spent"])


def step(source: Path, tool: str, name: str, round_number: int) -> Run:
    """Change what step *name* changes (marked with the round), rebuild, check the pages."""
    shape = Shape300
    mark = f"r{round_number}{name}"
    sentence = f"Sentence {mark}."
    if name == "b":
        (source / "reference.rst").write_text(reference_page(tool, shape, sentence))
    elif name == "c":
        (source / "bench_cli.py").write_text(slow_cli(shape, IMPORT_COST, f" Edited {mark}."))
    elif name == "d":
        (source / "other.rst").write_text(f"Other\n=====\n\nUnrelated text {mark}.\n")
    result = build(source)
    return _checked(result, source, expected(source))


def expected(source: Path) -> list[tuple[str, str]]:
    """``(page, text)`` that the pages must show now: the sentence, the CLI's marker in a help,
    the unrelated text."""
    reference = (source / "reference.rst").read_text().split("\n\n")[1]
    marker = (source / "bench_cli.py").read_text().split("MARKER = ", 1)[1].split("\n", 1)[0]
    other = (source / "other.rst").read_text().strip().rsplit("\n", 1)[1]
    shown = [("reference", reference), ("other", other)]
    if marker.strip("'\""):
        shown.append(("reference", f"busy.{marker.strip(chr(39) + chr(34))}"))
    return shown


def _checked(result: Run, source: Path, shown: list[tuple[str, str]]) -> Run:
    html = source / "out" / "html"
    right = all(text in (html / f"{page}.html").read_text() for page, text in shown)
    return Run(result.cpu, result.wall, result.read, result.loads, result.spent, right)


Shape300 = bench.Shape(300)
IMPORT_COST = 2.0


def incremental(root: Path, repeat: int) -> dict[tuple[str, str], list[Run]]:
    """The series (a)-(d) for every tool, *repeat* rounds, tools in a rotated order per round."""
    sources = {tool: make_project(root, tool, Shape300, IMPORT_COST) for tool in TOOLS}
    for source in sources.values():
        build(source, fresh=True)
    results: dict[tuple[str, str], list[Run]] = {(t, s): [] for t in TOOLS for s in STEPS}
    names = list(TOOLS)
    for round_number in range(repeat):
        shift = round_number % len(names)
        for tool in names[shift:] + names[:shift]:
            for name in STEPS:
                results[tool, name].append(step(sources[tool], tool, name, round_number))
        print(f"  incremental: round {round_number + 1}/{repeat} done", file=sys.stderr)
    return results


def report_incremental(results: dict[tuple[str, str], list[Run]], repeat: int) -> None:
    print(
        f"\nIncremental series: {Shape300.options} options, the CLI's import {IMPORT_COST:.0f} s "
        f"of CPU; {repeat} rounds, CPU medians;\npages read, CLI imports per build, output right"
    )
    print(f"  {'':<42}" + "".join(f"{STEPS[s][:3]:>24}" for s in STEPS))
    for tool, title in TOOLS.items():
        cells = [_cell(results[tool, name]) for name in STEPS]
        print(f"  {title:<42}" + "".join(f"{cell:>24}" for cell in cells))
    for name in "abcd":
        pair = bench.Pair.of(results["argdoc", name], results["argdoc-nocache", name])
        print(f"  {STEPS[name]}: cache on / off = {pair}")
    b = bench.Pair.of(results["argdoc", "b"], results["argdoc-nocache", "b"])
    no_import = all(not run.loads for run in results["argdoc", "b"])
    print(
        f"  (b) at most 0.3 x without the cache: {bench._verdict(b.ratio <= 0.3)} ({b.ratio:.2f})"
    )
    print(f"  (b) does not import the CLI: {bench._verdict(no_import)}")
    c = results["argdoc", "c"]
    right = all(run.right and set(run.read) == {"reference"} for run in c)
    print(f"  (c) right and re-reads only the reference page: {bench._verdict(right)}")


def _cell(runs: list[Run]) -> str:
    read = sorted({len(run.read) for run in runs})
    loads = sorted({len(run.loads) for run in runs})
    right = "right" if all(run.right for run in runs) else "STALE"
    seconds = statistics.median(run.cpu for run in runs)
    return f"{seconds:.2f}s r{_span(read)} i{_span(loads)} {right}"


def _span(values: list[int]) -> str:
    return str(values[0]) if len(values) == 1 else f"{values[0]}-{values[-1]}"


def shared_pages(root: Path, import_cost: float) -> Path:
    """Six pages that document one parser, a group each (the last the ungrouped options)."""
    shape = bench.Shape(100)
    source = root / "shared"
    source.mkdir(parents=True)
    (source / "conf.py").write_text(
        "import sys\nfrom pathlib import Path\n\nsys.path.insert(0, str(Path(__file__).parent))\n"
        "project = 'bench'\nextensions = ['sphinx_argdoc']\nexclude_patterns = ['out']\n"
    )
    (source / "bench_cli.py").write_text(slow_cli(shape, import_cost))
    common = "   :module: bench_cli\n   :func: build_parser\n   :prog: bench\n"
    pages = [f"group{group}" for group in range(1, shape.groups + 1)] + ["other"]
    for group, page in enumerate(pages, start=1):
        choice = f":group: Group {group}" if page != "other" else ":nogroup:"
        (source / f"{page}.rst").write_text(
            f"{page}\n{'=' * len(page)}\n\n.. argparse::\n{common}   {choice}\n"
        )
    toctree = "".join(f"   {page}\n" for page in pages)
    (source / "index.rst").write_text(f"Bench\n=====\n\n.. toctree::\n\n{toctree}")
    return source


def parallel(root: Path, repeat: int) -> dict[int, list[Run]]:
    source = shared_pages(root, 1.0)
    runs: dict[int, Callable[[], bench.Build]] = {
        jobs: (lambda jobs=jobs: build(source, fresh=True, jobs=jobs)) for jobs in (1, 2)
    }
    return bench.interleaved(runs, repeat, "parallel")  # type: ignore[return-value]


def report_parallel(results: dict[int, list[Run]], repeat: int) -> None:
    print(
        f"\n-j 2 against serial: six pages sharing one parser (import 1 s); {repeat} clean builds"
    )
    for jobs, runs in results.items():
        per_process = sorted({max(run.loads.count(p) for p in run.loads) for run in runs})
        loads = sorted({len(run.loads) for run in runs})
        wall = statistics.median(run.wall for run in runs)
        print(
            f"  -j {jobs}: wall {wall:.2f} s, loads per build {loads}, "
            f"most in one process {per_process}"
        )
    ratios = [p.wall / s.wall for p, s in zip(results[2], results[1], strict=True)]
    ratio = statistics.median(ratios)
    once = all(len(run.loads) == 1 for run in results[2])
    print(f"  -j 2 / serial, wall, median of per-round ratios: {ratio:.2f}")
    print(f"  -j 2 at most 1.0 x serial: {bench._verdict(ratio <= 1.0)}")
    print(f"  -j 2 loads the parser once: {bench._verdict(once)}")


def shares(root: Path, repeat: int) -> None:
    """The directive's and render's share of a 1,000-option build; 300 options above empty."""
    big = bench.make_project(root, "a", bench.Shape(1000), cost=0.0)
    (big / "conf.py").write_text((big / "conf.py").read_text() + "exclude_patterns = ['out']\n")
    runs = [build(big, fresh=True, profile=True) for _ in range(repeat)]
    cpu = statistics.median(run.cpu for run in runs)
    directive = statistics.median(run.spent["directive"] for run in runs)
    rendered = statistics.median(run.spent["render"] for run in runs)
    print(f"\nShares of a clean 1,000-option build (case (a)'s page); {repeat} builds, medians")
    print(f"  build {cpu:.2f} s CPU; directive {directive:.3f} s ({100 * directive / cpu:.1f} %),")
    print(f"  of which render {rendered:.3f} s ({100 * rendered / cpu:.1f} %)")
    print(f"  the directive's share at most 3 %: {bench._verdict(directive / cpu <= 0.03)}")
    cases = {case: bench.make_project(root / "above", case, Shape300, cost=0.0) for case in "abcd"}
    cases["empty"] = bench.make_project(root / "empty", "d", bench.Shape(0), cost=0.0)
    timed = bench.interleaved(
        {case: bench._runner(source, root / f"scratch-{case}") for case, source in cases.items()},
        repeat,
        "above an empty project",
    )
    empty = bench.median(timed["empty"])
    print(f"\nClean builds of 300 options above an empty project ({empty:.2f} s); {repeat} each")
    for case in "abcd":
        print(f"  {bench.TITLES[case]:<56} {bench.median(timed[case]) - empty:>6.2f} s")
    print("  sphinx-autodoc-argparse: left out, no distribution of it can be installed here")
