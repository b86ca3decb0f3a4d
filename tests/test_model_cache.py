"""Rebuilds use the models kept in the doctree folder: an unchanged CLI is not imported again."""

from __future__ import annotations

import io
import os
import pickle
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest
from conftest import edit_file, warnings_of

from sphinx_argdoc import modelstore

CLI = "mc_cli"


@pytest.fixture(autouse=True)
def _calls(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> Iterator[Path]:
    """The log the CLI's parser function writes a line to, with its process id, per call."""
    log = tmp_path / "calls.log"
    monkeypatch.setenv("MC_CLI_CALLS", str(log))
    monkeypatch.setattr(sys, "path", list(sys.path))
    monkeypatch.delitem(sys.modules, CLI, raising=False)
    yield log
    sys.modules.pop(CLI, None)


def _calls_in(log: Path) -> list[str]:
    lines = log.read_text().splitlines() if log.exists() else []
    log.unlink(missing_ok=True)
    return lines


def _rebuild(make_app, previous, **given) -> tuple[object, list[str], str, str]:
    """Build again from the saved environment, as a new sphinx-build run would, with the CLI's
    module forgotten; the application, the pages it read, its log and its warnings."""
    sys.modules.pop(CLI, None)
    status, warning = io.StringIO(), io.StringIO()
    app = make_app("html", srcdir=Path(previous.srcdir), status=status, warning=warning, **given)
    read: list[str] = []
    app.connect("env-before-read-docs", lambda _app, _env, docnames: read.extend(docnames))
    app.build()
    # Under Sphinx 7.2 a second application in one process registers Sphinx's own directives
    # again and says so; that is about the test set-up, not about the build.
    warnings = [
        line for line in warnings_of(warning).splitlines() if "is already registered" not in line
    ]
    return app, sorted(read), status.getvalue(), "\n".join(warnings)


def _html(app, page: str) -> str:
    return (Path(app.outdir) / f"{page}.html").read_text()


@pytest.mark.sphinx("html", testroot="model-cache", srcdir="model-cache-page-edited")
def test_editing_the_reference_page_reads_it_without_importing_the_cli(
    app, make_app, warning, _calls
) -> None:
    app.build()
    assert warnings_of(warning) == ""
    assert len(_calls_in(_calls)) == 1
    edit_file(Path(app.srcdir) / "reference.rst", "The first sentence", "An edited sentence")
    again, read, _, warnings = _rebuild(make_app, app)
    assert read == ["reference"]
    assert _calls_in(_calls) == []
    assert CLI not in sys.modules
    assert warnings == ""
    html = _html(again, "reference")
    assert "An edited sentence" in html
    assert 'id="cmdoption-mc-level"' in html
    assert "How loud to be." in html


@pytest.mark.sphinx("html", testroot="model-cache", srcdir="model-cache-cli-edited")
def test_editing_the_cli_loads_it_afresh_and_rereads_only_its_pages(app, make_app, _calls) -> None:
    app.build()
    _calls_in(_calls)
    edit_file(Path(app.srcdir) / "code" / "mc_cli.py", "How loud to be.", "How loud to be, edited.")
    again, read, _, warnings = _rebuild(make_app, app)
    assert read == ["again", "inputs", "more", "other", "reference"]
    assert len(_calls_in(_calls)) == 1
    assert warnings == ""
    assert "How loud to be, edited." in _html(again, "reference")
    assert "How loud to be, edited." in _html(again, "more")
    # The next edit of a page uses the model made from the edited CLI.
    edit_file(Path(again.srcdir) / "reference.rst", "The first sentence", "Another sentence")
    third, read, _, _ = _rebuild(make_app, again)
    assert read == ["reference"]
    assert _calls_in(_calls) == []
    assert "How loud to be, edited." in _html(third, "reference")


@pytest.mark.sphinx("html", testroot="model-cache", srcdir="model-cache-corrupt")
def test_a_corrupt_cache_file_is_one_info_line_and_the_build_is_right(
    app, make_app, _calls
) -> None:
    app.build()
    _calls_in(_calls)
    stored = sorted((Path(app.doctreedir) / modelstore.FOLDER).glob("*.pickle"))
    assert stored
    for path in stored:
        path.write_bytes(b"not a pickle")
    edit_file(Path(app.srcdir) / "reference.rst", "The first sentence", "An edited sentence")
    again, read, status, warnings = _rebuild(make_app, app)
    assert read == ["reference"]
    assert warnings == ""
    ignored = [line for line in status.splitlines() if "ignored a model cache file" in line]
    assert len(ignored) == 1
    assert "it cannot be read" in ignored[0]
    assert len(_calls_in(_calls)) == 1
    assert 'id="cmdoption-mc-level"' in _html(again, "reference")


@pytest.mark.sphinx("html", testroot="model-cache", srcdir="model-cache-foreign")
def test_a_cache_file_of_something_else_is_ignored(app, make_app, _calls) -> None:
    app.build()
    for path in (Path(app.doctreedir) / modelstore.FOLDER).glob("*.pickle"):
        path.write_bytes(pickle.dumps({"written by": "someone else"}))
    edit_file(Path(app.srcdir) / "reference.rst", "The first sentence", "An edited sentence")
    again, _, status, warnings = _rebuild(make_app, app)
    assert warnings == ""
    assert status.count("it holds no model of this parser") == 1
    assert "How loud to be." in _html(again, "reference")


def _imports_again_with(setting: str, value: object, app_params, make_app, calls: Path) -> None:
    args, kwargs = app_params
    first = make_app(*args, **{**kwargs, "confoverrides": {setting: value}})
    first.build()
    _calls_in(calls)
    edit_file(Path(first.srcdir) / "reference.rst", "The first sentence", "An edited sentence")
    again, read, _, warnings = _rebuild(make_app, first, confoverrides={setting: value})
    assert read == ["reference"]
    assert len(_calls_in(calls)) == 1
    assert warnings == ""
    assert "An edited sentence" in _html(again, "reference")


@pytest.mark.sphinx("html", testroot="model-cache", srcdir="model-cache-off", freshenv=True)
def test_the_cache_turned_off_imports_the_cli_again(app_params, make_app, _calls) -> None:
    _imports_again_with("argdoc_model_cache", False, app_params, make_app, _calls)


@pytest.mark.sphinx("html", testroot="model-cache", srcdir="model-cache-excluded", freshenv=True)
def test_a_module_left_out_of_the_cache_is_imported_again(app_params, make_app, _calls) -> None:
    _imports_again_with("argdoc_model_cache_exclude", ["mc_cli"], app_params, make_app, _calls)


@pytest.mark.sphinx(
    "html", testroot="model-cache", srcdir="model-cache-excluded-locator", freshenv=True
)
def test_a_locator_left_out_of_the_cache_is_imported_again(app_params, make_app, _calls) -> None:
    _imports_again_with(
        "argdoc_model_cache_exclude", ["mc_cli:parser"], app_params, make_app, _calls
    )


@pytest.mark.sphinx("html", testroot="model-cache", srcdir="model-cache-fresh")
def test_a_fresh_environment_loads_the_cli_again(app, make_app, _calls) -> None:
    app.build()
    _calls_in(_calls)
    _rebuild(make_app, app, freshenv=True)
    assert len(_calls_in(_calls)) == 1


@pytest.mark.sphinx("html", testroot="model-cache", srcdir="model-cache-parallel", freshenv=True)
def test_a_parallel_build_loads_the_parser_once(app_params, make_app, _calls) -> None:
    args, kwargs = app_params
    parallel = make_app(*args, **{**kwargs, "parallel": 2})
    parallel.build()
    calls = _calls_in(_calls)
    # Read in the worker processes: one of them loaded it, the other read its model.
    assert len(calls) == 1
    assert calls[0] != str(os.getpid())
    for page in ("reference", "again", "more", "other"):
        assert "How loud to be." in _html(parallel, page)
    assert "Where to read from." in _html(parallel, "inputs")


def test_the_distributions_a_model_depends_on_are_found_without_reading_every_one(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    import importlib.metadata

    read_every_one: list[bool] = []
    every = importlib.metadata.packages_distributions

    def counted() -> object:
        read_every_one.append(True)
        return every()

    monkeypatch.setattr(importlib.metadata, "packages_distributions", counted)
    modelstore._every_owner.cache_clear()
    try:
        # A module named as its distribution is looked up by that name alone.
        found = modelstore.inputs_of((), ("docutils", "pytest"))
        assert found is not None
        assert [name for name, _ in found.distributions] == ["docutils", "pytest"]
        assert read_every_one == []
        # Nothing to look up, nothing read.
        assert modelstore.inputs_of((), ()) == modelstore.Inputs((), ())
        # Another name (markdown_it comes in markdown-it-py) takes the whole map, once.
        other = modelstore.inputs_of((), ("markdown_it", "mdurl"))
        assert other is not None
        assert [name for name, _ in other.distributions] == ["markdown-it-py", "mdurl"]
        assert read_every_one == [True]
    finally:
        modelstore._every_owner.cache_clear()
