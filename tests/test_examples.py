"""Console examples on the site are checked against the options of the programs they run."""

from __future__ import annotations

import io
import os
import time
from pathlib import Path

import pytest
from conftest import warnings_of

EXPECTED = [
    'fences.md:8: WARNING: console example: "vcs commit --mesage \'unclosed" cannot be read as a '
    "command (No closing quotation); not checked",
    "fences.md:12: WARNING: console example: vcs checkout has no option --bad; did you mean -b?",
    "fences.md:16: WARNING: console example: vcs has no option -x; did you mean --work-dir?",
    "fences.md:23: WARNING: console example: pkg cache clean has no option --bogus; "
    "did you mean --older-than?",
    "session.rst:7: WARNING: console example: vcs commit has no option --ammend; "
    "did you mean --amend?",
    "session.rst:10: WARNING: console example: vcs co has no option --forse; did you mean -b?",
    "session.rst:14: WARNING: console example: vcs remote add has no option --timout; "
    "did you mean --timeout?",
    "session.rst:16: WARNING: console example: tidy has no option --widht; did you mean --width?",
    "session.rst:16: WARNING: console example: vcs has no option --work-dr; "
    "did you mean --work-dir?",
    "session.rst:21: WARNING: console example: vcs remote rm has no option --quiet",
]


def _warned(warning: io.StringIO | str, srcdir: object) -> list[str]:
    text = warning if isinstance(warning, str) else warnings_of(warning)
    lines = text.replace(f"{srcdir}{os.sep}", "").splitlines()
    # Sphinx before 7.3 prints no type after a warning; 7.2 also repeats its own registrations.
    return [
        line.removesuffix(" [argdoc.example]")
        for line in lines
        if "is already registered" not in line
    ]


@pytest.mark.sphinx("html", testroot="examples", freshenv=True)
def test_each_unknown_option_is_a_warning_at_its_line_naming_the_nearest(app, warning) -> None:
    app.build()
    assert _warned(warning, app.srcdir) == EXPECTED


@pytest.mark.sphinx("html", testroot="examples", freshenv=True, parallel=2)
def test_a_parallel_build_checks_the_examples_every_reader_saw(app, warning) -> None:
    app.build()
    assert app.parallel == 2
    assert _warned(warning, app.srcdir) == EXPECTED


@pytest.mark.sphinx(
    "html",
    testroot="examples",
    freshenv=True,
    confoverrides={"argdoc_check_examples": False},
)
def test_the_check_can_be_turned_off(app, warning) -> None:
    app.build()
    assert _warned(warning, app.srcdir) == []


@pytest.mark.sphinx("html", testroot="examples", srcdir="examples-incremental")
def test_a_rebuild_checks_the_pages_it_did_not_read_again(app, warning, make_app) -> None:
    app.build()
    assert _warned(warning, app.srcdir) == EXPECTED
    page = Path(app.srcdir) / "session.rst"
    page.write_text(page.read_text().replace("--ammend", "--amend"))
    now = time.time_ns()
    os.utime(page, ns=(now, now))
    again = io.StringIO()
    rebuilt = make_app("html", srcdir=Path(app.srcdir), warning=again)
    read: list[str] = []
    rebuilt.connect("env-before-read-docs", lambda _app, _env, docnames: read.extend(docnames))
    rebuilt.build()
    assert sorted(read) == ["session"]
    assert _warned(again, app.srcdir) == [line for line in EXPECTED if "--ammend" not in line]
