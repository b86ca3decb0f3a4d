"""Build-time benchmarks: sphinx-argdoc, sphinx-argparse, sphinx-argparse-cli, plain Sphinx.

    python benchmarks/run.py [--repeat 15] [--scaling-repeat 3] [--sizes 100,1000,10000]

Every build is a clean build (``-E``, new output folder) in a new Python process, timed inside
that process from creating the Sphinx application to the end of the build, so interpreter start-up
is left out and nothing is cached between builds. Runs of the cases are interleaved (each round
runs every case once, in a rotated order), so that a slow phase of the machine hits all cases
alike; medians are reported, and for the targets the ratios of each round's pair of builds.

Cases, over one generated parser of 300 options in 15 groups whose function takes 0.3 s:

(a) sphinx-argdoc, one page in the shape of a big CLI reference: one ``:group:`` directive per
    group plus one ``:nogroup:`` directive;
(b) sphinx-argparse, the whole parser in one directive;
(c) sphinx-argparse-cli, the whole parser in one directive;
(d) a static reST page with the same ``.. option::`` entries and text: what Sphinx itself costs.

The scaling run renders 100, 1,000 and 10,000 options in case (a)'s shape and in case (d)'s, with
a parser function that costs nothing, and prints the time per option above an empty build, with
Python's cyclic garbage collector on (as always) and off (to tell its share from the rest).

``speed.py`` adds the incremental series on a CLI that is slow to import, ``-j 2`` against a
serial build, and the directive's share of a 1,000-option build (``--speed-repeat`` rounds).

Needs ``pip install -e ".[bench]"``. sphinx-argdoc is taken from this checkout's ``src``,
byte-compiled first as an installed package is (the other extensions come installed).
"""

from __future__ import annotations

import argparse
import compileall
import json
import math
import os
import platform
import shutil
import statistics
import subprocess
import sys
import tempfile
import textwrap
import time
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any, TypeVar

SOURCE = Path(__file__).resolve().parent.parent / "src"
PER_GROUP = 19
"""Options per argument group; one more per group goes to the ungrouped options."""
CALLS_LOG = "ARGDOC_BENCH_CALLS"
K = TypeVar("K")
CASES = ("a", "b", "c", "d")
TITLES = {
    "a": "(a) sphinx-argdoc, one directive per group + :nogroup:",
    "b": "(b) sphinx-argparse, one directive",
    "c": "(c) sphinx-argparse-cli, one directive",
    "d": "(d) static reST, same option entries",
}


@dataclass(frozen=True)
class Shape:
    """How many options a generated parser has, and how they are split into groups."""

    options: int

    @property
    def groups(self) -> int:
        return self.options // (PER_GROUP + 1)

    @property
    def ungrouped(self) -> int:
        return self.options - self.groups * PER_GROUP


@dataclass(frozen=True)
class Build:
    """One clean build: CPU seconds and wall-clock seconds, and how often the parser ran."""

    cpu: float
    wall: float
    calls: int


# --- generated sources ---------------------------------------------------------------------------


def cli_module(shape: Shape, cost: float) -> str:
    """A module whose ``build_parser`` logs its call, works *cost* CPU seconds, builds *shape*."""
    return textwrap.dedent(
        f'''\
        """Generated benchmark CLI: {shape.options} options in {shape.groups} groups."""

        import argparse
        import os
        import time


        def _add(target, group, index):
            name = f"--g{{group}}-option-{{index}}"
            kind = index % 4
            if kind == 0:
                target.add_argument(
                    name, action="store_true", help=f"Turn on feature {{index}} of group {{group}}."
                )
            elif kind == 1:
                target.add_argument(
                    name, type=int, default=index, metavar="N",
                    help=f"How many workers step {{index}} of group {{group}} may use.",
                )
            elif kind == 2:
                target.add_argument(
                    name, choices=["low", "medium", "high"], default="medium",
                    help="Priority of this stage when the scheduler is busy.",
                )
            else:
                target.add_argument(
                    name, metavar="PATH",
                    help="Read the settings of this stage from PATH instead of the defaults.",
                )


        def build_parser():
            if "{CALLS_LOG}" in os.environ:
                with open(os.environ["{CALLS_LOG}"], "a") as log:
                    log.write("call\\n")
            # Busy, not asleep: the cost shows in CPU time as a real parser function's would.
            end = time.process_time() + {cost}
            while time.process_time() < end:
                pass
            parser = argparse.ArgumentParser(prog="bench", description="A generated CLI.")
            for index in range({shape.ungrouped}):
                _add(parser, 0, index)
            for group in range(1, {shape.groups} + 1):
                target = parser.add_argument_group(
                    f"Group {{group}}", f"Options of stage {{group}}."
                )
                for index in range({PER_GROUP}):
                    _add(target, group, index)
            return parser
        '''
    )


def argdoc_page(shape: Shape) -> str:
    common = "   :module: bench_cli\n   :func: build_parser\n   :prog: bench\n"
    parts = ["Reference\n=========\n"]
    for group in range(1, shape.groups + 1):
        title = f"Group {group}"
        parts.append(f"{title}\n{'-' * len(title)}\n\n.. argparse::\n{common}   :group: {title}\n")
    parts.append(f"Other options\n-------------\n\n.. argparse::\n{common}   :nogroup:\n")
    return "\n".join(parts)


def whole_parser_page(directive: str) -> str:
    return (
        "Reference\n=========\n\n"
        f".. {directive}::\n   :module: bench_cli\n   :func: build_parser\n   :prog: bench\n"
    )


def static_page(shape: Shape) -> str:
    """The same entries written by hand: program, option signatures, help, facts."""
    parts = ["Reference\n=========\n\n.. program:: bench\n"]
    for group in range(1, shape.groups + 1):
        title = f"Group {group}"
        parts.append(f"{title}\n{'-' * len(title)}\n\nOptions of stage {group}.\n")
        parts += [_static_option(group, index) for index in range(PER_GROUP)]
    parts.append("Other options\n-------------\n")
    parts += [_static_option(0, index) for index in range(shape.ungrouped)]
    return "\n".join(parts)


def _static_option(group: int, index: int) -> str:
    name = f"--g{group}-option-{index}"
    kind = index % 4
    if kind == 0:
        return (
            f".. option:: {name}\n\n   Turn on feature {index} of group {group}.\n\n"
            "   *Default:* ``False``\n"
        )
    if kind == 1:
        return (
            f".. option:: {name} N\n\n   How many workers step {index} of group {group} may use."
            f"\n\n   *Type:* ``int`` · *Default:* ``{index}``\n"
        )
    if kind == 2:
        return (
            f".. option:: {name} {{low,medium,high}}\n\n"
            "   Priority of this stage when the scheduler is busy.\n\n"
            "   *Default:* ``medium``\n"
        )
    return (
        f".. option:: {name} PATH\n\n"
        "   Read the settings of this stage from PATH instead of the defaults.\n"
    )


EXTENSIONS = {"a": "sphinx_argdoc", "b": "sphinxarg.ext", "c": "sphinx_argparse_cli", "d": None}


def make_project(root: Path, case: str, shape: Shape, cost: float) -> Path:
    """Write a one-page Sphinx project for *case* and return its source folder."""
    source = root / f"{case}-{shape.options}"
    source.mkdir(parents=True)
    extension = EXTENSIONS[case]
    (source / "conf.py").write_text(
        "import sys\nfrom pathlib import Path\n\n"
        "sys.path.insert(0, str(Path(__file__).parent))\n"
        f"project = 'bench'\nextensions = {[extension] if extension else []!r}\n"
    )
    (source / "bench_cli.py").write_text(cli_module(shape, cost))
    pages = {
        "a": lambda: argdoc_page(shape),
        "b": lambda: whole_parser_page("argparse"),
        "c": lambda: whole_parser_page("sphinx_argparse_cli"),
        "d": lambda: static_page(shape),
    }
    (source / "index.rst").write_text(pages[case]())
    return source


# --- running builds ------------------------------------------------------------------------------

CHILD = textwrap.dedent(
    """\
    import gc, io, json, os, sys, time
    from sphinx.application import Sphinx

    source, output, fresh = sys.argv[1], sys.argv[2], sys.argv[3] == "fresh"
    if os.environ.get("ARGDOC_BENCH_NO_GC"):
        gc.disable()
    warnings = io.StringIO()
    start, start_cpu = time.perf_counter(), time.process_time()
    app = Sphinx(source, source, output + "/html", output + "/doctrees", "html",
                 status=None, warning=warnings, freshenv=fresh)
    app.build()
    print(json.dumps({
        "wall": time.perf_counter() - start,
        "cpu": time.process_time() - start_cpu,
        "warnings": warnings.getvalue(),
    }))
    """
)


def child_environment(**extra: str) -> dict[str, str]:
    path = os.pathsep.join(filter(None, [str(SOURCE), os.environ.get("PYTHONPATH")]))
    return {**os.environ, "PYTHONPATH": path, **extra}


def build(source: Path, scratch: Path, gc_off: bool = False, fresh: bool = True) -> Build:
    """One build of *source* in a new process: its time and how often the parser ran.

    A fresh build starts from nothing; otherwise Sphinx updates the previous build's output.
    """
    output = scratch / "out"
    if fresh:
        shutil.rmtree(output, ignore_errors=True)
    calls = scratch / "calls.log"
    calls.unlink(missing_ok=True)
    result = child_build(
        CHILD,
        [str(source), str(output), "fresh" if fresh else "update"],
        child_environment(**{CALLS_LOG: str(calls)}, **_gc_switch(gc_off)),
    )
    count = len(calls.read_text().splitlines()) if calls.exists() else 0
    return Build(result["cpu"], result["wall"], count)


def child_build(code: str, arguments: list[str], environment: dict[str, str]) -> dict[str, Any]:
    """What the build *code* run in a new process with *arguments* printed last, as JSON; a
    build that warned ends the benchmark (its figures would measure something else)."""
    done = subprocess.run(
        [sys.executable, "-c", code, *arguments],
        env=environment,
        check=True,
        capture_output=True,
        text=True,
    )
    result: dict[str, Any] = json.loads(done.stdout.splitlines()[-1])
    if result["warnings"]:
        sys.exit(f"the build of {arguments[0]} warned:\n{result['warnings']}")
    return result


def _gc_switch(gc_off: bool) -> dict[str, str]:
    return {"ARGDOC_BENCH_NO_GC": "1"} if gc_off else {}


def parser_load_seconds(source: Path) -> float:
    """CPU seconds of importing ``bench_cli`` and calling ``build_parser`` in a new process."""
    code = (
        "import sys, time; sys.path.insert(0, sys.argv[1]); start = time.process_time();"
        "import bench_cli; bench_cli.build_parser(); print(time.process_time() - start)"
    )
    done = subprocess.run(
        [sys.executable, "-c", code, str(source)], check=True, capture_output=True, text=True
    )
    return float(done.stdout)


def interleaved(
    runs: dict[K, Callable[[], Build]], repeat: int, progress: str
) -> dict[K, list[Build]]:
    """Run every entry *repeat* times, one round at a time, each round in a rotated order."""
    names = list(runs)
    results: dict[K, list[Build]] = {name: [] for name in names}
    for round_number in range(repeat):
        shift = round_number % len(names)
        for name in names[shift:] + names[:shift]:
            results[name].append(runs[name]())
        print(f"  {progress}: round {round_number + 1}/{repeat} done", file=sys.stderr)
    return results


def median(builds: list[Build], measure: str = "cpu") -> float:
    return statistics.median(getattr(build, measure) for build in builds)


# --- reports -------------------------------------------------------------------------------------


def machine() -> str:
    import sphinx

    return (
        f"{os.cpu_count()} CPUs, {platform.machine()}, {platform.system()}, "
        f"Python {platform.python_version()}, Sphinx {sphinx.__version__}"
    )


def compare(root: Path, repeat: int) -> None:
    shape = Shape(300)
    sources = {case: make_project(root, case, shape, cost=0.3) for case in CASES}
    load = statistics.median(parser_load_seconds(sources["a"]) for _ in range(repeat))
    runs = {case: _runner(sources[case], root / f"scratch-{case}") for case in CASES}
    results = interleaved(runs, repeat, "cases (a)-(d)")
    print(
        f"\nCases (a)-(d): {shape.options} options in {shape.groups} groups, parser function "
        f"0.3 s of CPU; {repeat} clean builds each, medians"
    )
    print(f"  {'':<56} {'CPU s':>7} {'CPU min-max':>12} {'wall s':>7}")
    for case in CASES:
        cpu = [b.cpu for b in results[case]]
        print(
            f"  {TITLES[case]:<56} {median(results[case]):>7.2f} "
            f"{f'{min(cpu):.2f}-{max(cpu):.2f}':>12} {median(results[case], 'wall'):>7.2f}"
        )
    print(f"  {'one parser load (import + call, new process)':<56} {load:>7.2f}")
    calls = {case: sorted({b.calls for b in results[case]}) for case in "abc"}
    print(
        f"  parser function calls per build: (a) {calls['a']}, (b) {calls['b']}, (c) {calls['c']}"
    )
    a, d = median(results["a"]), median(results["d"])
    budget = 1.3 * d + load
    print(
        "\nPaired ratios: within each round the cases ran one after the other, so a slow phase "
        "of the machine\nslows both sides of a pair alike; the median of the per-round ratios "
        "and a sign test over the rounds"
    )
    for other in "bcd":
        pair = Pair.of(results["a"], results[other])
        print(f"  (a)/({other}) = {pair}")
        if other != "d":
            print(f"    (a) faster than ({other}): {pair.verdict()}")
    print(f"  (a) - (d) = {a - d:.2f} s (medians)")
    print(f"  (a) within 1.3 x (d) + one load = {budget:.2f} s: {_verdict(a <= budget)}")
    print(f"  (a) runs the parser function once per build: {_verdict(calls['a'] == [1])}")


@dataclass(frozen=True)
class Pair:
    """Two cases' CPU times compared round by round."""

    ratio: float
    """The median of the per-round ratios."""
    faster: int
    """In how many rounds the first case took less CPU time."""
    rounds: int

    @classmethod
    def of(cls, first: list[Build], second: list[Build]) -> Pair:
        ratios = [x.cpu / y.cpu for x, y in zip(first, second, strict=True)]
        return cls(statistics.median(ratios), sum(r < 1 for r in ratios), len(ratios))

    @property
    def p_faster(self) -> float:
        """One-sided sign test: the chance of this many faster rounds if neither were faster."""
        return _tail(self.faster, self.rounds)

    @property
    def p_slower(self) -> float:
        return _tail(self.rounds - self.faster, self.rounds)

    def verdict(self) -> str:
        if self.ratio < 1 and self.p_faster < 0.05:
            return "met"
        if self.ratio > 1 and self.p_slower < 0.05:
            return "NOT met: slower"
        return "NOT met: not told apart from a tie at these rounds (sign test p >= 0.05)"

    def __str__(self) -> str:
        return (
            f"{self.ratio:.3f}, faster in {self.faster} of {self.rounds} rounds "
            f"(sign test p = {min(self.p_faster, self.p_slower):.3f})"
        )


def _tail(at_least: int, rounds: int) -> float:
    return sum(math.comb(rounds, k) for k in range(at_least, rounds + 1)) / 2**rounds


def _verdict(met: bool) -> str:
    return "met" if met else "NOT met"


def _runner(source: Path, scratch: Path, gc_off: bool = False) -> Callable[[], Build]:
    scratch.mkdir(parents=True, exist_ok=True)
    return lambda: build(source, scratch, gc_off)


def scaling(root: Path, sizes: list[int], repeat: int) -> None:
    """Time per option at each size for (a) and for (d), with the garbage collector on and off.

    Sphinx keeps every node of a page alive while it works on it, and each full collection of
    Python's cyclic garbage collector walks all of them: with the collector on, a big page costs
    more per node than a small one, whoever made the nodes. (d) at the same sizes shows how much
    of that is Sphinx's own; ``a - d`` is what sphinx-argdoc adds per option.
    """
    projects = {
        (case, size): make_project(root, case, Shape(size), cost=0.0)
        for case in "ad"
        for size in sizes
    }
    projects["d", 0] = make_project(root, "d", Shape(0), cost=0.0)
    runs = {
        (case, size, gc_off): _runner(source, root / f"scratch-{case}-{size}-{gc_off}", gc_off)
        for (case, size), source in projects.items()
        for gc_off in (False, True)
    }
    results = interleaved(runs, repeat, "scaling")
    print(
        f"\nScaling: case (a)'s page and case (d)'s at each size, parser function 0 s; {repeat} "
        "clean builds each,\nCPU medians; ms/option is above an empty project's build "
        f"({median(results['d', 0, False]):.2f} s; "
        f"{median(results['d', 0, True]):.2f} s with the collector off)"
    )
    columns = ("(a) CPU s", "(a) ms/opt", "(d) CPU s", "(d) ms/opt", "a - d ms/opt")
    for gc_off, heading in ((False, "garbage collector on"), (True, "garbage collector off")):
        print(f"  {heading}")
        print(f"  {'options':>8} {'groups':>7} " + " ".join(f"{c:>12}" for c in columns))
        empty = median(results["d", 0, gc_off])
        for size in sizes:
            seconds = {case: median(results[case, size, gc_off]) for case in "ad"}
            per_option = {case: 1000 * (seconds[case] - empty) / size for case in "ad"}
            cells = (
                seconds["a"],
                per_option["a"],
                seconds["d"],
                per_option["d"],
                per_option["a"] - per_option["d"],
            )
            print(f"  {size:>8} {Shape(size).groups:>7} " + " ".join(f"{c:>12.3f}" for c in cells))


def rebuilds(root: Path, repeat: int) -> None:
    """Rebuilds after a first build: with nothing changed, and after an edit of the CLI's code."""
    sources = {case: make_project(root, case, Shape(300), cost=0.3) for case in "abc"}
    scratches = {case: root / f"scratch-{case}" for case in "abc"}
    for case in "abc":
        scratches[case].mkdir(parents=True)
        build(sources[case], scratches[case])
    runs = {
        case: (lambda case=case: build(sources[case], scratches[case], fresh=False))
        for case in "abc"
    }
    results = interleaved(runs, repeat, "rebuilds")
    print(f"\nRebuilds of cases (a)-(c) after a first build; {repeat} each, CPU medians")
    print(f"  {'':<56} {'nothing changed':>16} {'calls':>6} {'CLI edited: page updated':>25}")
    for case in "abc":
        calls = sorted({b.calls for b in results[case]})
        updated = "yes" if _rebuild_after_edit(sources[case], scratches[case]) else "NO (stale)"
        print(f"  {TITLES[case]:<56} {median(results[case]):>14.2f} s {calls!s:>6} {updated:>25}")


def _rebuild_after_edit(source: Path, scratch: Path) -> bool:
    cli = source / "bench_cli.py"
    old, new = "Priority of this stage when", "Edited: priority of this stage when"
    cli.write_text(cli.read_text().replace(old, new))
    build(source, scratch, fresh=False)
    return new in (scratch / "out" / "html" / "index.html").read_text()


def _speed(root: Path, options: argparse.Namespace) -> None:
    # speed.py takes this script's helpers as the module ``run``.
    sys.modules.setdefault("run", sys.modules[__name__])
    import speed

    repeat = options.speed_repeat
    if not options.no_incremental:
        speed.report_incremental(speed.incremental(root / "incremental", repeat), repeat)
    if not options.no_parallel:
        speed.report_parallel(speed.parallel(root / "parallel", repeat), repeat)
    if not options.no_shares:
        speed.shares(root / "shares", repeat)


def main() -> None:
    cli = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    cli.add_argument(
        "--repeat", type=int, default=15, help="clean builds per case, in rounds (default 15)"
    )
    cli.add_argument("--scaling-repeat", type=int, default=3, help="builds per size (default 3)")
    cli.add_argument("--sizes", default="100,1000,10000", help="option counts for the scaling run")
    cli.add_argument("--no-cases", action="store_true", help="leave out cases (a)-(d)")
    cli.add_argument("--no-scaling", action="store_true", help="leave out the scaling run")
    cli.add_argument("--no-rebuilds", action="store_true", help="leave out the rebuilds")
    cli.add_argument(
        "--speed-repeat",
        type=int,
        default=3,
        help="rounds of the incremental series, the -j 2 pair and the shares (default 3)",
    )
    for name in ("incremental", "parallel", "shares"):
        cli.add_argument(f"--no-{name}", action="store_true", help=f"leave out the {name} run")
    options = cli.parse_args()
    # Under PYTHONDONTWRITEBYTECODE every build would otherwise compile sphinx-argdoc's modules
    # anew, which installed packages never do.
    compileall.compile_dir(SOURCE, quiet=1)
    print(f"Machine: {machine()}")
    with tempfile.TemporaryDirectory(prefix="argdoc-bench-") as folder:
        root = Path(folder)
        if not options.no_cases:
            compare(root / "cases", options.repeat)
        if not options.no_rebuilds:
            rebuilds(root / "rebuilds", options.repeat)
        if not options.no_scaling:
            sizes = [int(size) for size in options.sizes.split(",")]
            scaling(root / "scaling", sizes, options.scaling_repeat)
        _speed(root, options)
    print(f"\nfinished {time.strftime('%Y-%m-%d %H:%M:%S UTC', time.gmtime())}")


if __name__ == "__main__":
    main()
