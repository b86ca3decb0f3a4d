"""The reference page: the seed page builds verbatim, and every option is linkable."""

from __future__ import annotations

import argparse

import pytest
from conftest import TESTS, inventory, section_titles

SEED_COPY = TESTS / "roots" / "test-seed" / "engine_args.md"
SHARED_SEED = TESTS.parent.parent / "shared" / "seed" / "engine_args.md"


def _visible_option_names(parser: argparse.ArgumentParser) -> set[str]:
    names = set()
    for action in parser._actions:
        if action.help is argparse.SUPPRESS or isinstance(action, argparse._HelpAction):
            continue
        names.update(action.option_strings or [action.dest])
    return names


def _stand_in_parsers() -> list[argparse.ArgumentParser]:
    from vllm.engine import arg_utils

    return [arg_utils._engine_args_parser(), arg_utils._async_engine_args_parser()]


@pytest.fixture(autouse=True)
def _stand_in_importable(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.syspath_prepend(str(SEED_COPY.parent))


@pytest.mark.skipif(not SHARED_SEED.exists(), reason="the shared seed is only on our machines")
def test_fixture_is_a_byte_for_byte_copy_of_the_seed() -> None:
    assert SEED_COPY.read_bytes() == SHARED_SEED.read_bytes()


@pytest.mark.site("seed")
def test_seed_builds_without_warnings_and_lists_every_option(site) -> None:
    assert site.warnings == ""

    cmdoptions = {name for name, role, _ in inventory(site.outdir) if role == "std:cmdoption"}
    expected = set()
    for parser in _stand_in_parsers():
        expected |= _visible_option_names(parser)
    # Sphinx names inventory entries "prog option" up to 8.x and "prog.option" from 9.
    found = {
        name.replace("vllm-serve.", "vllm-serve ", 1)
        for name in cmdoptions
        if name.startswith("vllm-serve")
    }
    assert found == {f"vllm-serve {name}" for name in expected}


@pytest.mark.site("seed")
def test_option_links_on_another_page_resolve(site) -> None:
    html = (site.outdir / "links.html").read_text()
    for target in ("model", "gpu-memory-utilization", "arg-model-tag", "disable-log-requests"):
        assert f'href="engine_args.html#cmdoption-vllm-serve-{target}"' in html
    # -tp is the short form of --tensor-parallel-size: it links to that entry.
    assert 'href="engine_args.html#cmdoption-vllm-serve-tp"' in html
    assert 'href="engine_args.html#cmdoption-vllm-serve-port"' in html
    assert site.warnings == ""


@pytest.mark.site("seed")
def test_only_the_whole_parser_block_has_usage_and_sections(site) -> None:
    doctree = site.env.get_doctree("engine_args")
    titles = section_titles(doctree)
    assert titles[0] == "Engine Arguments"
    assert "positional arguments" not in titles
    assert "Model Arguments" in titles and titles.count("Model Arguments") == 1
    # The ten :group: blocks and the :nogroup: block add nothing but entries; the last block
    # renders the async parser whole: its usage and its "options" section.
    (usage,) = doctree.findall(_usage_block)
    assert usage.astext().startswith("usage: vllm serve [-h] [--disable-log-requests]")
    assert titles.count("options") == 1


def _usage_block(node) -> bool:
    return "argdoc-usage" in getattr(node, "get", lambda *_: [])("classes", [])


@pytest.mark.site("seed")
def test_the_split_page_documents_what_the_whole_render_does(site) -> None:
    from sphinx import addnodes

    def documented(docname: str, program: str) -> list[tuple[str, ...]]:
        doctree = site.env.get_doctree(docname)
        return [
            tuple(sig["allnames"])
            for sig in doctree.findall(addnodes.desc_signature)
            if sig.get("argdoc-program") == program
        ]

    split = documented("engine_args", "vllm-serve")
    whole = documented("whole", "vllm-whole")
    async_options = [("--disable-log-requests",), ("--enable-log-requests",), ("--max-log-len",)]
    assert sorted(split) == sorted(whole + async_options)
    assert len(set(split)) == len(split)
    assert site.warnings == ""
