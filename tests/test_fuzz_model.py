"""Properties of model -> select -> render on generated parsers (fast: no Sphinx build)."""

from __future__ import annotations

import argparse
import copy
import os
import pickle
import subprocess
import sys
from collections import Counter

from bare import render_bare
from docutils import nodes
from fuzzing import entry_names, expected_options, model_signatures, parsers, visible_subparsers
from hypothesis import given, settings
from sphinx import addnodes

from sphinx_argdoc import introspect, model, register, select
from sphinx_argdoc.parts import Choice, std_name
from sphinx_argdoc.problems import ArgdocError

MODEL = settings(max_examples=200, deadline=None)
RENDER = settings(max_examples=100, deadline=None)


def _key(option: model.Option) -> tuple[str, ...]:
    return ("<positional>",) if option.positional else option.names


def _options(groups: tuple[model.Group, ...]) -> Counter[tuple[str, ...]]:
    return Counter(_key(option) for group in groups for option in group.options)


def _nameable_titles(parsed: model.Parser) -> set[str]:
    # What a page can write after :group: (the directive strips the value; empty means absent).
    return {" ".join(title.split()) for title in parsed.custom_group_titles}


@MODEL
@given(parsers())
def test_model_and_selection_of_a_generated_parser(parser: argparse.ArgumentParser) -> None:
    before = _snapshot(parser)
    parsed = introspect.build(parser, "tool")
    assert _snapshot(parser) == before, "building the model changed the parser"
    _check_tree(parser, parsed, "tool")
    _check_partition(parser, parsed)
    assert introspect.build(parser, "tool") == parsed
    # Nothing run-specific (memory addresses, object identity) may reach the page.
    assert introspect.build(copy.deepcopy(parser), "tool") == parsed


@RENDER
@given(parsers())
def test_render_of_a_generated_parser(parser: argparse.ArgumentParser) -> None:
    parsed = introspect.build(parser, "tool")
    rendered = _render(parsed, select.select(parsed, Choice()))
    assert _signatures(rendered) == model_signatures(parsed)
    again = _render(parsed, select.select(parsed, Choice()))
    assert [node.pformat() for node in again] == [node.pformat() for node in rendered]
    for title in _nameable_titles(parsed):
        selection = select.select(parsed, Choice(title))
        expected = Counter(
            (std_name("tool"), entry_names(option))
            for group in selection.groups
            for option in group.options
        )
        assert _signatures(_render(parsed, selection)) == expected


def _check_tree(parser: argparse.ArgumentParser, parsed: model.Parser, prog: str) -> None:
    """Every visible action once, in the right (sub)parser; every shown subcommand once."""
    assert parsed.prog == prog
    assert _options(parsed.groups) == expected_options(parser)
    expected = visible_subparsers(parser)
    assert [sub.name for sub in parsed.subcommands] == [name for name, _ in expected]
    for sub, (name, child) in zip(parsed.subcommands, expected, strict=True):
        _check_tree(child, sub.parser, f"{prog} {name}")


def _check_partition(parser: argparse.ArgumentParser, parsed: model.Parser) -> None:
    """:group: over every title plus :nogroup: give the whole parser's options, each once."""
    whole = select.select(parsed, Choice())
    assert whole.whole
    pieces = select.select(parsed, Choice(ungrouped=True)).groups
    for title in sorted(_nameable_titles(parsed)):
        pieces += select.select(parsed, Choice(title)).groups
    assert _options(pieces) == _options(whole.groups) == expected_options(parser)


def _snapshot(parser: argparse.ArgumentParser) -> list[object]:
    """Identity of everything the model reads, down to the items of lists and dicts."""

    def identity(value: object) -> object:
        if isinstance(value, (list, tuple, dict, set)):
            return (id(value), tuple(id(item) for item in value))
        return id(value)

    def state(thing: object) -> dict[str, object]:
        return {key: identity(value) for key, value in vars(thing).items()}

    containers = [*parser._action_groups, *parser._mutually_exclusive_groups]
    return (
        [state(parser)]
        + [state(action) for action in parser._actions]
        + [state(container) for container in containers]
    )


def test_a_title_nobody_can_write_is_not_offered() -> None:
    parser = argparse.ArgumentParser(prog="tool")
    parser.add_argument_group(None).add_argument("--untitled", help="In a group with no title.")
    parsed = introspect.build(parser, "tool")
    assert parsed.custom_group_titles == ()
    assert select.select(parsed, Choice(ungrouped=True)).groups[-1].options[0].names == (
        "--untitled",
    )
    try:
        select.select(parsed, Choice(""))
    except ArgdocError as exc:
        assert "has no argument groups" in str(exc)
    else:
        raise AssertionError("an empty :group: must not match")


def _render(parsed: model.Parser, selection: select.Selection) -> list[nodes.Node]:
    result = render_bare(parsed, selection)
    pickle.dumps(result)  # every node must survive the environment's pickling
    return result


def _signatures(result: list[nodes.Node]) -> Counter[tuple[str, tuple[str, ...]]]:
    found: Counter[tuple[str, tuple[str, ...]]] = Counter()
    for root in result:
        assert isinstance(root, nodes.Element)
        for signature in root.findall(addnodes.desc_signature):
            found[signature[register.PROGRAM_ATTRIBUTE], tuple(signature["allnames"])] += 1
    return found


SETS = """
import argparse
from sphinx_argdoc import introspect

parser = argparse.ArgumentParser(prog="tool")
exclusive = parser.add_mutually_exclusive_group()
exclusive.add_argument("--mode", choices={"fast", "slow", "safe", "auto"}, help="%(choices)s")
exclusive.add_argument("--tags", default=frozenset({"x", "y", "z", "w"}), help="%(default)s")
parser.add_argument("kind", choices={"alpha", "beta", "gamma"})
parser.add_argument("--empty", default=set())
print(introspect.build(parser, "tool"))
"""


def test_sets_print_in_the_same_order_in_every_process() -> None:
    def built(seed: int) -> str:
        environment = {**os.environ, "PYTHONHASHSEED": str(seed)}
        return subprocess.run(
            [sys.executable, "-c", SETS],
            env=environment,
            capture_output=True,
            text=True,
            check=True,
        ).stdout

    first = built(1)
    assert "{auto,fast,safe,slow}" in first and "frozenset({'w', 'x', 'y', 'z'})" in first
    assert "default='set()'" in first
    assert all(built(seed) == first for seed in (2, 3, 4))
