"""Sphinx extension that renders argparse parsers as CLI reference pages."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from sphinx.application import Sphinx

from . import buildlog, cache, config, coverage, envvars, examples, helprefs, writers
from .compat import commands
from .directive import ArgparseDirective
from .render import ids, usage

__version__ = "0.1.0"


#: The stylesheet that makes entries compact, in every theme; pages read the same without it.
STYLESHEET = "argdoc.css"


def _add_static_path(app: Sphinx) -> None:
    # Sphinx copies html_static_path to _static; the extension's folder goes first, so a
    # project's own argdoc.css wins.
    static = str(Path(__file__).parent / "static")
    if static not in app.config.html_static_path:
        app.config.html_static_path.insert(0, static)


def setup(app: Sphinx) -> dict[str, Any]:
    # autodoc owns ``autodoc_mock_imports``, which loading honours (as sphinx-argparse did).
    app.setup_extension("sphinx.ext.autodoc")
    config.register(app)
    app.connect("builder-inited", _add_static_path)
    app.add_css_file(STYLESHEET)
    app.add_directive("argparse", ArgparseDirective)
    app.add_event("argdoc-option-rendered")
    app.add_event("argdoc-group-rendered")
    app.add_transform(helprefs.UndefinedHelpSubstitutions)
    app.connect("warn-missing-reference", helprefs.name_help_of_missing_reference)
    app.connect("missing-reference", usage.keep_unresolved_as_text)
    app.connect("doctree-read", ids.drop_repeated_ids)
    app.add_post_transform(writers.PlainUsageLinks)
    app.add_post_transform(writers.RaggedManTables)
    app.connect("env-before-read-docs", cache.start_reading)
    app.add_env_collector(coverage.CoverageCollector)
    app.connect("env-updated", coverage.warn_uncovered)
    app.add_env_collector(examples.ExampleCollector)
    app.connect("env-updated", examples.check)
    app.add_env_collector(buildlog.StandInNotes)
    app.connect("env-before-read-docs", buildlog.remember_pages_read)
    app.connect("env-updated", buildlog.report_stand_ins)
    app.add_domain(commands.CommandsDomain)
    app.connect("builder-inited", commands.configure)
    app.connect("builder-inited", envvars.check_setting)
    app.connect("env-before-read-docs", commands.check_pages)
    # Before Sphinx's own handler records what each toctree includes.
    app.connect("doctree-read", commands.keep_out_of_inlined_toctrees, priority=400)
    app.connect("build-finished", commands.forget_toctree_entries)
    return {
        "version": __version__,
        # Bumped when what the extension keeps on the environment changes shape.
        "env_version": 4,
        "parallel_read_safe": True,
        "parallel_write_safe": True,
    }
