"""Switching a page from sphinx-argparse loses nothing: the fixtures of tests/roots/test-switching
are built by both extensions, and what a reader or a link finds on theirs is on ours."""

from __future__ import annotations

import re

import pytest
from conftest import Site, html_ids, option_entries
from docutils import nodes

pytest.importorskip("sphinxarg.ext")

PAGES = ("defaults", "nodefault", "engine", "kiwi", "nosub", "manpage", "manpath", "tend")
#: Ids sphinx-argparse numbers from a build-wide counter when its first choice is taken (the
#: command's name made an id, where the page title has it already): no link can rely on them.
_SERIAL_ID = re.compile(r"id\d+")


@pytest.fixture(scope="module")
def ours(build_site) -> Site:
    return build_site("switching")


@pytest.fixture(scope="module")
def theirs(build_site) -> Site:
    return build_site("switching", confoverrides={"extensions": ["sphinxarg.ext"]})


def test_every_page_builds_without_a_warning(ours: Site) -> None:
    assert ours.warnings == ""


@pytest.mark.parametrize("page", PAGES)
def test_every_id_of_their_page_is_on_ours(ours: Site, theirs: Site, page: str) -> None:
    wanted = [each for each in html_ids(theirs.page(page).html) if not _SERIAL_ID.fullmatch(each)]
    assert wanted, page
    assert [each for each in wanted if each not in set(ours.page(page).ids())] == []


def test_their_section_ids_of_subcommands_are_kept_with_their_repeats(ours: Site) -> None:
    ids = set(ours.page("kiwi").ids())
    # The "Sub-commands" section, the subcommand titled with its aliases, the groups inside
    # subcommands (ids without a prefix, repeats numbered per directive as sphinx-argparse did).
    for each in (
        "Sub-commands",
        "kiwi-sub-commands",
        "train (fit)",
        "kiwi-train-fit",
        "-required-arguments",
        "-gtf/bed12-options",
        "kiwi-train-fit-gtf-bed12-options",
        "-named-arguments",
        "-named-arguments_repeat1",
        # The section of the group that holds the chooser.
        "kiwi-pipelines",
        "switching_clis-pipelines-pipelines",
    ):
        assert each in ids, each


def _text(site: Site, page: str) -> str:
    return " ".join(site.page(page).doctree.astext().split())


def test_a_default_the_formatter_appends_is_a_fact_shown_as_written(ours: Site) -> None:
    entries = option_entries(ours.page("defaults").doctree)
    # The formatter's suffix never reaches the text: the default is a fact of its own.
    assert not any("(default:" in text for text in entries.values())
    assert entries["sift --separators"] == "Field separators. Default: (',', '\\t')"
    assert entries["sift --joiner"] == "What joins the fields. Default: |"
    assert entries["sift --pattern"] == "Which files to read. Default: *"
    # No default worth showing (None) shows none; a help ending in a newline is no problem.
    assert entries["sift --name"] == "A name for the run."
    assert entries["sift --depth"] == "How deep to look. Type: int · Default: 3"
    # %(default)s written in the help still expands, and is not shown twice.
    assert entries["sift --mode"] == "Runs in quick mode."
    assert entries["sift source"] == "Where to look. Default: ."


def test_defaults_from_the_formatter_go_with_nodefault_and_nodefaultconst(ours: Site) -> None:
    hidden = option_entries(ours.page("nodefault").doctree)
    assert not any("Default" in text for text in hidden.values())
    engine = option_entries(ours.page("engine").doctree)
    assert engine["engine --enforce-eager"] == "Run eagerly."
    assert engine["engine --port"] == "The port. Type: int · Default: 8000"


def test_the_subcommands_are_listed_where_help_lists_them_also_without_their_sections(
    ours: Site,
) -> None:
    for page in ("kiwi", "nosub"):
        doctree = ours.page(page).doctree
        (table,) = (t for t in doctree.findall(nodes.table) if "argdoc-subcommands" in t["classes"])
        # A section of its own, or a rubric where the page's contents list only the commands.
        group = table.parent
        assert group[0].astext() == "Pipelines"
        rows = [" | ".join(entry.astext() for entry in row) for row in table.findall(nodes.row)]
        assert rows == [
            "Command | Aliases | Description",
            "train | fit | Train a model.",
            "predict |  | Predict with a model.",
            "evaluate |  | Score a model.",
        ]
    # The group's description and the chooser's help head the table; an override of the dest
    # replaces the help.
    assert "Each pipeline is a step. The pipeline to run. Command" in _text(ours, "kiwi")
    assert "Each pipeline is a step. Pick train first. Command" in _text(ours, "nosub")
    assert ours.page("nosub").titles() == ["Kiwi without subcommands", *_GROUPS]


_GROUPS = ["positional arguments", "options", "Pipelines"]


def test_the_table_links_each_command_to_its_section(ours: Site) -> None:
    html = ours.page("kiwi").html
    for name, anchor in (("train", "kiwi-train"), ("predict", "kiwi-predict")):
        link = f'<a class="reference internal" href="#{anchor}"><code class="docutils literal'
        assert link in html and f'<span class="pre">{name}</span>' in html
    # Without the sections, the names are not links.
    assert 'href="#kiwi-train"' not in ours.page("nosub").html


def test_a_chooser_that_stores_nothing_is_listed_in_the_positional_arguments(ours: Site) -> None:
    doctree = ours.page("tend").doctree
    (table,) = (t for t in doctree.findall(nodes.table) if "argdoc-subcommands" in t["classes"])
    assert table.parent[0].astext() == "positional arguments"
    # Their definition list of the description's "Example:" block is ours too.
    (example,) = doctree.findall(nodes.definition_list_item)
    assert example[0].astext() == "Example:"


def test_subcommand_sections_are_titled_by_name_unless_conf_py_asks_for_the_command(
    ours: Site, build_site
) -> None:
    # The page's contents list the commands; their groups are rubrics.
    assert ours.page("kiwi").titles() == ["Kiwi", "train", "predict", "evaluate"]
    full = build_site("switching", confoverrides={"sphinxarg_full_subcommand_name": True})
    assert full.warnings == ""
    assert [t for t in full.page("kiwi").titles() if t.startswith("kiwi ")] == [
        "kiwi train",
        "kiwi predict",
        "kiwi evaluate",
    ]


def test_manual_pages_follow_their_layout_and_keep_their_section_ids(ours: Site) -> None:
    manpage = ours.page("manpage")
    assert manpage.titles()[:4] == ["kiwi", "Synopsis", "Description", "Options"]
    assert manpage.titles()[-1] == "Sub-commands"
    ids = set(manpage.ids())
    for each in ("synopsis-section", "description-section", "options-section"):
        assert each in ids
    assert "subcommands-section" in ids
    text = _text(ours, "manpage")
    # The description first, then the body, then the epilog.
    description = text.index("Trains and applies models.")
    assert description < text.index("Written in the page.") < text.index("See the manual")
    # The subcommands are listed by their usage and help, not documented in full.
    (listed,) = manpage.doctree.findall(nodes.definition_list)
    assert [item[0].astext() for item in listed] == [
        "kiwi train [-h] --data DATA [--gtf GTF] [--epochs EPOCHS]",
        "kiwi predict [-h] [--model MODEL]",
        "kiwi evaluate [-h]",
    ]
    assert not [key for key in option_entries(manpage.doctree) if key.startswith("kiwi-train ")]
    # With :path:, the subcommand's one-line help opens the description.
    assert "Description Train a model. Options" in _text(ours, "manpath")


def test_descriptions_printed_as_written_keep_their_line_breaks(ours: Site) -> None:
    doctree = ours.page("engine").doctree
    blocks = [block for block in doctree.findall(nodes.line_block)]
    lines = [[line.astext() for line in block.findall(nodes.line)] for block in blocks]
    assert ["Serves models.", "Each line of this stays a line."] in lines
    # A paragraph of one line stays a paragraph.
    assert any(p.astext() == "Two paragraphs." for p in doctree.findall(nodes.paragraph))


def test_the_man_builder_writes_the_manual_page_cleanly(build_site) -> None:
    site = build_site("switching", "man")
    assert site.warnings == ""


@pytest.mark.parametrize("page", ["defaults", "engine", "kiwi", "tend"])
def test_every_help_default_and_choice_they_show_we_show_too(
    ours: Site, theirs: Site, page: str
) -> None:
    our_text = _plain(ours.page(page).doctree.astext())
    compared = 0
    for item in theirs.page(page).doctree.findall(nodes.option_list_item):
        for paragraph in item[1].findall(nodes.paragraph):
            text = _plain(paragraph.astext())
            # Their chooser entry lists the commands; ours is the table of them.
            wanted = text.removeprefix("Possible choices: ").removeprefix("Default: ").split(", ")
            assert all(piece in our_text for piece in wanted), (page, text)
            compared += 1
    assert compared, page


def _plain(text: str) -> str:
    # Their string defaults are quoted, and smart quotes turn their quotes curly and their
    # "--opt" into an en dash.
    text = re.sub("\N{EN DASH}(?=\\w)", "--", text)
    return " ".join(
        re.sub("['\N{LEFT SINGLE QUOTATION MARK}\N{RIGHT SINGLE QUOTATION MARK}]", "", text).split()
    )
