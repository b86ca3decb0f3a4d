"""Options that read environment variables: each variable is a std-domain object in its entry."""

from __future__ import annotations

import io
import re
import shutil
from pathlib import Path

import pytest
from conftest import inventory, warnings_of

from sphinx_argdoc.model import Option


def _text(html: str) -> str:
    return re.sub(r"\s+", " ", re.sub(r"<[^>]+>", "", html))


@pytest.mark.sphinx("html", testroot="envvars", freshenv=True)
def test_each_variable_is_an_envvar_object_in_its_options_entry(app, warning) -> None:
    app.build()
    assert warnings_of(warning) == ""
    page = (Path(app.outdir) / "index.html").read_text()
    text = _text(page)
    # A pattern from the long option name; the action's own variable wins over it.
    assert "Environment variable: FETCHER_RETRIES" in text
    assert "Environment variable: FETCH_INDEX" in text
    assert "FETCHER_INDEX_URL" not in text
    assert "Environment variable: FETCHER_DEST_DIR" in text
    # No long name, no variable: neither -q nor the positional gets one.
    assert text.count("Environment variable:") == 3
    for variable in ("fetcher-retries", "fetch-index", "fetcher-dest-dir"):
        assert f'href="#envvar-{variable}"' in page
        assert f'id="envvar-{variable}"' in page
    entries = inventory(Path(app.outdir))
    assert ("FETCHER_RETRIES", "std:envvar", "index.html#envvar-fetcher-retries") in entries
    assert ("FETCH_INDEX", "std:envvar", "index.html#envvar-fetch-index") in entries
    genindex = _text((Path(app.outdir) / "genindex.html").read_text())
    assert "environment variable FETCHER_RETRIES" in genindex


@pytest.mark.sphinx("html", testroot="envvars", freshenv=True)
def test_the_variable_fact_sits_inside_the_options_entry(app) -> None:
    app.build()
    page = (Path(app.outdir) / "index.html").read_text()
    entry = page.split('id="cmdoption-fetcher-retries"', 1)[1].split("</dl>", 1)[0]
    assert 'id="envvar-fetcher-retries"' in entry


def _by_function(prog: str, option: Option) -> str | None:
    if option.names[0] == "--dest-dir":
        raise LookupError("no variable for it")
    return "RETRY" if option.names[0] == "--retries" else None


@pytest.mark.sphinx(
    "html", testroot="envvars", freshenv=True, confoverrides={"argdoc_envvars": _by_function}
)
def test_a_function_names_the_variables_and_its_mistakes_are_located(app, warning) -> None:
    app.build()
    warned = warnings_of(warning)
    assert "index.rst:7: WARNING: argdoc_envvars raised LookupError: no variable for it for " in (
        warned
    )
    assert "fetcher get --dest-dir; the option is shown without a variable" in warned
    text = _text((Path(app.outdir) / "index.html").read_text())
    assert "Environment variable: RETRY" in text
    assert text.count("Environment variable:") == 2


@pytest.mark.parametrize(
    ("pattern", "problem"),
    [
        ("", "'' formats to nothing"),
        ("  {name:.0}", "formats to nothing"),
        ("FETCHER_{OPTION}", "'FETCHER_{OPTION}' cannot be formatted (KeyError('OPTION'))"),
        ("FETCHER", "'FETCHER' gives every option the same variable, 'FETCHER'"),
        (42, "42 is neither a pattern (a string) nor a function of (prog, option)"),
    ],
)
def test_a_pattern_that_names_nothing_is_one_warning(pattern, problem, make_app, rootdir, tmp_path):
    srcdir = tmp_path / "src"
    shutil.copytree(rootdir / "test-envvars", srcdir)
    warning = io.StringIO()
    app = make_app(
        "html",
        srcdir=srcdir,
        freshenv=True,
        warning=warning,
        confoverrides={"argdoc_envvars": pattern},
    )
    app.build()
    lines = [
        line
        for line in warnings_of(warning).splitlines()
        if "is already registered" not in line and "undefined label" not in line
    ]
    assert any(problem in line for line in lines), lines
    ours = [line for line in lines if "argdoc_envvars" in line]
    assert len(ours) == 1
    assert ours[0].startswith("WARNING: conf.py: argdoc_envvars = ")
    assert re.search(r"; no option gets a variable( \[argdoc\.envvar\])?$", ours[0])
