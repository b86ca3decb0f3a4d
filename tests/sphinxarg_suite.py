"""Run sphinx-argparse's own test suite with sphinx-argdoc in its place.

    python tests/sphinxarg_suite.py [--version 0.6.1] [--keep DIR]

Downloads sphinx-argparse's source distribution from PyPI, copies its ``test`` folder, points
every test project at ``sphinx_argdoc`` instead of ``sphinxarg.ext``, and runs the tests that
build pages (its parser unit tests test sphinx-argparse's internals, and are left out). Their
assertions are XPath checks of sphinx-argparse's own HTML (option lists, ``kbd`` elements): a
test fails where our page is built differently, not only where something is lost. Needs
``lxml`` and ``sphinx-argparse`` (whose test fixtures import it) installed.
"""

from __future__ import annotations

import argparse
import re
import shutil
import subprocess
import sys
import tarfile
import tempfile
from pathlib import Path


def main(argv: list[str] | None = None) -> int:
    options = _options().parse_args(argv)
    work = Path(options.keep or tempfile.mkdtemp(prefix="sphinxarg-suite-"))
    suite = _unpacked(options.version, work)
    _point_at_sphinx_argdoc(suite)
    run = subprocess.run(
        [sys.executable, "-m", "pytest", "-q", "-p", "no:cacheprovider", "-o", "addopts=",
         "--ignore", "test/test_parser.py", "test"],
        cwd=suite.parent,
        capture_output=True,
        text=True,
        check=False,
    )  # fmt: skip
    print(run.stdout[-4000:], run.stderr[-2000:], sep="\n")
    summary = re.search(r"(\d+) passed", run.stdout)
    failed = re.search(r"(\d+) failed", run.stdout)
    passed, failing = int(summary.group(1)) if summary else 0, int(failed.group(1)) if failed else 0
    print(f"sphinx-argparse {options.version}'s suite with sphinx-argdoc:", end=" ")
    print(f"{passed} of {passed + failing} passed")
    if not options.keep:
        shutil.rmtree(work, ignore_errors=True)
    return 0


def _options() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--version", default="0.6.1", help="the sphinx-argparse release to test")
    parser.add_argument("--keep", metavar="DIR", help="work in DIR and keep it afterwards")
    return parser


def _unpacked(version: str, work: Path) -> Path:
    """The ``test`` folder of sphinx-argparse *version*'s source distribution, under *work*."""
    subprocess.run(
        [sys.executable, "-m", "pip", "download", "--quiet", "--no-deps", "--no-binary", ":all:",
         "--dest", str(work), f"sphinx-argparse=={version}"],
        check=True,
    )  # fmt: skip
    (archive,) = work.glob("sphinx_argparse-*.tar.gz")
    with tarfile.open(archive) as tar:
        tar.extractall(work, filter="data")
    (suite,) = work.glob("sphinx_argparse-*/test")
    return suite


def _point_at_sphinx_argdoc(suite: Path) -> None:
    """Every test project loads sphinx_argdoc; its sample CLIs sit beside each project's pages,
    where ``:filename:`` looks for them (sphinx-argparse's fixtures move its own lookup)."""
    samples = list(suite.glob("sample*.py"))
    for conf in suite.glob("roots/*/conf.py"):
        text = conf.read_text()
        conf.write_text(text.replace("'sphinxarg.ext'", "'sphinx_argdoc'"))
        for sample in samples:
            shutil.copy(sample, conf.parent / sample.name)


if __name__ == "__main__":
    sys.exit(main())
