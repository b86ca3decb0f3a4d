"""Parallel builds write what serial builds write, and builds are reproducible byte for byte."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import counted_clis
import pytest
import sphinx
from conftest import TESTS, warnings_of

EXAMPLES = TESTS.parent / "examples"


def _files(outdir: Path) -> dict[str, bytes]:
    return {
        str(path.relative_to(outdir)): path.read_bytes()
        for path in sorted(outdir.rglob("*"))
        if path.is_file()
    }


def _differing(one: dict[str, bytes], other: dict[str, bytes]) -> list[str]:
    return sorted(name for name in one.keys() | other.keys() if one.get(name) != other.get(name))


@pytest.mark.sphinx("html", testroot="parallel", freshenv=True)
def test_a_parallel_build_writes_the_same_files_as_a_serial_one(app, warning, make_app, tmp_path):
    app.build()
    # sample_clis.grouped has one option whose help cannot be expanded, shown on two pages.
    warned = warnings_of(warning).splitlines()
    assert len(warned) == 2 and all("--bad-format" in line for line in warned)
    parallel = make_app(
        "html", srcdir=Path(app.srcdir), builddir=tmp_path / "parallel", parallel=2, freshenv=True
    )
    calls_here = sum(counted_clis.calls.values())
    parallel.build()
    # The pages were read by worker processes: the parsers were never built in this one.
    assert sum(counted_clis.calls.values()) == calls_here
    serial_files, parallel_files = _files(Path(app.outdir)), _files(Path(parallel.outdir))
    assert "first-beta.html" in serial_files
    if sphinx.version_info < (9,):
        # Sphinx 7.2 (newer ones unchecked before 9) lists the search index's titles in the
        # order the workers' results were merged.
        search = "searchindex.js"
        assert _search_data(serial_files.pop(search)) == _search_data(parallel_files.pop(search))
    assert _differing(serial_files, parallel_files) == []


def _search_data(script: bytes) -> dict[str, object]:
    text = script.decode()
    data: dict[str, object] = json.loads(text[text.index("(") + 1 : text.rindex(")")])
    titles = data["alltitles"]
    assert isinstance(titles, dict)
    data["alltitles"] = {title: sorted(places) for title, places in titles.items()}
    return data


def _clean_build(docs: Path, outdir: Path, hash_seed: str) -> dict[str, bytes]:
    environment = {**os.environ, "PYTHONHASHSEED": hash_seed}
    command = [sys.executable, "-m", "sphinx", "-q", "-E", "-W", "-b", "html"]
    command += ["-d", str(outdir / "doctrees"), str(docs), str(outdir / "html")]
    subprocess.run(command, check=True, env=environment)
    return _files(outdir / "html")


@pytest.mark.parametrize("example", ["servecli", "gitlike"])
def test_two_clean_builds_of_an_example_are_byte_identical(example: str, tmp_path: Path) -> None:
    # Separate processes with different hash seeds: set and dict orders may differ between them.
    docs = EXAMPLES / example / "docs"
    first = _clean_build(docs, tmp_path / "first", "1")
    second = _clean_build(docs, tmp_path / "second", "2")
    assert "cli.html" in first
    assert _differing(first, second) == []
