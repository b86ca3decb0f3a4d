"""Sphinx extension that renders argparse parsers as CLI reference pages."""

from __future__ import annotations

from typing import Any

from sphinx.application import Sphinx
from sphinx.config import ENUM
from sphinx.environment import BuildEnvironment

from . import commands, coverage, helptext, load
from .directive import ArgparseDirective

__version__ = "0.1.0"


def _forget_loaded_parsers(app: Sphinx, env: BuildEnvironment, docnames: list[str]) -> None:
    # Every read phase starts afresh, also a second build by the same application object.
    load.clear_cache()


def setup(app: Sphinx) -> dict[str, Any]:
    # autodoc owns ``autodoc_mock_imports``, which loading honours (as sphinx-argparse did).
    app.setup_extension("sphinx.ext.autodoc")
    app.add_directive("argparse", ArgparseDirective)
    app.add_event("argdoc-option-rendered")
    app.add_event("argdoc-group-rendered")
    app.add_config_value(helptext.CONFIG_VALUE, "rst", "env", types=ENUM(*helptext.FORMATS))
    app.add_transform(helptext.UndefinedHelpSubstitutions)
    app.connect("warn-missing-reference", helptext.name_help_of_missing_reference)
    app.connect("env-before-read-docs", _forget_loaded_parsers)
    app.add_config_value(coverage.CONFIG_VALUE, True, "", types=(bool,))
    app.connect("env-purge-doc", coverage.purge_doc)
    app.connect("env-merge-info", coverage.merge_info)
    app.connect("env-updated", coverage.warn_uncovered)
    app.add_domain(commands.CommandsDomain)
    for name, default, kind in commands.CONFIG_VALUES:
        app.add_config_value(name, default, "env", types=(kind,))
    app.connect("builder-inited", commands.configure)
    app.connect("env-before-read-docs", commands.check_pages)
    # Before Sphinx's own handler records what each toctree includes.
    app.connect("doctree-read", commands.keep_out_of_inlined_toctrees, priority=400)
    app.connect("build-finished", commands.forget_toctree_entries)
    return {
        "version": __version__,
        # Bumped when what the extension keeps on the environment changes shape.
        "env_version": 2,
        "parallel_read_safe": True,
        "parallel_write_safe": True,
    }
