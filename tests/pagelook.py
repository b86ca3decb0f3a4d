"""Measure built pages in headless Chromium, and take screenshots of the examples.

Usage::

    python tests/pagelook.py screenshots OUTDIR [--themes furo alabaster] [--widths 1440 400]
    python tests/pagelook.py heights
    python tests/pagelook.py shot HTML_DIR PAGE OUT.png [--width 1440] [--height 1000]

``screenshots`` builds the example projects (``examples/*/docs``) in each theme and writes a PNG
of the top of each page at each width into OUTDIR (``servecli-cli-furo-1440.png``...), for people
to look at. ``heights`` builds a generated 300-option parser as sphinx-argdoc and as
sphinx-argparse-cli render it, in furo at 1440 px, and prints the page height per option of each.
``shot`` takes one screenshot of a page already built (the README's comes from the docs' "How a
page reads" page).
Needs Debian's ``chromium`` and the ``test`` extra (furo, sphinx-argparse-cli).
"""

from __future__ import annotations

import argparse
import contextlib
import importlib.util
import json
import subprocess
import sys
import tempfile
from collections.abc import Iterator
from pathlib import Path
from typing import Any

from browser_check import DevTools, Page, _served, chromium

TESTS = Path(__file__).resolve().parent
EXAMPLES = TESTS.parent / "examples"
#: The example projects and the pages of each worth a look.
PAGES = {
    "servecli": ["cli.html"],
    "gitlike": ["cli.html", "remote.html"],
    "mytool": ["cli.html"],
}
#: How tall a screenshot is at most: the top of a page, where a reader starts.
SHOT_HEIGHT = 2400

_MEASURE = """(() => {
  const article = document.querySelector("article") || document.querySelector("[role=main]")
    || document.body;
  const box = article.getBoundingClientRect();
  const overflowing = [...document.querySelectorAll("pre.argdoc-usage, table.argdoc-summary")]
    .filter((node) => {
      const own = node.getBoundingClientRect();
      // Wider than its box, or sticking out of the content box: cut or covering the sidebar.
      return node.scrollWidth > node.clientWidth + 1 || own.right > box.right + 1;
    })
    .map((node) => node.className);
  const usageLinks = [...document.querySelectorAll("pre.argdoc-usage a[href]")];
  const ids = [...document.querySelectorAll("[id]")].map((node) => node.id);
  return {
    height: document.documentElement.scrollHeight,
    page_overflow: document.documentElement.scrollWidth > window.innerWidth + 1,
    entries: document.querySelectorAll("dl.std.option > dt").length,
    text: article.innerText,
    overflowing,
    usage_links: usageLinks.length,
    usage_links_landing: usageLinks.filter((a) => {
      const target = a.hash && document.getElementById(decodeURIComponent(a.hash.slice(1)));
      return target && target.tagName === "DT";
    }).length,
    repeated_ids: ids.filter((id, position) => ids.indexOf(id) !== position),
  };
})()"""


_LOADED = """(async () => {
  for (let frame = 0; frame < 100; frame++) {
    if (location.href.split("#")[0] === %(url)s && document.readyState === "complete") return true;
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  return false;
})()"""


@contextlib.contextmanager
def browser() -> Iterator[Page]:
    """A tab of a headless Chromium, closed afterwards."""
    executable = chromium()
    if executable is None:
        raise RuntimeError("no chromium on PATH (Debian: apt-get install chromium)")
    with tempfile.TemporaryDirectory(prefix="argdoc-look-", ignore_cleanup_errors=True) as profile:
        tools = DevTools(executable, profile)
        try:
            yield Page(tools)
        finally:
            tools.close()


def measure(tab: Page, html_dir: Path, page: str, width: int) -> dict[str, Any]:
    """Open *page* of *html_dir* at *width* CSS pixels and measure it (see ``_MEASURE``)."""
    tab.call(
        "Emulation.setDeviceMetricsOverride",
        width=width,
        height=900,
        deviceScaleFactor=1,
        mobile=width < 600,
    )
    with _served(html_dir) as base:
        _opened(tab, base + page)
        return dict(tab.evaluate(_MEASURE))


def _opened(tab: Page, url: str) -> None:
    """Open *url* and wait until it is the page loaded: a new tab's own blank page may report
    its load after the navigation has started."""
    tab.open(url)
    tab.evaluate(_LOADED % {"url": json.dumps(url)})


def screenshot(
    tab: Page, html_dir: Path, page: str, width: int, path: Path, tallest: int = SHOT_HEIGHT
) -> None:
    """A PNG of the top of *page* at *width* pixels, up to *tallest* tall."""
    measured = measure(tab, html_dir, page, width)
    height = min(int(measured["height"]), tallest)
    with _served(html_dir) as base:
        tab.call(
            "Emulation.setDeviceMetricsOverride",
            width=width,
            height=height,
            deviceScaleFactor=1,
            mobile=width < 600,
        )
        _opened(tab, base + page)
        tab.screenshot(path)


def build(source: Path, outdir: Path, theme: str, extra_path: Path | None = None) -> Path:
    """Build *source* as HTML in *theme* in a process of its own; return the output folder."""
    command = [
        sys.executable,
        "-m",
        "sphinx",
        "-q",
        "-b",
        "html",
        "-D",
        f"html_theme={theme}",
        str(source),
        str(outdir),
    ]
    env = None
    if extra_path is not None:
        import os

        env = {**os.environ, "PYTHONPATH": os.pathsep.join([str(extra_path), *sys.path])}
    subprocess.run(command, check=True, env=env, capture_output=True)
    return outdir


def bench_module() -> Any:
    """``benchmarks/run.py``, which writes the generated parser and its projects."""
    spec = importlib.util.spec_from_file_location(
        "benchmark_run", TESTS.parent / "benchmarks" / "run.py"
    )
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules.setdefault(spec.name, module)
    spec.loader.exec_module(module)
    return module


def heights(workdir: Path, options: int = 300, width: int = 1440) -> dict[str, dict[str, Any]]:
    """Page height per option of the generated parser, as sphinx-argdoc (one ``:group:`` block
    per group, case a) and as sphinx-argparse-cli (case c) render it, in furo."""
    bench = bench_module()
    shape = bench.Shape(options)
    result = {}
    with browser() as tab:
        for case, name in (("a", "sphinx-argdoc"), ("c", "sphinx-argparse-cli")):
            source = bench.make_project(workdir, case, shape, cost=0.0)
            built = build(source, workdir / f"html-{case}", "furo")
            measured = measure(tab, built, "index.html", width)
            measured["per_option"] = measured["height"] / options
            result[name] = measured
    return result


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    commands = parser.add_subparsers(dest="command", required=True)
    shots = commands.add_parser("screenshots", help="PNGs of the example pages")
    shots.add_argument("outdir", type=Path, help="Folder the PNGs go to.")
    shots.add_argument("--themes", nargs="+", default=["furo", "alabaster"], help="HTML themes.")
    shots.add_argument("--widths", nargs="+", type=int, default=[1440, 400], help="In CSS px.")
    commands.add_parser("heights", help="page height per option, ours and sphinx-argparse-cli's")
    shot = commands.add_parser("shot", help="one PNG of a page already built")
    shot.add_argument("html_dir", type=Path, help="Sphinx HTML output folder.")
    shot.add_argument("page", help="Page in it, such as index.html.")
    shot.add_argument("out", type=Path, help="The PNG to write.")
    shot.add_argument("--width", type=int, default=1440, help="In CSS px.")
    shot.add_argument("--height", type=int, default=1000, help="At most, in CSS px.")
    args = parser.parse_args(argv)
    if args.command == "shot":
        with browser() as tab:
            screenshot(tab, args.html_dir, args.page, args.width, args.out, args.height)
        return 0
    with tempfile.TemporaryDirectory(prefix="argdoc-look-") as work:
        if args.command == "heights":
            found = heights(Path(work))
            print(
                json.dumps(
                    {
                        k: {"height": v["height"], "per_option": round(v["per_option"], 1)}
                        for k, v in found.items()
                    },
                    indent=2,
                )
            )
            return 0
        args.outdir.mkdir(parents=True, exist_ok=True)
        with browser() as tab:
            for example, pages in PAGES.items():
                for theme in args.themes:
                    built = build(
                        EXAMPLES / example / "docs", Path(work) / f"{example}-{theme}", theme
                    )
                    for page in pages:
                        for width in args.widths:
                            name = f"{example}-{Path(page).stem}-{theme}-{width}.png"
                            screenshot(tab, built, page, width, args.outdir / name)
                            print(args.outdir / name)
    return 0


if __name__ == "__main__":
    sys.exit(main())
