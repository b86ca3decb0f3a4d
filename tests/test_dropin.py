"""sphinx-argparse's directive options: locators, :path:, subcommands, switches, overrides."""

from __future__ import annotations

import re

import pytest
import sphinx
from conftest import cmdoptions, option_entries, section_titles
from docutils import nodes
from sphinx import addnodes


@pytest.mark.site("dropin-locators")
def test_ref_filename_passparser_and_mocked_imports_find_their_parsers(site) -> None:
    assert site.warnings == ""
    options = cmdoptions(site.outdir)
    found = {"epi --level", "script --from-file", "filled --filled-in", "mocked --engine"}
    assert found | {"painted --shade"} <= set(options)
    # :filename: and :module: name two different with_epilog functions: both are documented.
    assert "script --level" not in options and "epi --from-file" not in options
    html = (site.outdir / "index.html").read_text()
    for target in ("epi-level", "script-from-file", "filled-filled-in", "mocked-engine"):
        assert f'href="#cmdoption-{target}"' in html
    assert "Uses heavy_toolkit." in html
    # Editing the :filename: script makes Sphinx read the page again.
    dependencies = {str(site.srcdir / d) for d in site.env.dependencies["index"]}
    assert str(site.srcdir / "tools" / "script.py") in dependencies


@pytest.mark.site("dropin-errors")
def test_each_mistake_is_one_warning_at_its_directive(site) -> None:
    lines = site.warnings.strip().splitlines()
    expected = [
        (4, "cannot read :filename:", "no/such/script.py"),
        (8, ":ref: 'subcommand_clis' must be module.attribute", ""),
        (11, ":module:, :ref:", "give only one of them"),
        (15, "no subcommand 'ad' in vcs remote", "Did you mean 'add'?"),
        (19, "no subcommand 'anything': epi has no subcommands", ""),
        (23, "override '--level': unknown classifier '@later'", "@before"),
        (23, "override '--lvel' names no option", "of epi"),
        (34, ":manpage: lays out a whole parser", "one group only"),
        (39, "override 'remote > add > --amend' names no option", "of vcs"),
    ]
    assert len(lines) == len(expected), lines
    for line, (number, start, rest) in zip(lines, expected, strict=True):
        assert f"index.rst:{number}:" in line, line
        assert start in line and rest in line, line
        # Sphinx names a warning's type and subtype in its text from version 8 on.
        assert "[argdoc." in line or sphinx.version_info < (8,), line
    html = (site.outdir / "index.html").read_text()
    assert 'href="#cmdoption-epi-mode"' in html


@pytest.mark.site("dropin-subcommands")
def test_each_subcommand_is_a_program_and_aliases_link_to_the_same_entry(site) -> None:
    assert site.warnings == ""
    options = cmdoptions(site.outdir)
    assert options["vcs-commit --amend"] == "vcs.html#cmdoption-vcs-commit-amend"
    assert options["vcs-remote-add --protocol"] == "vcs.html#cmdoption-vcs-remote-add-protocol"
    assert options["vcs-remote-remove name"] == "vcs.html#cmdoption-vcs-remote-remove-arg-name"
    # An alias is another name for the same entry, in the inventory as in :option: links.
    assert options["vcs-ci --amend"] == options["vcs-commit --amend"]
    assert options["vcs-remote-rm name"] == options["vcs-remote-remove name"]
    html = (site.outdir / "vcs.html").read_text()
    for target in ("commit-amend", "checkout-b", "checkout-arg-target", "remote-add-protocol"):
        assert f'href="#cmdoption-vcs-{target}"' in html
    assert 'href="#cmdoption-vcs-remote-remove-arg-name"' in html
    markdown = (site.outdir / "links.html").read_text()
    assert markdown.count('href="vcs.html#cmdoption-vcs-checkout-b"') == 2
    assert 'href="vcs.html#cmdoption-vcs-remote-add-f"' in markdown


@pytest.mark.site("dropin-subcommands")
def test_subcommands_render_recursively_once_each(site) -> None:
    doctree = site.env.get_doctree("vcs")
    titles = section_titles(doctree)
    # Titled by its name as sphinx-argparse did; the page's contents list the commands alone:
    # groups and "Sub-commands" are rubrics, which keep the ids sphinx-argparse gave.
    assert titles == ["vcs", "commit", "checkout", "remote", "add", "remove"]
    rubrics = [r.astext() for r in doctree.findall(nodes.rubric)]
    assert rubrics[:3] == ["options", "commands", "Sub-commands"]  # commands: the table's group
    assert rubrics.count("Sub-commands") == 2 and "transport" in rubrics  # a group of add
    text = doctree.astext()
    assert "Aliases: co, switch" in text and "Aliases: rm" in text
    # A hidden subcommand stays hidden, as in --help.
    assert "debug-internals" not in "".join(titles)
    usages = [b.astext() for b in doctree.findall(nodes.literal_block)]
    assert any(u.startswith("usage: vcs remote add [-h] [-f]") for u in usages)
    entries = option_entries(doctree)
    assert "Mutually exclusive with --staged" in entries["vcs-commit --all"]
    # The description replaces the one-line help; the help shows where there is none. The
    # table of the commands lists each with its one-line help.
    sections = {section[0].astext(): section for section in doctree.findall(nodes.section)}
    commit = sections["commit"].astext()
    assert "Record staged changes." in commit and "Record changes." not in commit
    assert "Switch branches." in sections["checkout"].astext()
    table = next(t for t in doctree.findall(nodes.table) if "argdoc-subcommands" in t["classes"])
    assert "Record changes." in table.astext()
    # :nosubcommands: on the index page leaves them all out.
    index = site.env.get_doctree("index")
    assert "Sub-commands" not in section_titles(index)


@pytest.mark.site("dropin-paths")
def test_path_documents_one_subcommand_and_combines_with_group_selection(site) -> None:
    assert site.warnings == ""
    doctree = site.env.get_doctree("index")
    programs = [
        (s["argdoc-program"], s["allnames"][0]) for s in doctree.findall(addnodes.desc_signature)
    ]
    assert programs == [
        ("vcs-remote-add", "name"),
        ("vcs-remote-add", "url"),
        ("vcs-remote-add", "-f"),
        ("vcs-remote-add", "--protocol"),
        ("vcs-remote-add", "--timeout"),
        ("vcs-checkout", "target"),  # :path: co is the checkout subcommand, by its alias
        ("vcs-checkout", "-b"),
        ("vcs-remote-remove", "name"),
        ("vcs-commit", "-m"),
        ("vcs-commit", "--amend"),
        ("vcs-commit", "--all"),
        ("vcs-commit", "--staged"),
        ("vcs-remote-add", "--protocol"),  # :group: transport
        ("vcs-remote-add", "--timeout"),
        ("vcs-remote", "-v"),  # :nogroup:
    ]
    usages = [b.astext() for b in doctree.findall(nodes.literal_block)]
    assert usages[0].startswith("usage: vcs remote add [-h]")
    assert len(usages) == 4
    # A subcommand documented by :path: answers to its aliases' spellings too.
    html = (site.outdir / "index.html").read_text()
    for target in ("checkout-b", "checkout-arg-target", "remote-remove-arg-name"):
        # From the :option: links of the page, and for an option from the usage too.
        wanted = 2 if "-arg-" in target else 3
        assert html.count(f'href="#cmdoption-vcs-{target}"') == wanted, target


@pytest.mark.site("dropin-switches")
def test_nodescription_noepilog_and_nosubcommands_leave_those_parts_out(site) -> None:
    assert site.warnings == ""
    text = site.env.get_doctree("quiet").astext()
    assert "Has a description." not in text and "And an epilog." not in text
    assert "Level, 3 by default." in text
    assert "A small version control tool." in text
    assert "Run vcs COMMAND -h." not in text
    assert "quiet-vcs commit" not in text and "--work-dir" in text


@pytest.mark.site("dropin-switches")
def test_colour_codes_are_dropped_unless_color_is_given(site) -> None:
    doctree = site.env.get_doctree("colour")
    usages = [b.astext() for b in doctree.findall(nodes.literal_block)]
    assert usages[0] == "usage: painted [-h] [--shade SHADE] target"
    assert usages[1].startswith("usage: \x1b[1;34mpainted-in-colour [-h]")
    names = [s["allnames"][0] for s in doctree.findall(addnodes.desc_signature)]
    assert names[0] == "target"
    assert "\x1b" in names[2]
    # Colour in descriptions and epilogs goes too, and stays with :color:.
    text = doctree.astext()
    assert "Paints bold things." in text and "See the manual." in text
    assert "Paints \x1b[1mbold" in text


@pytest.mark.site("dropin-switches")
def test_index_groups_put_the_command_into_the_general_index(site) -> None:
    genindex = (site.outdir / "genindex.html").read_text()
    assert "Basic Commands" in genindex and "Remotes" in genindex
    assert 'href="indexed.html#vcs-remote"' in genindex


@pytest.mark.site("dropin-switches")
def test_manpage_gives_manual_sections(site) -> None:
    doctree = site.env.get_doctree("manpage")
    assert section_titles(doctree) == ["epi", "Synopsis", "Description", "Options", "options"]
    description = next(s for s in doctree.findall(nodes.section) if s[0].astext() == "Description")
    assert " ".join(description.astext().split()) == (
        "Description Written in the body. And an epilog."
    )
    # The program's label works as for a whole parser: {ref}`argdoc-epi` leads to the page.
    assert site.env.get_domain("std").labels["argdoc-epi"][0] == "manpage"


@pytest.mark.site("dropin-overrides")
def test_body_overrides_place_text_before_after_or_instead(site) -> None:
    assert site.warnings == ""
    doctree = site.env.get_doctree("index")
    entries = option_entries(doctree)
    assert entries["vcs --work-dir"].startswith("BEFORE-WORKDIR Where the work tree is.")
    assert entries["vcs-commit -m"] == "REPLACED-MESSAGE"
    assert entries["vcs-commit --amend"] == "REPLACED-AMEND-IN-COMMIT"
    text = " ".join(doctree.astext().split())
    assert text.index("Free text before the usage.") < text.index("usage: vcs [-h]")
    assert text.count("AFTER-NAMED-ARGUMENTS") == 5  # every "options" group of every command
    assert "BEFORE-COMMIT Record staged changes." in text
    assert "Manage remotes. AFTER-REMOTE" in text and "Add a remote. AFTER-ADD" in text
    titles = section_titles(doctree)
    assert "transport" not in titles and "vcs remote remove" not in titles
    assert "vcs-commit --all" in entries and "vcs-commit --staged" not in entries
    assert entries["sample-game move"] == "MOVE-BY-DEST"
    assert "vcs remote add --protocol" not in {
        f"{p} {n}" for p, n in (k.split(" ", 1) for k in entries)
    }


@pytest.mark.site("dropin-switches", "man")
def test_manpage_sections_are_the_man_pages_sections(site) -> None:
    assert site.warnings == ""
    page = (site.outdir / "epi.1").read_text()
    headings = re.findall(r"^\.SH (.+)$", page, flags=re.MULTILINE)
    assert headings == ["NAME", "SYNOPSIS", "DESCRIPTION", "OPTIONS"]
    assert "epi [\\-h] [\\-\\-level LEVEL]" in page
    assert ".B \\-\\-mode {a,b}" in page


@pytest.mark.site("dropin-myst-body")
def test_overrides_in_a_markdown_body_write_the_classifier_after_the_term(site) -> None:
    assert site.warnings == ""
    doctree = site.env.get_doctree("index")
    entries = option_entries(doctree)
    assert entries["epi --level"] == "REPLACED-LEVEL"
    assert entries["epi --mode"].endswith("Default: a AFTER-MODE")
    text = " ".join(doctree.astext().split())
    assert "Free text first. usage: epi [-h]" in text
    assert "options BEFORE-THE-GROUP --level LEVEL" in text


@pytest.mark.site("dropin-myst-body")
def test_markdown_option_reads_the_body_as_markdown_too(site) -> None:
    assert site.warnings == ""
    doctree = site.env.get_doctree("markdown_option")
    assert option_entries(doctree)["epi-md --level"] == "REPLACED-BY-MARKDOWN"
    strong = [node.astext() for node in doctree.findall(nodes.strong)]
    links = [node.get("refuri") for node in doctree.findall(nodes.reference)]
    assert "bold" in strong and "https://example.org" in links


@pytest.mark.site("dropin-coverage")
def test_a_subcommand_rendered_in_parts_is_checked_for_coverage(site) -> None:
    (line,) = site.warnings.strip().splitlines()
    assert "index.rst:4:" in line and line.split("WARNING: ")[1].startswith(
        "vcs remote add (subcommand_clis:vcs): no :nogroup: directive renders its 3 options"
    )
