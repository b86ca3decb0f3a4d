"""An argparse directive inside text that an argparse directive renders (help, body)."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
import sphinx
from conftest import inventory, warnings_of

from sphinx_argdoc.nesting import Part, overlaps
from sphinx_argdoc.parts import Choice


def _errors_by_line(warning: object) -> dict[int, str]:
    pieces = re.split(r"^\S*index\.rst:(\d+): ", warnings_of(warning), flags=re.MULTILINE)
    assert pieces[0] == ""
    return {int(line): text.strip() for line, text in zip(pieces[1::2], pieces[2::2], strict=True)}


@pytest.mark.sphinx("html", testroot="recursion", freshenv=True)
def test_a_directive_nested_in_what_it_renders_is_one_error(app, warning) -> None:
    app.build()
    errors = _errors_by_line(warning)
    assert sorted(errors) == [4, 8, 21, 33, 38]
    refused = "which an argparse directive it is nested in is rendering already"
    for error in errors.values():
        assert error.startswith("ERROR: ") and error.count("ERROR") == 1
        assert refused in error
        assert error.endswith("[argdoc.recursion]") or sphinx.version_info < (8,)

    # Reported at the directive whose help holds it, naming that help.
    assert "ERROR: help of loop --again: this argparse directive renders loop," in errors[4]
    assert "(loop)" in errors[4]
    # Through another parser: the chain of helps leads to the repeat.
    assert (
        "help of ping --pong: help of pong --ping: this argparse directive renders ping,"
        in (errors[8])
    )
    # Another group of the parser is still part of the whole parser around it.
    assert (
        "help of grouped --source: this argparse directive renders argument group 'Output'"
        in (errors[21])
    )
    assert "(grouped)" in errors[21]
    # In the directive body, at the nested directive's own line.
    assert errors[33].startswith("ERROR: this argparse directive renders inner,")
    assert "help of loopmd --again: this argparse directive renders loopmd," in errors[38]

    html = (Path(app.outdir) / "index.html").read_text()
    # The directives around the refused ones render in full.
    for option in ("loop-again", "ping-pong", "outer-plugin", "grouped-source", "loopmd-again"):
        assert f'id="cmdoption-{option}"' in html
    assert html.count("Shows the tool again.") == 2
    assert "Above the options:" in html
    # A nested directive for another parser, or another group, renders in the help around it.
    assert html.index('id="cmdoption-ping-pong"') < html.index('id="cmdoption-pong-ping"')
    assert html.index('id="cmdoption-outer-plugin"') < html.index('id="cmdoption-inner-depth"')
    assert html.index('id="cmdoption-grouped-source"') < html.index('id="cmdoption-grouped-target"')
    entries = inventory(Path(app.outdir))
    for name, anchor in (("pong.--ping", "pong-ping"), ("inner.--depth", "inner-depth")):
        assert entries.count((name, "std:cmdoption", f"index.html#cmdoption-{anchor}")) == 1


def _part(
    path: tuple[str, ...] = (), group: str | None = None, nogroup: bool = False, **given: object
) -> Part:
    values: dict[str, object] = {
        "parser": PARSER,
        "path": path,
        "choice": Choice(group, nogroup),
        "subcommands": group is None and not nogroup,
        "prog": "tool",
    }
    values.update(given)
    return Part(**values)  # type: ignore[arg-type]


PARSER = object()


@pytest.mark.parametrize(
    ("outer", "inner", "expected"),
    [
        (_part(), _part(), True),
        (_part(), _part(parser=object()), False),
        (_part(), _part(group="Output"), True),
        (_part(group="Output"), _part(), True),
        (_part(group="Input"), _part(group="Output"), False),
        (_part(group="Output"), _part(group="Output"), True),
        (_part(nogroup=True), _part(group="Output"), False),
        (_part(nogroup=True), _part(nogroup=True), True),
        # A whole parser renders its subcommands, unless told not to.
        (_part(), _part(("remote", "add")), True),
        (_part(subcommands=False), _part(("remote",)), False),
        (_part(("remote",)), _part(), True),
        (_part(("remote",)), _part(subcommands=False), False),
        (_part(group="Output"), _part(("remote",)), False),
        (_part(("remote",)), _part(("commit",)), False),
        (_part(("remote", "add")), _part(("remote", "add"), group="Output"), True),
    ],
)
def test_what_a_nested_directive_may_render(outer: Part, inner: Part, expected: bool) -> None:
    assert overlaps(outer, inner) is expected
