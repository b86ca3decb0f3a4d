"""Help texts repeated across options are parsed once, and still shown and checked for each."""

from __future__ import annotations

from conftest import option_entries
from docutils.parsers.rst.states import RSTState


def test_a_repeated_help_is_parsed_once_and_its_problem_named_for_each_option(
    build_site, monkeypatch
) -> None:
    parsed: list[str] = []
    nested_parse = RSTState.nested_parse

    def counted(self, block, *args, **kwargs):  # type: ignore[no-untyped-def]
        parsed.append("\n".join(block))
        return nested_parse(self, block, *args, **kwargs)

    monkeypatch.setattr(RSTState, "nested_parse", counted)
    site = build_site("repeated-help")
    assert parsed.count("The *host* to reach, see ``--port``.") == 1
    assert parsed.count("The port, a *broken emphasis.") == 1
    # The text links to an option of its own program: each program parses it for itself.
    assert parsed.count("A tag, like :option:`--host`.") == 3
    # Each option still shows its help, and each gets the problem of its own.
    entries = option_entries(site.page("index").doctree)
    for command in ("start", "stop", "status"):
        assert entries[f"fleet-{command} --host"] == "The host to reach, see --port."
    problems = site.warning_lines("Inline emphasis start-string without end-string")
    assert [line.split(": ")[2] for line in problems] == [
        f"help of fleet {command} --port" for command in ("start", "stop", "status")
    ]
    # Links in each copy lead to the option of its own program.
    html = site.page("index").html
    for command in ("start", "stop", "status"):
        assert f'href="#cmdoption-fleet-{command}-host"' in html
