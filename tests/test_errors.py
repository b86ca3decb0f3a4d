"""Each user mistake gives one clear error or warning at the directive, and the build goes on."""

from __future__ import annotations

import pytest

from sphinx_argdoc import usercode
from sphinx_argdoc.options import DirectiveOptions
from sphinx_argdoc.problems import ArgdocError

EXPECTED = [
    (
        "index.rst:8: ERROR: cannot import module 'broken_import': ModuleNotFoundError: "
        "No module named 'not_installed_dependency'"
    ),
    "index.rst:12: ERROR: sample_clis has no attribute 'missing_function'",
    (
        "index.rst:16: ERROR: calling sample_clis:raises() failed: RuntimeError: "
        "the config file is missing"
    ),
    "index.rst:20: ERROR: calling sample_clis:exits() failed: it called sys.exit(3)",
    "index.rst:24: ERROR: sample_clis:not_a_parser gave dict, not an argparse.ArgumentParser",
    "index.rst:28: ERROR: the argparse directive needs :module: to find the parser",
    (
        "index.rst:31: ERROR: no argument group 'Input and outptu' in grouped; it has "
        "'Input and output', 'Hidden', 'Empty'. Did you mean 'Input and output'?"
    ),
    "index.rst:36: ERROR: :group: and :nogroup: exclude each other; give one of them",
    "index.rst:42: WARNING: grouped: argument group 'Hidden' has nothing to document",
    (
        "index.rst:47: WARNING: sample_clis:unnamed: the parser has no prog of its own "
        "(argparse would take the name of the running program, here sphinx-build); "
        "give the directive :prog:"
    ),
    (
        "index.rst:53: WARNING: grouped --bad-format: the help's %-formats cannot be expanded "
        "(KeyError: 'nope'); shown as written"
    ),
    "markdown.md:6: ERROR: sample_clis.Cli has no attribute 'nothing'",
]


@pytest.mark.site("errors")
def test_each_mistake_is_reported_once_at_its_directive(site) -> None:
    lines = [line for line in site.warnings.splitlines() if line.strip()]
    srcdir = str(site.srcdir)
    for expected in EXPECTED:
        matching = [line for line in lines if f"{srcdir}/{expected}" in line]
        assert len(matching) == 1, (expected, lines)
    assert len(lines) == len(EXPECTED), lines


@pytest.mark.site("errors")
def test_the_page_still_renders_after_the_errors(site) -> None:
    html = (site.outdir / "index.html").read_text()
    assert 'id="cmdoption-grouped-pair"' in html
    assert 'href="#cmdoption-grouped-name"' in html
    # The prog argparse derived is never shown: the module's name stands in for it.
    assert "no prog" not in html
    assert 'id="cmdoption-sample-clis-flag"' in html


def test_a_module_python_cannot_find_says_how_to_make_it_importable() -> None:
    with pytest.raises(ArgdocError) as caught:
        usercode.import_module("no_such_cli_module_anywhere")
    message = caught.value.problem.message
    assert message.startswith(
        "cannot import module 'no_such_cli_module_anywhere': ModuleNotFoundError: "
        "No module named 'no_such_cli_module_anywhere'; Sphinx imports the CLI's module: "
    )
    # Python's import machinery is no place to look at.
    assert "<frozen" not in message and "(at " not in message


def test_usage_only_excludes_the_options_that_render_something_else() -> None:
    for other in ("group", "nogroup", "manpage"):
        given = {"module": "m", "func": "f", "usage-only": None, other: "x"}
        with pytest.raises(ArgdocError, match="usage-only: shows the program's usage alone"):
            DirectiveOptions.from_directive(given)
