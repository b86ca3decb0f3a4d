"""sphinx-argparse's ``sphinxarg_*`` settings: the commands indices, their labels and toctrees."""

from __future__ import annotations

import io
import re
from pathlib import Path

import pytest
import sphinx
from conftest import build_project, section_titles, warnings_of
from docutils import nodes
from sphinx.domains.std import StandardDomain

_ROW = re.compile(
    r'<a href="([^"]+)"><code class="xref">([^<]+)</code></a> <em>\(([^)]+)\)</em></td><td>\s*'
    r"<em>([^<]*)</em>"
)
_HEADING = re.compile(r'<tr class="cap" id="cap-([^"]+)">')

VCS = [
    ("overview.html#vcs", "vcs"),
    ("vcs.html#vcs-2", "vcs"),
    ("vcs.html#vcs-checkout-co-switch", "vcs checkout (co, switch)"),
    ("vcs.html#vcs-commit-ci", "vcs commit (ci)"),
    ("vcs.html#vcs-remote", "vcs remote"),
    ("remote.html#vcs-remote-add", "vcs remote add"),
    ("vcs.html#vcs-remote-add", "vcs remote add"),
    ("vcs.html#vcs-remote-remove-rm", "vcs remote remove (rm)"),
]
# vcs.rst's vcs parser, with its subcommands, under its two :index-groups: names.
VCS_PAGE = [entry for entry in VCS if entry[0].startswith("vcs.html")]


def _index(page: Path) -> dict[str, list[tuple[str, str]]]:
    """``{heading: [(link, command), ...]}`` of a built domain index page."""
    html = page.read_text()
    result: dict[str, list[tuple[str, str]]] = {}
    parts = _HEADING.split(html[: html.index("</table>")])
    for heading, rows in zip(parts[1::2], parts[2::2], strict=True):
        result[heading] = [(link, name) for link, name, _page, _about in _ROW.findall(rows)]
    return result


def _descriptions(page: Path) -> dict[str, str]:
    return {link: about for link, _name, _page, about in _ROW.findall(page.read_text())}


@pytest.mark.site("commands")
def test_the_commands_index_lists_each_command_a_page_renders_and_links_to_it(
    site, tmp_path
) -> None:
    assert site.warnings == ""
    outdir = site.outdir
    page = outdir / "commands-index.html"
    assert "<h1>Commands Index</h1>" in page.read_text()
    assert _index(page) == {
        "e": [("epi.html#epi", "epi")],
        # The page's title took the id "painted"; the command has an id of its own.
        "p": [("painted.html#painted-2", "painted")],
        # :nosubcommands: lists the parser alone; the hidden debug-internals is not listed.
        "v": VCS,
    }
    about = _descriptions(page)
    assert about["vcs.html#vcs-commit-ci"] == "Record staged changes."
    assert about["vcs.html#vcs-remote"] == "No description."
    # Each link leads to the section of that command.
    vcs = site.env.get_doctree("vcs")
    section = vcs.ids["vcs-checkout-co-switch"]
    assert isinstance(section, nodes.section) and section[0].astext() == "checkout"
    assert vcs.ids["vcs-2"].parent is vcs.ids["vcs"]
    # The settings add pages; they leave the pages of the project as they were.
    plain = build_project(
        site.srcdir,
        builddir=tmp_path,
        confoverrides={
            "sphinxarg_build_commands_index": False,
            "sphinxarg_build_commands_by_group_index": False,
        },
    )
    assert not list(plain.outdir.glob("commands-*.html"))
    for name in ("vcs.html", "epi.html", "remote.html", "overview.html", "painted.html"):
        assert (plain.outdir / name).read_bytes() == (outdir / name).read_bytes(), name


@pytest.mark.site("commands")
def test_the_by_group_index_takes_its_page_name_and_title_from_conf(site) -> None:
    assert site.warnings == ""
    outdir = site.outdir
    assert not (outdir / "commands-by-group.html").exists()
    page = outdir / "commands-topics.html"
    assert "<h1>Commands by topic</h1>" in page.read_text()
    assert _index(page) == {
        "Remotes": [("remote.html#vcs-remote-add", "vcs remote add")],
        # painted.rst renders epi again under :no-index:, listed by its :index-groups: only.
        "Tools": [("epi.html#epi", "epi"), ("painted.html#epi", "epi"), *VCS_PAGE],
        "Version control": VCS_PAGE,
    }
    # The labels of both pages resolve (the root is nitpicky), with their titles as text.
    index = (outdir / "index.html").read_text()
    for href, text in (
        ("commands-index.html", "Commands Index"),
        ("commands-topics.html", "Commands by topic"),
        ("commands-index.html", "all commands"),
    ):
        assert f'href="{href}"><span class="std std-ref">{text}</span>' in index


@pytest.mark.sphinx("html", testroot="commands-toctree", freshenv=True)
def test_toctrees_may_list_the_indices_when_conf_says_so(app, warning, tmp_path) -> None:
    app.build()
    assert warnings_of(warning) == ""
    outdir = Path(app.outdir)
    index = (outdir / "index.html").read_text()
    assert 'href="commands-index.html">Commands Index</a>' in index
    assert 'href="commands-by-group.html">Commands by Group</a>' in index
    # Listing an index in a toctree builds it, with nothing else asked for.
    assert _index(outdir / "commands-by-group.html") == {
        "Remotes": [
            ("vcs.html#vcs-remote", "vcs remote"),
            ("vcs.html#vcs-remote-add", "vcs remote add"),
            ("vcs.html#vcs-remote-remove-rm", "vcs remote remove (rm)"),
        ]
    }
    assert _index(outdir / "commands-index.html")["v"][0] == ("vcs.html#vcs-remote", "vcs remote")
    # No placeholder document in the project, nor a page of one in the search index.
    assert sorted(path.name for path in Path(app.srcdir).glob("*.rst")) == ["index.rst", "vcs.rst"]
    assert "commands-index" not in (outdir / "searchindex.js").read_text()
    # Another project built in this process has toctrees that do not know these names.
    assert "commands-index" not in StandardDomain._virtual_doc_names
    # A LaTeX document ends with the indices; it does not look for pages of them to include.
    latex = build_project(Path(app.srcdir), "latex", builddir=tmp_path)
    # A second application in one process registers Sphinx's own nodes again and says so.
    assert [line for line in latex.warnings.splitlines() if "already registered" not in line] == []
    tex = next(latex.outdir.glob("*.tex")).read_text()
    assert r"\renewcommand{\indexname}{Commands by Group}" in tex


@pytest.mark.sphinx("html", testroot="commands-toctree", srcdir="commands-named-page")
def test_a_document_named_like_an_index_page_is_one_warning(app, warning) -> None:
    (Path(app.srcdir) / "commands-by-group.rst").write_text("Groups\n======\n")
    app.build()
    lines = warnings_of(warning).strip().splitlines()
    assert len(lines) == 1, lines
    assert "WARNING: conf.py builds the Commands by Group as page 'commands-by-group'" in lines[0]
    assert "rename the document" in lines[0]
    assert "[argdoc.commands]" in lines[0] or sphinx.version_info < (8,), lines[0]


@pytest.mark.sphinx("html", testroot="commands", srcdir="commands-incremental")
def test_a_rebuild_follows_edited_pages_and_settings(app, warning, make_app) -> None:
    app.build()
    assert warnings_of(warning) == ""
    srcdir = Path(app.srcdir)
    (srcdir / "epi.md").write_text("# epi\n\nNo parser here any more.\n")
    again = make_app("html", srcdir=srcdir, warning=io.StringIO())
    again.build()
    outdir = Path(again.outdir)
    assert "e" not in _index(outdir / "commands-index.html")
    assert _index(outdir / "commands-topics.html")["Tools"][0] == ("painted.html#epi", "epi")
    # Asked for no more, an index goes, and with it its label.
    warning = io.StringIO()
    last = make_app(
        "html",
        srcdir=srcdir,
        warning=warning,
        confoverrides={"sphinxarg_build_commands_by_group_index": False},
    )
    last.build()
    lines = [line for line in warnings_of(warning).splitlines() if "already registered" not in line]
    assert len(lines) == 2, lines
    assert "undefined label: 'commands-topics'" in lines[0]
    # epi.md documents no command any more: the link to it has nowhere to go.
    assert "documents the command 'epi'" in lines[1]
    assert "Version control" not in (Path(last.outdir) / "commands-index.html").read_text()


@pytest.mark.sphinx("html", testroot="commands", freshenv=True)
def test_a_parallel_build_writes_the_same_indices(app, make_app, tmp_path) -> None:
    app.build()
    parallel = make_app(
        "html", srcdir=Path(app.srcdir), builddir=tmp_path, parallel=2, freshenv=True
    )
    parallel.build()
    for name in ("commands-index.html", "commands-topics.html"):
        serial = (Path(app.outdir) / name).read_text()
        assert (Path(parallel.outdir) / name).read_text() == serial, name


@pytest.mark.site(
    "dropin-subcommands", "html", confoverrides={"sphinxarg_full_subcommand_name": True}
)
def test_subcommands_are_titled_with_the_whole_command_as_the_setting_asks(site) -> None:
    assert site.warnings == ""
    titles = section_titles(site.env.get_doctree("vcs"))
    assert "vcs remote add" in titles and "add" not in titles


@pytest.mark.site("commands")
def test_the_commands_role_links_to_a_command_by_its_name_in_the_index(site) -> None:
    assert site.warnings == ""
    html = (site.outdir / "index.html").read_text()
    paragraph = html[html.index("<p>Links:") : html.index("</p>", html.index("<p>Links:"))]
    links = [
        (href, " ".join(re.sub(r"<[^>]+>", " ", text).split()))
        for href, text in re.findall(r'<a [^>]*href="([^"]+)"[^>]*>(.*?)</a>', paragraph)
    ]
    assert links == [
        # Two pages render it; the first in name order is linked.
        ("remote.html#vcs-remote-add", "vcs remote add"),
        ("vcs.html#vcs-checkout-co-switch", "vcs checkout (co, switch)"),
        ("epi.html#epi", "epi"),
        ("vcs.html#vcs-commit-ci", "the commit command"),
    ]


@pytest.mark.sphinx(
    "html",
    testroot="commands-toctree",
    srcdir="commands-role-missing",
    confoverrides={"nitpicky": False},
)
def test_a_commands_link_to_no_command_is_one_warning_without_nitpicky_too(app, warning) -> None:
    (Path(app.srcdir) / "vcs.rst").write_text(
        (Path(app.srcdir) / "vcs.rst").read_text() + "\nSee :commands:command:`vcs push`.\n"
    )
    app.build()
    lines = warnings_of(warning).strip().splitlines()
    assert len(lines) == 1, lines
    assert "vcs.rst:10: WARNING: no argparse directive documents the command 'vcs push'" in lines[0]


def test_a_parser_with_an_empty_prog_lists_its_subcommands_only(tmp_path) -> None:
    (tmp_path / "conf.py").write_text(
        'extensions = ["sphinx_argdoc"]\nsphinxarg_build_commands_index = True\n'
    )
    (tmp_path / "index.rst").write_text(
        "Nameless\n========\n\n.. argparse::\n   :module: subcommand_clis\n   :func: nameless\n"
    )
    built = build_project(tmp_path, builddir=tmp_path / "_build")
    assert [line for line in built.warnings.splitlines() if "already registered" not in line] == []
    assert _index(built.outdir / "commands-index.html") == {"s": [("index.html#sub", "sub")]}
