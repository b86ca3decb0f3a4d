"""The code that builds a parser may print, exit, parse sys.argv or touch sys.path."""

from __future__ import annotations

import argparse
import re
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest
from conftest import warnings_of

from sphinx_argdoc import cache, load
from sphinx_argdoc.locator import Locator
from sphinx_argdoc.problems import ArgdocError

UNRULY = (
    "noisy",
    "exits_at_import",
    "parses_at_import",
    "main_only",
    "asks_at_import",
    "raises_at_import",
)


@pytest.fixture(autouse=True)
def _imported_afresh() -> Iterator[None]:
    for name in UNRULY:
        sys.modules.pop(name, None)
    yield
    for name in UNRULY:
        sys.modules.pop(name, None)


def _errors_by_line(warning: object) -> dict[int, str]:
    pieces = re.split(r"^\S*index\.rst:(\d+): ", warnings_of(warning), flags=re.MULTILINE)
    assert pieces[0] == ""
    return {int(line): text.strip() for line, text in zip(pieces[1::2], pieces[2::2], strict=True)}


@pytest.mark.sphinx("html", testroot="isolation", freshenv=True)
def test_what_user_code_does_stays_in_its_load(app, warning, capsys) -> None:
    argv, path = sys.argv, list(sys.path)
    app.build()
    assert sys.argv is argv and sys.argv == argv[:]
    # conf.py put the root on sys.path; the CLI's own additions are gone.
    assert [p for p in sys.path if "nonexistent" in p] == []
    assert sys.path[-len(path) :] == path

    noisy = sys.modules["noisy"]
    # The CLI saw a neutral command line, not sphinx-build's.
    assert noisy.ARGV_AT_IMPORT == ["<sphinx-argdoc: no prog>"]

    # What it printed went to the build log once, at the first directive, not to the terminal.
    status = app._status.getvalue()
    assert status.count("printed while it was loaded") == 1
    assert "index.rst:4: noisy:parser printed while it was loaded" in status
    # Only the end of long output: a failure comes last.
    assert "…" + "." * 100 in status and "building the parser" in status
    assert "loading plugins" not in status
    captured = capsys.readouterr()
    assert "noisy:" not in captured.out + captured.err

    html = (Path(app.outdir) / "index.html").read_text()
    assert 'id="cmdoption-noisy-level"' in html
    assert "loading plugins" not in html
    assert "index.rst:4:" not in warnings_of(warning)
    assert "index.rst:8:" not in warnings_of(warning)


@pytest.mark.sphinx("html", testroot="isolation", freshenv=True)
def test_a_program_is_never_run_and_each_mistake_is_named(app, warning) -> None:
    app.build()
    errors = _errors_by_line(warning)
    assert sorted(errors) == [13, 17, 21, 25, 33, 37, 41, 45, 49, 53]

    assert "cannot import module 'exits_at_import': it called sys.exit(4)" in errors[13]
    assert "exits_at_import.py:5" in errors[13]

    assert "importing module 'parses_at_import' parses the command line" in errors[17]
    assert "parses_at_import.py:9" in errors[17]
    assert 'if __name__ == "__main__":' in errors[17]
    assert sys.modules.get("parses_at_import") is None

    assert "main_only:main() parses the command line" in errors[21]
    assert "(parse_args() at " in errors[21] and "main_only.py:13)" in errors[21]
    assert "returns the argparse.ArgumentParser" in errors[21]
    assert "add :hook: to document the parser it parses" in errors[21]
    # ``except Exception`` around parse_args did not let main() go on to run the program.
    assert sys.modules["main_only"].RAN == []

    assert "calling main_only:complains() failed: it called sys.exit(2)" in errors[25]
    assert "the config file ~/.toolrc is missing" in errors[25]

    assert "cannot import module 'asks_at_import': EOFError" in errors[33]
    assert "asks_at_import.py:4" in errors[33]
    assert "Warming up the model cache…" in errors[33]

    assert "cannot import module 'raises_at_import': RuntimeError: no GPU found" in errors[37]
    assert "raises_at_import.py:6" in errors[37]
    assert "checking for a GPU" in errors[37]

    assert "running " in errors[41] and "script.py parses the command line" in errors[41]
    assert "script.py:6" in errors[41]

    # Every way of parsing that reads sys.argv is stopped where the CLI calls it.
    assert "main_only:parses_known() parses the command line" in errors[45]
    assert "(parse_known_args() at " in errors[45] and "main_only.py:37)" in errors[45]
    assert "main_only:parses_intermixed() parses the command line" in errors[49]
    assert "(parse_intermixed_args() at " in errors[49] and "main_only.py:44)" in errors[49]
    assert "main_only:parses_known_intermixed() parses the command line" in errors[53]
    assert "(parse_known_intermixed_args() at " in errors[53] and "main_only.py:50)" in errors[53]
    assert sys.modules["main_only"].RAN == []

    html = (Path(app.outdir) / "index.html").read_text()
    assert 'id="cmdoption-listed-name"' in html
    # One error per directive (Sphinx 7.3 and newer add the type, [argdoc.directive]).
    assert all(error.startswith("ERROR: ") for error in errors.values())
    assert sum(error.count("ERROR") for error in errors.values()) == len(errors)


def test_parsing_the_command_line_is_stopped_however_argparse_routes_it(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    # Since Python 3.12.8 and 3.13.1 the intermixed methods read sys.argv without going through
    # parse_known_args; the stand-in does the same on any Python.
    def known_intermixed(self, args=None, namespace=None):  # type: ignore[no-untyped-def]
        return namespace, list(sys.argv[1:] if args is None else args)

    monkeypatch.setattr(argparse.ArgumentParser, "parse_known_intermixed_args", known_intermixed)
    (tmp_path / "intermixed_cli.py").write_text(
        "import argparse\n"
        "\n"
        "def build():\n"
        "    parser = argparse.ArgumentParser(prog='tool')\n"
        "    parser.parse_intermixed_args([])\n"
        "    parser.parse_intermixed_args()\n"
        "    return parser\n"
    )
    monkeypatch.syspath_prepend(str(tmp_path))
    monkeypatch.delitem(sys.modules, "intermixed_cli", raising=False)
    try:
        with pytest.raises(ArgdocError) as refused:
            load.load(Locator("intermixed_cli", "build"))
    finally:
        cache.BUILD.clear()
    assert "(parse_intermixed_args() at " in str(refused.value)
    assert f"{tmp_path / 'intermixed_cli.py'}:6)" in str(refused.value)
