""":group: over every custom title plus :nogroup: is exactly the whole parser, each once."""

from __future__ import annotations

import argparse
from collections import Counter
from collections.abc import Callable
from pathlib import Path

import pytest
import sample_clis

from sphinx_argdoc import introspect, select
from sphinx_argdoc.parts import Choice

ROOTS = Path(__file__).parent / "roots"


def _stand_in(name: str) -> Callable[[], argparse.ArgumentParser]:
    def build() -> argparse.ArgumentParser:
        import sys

        sys.path.insert(0, str(ROOTS / "test-seed"))
        try:
            from vllm.engine import arg_utils
        finally:
            sys.path.remove(str(ROOTS / "test-seed"))
        return getattr(arg_utils, name)()  # type: ignore[no-any-return]

    return build


def _servecli() -> argparse.ArgumentParser:
    import importlib.util

    path = ROOTS.parent.parent / "examples" / "servecli" / "servecli.py"
    spec = importlib.util.spec_from_file_location("servecli_for_partition", path)
    assert spec and spec.loader
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module.build_parser()  # type: ignore[no-any-return]


def _sphinx_build() -> argparse.ArgumentParser:
    from sphinx.cmd.build import get_parser

    return get_parser()


PARSERS = {
    "sample": sample_clis.grouped,
    "engine": _stand_in("_engine_args_parser"),
    "async-engine": _stand_in("_async_engine_args_parser"),
    "servecli": _servecli,
    "sphinx-build": _sphinx_build,
}


def _keys(selection: select.Selection) -> list[tuple[str, ...]]:
    return [option.names for group in selection.groups for option in group.options]


@pytest.mark.parametrize("name", sorted(PARSERS))
def test_split_renders_partition_the_whole_render(name: str) -> None:
    argparse_parser = PARSERS[name]()
    parser = introspect.build(argparse_parser, name)
    split: Counter[tuple[str, ...]] = Counter(_keys(select.select(parser, Choice(ungrouped=True))))
    for title in dict.fromkeys(parser.custom_group_titles):
        split.update(_keys(select.select(parser, Choice(title))))
    whole = Counter(_keys(select.select(parser, Choice())))
    assert split == whole
    assert set(whole.values()) == {1}
    assert sorted(whole) == sorted(_visible(argparse_parser))


def _visible(parser: argparse.ArgumentParser) -> list[tuple[str, ...]]:
    result = []
    for action in parser._actions:
        if action.help is argparse.SUPPRESS or isinstance(
            action, (argparse._HelpAction, argparse._SubParsersAction)
        ):
            continue
        result.append(tuple(action.option_strings) or (action.metavar or action.dest,))
    return result
