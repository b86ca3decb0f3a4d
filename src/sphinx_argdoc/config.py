"""Every ``conf.py`` setting the extension reads, registered from one table, read as one value.

Stages never read Sphinx's config themselves: the directive takes a ``Settings`` snapshot and
hands on what each stage needs.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any, Literal

from sphinx.application import Sphinx
from sphinx.config import ENUM, Config

#: The ways help text can be read, as ``argdoc_help_format`` and ``:help-format:`` name them.
HELP_FORMATS = ("rst", "markdown", "text")
#: What ``importlib.metadata.version()`` of a distribution that is not installed, and a
#: stand-in module's ``__version__``, answer unless ``argdoc_mock_version`` says otherwise.
PLACEHOLDER_VERSION = "0.0.0"
#: Usage wraps to fit a documentation column, as ``argdoc_usage_width`` says by default.
USAGE_WIDTH = 80
#: sphinx-argparse's default page and title of its commands-by-group index.
BY_GROUP_PAGE = "by-group"
BY_GROUP_TITLE = "Commands by Group"


@dataclass(frozen=True)
class Settings:
    """The extension's settings for one build, by their meaning."""

    help_format: str
    coverage_warnings: bool
    mock_missing_imports: bool
    """Packages the CLI imports that are not installed get stand-ins, for every directive."""
    mock_version: str
    """The version a stand-in package, and a distribution that is not installed, answer."""
    check_examples: bool
    """Whether console examples are checked against the options of the programs they run."""
    envvars: object
    """``argdoc_envvars``: a pattern, a function of (prog, option), or ``None``."""
    usage_width: int
    """Columns the usage wraps at, ``usage: `` included."""
    default_values: dict[str, str]
    """``argdoc_default_values``: what a default printed as each key shows instead."""
    mock_imports: tuple[str, ...]
    """``autodoc_mock_imports``: modules faked while the CLI is imported, as sphinx-argparse did."""
    model_cache: bool
    """Whether a rebuild may use the models that earlier builds kept in the doctree folder."""
    model_cache_exclude: tuple[str, ...]
    """Modules (``pkg.cli``) or locators (``pkg.cli:build_parser``) whose models are never kept."""
    # sphinx-argparse's settings, with its meanings and defaults.
    full_subcommand_name: bool
    build_commands_index: bool
    commands_index_in_toctree: bool
    build_commands_by_group_index: bool
    commands_by_group_index_in_toctree: bool
    commands_by_group_index_file_suffix: str
    commands_by_group_index_title: str

    @classmethod
    def of(cls, config: Config) -> Settings:
        owned = {field: getattr(config, name) for field, name, *_ in _TABLE}
        owned["model_cache_exclude"] = tuple(owned["model_cache_exclude"])
        # Owned by autodoc, which setup() loads: honoured, as sphinx-argparse did.
        mock_imports = tuple(getattr(config, "autodoc_mock_imports", None) or ())
        return cls(mock_imports=mock_imports, **owned)


#: ``(Settings field, conf.py name, default, rebuild, types)`` of each setting registered here.
_TABLE: tuple[tuple[str, str, object, Literal["", "env"], Any], ...] = (
    ("help_format", "argdoc_help_format", "rst", "env", ENUM(*HELP_FORMATS)),
    ("coverage_warnings", "argdoc_coverage_warnings", True, "", (bool,)),
    ("mock_missing_imports", "argdoc_mock_missing_imports", False, "env", (bool,)),
    ("mock_version", "argdoc_mock_version", PLACEHOLDER_VERSION, "env", (str,)),
    ("check_examples", "argdoc_check_examples", True, "", (bool,)),
    # Not "env": a function cannot be pickled with the environment, and Sphinx would say so.
    ("envvars", "argdoc_envvars", None, "", ()),
    # Not "env": they change where a model comes from, never what it is.
    ("model_cache", "argdoc_model_cache", True, "", (bool,)),
    ("model_cache_exclude", "argdoc_model_cache_exclude", (), "", (list, tuple)),
    ("usage_width", "argdoc_usage_width", USAGE_WIDTH, "env", (int,)),
    ("default_values", "argdoc_default_values", {}, "env", (dict,)),
    ("full_subcommand_name", "sphinxarg_full_subcommand_name", False, "env", (bool,)),
    ("build_commands_index", "sphinxarg_build_commands_index", False, "env", (bool,)),
    ("commands_index_in_toctree", "sphinxarg_commands_index_in_toctree", False, "env", (bool,)),
    (
        "build_commands_by_group_index",
        "sphinxarg_build_commands_by_group_index",
        False,
        "env",
        (bool,),
    ),
    (
        "commands_by_group_index_in_toctree",
        "sphinxarg_commands_by_group_index_in_toctree",
        False,
        "env",
        (bool,),
    ),
    (
        "commands_by_group_index_file_suffix",
        "sphinxarg_commands_by_group_index_file_suffix",
        BY_GROUP_PAGE,
        "env",
        (str,),
    ),
    (
        "commands_by_group_index_title",
        "sphinxarg_commands_by_group_index_title",
        BY_GROUP_TITLE,
        "env",
        (str,),
    ),
)


def register(app: Sphinx) -> None:
    """Add every setting of the table to Sphinx's config."""
    for _field, name, default, rebuild, types in _TABLE:
        app.add_config_value(name, default, rebuild, types=types)
