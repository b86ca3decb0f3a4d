"""Each parser is imported and called once per build, and no two parsers share a cache entry."""

from __future__ import annotations

from pathlib import Path

import counted_clis
import pytest
from conftest import warnings_of

from sphinx_argdoc import cache, introspect, load, select
from sphinx_argdoc.locator import Locator


def _calls_during(build) -> dict[str, int]:
    before = dict(counted_clis.calls)
    build()
    return {name: counted_clis.calls[name] - before.get(name, 0) for name in ("first", "second")}


@pytest.mark.sphinx("html", testroot="load-once", freshenv=True)
def test_a_parser_named_by_many_directives_on_many_pages_is_built_once(app, warning) -> None:
    assert _calls_during(app.build) == {"first": 1, "second": 1}
    assert warnings_of(warning) == ""
    index = (Path(app.outdir) / "index.html").read_text()
    for target in ("first-alpha", "first-beta", "first-plain", "first-again-alpha"):
        assert f'id="cmdoption-{target}"' in index


@pytest.mark.sphinx("html", testroot="load-once", freshenv=True)
def test_the_model_and_outline_of_a_parser_are_worked_out_once_per_build(app, monkeypatch) -> None:
    # A page with a directive per group would otherwise cost the square of the parser's size.
    worked_out: list[str] = []
    build, outline = introspect.build, select.outline

    def counted_build(parser, *args, **kwargs):
        built = build(parser, *args, **kwargs)
        worked_out.append(f"model {built.prog}")
        return built

    def counted_outline(parser):
        worked_out.append(f"outline {parser.prog}")
        return outline(parser)

    monkeypatch.setattr(introspect, "build", counted_build)
    monkeypatch.setattr(select, "outline", counted_outline)
    app.build()
    # Another :prog: is another text, so its own model.
    progs = ["first", "first-again", "second"]
    assert sorted(worked_out) == [
        f"{stage} {prog}" for stage in ("model", "outline") for prog in progs
    ]


@pytest.mark.sphinx("html", testroot="load-once", freshenv=True)
def test_each_build_calls_the_function_afresh(app, make_app) -> None:
    app.build()
    again = make_app("html", srcdir=app.srcdir, freshenv=True)
    assert _calls_during(again.build) == {"first": 1, "second": 1}


@pytest.mark.sphinx("html", testroot="load-once", freshenv=True)
def test_parsers_with_the_same_group_title_keep_their_own_options(app) -> None:
    app.build()
    other = (Path(app.outdir) / "other.html").read_text()
    assert 'id="cmdoption-first-alpha"' in other
    assert 'id="cmdoption-second-only-in-second"' in other
    assert "cmdoption-second-alpha" not in other
    assert "cmdoption-first-only-in-second" not in other


def test_distinct_locators_get_distinct_parsers_and_one_locator_the_same() -> None:
    def loaded(func: str) -> load.Loaded:
        locator = Locator("counted_clis", func)
        return cache.BUILD.loaded(locator, lambda: load.load(locator))

    cache.BUILD.clear()
    first = loaded("first")
    second = loaded("second")
    assert first.parser is not second.parser
    assert loaded("first") is first
    cache.BUILD.clear()
    assert loaded("first").parser is not first.parser


@pytest.mark.sphinx("html", testroot="load-failures", freshenv=True)
def test_a_failing_parser_is_tried_once_and_reported_at_each_directive(app, warning) -> None:
    before = dict(counted_clis.calls)
    app.build()
    tried = {name: counted_clis.calls[name] - before.get(name, 0) for name in ("failing", "import")}
    assert tried == {"failing": 1, "import": 1}
    errors = warnings_of(warning).splitlines()
    failed_call = [line for line in errors if "calling counted_clis:failing() failed" in line]
    assert [line.split(": ERROR")[0].rsplit("/", 1)[1] for line in failed_call] == [
        "index.rst:8",
        "index.rst:13",
        "other.rst:4",
    ]
    assert all("the model registry is unreachable" in line for line in failed_call)
    failed_import = [line for line in errors if "cannot import module 'counted_broken'" in line]
    assert len(failed_import) == 2
    assert len(errors) == 5
    # The rest of the build goes on.
    assert 'id="cmdoption-first-alpha"' in (Path(app.outdir) / "index.html").read_text()
