"""The model: what each option shows, computed as ``--help`` computes it."""

from __future__ import annotations

import argparse

import pytest
import sample_clis

from sphinx_argdoc import introspect, model


def _options(parser: model.Parser) -> dict[str, model.Option]:
    return {option.names[0]: option for group in parser.groups for option in group.options}


@pytest.fixture(scope="module")
def grouped() -> dict[str, model.Option]:
    return _options(introspect.build(sample_clis.grouped(), "tool"))


def test_signature_shows_metavars_as_help_does(grouped: dict[str, model.Option]) -> None:
    assert grouped["--pair"].signature == (("--pair", "LO HI"),)
    assert grouped["--items"].signature == (("--items", "ITEMS [ITEMS ...]"),)
    assert grouped["--level"].signature == (("--level", "{low,high}"),)
    assert grouped["-v"].names == ("-v", "--verbose")
    assert grouped["--toggle"].names == ("--toggle", "--no-toggle")
    assert grouped["source"].positional and grouped["source"].names == ("source",)


def test_help_formats_are_expanded(grouped: dict[str, model.Option]) -> None:
    assert grouped["--level"].help == "Level low."
    assert grouped["--level"].help_mentions_default
    assert grouped["--percent"].help == "Share (50% is half)."


def test_a_broken_format_keeps_the_help_and_says_why(grouped: dict[str, model.Option]) -> None:
    option = grouped["--bad-format"]
    assert option.help == "Broken %(nope)s and %d format."
    assert option.help_error == "KeyError: 'nope'"


def test_defaults_read_like_help_and_never_show_addresses(
    grouped: dict[str, model.Option],
) -> None:
    assert grouped["--colour"].default == "Colour.RED"
    assert grouped["--mapping"].default == "{'a': 1}"
    assert grouped["--items"].default == "['x', 'y']"
    assert grouped["--thing"].default == "<sample_clis.Opaque>"
    assert grouped["--pair"].default is None


def test_flags_required_and_exclusive_members(grouped: dict[str, model.Option]) -> None:
    assert grouped["--toggle"].is_flag and grouped["--const"].is_flag
    assert grouped["--fast"].is_flag and not grouped["-v"].is_flag
    assert grouped["--name"].required and not grouped["--pair"].required
    assert grouped["--fast"].exclusive_with == ("--slow",)
    assert grouped["--json"].exclusive_with == ("--yaml",)


def test_hidden_and_help_actions_are_not_documented(grouped: dict[str, model.Option]) -> None:
    assert "--secret" not in grouped and "--ghost" not in grouped
    assert "-h" not in grouped


def test_usage_description_and_epilog_use_the_documented_prog() -> None:
    parser = introspect.build(sample_clis.grouped(), "my tool")
    assert parser.usage.startswith("my tool [-h] [-v] [--fast | --slow]")
    assert parser.epilog == "See my tool docs."


def test_building_does_not_mutate_the_parser() -> None:
    parser = sample_clis.grouped()
    before = (parser.prog, [str(g.title) for g in parser._action_groups], len(parser._actions))
    introspect.build(parser, "renamed")
    after = (parser.prog, [str(g.title) for g in parser._action_groups], len(parser._actions))
    assert before == after


def test_lazy_translation_titles_compare_as_text() -> None:
    from sphinx.cmd.build import get_parser

    parser = introspect.build(get_parser(), "sphinx-build")
    titles = parser.custom_group_titles
    assert titles and all(type(title) is str for title in titles)


def test_nested_argument_group_options_count_as_ungrouped() -> None:
    parser = argparse.ArgumentParser(prog="nested")
    outer = parser.add_argument_group("Outer")
    with pytest.warns(DeprecationWarning) if _nesting_warns() else _nothing():
        inner = outer.add_argument_group("Inner")
    inner.add_argument("--deep", help="Deep.")
    built = introspect.build(parser, "nested")
    ungrouped = [o.names[0] for g in built.groups if not g.is_custom for o in g.options]
    assert ungrouped == ["--deep"]


def _nesting_warns() -> bool:
    import sys

    return sys.version_info >= (3, 11)


def _nothing():  # type: ignore[no-untyped-def]
    import contextlib

    return contextlib.nullcontext()


def test_sets_inside_defaults_print_the_same_in_every_process() -> None:
    import os
    import subprocess
    import sys

    script = (
        "import argparse\n"
        "from sphinx_argdoc import introspect\n"
        "p = argparse.ArgumentParser(prog='t')\n"
        "p.add_argument('--m', default={'k': {'pear', 'apple', 'fig', 'kiwi'}},"
        " help='%(default)s')\n"
        "p.add_argument('--n', default=[frozenset({'b', 'a', 'c'})], help='N.')\n"
        "print([(o.help, o.default) for g in introspect.build(p, 't').groups for o in g.options])\n"
    )
    printed = {
        subprocess.run(
            [sys.executable, "-c", script],
            env={**os.environ, "PYTHONHASHSEED": str(seed)},
            capture_output=True,
            text=True,
            check=True,
        ).stdout
        for seed in range(6)
    }
    (only,) = printed
    assert only.count("{'k': {'apple', 'fig', 'kiwi', 'pear'}}") == 2  # help and default
    assert "[frozenset({'a', 'b', 'c'})]" in only
