"""How build time grows with the size of a CLI: options, argument groups, subcommand depth.

Run ``python benchmarks/size.py`` (add ``--quick`` for the smaller half). For each size it
prints the time and peak memory of turning the parser into the model, and the time of a whole
HTML build of one page that documents it. Time per unit should stay roughly flat.
"""

from __future__ import annotations

import argparse
import io
import sys
import tempfile
import time
import tracemalloc
from collections.abc import Callable
from pathlib import Path

from sphinx.testing.util import SphinxTestApp

from sphinx_argdoc import introspect

PAGE = """Size
====

.. argparse::
   :module: {module}
   :func: parser
"""


def many_options(count: int) -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="options")
    for number in range(count):
        group = parser._optionals if number % 2 else parser.add_argument_group(f"G{number}")
        group.add_argument(f"--option-{number}", type=int, default=number, help="A number.")
    return parser


def many_groups(count: int) -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="groups")
    for number in range(count):
        group = parser.add_argument_group(f"Group {number}", "Its description.")
        group.add_argument(f"--g{number}", help="An option.")
    return parser


def nested(depth: int) -> argparse.ArgumentParser:
    root = parser = argparse.ArgumentParser(prog="deep")
    for level in range(depth):
        parser.add_argument(f"--opt{level}", help="An option.")
        parser = parser.add_subparsers().add_parser(f"level{level + 1}", help="A level.")
    return root


def measure(make: Callable[[int], argparse.ArgumentParser], size: int) -> tuple[float, ...]:
    parser = make(size)
    tracemalloc.start()
    started = time.perf_counter()
    introspect.build(parser, parser.prog)
    model_seconds = time.perf_counter() - started
    peak = tracemalloc.get_traced_memory()[1]
    tracemalloc.stop()
    return model_seconds, peak / 2**20, sphinx_build_seconds(parser)


def sphinx_build_seconds(parser: argparse.ArgumentParser) -> float:
    with tempfile.TemporaryDirectory() as directory:
        srcdir = Path(directory)
        module = f"sized_cli_{id(parser)}"
        sys.modules[module] = type(sys)(module)
        sys.modules[module].parser = lambda: parser  # type: ignore[attr-defined]
        (srcdir / "conf.py").write_text('extensions = ["sphinx_argdoc"]\n')
        (srcdir / "index.rst").write_text(PAGE.format(module=module))
        app = SphinxTestApp("html", srcdir=srcdir, status=io.StringIO(), warning=io.StringIO())
        try:
            started = time.perf_counter()
            app.build()
            return time.perf_counter() - started
        finally:
            app.cleanup()
            del sys.modules[module]


def main() -> None:
    quick = "--quick" in sys.argv
    series = [
        ("options", many_options, [1000, 2500, 5000, 10000]),
        ("groups", many_groups, [250, 500, 1000]),
        ("depth", nested, [10, 25, 50]),
    ]
    print(f"{'what':>8} {'size':>6} {'model s':>8} {'model MiB':>9} {'build s':>8} {'ms/unit':>8}")
    for name, make, sizes in series:
        for size in sizes[: len(sizes) // 2 + 1] if quick else sizes:
            model_seconds, mib, build_seconds = measure(make, size)
            per_unit = 1000 * build_seconds / size
            print(
                f"{name:>8} {size:>6} {model_seconds:>8.2f} {mib:>9.1f} "
                f"{build_seconds:>8.2f} {per_unit:>8.2f}"
            )


if __name__ == "__main__":
    main()
