"""How help, descriptions and epilogs are read: reST, Markdown or plain text."""

from __future__ import annotations

import html
import re
import sys
from pathlib import Path
from types import SimpleNamespace

import pytest
from conftest import warnings_of

from sphinx_argdoc import helptext


def _page(app, name: str) -> str:
    return (Path(app.outdir) / name).read_text(encoding="utf-8")


def _body(app, name: str) -> str:
    """The HTML of a page's main content, without the sidebar and footer."""
    page = _page(app, name)
    return page[page.index('<div class="body"') : page.index('<div class="sphinxsidebar"')]


def _visible(markup: str) -> str:
    return html.unescape(re.sub(r"<[^>]+>", "", markup))


def _warning_lines(warning) -> list[str]:
    return [line for line in warnings_of(warning).splitlines() if line.strip()]


def _without_type_suffixes(line: str) -> str:
    # Sphinx 8+ appends "[type.subtype]"; older MyST puts its own type into its messages.
    return re.sub(r"( \[[\w-]+\.[\w-]+\])+$", "", line)


@pytest.mark.site("helpfmt")
def test_rst_is_the_default_for_help_descriptions_and_epilogs(site) -> None:
    body = _body(site, "rst.html")
    assert "<p>Reads <em>reST</em> help.</p>" in body
    assert "<strong>Loud</strong>" in body
    assert '<span class="pre">inline</span> <span class="pre">code</span></code>' in body
    assert "Runs the substituted tool, defined further down the page." in _visible(body)
    assert site.warnings == ""


@pytest.mark.site("helpfmt")
def test_rst_help_stays_rst_in_a_directive_written_natively_in_myst(site) -> None:
    body = _body(site, "native.html")
    assert "<p>Uses the <code" in body
    assert ":code:" not in body
    assert "<p>Reads <em>reST</em> help.</p>" in body
    assert site.warnings == ""


@pytest.mark.site("helpfmt")
def test_smartquotes_leave_option_names_in_help_alone(site) -> None:
    rst_page = _visible(_body(site, "rst.html"))
    # Smartquotes are on: quotes curl and "---" becomes an em dash, yet option names keep "--".
    assert "“quoted” and the same as --other-name." in rst_page
    assert "Pairs with --strong; — is an em dash." in rst_page
    markdown_page = _visible(_body(site, "markdown.html"))
    assert "like --out-dir but one file." in markdown_page
    assert "\u2013" not in rst_page + markdown_page
    assert site.warnings == ""


@pytest.mark.site("helpfmt")
def test_markdownhelp_reads_help_descriptions_and_epilogs_as_markdown(site) -> None:
    for page, prog in (("markdown.html", "mdtool"), ("conf_markdown.html", "mdtool2")):
        body = _body(site, page)
        assert "<p>Reads <strong>Markdown</strong> help.</p>" in body
        assert '<span class="pre">results</span></code> go.</p>' in body
        assert '<span class="pre">PATH</span></code>' in body
        assert "<em>one</em> file." in body
        assert "<li><p>first item</p></li>" in body
        assert 'href="https://example.org/mdtool">the site</a>' in body
        assert f'id="cmdoption-{prog}-out-dir"' in body
    assert site.warnings == ""


@pytest.mark.site("helpfmt")
def test_plain_text_is_shown_as_written(site) -> None:
    body = _body(site, "text.html")
    assert '<div class="line">Copies *.txt files</div>\n<div class="line">from here</div>' in body
    assert '<div class="line">How to copy:</div>' in body
    assert '<div class="line">\xa0\xa0fast  -- no checks</div>' in body
    assert '<div class="line">\xa0\xa0\xa0\xa0(risky)</div>' in body
    # Only the first line starts at the margin: the others keep their indentation.
    assert '<div class="line">\xa0\xa0left</div>' in body
    assert '<p class="argdoc-plain">Pattern like *.py or _private_ or |x|.</p>' in body
    visible = _visible(body)
    assert "See `termtool --help` and **docs**." in visible
    assert 'Runs "cp --force" -- carefully.' in visible
    assert "<em>" not in body and "<strong>" not in body and "<code" not in body
    assert site.warnings == ""


@pytest.mark.site("helpfmt")
def test_plain_text_in_a_summary_table(site) -> None:
    body = _body(site, "text_summary.html")
    table = _visible(body[body.index("<table") : body.index("</table>")])
    # The first line of a multi-line help leads its row; a copy outside the plain-text entry is
    # smartquoted, but option names keep their hyphens.
    assert "How to copy:" in table
    assert "Runs “cp --force” \u2013 carefully." in table
    assert site.warnings == ""


@pytest.mark.site("helpfmt", "text")
def test_each_format_in_the_text_builder(site) -> None:
    rst_page = _page(site, "rst.txt")
    assert "Reads *reST* help." in rst_page
    assert '**Loud**, "quoted" and the same as --other-name.' in rst_page
    markdown_page = _page(site, "markdown.txt")
    assert "Reads **Markdown** help." in markdown_page
    assert "* first item" in markdown_page
    plain = _page(site, "text.txt").replace("\xa0", " ")
    assert "How to copy:\n        fast  -- no checks\n          (risky)\n" in plain
    assert "   See `termtool --help` and **docs**.\n" in plain
    assert "   Pattern like *.py or _private_ or |x|.\n" in plain
    assert site.warnings == ""


@pytest.mark.sphinx("html", testroot="helpfmt-terminal", freshenv=True)
def test_terminal_help_read_as_rest_warns_once_per_mistake_naming_the_option(app, warning) -> None:
    app.build()
    at = f"{Path(app.srcdir) / 'index.rst'}:4: WARNING:"
    assert sorted(map(_without_type_suffixes, _warning_lines(warning))) == [
        f"{at} description of termtool: Inline emphasis start-string without end-string.",
        f"{at} help of termtool --glob: Inline emphasis start-string without end-string.",
        f"{at} help of termtool --glob: undefined substitution |x|; shown as written",
    ]
    assert "or _private_ or |x|." in _visible(_body(app, "index.html"))


@pytest.mark.parametrize(
    ("help_format", "shown"),
    [
        pytest.param(
            "text",
            ["Pattern like *.py or _private_ or |x|."],
            id="text-builds-terminal-help-without-warnings",
        ),
        pytest.param(
            "markdown",
            [
                "<strong>docs</strong>",
                '<span class="pre">termtool</span> <span class="pre">--help</span></code>',
            ],
            id="markdown-reads-every-directive-as-markdown",
        ),
    ],
)
def test_conf_value_sets_the_help_format_of_every_directive(build_site, help_format, shown) -> None:
    site = build_site("helpfmt-terminal", confoverrides={"argdoc_help_format": help_format})
    body = _body(site, "index.html")
    for each in shown:
        assert each in body
    assert site.warnings == ""


@pytest.mark.sphinx(
    "html",
    testroot="helpfmt-terminal",
    freshenv=True,
    confoverrides={"argdoc_help_format": "md"},
)
def test_an_unknown_conf_value_is_one_warning_naming_the_choices(app, warning) -> None:
    app.build()
    (config_warning,) = [line for line in _warning_lines(warning) if "argdoc_help_format" in line]
    assert all(f"'{choice}'" in config_warning for choice in ("rst", "markdown", "text"))


@pytest.mark.sphinx("html", testroot="helpfmt-warnings", freshenv=True)
def test_each_mistake_is_one_message_naming_program_option_and_directive(app, warning) -> None:
    app.build()
    src = Path(app.srcdir)
    assert sorted(map(_without_type_suffixes, _warning_lines(warning))) == sorted(
        [
            f"{src / 'index.rst'}:9: WARNING: help of brokentool --unclosed: "
            "Inline emphasis start-string without end-string.",
            f"{src / 'index.rst'}:13: WARNING: help of brokenmd --role: "
            'Unknown interpreted text role "unknownrole".',
            f"{src / 'index.rst'}:18: ERROR: :help-format: must be one of rst, markdown, text, "
            "not 'markdwon'",
            f"{src / 'index.rst'}:23: ERROR: :markdownhelp: reads help as Markdown; "
            "it excludes :help-format: text",
            f"{src / 'page.md'}:6: WARNING: help of brokentool2 --unclosed: "
            "Inline emphasis start-string without end-string.",
            # The body is part of the page: its messages keep the page's own line numbers.
            f'{src / "body.rst"}:9: WARNING: Unknown interpreted text role "nope".',
        ]
    )
    # The rest of each parser is still documented.
    assert 'id="cmdoption-brokentool-fine"' in _page(app, "index.html")


@pytest.mark.sphinx(
    "html",
    testroot="helpfmt-warnings",
    freshenv=True,
    confoverrides={"suppress_warnings": ["argdoc.markup"]},
)
def test_markup_warnings_can_be_suppressed(app, warning) -> None:
    app.build()
    lines = [line for line in _warning_lines(warning) if "index.rst" in line]
    assert len(lines) == 2
    assert all(":help-format:" in line for line in lines)


@pytest.mark.sphinx("html", testroot="helpfmt-nomyst", freshenv=True)
def test_markdown_help_works_without_the_myst_extension_loaded(app, warning) -> None:
    app.build()
    assert "<p>Reads <strong>Markdown</strong> help.</p>" in _body(app, "index.html")
    assert warnings_of(warning) == ""


@pytest.mark.sphinx("html", testroot="helpfmt-nomyst", freshenv=True)
def test_markdown_without_myst_parser_is_one_error_naming_the_extra(
    app, warning, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setitem(sys.modules, "myst_parser.config.main", None)
    app.build()
    (line,) = _warning_lines(warning)
    assert line.startswith(f"{Path(app.srcdir) / 'index.rst'}:4: ERROR: reading Markdown needs")
    assert "pip install 'sphinx-argdoc[markdown]'" in line
    assert "After the directive, the page goes on." in _body(app, "index.html")


@pytest.mark.site("helpfmt")
def test_body_parser_reads_rest_or_markdown(site) -> None:
    body = _body(site, "body.html")
    assert "<p>A <strong>Markdown</strong> body with <code" in body
    assert "<p>A <strong>reST</strong> body with <code" in body
    assert site.warnings == ""


@pytest.mark.sphinx("html", testroot="helpfmt-labels", freshenv=True)
def test_each_kind_of_text_is_named_in_its_message(app, warning) -> None:
    app.build()
    at = f"{Path(app.srcdir) / 'index.rst'}:4: WARNING:"
    problem = "Inline emphasis start-string without end-string."
    assert sorted(map(_without_type_suffixes, _warning_lines(warning))) == sorted(
        f"{at} {about}: {problem}"
        for about in (
            "description of everywhere",
            "epilog of everywhere",
            "description of everywhere group 'Tuning'",
            "help of everywhere --knob",
            "help of everywhere sub",
        )
    )


@pytest.mark.site("help-references")
def test_a_reference_in_help_that_finds_nothing_is_reported_naming_the_option(site) -> None:
    at = f"{site.srcdir / 'index.rst'}:6: WARNING:"
    assert sorted(map(_without_type_suffixes, site.warning_lines())) == [
        f"{at} help of reftool --broken: unknown option: '--unreal'",
        # Sphinx reports a missing label itself, whatever else is connected.
        f"{at} undefined label: 'nowhere'",
    ]


@pytest.mark.site("help-references")
def test_an_option_link_in_help_finds_an_option_of_the_same_program(site) -> None:
    body = _body(site, "index.html")
    linked = body[body.index('id="cmdoption-reftool-linked"') :]
    assert linked.index('href="#cmdoption-reftool-real"') < linked.index("cmdoption-reftool-broken")
    assert 'href="#cmdoption-reftool-real">' in body.split("See also")[1]


@pytest.mark.parametrize("page_program", [None, "other"])
def test_the_program_of_an_entry_gives_way_to_the_pages_own_afterwards(page_program) -> None:
    ref_context = {} if page_program is None else {"std:program": page_program}
    directive = SimpleNamespace(env=SimpleNamespace(ref_context=ref_context))
    with helptext.current_program(directive, "reftool"):
        assert ref_context == {"std:program": "reftool"}
    assert ref_context == ({} if page_program is None else {"std:program": page_program})


@pytest.mark.sphinx(
    "html",
    testroot="help-references",
    freshenv=True,
    confoverrides={"suppress_warnings": ["ref.option", "ref.ref"]},
)
def test_a_reference_warning_in_help_can_still_be_suppressed(app, warning) -> None:
    app.build()
    assert warnings_of(warning) == ""
