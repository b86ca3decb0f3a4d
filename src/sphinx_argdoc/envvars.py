"""Environment variables of options: which one each option reads, as ``argdoc_envvars`` says.

An action that names its own variable (configargparse's ``env_var``, in the model as
``Option.env_var``) keeps it. Otherwise the setting decides: a pattern such as ``"PIP_{NAME}"``
formatted with the option's long name, or a function of the program and the option. Each
variable becomes a std-domain ``envvar`` object in the option's entry.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from sphinx.application import Sphinx

from .config import Settings
from .model import Option
from .problems import Kind, Problem, report

SETTING = "argdoc_envvars"
#: What a pattern may name: the long option's name, as a variable (``INDEX_URL``) and as written.
_FIELDS = "{NAME} (the long option name in capitals, '-' as '_') or {name} (as written)"

#: Gives the variable of an option of a program (its prog), or ``None`` for none.
Naming = Callable[[str, Option], "str | None"]


@dataclass(frozen=True)
class Pattern:
    """A pattern such as ``"PIP_{NAME}"``, known to format to a name that depends on the option."""

    text: str

    def __call__(self, prog: str, option: Option) -> str | None:
        long_name = next((name for name in option.names if name.startswith("--")), None)
        if long_name is None or option.positional:
            return None
        bare = long_name[2:]
        return self.text.format(NAME=bare.upper().replace("-", "_"), name=bare)


def naming(setting: object) -> Naming | Problem | None:
    """The naming *setting* (``argdoc_envvars``) asks for; a problem when it names nothing."""
    if setting is None:
        return None
    if callable(setting):
        return setting
    if not isinstance(setting, str):
        return _setting_problem(
            f"{setting!r} is neither a pattern (a string) nor a function of (prog, option)"
        )
    try:
        one, other = (setting.format(NAME=name, name=name) for name in ("A", "B"))
    except (KeyError, IndexError, ValueError) as exc:
        return _setting_problem(f"{setting!r} cannot be formatted ({exc!r}); use {_FIELDS}")
    if not one.strip():
        return _setting_problem(f"{setting!r} formats to nothing; use {_FIELDS}")
    if one == other:
        return _setting_problem(
            f"{setting!r} gives every option the same variable, {one!r}; use {_FIELDS}"
        )
    return Pattern(setting)


def _setting_problem(message: str) -> Problem:
    return Problem(Kind.ENVVAR, f"conf.py: {SETTING} = {message}; no option gets a variable")


def check_setting(app: Sphinx) -> None:
    """Warn once, at the start of a build, about a setting that names no variable."""
    found = naming(Settings.of(app.config).envvars)
    if isinstance(found, Problem):
        report(found)


def variable(
    naming: Naming | Problem | None, prog: str, option: Option, problems: list[Problem]
) -> str | None:
    """The variable *option* of *prog* reads, if any; a function's mistake added to *problems*."""
    if option.env_var is not None:
        return option.env_var
    if naming is None or isinstance(naming, Problem):
        return None
    try:
        name = naming(prog, option)
    except Exception as exc:
        problems.append(_option_problem(prog, option, f"raised {type(exc).__name__}: {exc}"))
        return None
    if name is None:
        return None
    if not isinstance(name, str) or not name.strip() or any(c.isspace() for c in name.strip()):
        problems.append(_option_problem(prog, option, f"gave {name!r}, not a variable name"))
        return None
    return name.strip()


def _option_problem(prog: str, option: Option, what: str) -> Problem:
    return Problem(
        Kind.ENVVAR,
        f"{SETTING} {what} for {prog} {option.names[0]}; the option is shown without a variable",
    )
