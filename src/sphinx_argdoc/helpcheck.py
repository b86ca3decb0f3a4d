"""``sphinx-argdoc check``: the problems a build would find in a parser's help texts.

The texts are read by a real Sphinx build, in a temporary folder, of a page rendering the whole
parser: the same readers (reST, or Markdown through myst-parser) and the same messages as the
project's own ``sphinx-build -W``, found where the help is written. Given the project's docs, a
quiet build of them tells which parts of the parser no page renders.
"""

from __future__ import annotations

import contextlib
import importlib.util
import io
import re
import tempfile
from collections.abc import Iterator
from pathlib import Path
from typing import TYPE_CHECKING

from . import coverage, model, select
from .locator import Locator
from .problems import ArgdocError
from .scaffold import PageSpec, directive_lines, walk

if TYPE_CHECKING:
    from sphinx.application import Sphinx

#: A warning line as Sphinx writes it: location, level, message, and maybe ``[type.subtype]``.
_WARNING = re.compile(r"^(?:.*?: )?(?:WARNING|ERROR|CRITICAL): (.*?)(?: \[[\w.-]+\])?$")


def markup_problems(locator: Locator, prog: str | None, help_format: str) -> list[str]:
    """What a build reports about *locator*'s parser, its help read as *help_format*."""
    spec = PageSpec(locator, prog, "Check", locator.passparser, help_format)
    page = "Check\n=====\n\n" + "\n".join(directive_lines(spec)) + "\n"
    extensions = ["sphinx_argdoc"]
    if importlib.util.find_spec("myst_parser") is not None:
        extensions.insert(0, "myst_parser")
    warnings = io.StringIO()
    with tempfile.TemporaryDirectory() as folder:
        source = Path(folder) / "source"
        source.mkdir()
        (source / "conf.py").write_text(f"extensions = {extensions!r}\n")
        (source / "index.rst").write_text(page)
        with _application(source, Path(folder), warnings) as app:
            app.build()
    found = []
    # Sphinx colours its messages on some terminals; the lines are wanted as plain text.
    for line in re.sub(r"\x1b\[[0-9;]*m", "", warnings.getvalue()).splitlines():
        match = _WARNING.match(line)
        if match:
            found.append(match.group(1))
        elif found:
            found[-1] += f" {line.strip()}"
    return found


def empty_help(parser: model.Parser) -> list[str]:
    """The visible options, of the parser and its subcommands, whose help is empty."""
    return [
        f"{each.prog} {option.names[0]}: no help"
        for _, each in walk(parser)
        for group in each.groups
        for option in group.options
        if not option.help.strip()
    ]


def undocumented_parts(srcdir: Path, parser: model.Parser) -> list[str]:
    """What of *parser* and its subcommands no page of the Sphinx project in *srcdir* renders:
    each argument group, and the options in no group, in the order of ``--help``."""
    renders = _renders_of_docs(srcdir)
    found = []
    for _, each in walk(parser):
        gaps = coverage.undocumented(renders, each.prog, select.outline(each))
        found += [f"{each.prog}: no page renders its argument group {t!r}" for t in gaps.groups]
        if gaps.ungrouped:
            found.append(f"{each.prog}: no page renders its {coverage.options_in_no_group(gaps)}")
    return found


def _renders_of_docs(srcdir: Path) -> dict[str, list[coverage.Render]]:
    """What the directives of each page in *srcdir* render: the project's docs read, with their
    own ``conf.py``, and nothing written."""
    if not (srcdir / "conf.py").is_file():
        raise ArgdocError(f"{str(srcdir)!r} has no conf.py: give the folder of the docs' conf.py")
    with tempfile.TemporaryDirectory() as folder:
        try:
            # What the build says about its pages is for sphinx-build to report.
            with _application(srcdir, Path(folder), io.StringIO()) as app:
                if "sphinx_argdoc" not in app.extensions:
                    raise ArgdocError(
                        f"the docs in {str(srcdir)!r} do not use sphinx_argdoc: "
                        "its conf.py does not list it in extensions"
                    )
                app.build()
        except ArgdocError:
            raise
        except Exception as exc:  # the docs' conf.py and extensions may raise anything
            raise ArgdocError(
                f"building the docs in {str(srcdir)!r} failed: {_one_line(exc)}"
            ) from exc
        return coverage.pages_renders(app.env)


@contextlib.contextmanager
def _application(source: Path, folder: Path, warnings: io.StringIO) -> Iterator[Sphinx]:
    """A quiet application reading *source* and writing only into *folder*. What it registers
    with docutils is undone after it, as ``sphinx-build`` does: a next one in this process
    would warn that it is registered already."""
    from sphinx.application import Sphinx
    from sphinx.util.docutils import docutils_namespace, patch_docutils

    with patch_docutils(str(source)), docutils_namespace():
        yield Sphinx(
            str(source),
            str(source),
            str(folder / "out"),
            str(folder / "doctrees"),
            "dummy",
            status=None,
            warning=warnings,
            freshenv=True,
        )


def _one_line(exc: BaseException) -> str:
    text = str(exc)
    if "\n" in text and exc.__cause__ is not None:
        # Sphinx puts the whole traceback of an error in conf.py into its message.
        text = f"{type(exc.__cause__).__name__}: {exc.__cause__}"
    return " ".join(text.split())
