"""Golden snapshots: what a set of roots renders, page by page, must not change by accident.

Each root is built once with the text builder; for each page the snapshot holds the text a
reader sees and an outline of the doctree (every element with its ids, every text), so a moved
id or a lost node shows as well as changed wording. After a deliberate change of output,
regenerate them and review the diff:

    ARGDOC_REGENERATE_GOLDEN=1 python -m pytest tests/test_golden.py
"""

from __future__ import annotations

import os
from pathlib import Path

import pytest
from conftest import TESTS, build_project
from docutils import nodes

GOLDEN = TESTS / "golden"
REGENERATE = bool(os.environ.get("ARGDOC_REGENERATE_GOLDEN"))

#: Roots covering a whole parser, pages split by group, subcommands, manual pages, body
#: overrides, Markdown help, rich entries and the commands indices.
ROOTS = (
    "basic",
    "seed",
    "dropin-subcommands",
    "dropin-switches",
    "dropin-overrides",
    "dropin-paths",
    "helpfmt",
    "reader",
    "untitled-groups",
    "commands",
)

#: Attributes worth keeping in the outline: where things are found and where links go.
_KEPT = ("ids", "refid", "refuri", "reftarget", "classes", "entries")


def outline(node: nodes.Node, depth: int = 0) -> list[str]:
    """One line per node: an element's tag and kept attributes, a text's repr."""
    pad = "  " * depth
    if isinstance(node, nodes.Text):
        return [f"{pad}{str(node)!r}"]
    assert isinstance(node, nodes.Element)
    shown = " ".join(f"{key}={_kept(node, key)!r}" for key in _KEPT if node.get(key))
    lines = [f"{pad}<{node.tagname}{' ' + shown if shown else ''}>"]
    for child in node.children:
        lines += outline(child, depth + 1)
    return lines


def _kept(node: nodes.Element, key: str) -> object:
    # MyST orders a heading's ids differently from one version to the next.
    return sorted(node[key]) if key == "ids" and isinstance(node, nodes.section) else node[key]


def _snapshots(root: str, tmp_path: Path) -> dict[str, str]:
    built = build_project(
        TESTS / "roots" / f"test-{root}", "text", builddir=tmp_path, keep_environment=True
    )
    assert built.env is not None
    result: dict[str, str] = {}
    for docname in sorted(built.env.found_docs):
        doctree = built.env.get_doctree(docname)
        result[f"{docname}.doctree"] = "\n".join(outline(doctree)) + "\n"
        result[f"{docname}.txt"] = (built.outdir / f"{docname}.txt").read_text()
    return result


@pytest.mark.parametrize("root", ROOTS)
def test_root_renders_as_its_snapshot(root: str, tmp_path: Path) -> None:
    snapshots = _snapshots(root, tmp_path)
    folder = GOLDEN / root
    if REGENERATE:
        folder.mkdir(parents=True, exist_ok=True)
        for old in folder.iterdir():
            old.unlink()
        for name, text in snapshots.items():
            (folder / name).write_text(text)
    stored = {path.name: path.read_text() for path in sorted(folder.iterdir())}
    assert sorted(stored) == sorted(snapshots)
    for name, text in snapshots.items():
        assert text == stored[name], f"{root}/{name} differs from its snapshot"
