"""``:hook:`` documents the parser a main() parses, and never lets main() go on."""

from __future__ import annotations

import re
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest
from conftest import warnings_of


@pytest.fixture(autouse=True)
def _imported_afresh() -> Iterator[None]:
    sys.modules.pop("hooked", None)
    yield
    sys.modules.pop("hooked", None)


def _errors_by_line(warning: object) -> dict[int, str]:
    found = re.findall(r"^\S*index\.rst:(\d+): (.*)$", warnings_of(warning), flags=re.MULTILINE)
    return {int(line): text for line, text in found}


@pytest.mark.sphinx("html", testroot="hook", freshenv=True)
def test_the_parser_main_parses_is_documented_and_main_stops_there(app, warning) -> None:
    app.build()
    html = (Path(app.outdir) / "index.html").read_text()
    for option in ("serve-port", "train-epochs", "script-dry-run", "vcs-clone-depth"):
        assert f'id="cmdoption-{option}"' in html
    assert "Serve a model." in html
    assert "Default:" in html and "8000" in html
    # main() never got past parsing, however it reached it (a list, sys.argv, a subcommand).
    assert sys.modules["hooked"].RAN == []
    assert sorted(_errors_by_line(warning)) == [24, 29, 34, 39]


@pytest.mark.sphinx("html", testroot="hook", freshenv=True)
def test_a_hooked_function_that_parses_no_parser_or_two_is_one_error(app, warning) -> None:
    app.build()
    errors = _errors_by_line(warning)
    assert errors[24].startswith(
        "ERROR: hooked:returns_without_parsing() returned without parsing the command line; "
        ":hook: documents the parser a function parses"
    )
    assert errors[29].startswith(
        "ERROR: hooked:parses_two_parsers() parsed 2 different parsers ('early', 'late')"
    )
    assert errors[34].startswith(
        "ERROR: hooked:PARSER is ArgumentParser, not a function to run; :hook: documents"
    )
    assert errors[39].startswith(
        "ERROR: calling hooked:fails_before_parsing() failed: RuntimeError: no config file"
    )
    assert len(warnings_of(warning).splitlines()) == 4
