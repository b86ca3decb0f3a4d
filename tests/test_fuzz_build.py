"""Real Sphinx builds of generated parsers: a few examples, each built twice.

The text builder keeps each build short; the doctrees compared carry every id.
"""

from __future__ import annotations

import argparse
import io
import re
import tempfile
from collections import Counter
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import generated_cli
import sphinx
from fuzzing import entry_names, model_signatures, parsers
from hypothesis import given, settings
from hypothesis import strategies as st
from sphinx import addnodes
from sphinx.testing.util import SphinxTestApp

from sphinx_argdoc import config, introspect, register, select
from sphinx_argdoc.parts import Choice, std_name

CONF = 'extensions = ["myst_parser", "sphinx_argdoc"]\nproject = "fuzz"\n'
PAGES = ("index", "whole", "split")
MESSAGE = re.compile(r"^\S+:\d+: (?:WARNING|ERROR): ", re.MULTILINE)
MESSAGE_TYPE = re.compile(r" \[(\w+\.\w+)\]$", re.MULTILINE)


@settings(max_examples=30, deadline=None)
@given(parsers(), st.booleans(), st.sampled_from(config.HELP_FORMATS))
def test_a_generated_parser_builds_the_same_twice_and_documents_each_option_once(
    parser: argparse.ArgumentParser, markdown: bool, help_format: str
) -> None:
    generated_cli.CURRENT[:] = [parser]
    parsed = introspect.build(parser, parser.prog)
    titles = sorted({" ".join(title.split()) for title in parsed.custom_group_titles})
    with _built(parser.prog, titles, markdown, help_format) as (first, first_warnings):
        assert "[argdoc.directive]" not in first_warnings
        assert "Traceback" not in first_warnings
        if help_format == "text" and sphinx.version_info >= (8,):  # older ones show no types
            # Text shown as written cannot be malformed: only the CLI's own slips are reported.
            types = MESSAGE_TYPE.findall(first_warnings)
            assert len(types) == len(MESSAGE.findall(first_warnings))
            assert set(types) <= {"argdoc.help", "argdoc.empty"}
        assert _signatures(first, "whole") == model_signatures(parsed)
        whole = select.select(parsed, Choice()).groups
        expected = Counter(
            (std_name(parsed.prog), entry_names(option))
            for group in whole
            for option in group.options
        )
        assert _signatures(first, "split") == expected
        first_pages = _pages(first)
    with _built(parser.prog, titles, markdown, help_format) as (second, second_warnings):
        assert _pages(second) == first_pages
        assert second_warnings.replace(str(second.srcdir), "") == first_warnings.replace(
            str(first.srcdir), ""
        )


def test_an_argument_shown_with_a_blank_name_gets_no_index_entry() -> None:
    # --help prints such a positional as nothing: an index entry would be an invalid pair.
    parser = argparse.ArgumentParser(prog="tool", add_help=False)
    parser.add_argument("blank", metavar="", help="Shown without a name.")
    parser.add_argument("space", metavar=" ", help="Shown as a space.")
    parser.add_argument("--named", help="Shown with its name.")
    generated_cli.CURRENT[:] = [parser]
    with _built("tool", [], False, "rst") as (app, warnings):
        assert warnings == ""
        entries = app.env.get_domain("index").entries["whole"]
        assert [entry[1] for entry in entries] == ["tool command line option; --named"]
        text = (Path(app.outdir) / "whole.txt").read_text()
        assert "Shown without a name." in text and "Shown as a space." in text


@contextmanager
def _built(
    prog: str, titles: list[str], markdown: bool, help_format: str
) -> Iterator[tuple[SphinxTestApp, str]]:
    """A text build of a whole-parser page and a page of :group: blocks and :nogroup:, the latter
    in reST or in Markdown (``eval-rst`` blocks under headings, as big CLI pages are written)."""
    with tempfile.TemporaryDirectory() as directory:
        srcdir = Path(directory) / "src"
        srcdir.mkdir()
        (srcdir / "conf.py").write_text(f"{CONF}argdoc_help_format = {help_format!r}\n")
        (srcdir / "index.rst").write_text("Fuzz\n====\n\n.. toctree::\n\n   whole\n   split\n")
        (srcdir / "whole.rst").write_text("Whole\n=====\n\n" + _directive(prog, ":summary:"))
        split = [_directive(prog, f":group: {title}") for title in titles]
        split.append(_directive(prog, ":nogroup:"))
        if markdown:
            blocks = [
                f"## Part {n}\n\n```{{eval-rst}}\n{block}```\n\n" for n, block in enumerate(split)
            ]
            (srcdir / "split.md").write_text("# Split\n\n" + "".join(blocks))
        else:
            (srcdir / "split.rst").write_text("Split\n=====\n\n" + "".join(split))
        warning = io.StringIO()
        app = SphinxTestApp("text", srcdir=srcdir, status=io.StringIO(), warning=warning)
        try:
            app.build()
            yield app, re.sub(r"\x1b\[[0-9;]*m", "", warning.getvalue())
        finally:
            app.cleanup()


def _directive(prog: str, *extra: str) -> str:
    lines = [".. argparse::", "   :module: generated_cli", "   :func: parser", f"   :prog: {prog}"]
    lines += [f"   {option}" for option in extra]
    return "\n".join(lines) + "\n\n"


def _signatures(app: SphinxTestApp, docname: str) -> Counter[tuple[str, tuple[str, ...]]]:
    doctree = app.env.get_doctree(docname)
    return Counter(
        (signature[register.PROGRAM_ATTRIBUTE], tuple(signature["allnames"]))
        for signature in doctree.findall(addnodes.desc_signature)
    )


def _pages(app: SphinxTestApp) -> dict[str, str]:
    """Each page as text output, and as a doctree (which has the ids an HTML page would)."""
    result = {}
    for name in PAGES:
        result[f"{name}.txt"] = (Path(app.outdir) / f"{name}.txt").read_text()
        doctree = app.env.get_doctree(name).pformat()
        result[name] = doctree.replace(str(app.srcdir), "<srcdir>")
    return result


def test_an_empty_nogroup_block_is_named_as_such() -> None:
    parser = argparse.ArgumentParser(prog="tool", add_help=False)
    parser.add_argument_group("Input").add_argument("--source", help="Where from.")
    generated_cli.CURRENT[:] = [parser]
    with _built("tool", ["Input"], False, "rst") as (_, warnings):
        assert "split.rst:10: WARNING: tool: :nogroup: (the options in no argument group) " in (
            warnings
        )
        assert "None" not in warnings
        assert len(MESSAGE.findall(warnings)) == 1
