"""One argument of a parser as ``--help`` describes it: names, metavar, help, default, choices."""

from __future__ import annotations

import argparse
import copy
import itertools
from collections.abc import Iterable, Sequence

from .. import values
from ..model import Option

_MAX_CHOICES = 100


def visible(action: argparse.Action) -> bool:
    """Whether an action is documented: it has help and is neither ``--help`` nor subcommands."""
    return action.help is not argparse.SUPPRESS and not isinstance(
        action, (argparse._HelpAction, argparse._SubParsersAction)
    )


def option(
    action: argparse.Action,
    formatter: argparse.HelpFormatter,
    exclusive: dict[int, tuple[str, ...]],
) -> Option:
    exclusive_with = exclusive.get(id(action), ())
    default = _default(action)
    action = in_stable_order(action)
    signature = _signature(action, formatter)
    template = help_template(action, formatter)
    help_text, help_error = expanded_help(action, formatter, template)
    return Option(
        names=tuple(name for name, _ in signature),
        signature=signature,
        help=help_text,
        help_mentions_default="%(default)" in template,
        help_mentions_choices="%(choices)" in template,
        choices=_choices(action) or values.enum_values(action.type),
        default=default,
        is_flag=isinstance(action, (argparse._StoreConstAction, argparse.BooleanOptionalAction)),
        required=bool(action.required) and bool(action.option_strings),
        positional=not action.option_strings,
        deprecated=bool(getattr(action, "deprecated", False)),
        exclusive_with=exclusive_with,
        help_error=help_error,
        dest="" if action.option_strings else str(action.dest),
        env_var=_env_var(action),
        type_name=values.type_name(action.type),
    )


def _env_var(action: argparse.Action) -> str | None:
    # configargparse keeps the variable an option reads on the action it makes.
    name = getattr(action, "env_var", None)
    return name.strip() if isinstance(name, str) and name.strip() else None


def _signature(
    action: argparse.Action, formatter: argparse.HelpFormatter
) -> tuple[tuple[str, str], ...]:
    if not action.option_strings:
        return ((positional_name(action, formatter), ""),)
    args = _args(action, formatter)
    each = tuple((name, args) for name in action.option_strings)
    if not args:
        return each
    # Python 3.13 prints the arguments once, after the last option string; older ones after each.
    once = (
        *tuple((name, "") for name in action.option_strings[:-1]),
        (action.option_strings[-1], args),
    )
    try:
        shown = formatter._format_action_invocation(action)
    except Exception:
        return each
    return once if shown == _joined(once) else each


def _joined(signature: Sequence[tuple[str, str]]) -> str:
    return ", ".join(f"{name} {args}" if args else name for name, args in signature)


def positional_name(action: argparse.Action, formatter: argparse.HelpFormatter) -> str:
    try:
        return values.without_addresses(str(formatter._format_action_invocation(action)))
    except Exception:
        return values.printed(action.dest)


def _args(action: argparse.Action, formatter: argparse.HelpFormatter) -> str:
    try:
        default_metavar = formatter._get_default_metavar_for_optional(action)
    except Exception:
        default_metavar = values.printed(action.dest).upper()
    try:
        return values.without_addresses(str(formatter._format_args(action, default_metavar)))
    except Exception:
        metavar = action.metavar
        if isinstance(metavar, tuple):
            return " ".join(values.printed(part) for part in metavar)
        return values.printed(metavar if metavar is not None else default_metavar)


def help_template(action: argparse.Action, formatter: argparse.HelpFormatter) -> str:
    """The help as the formatter prints it, less the default a formatter appends to it.

    ``ArgumentDefaultsHelpFormatter`` (and its subclasses) append ``(default: ...)`` to every
    help: the entry shows the default as a fact of its own, under the switches that hide
    defaults, never read as markup.
    """
    if not action.help:
        return ""
    written = values.printed(action.help)
    try:
        template = str(formatter._get_help_string(action))
    except Exception:
        return written
    added = template[len(written) :] if template.startswith(written) else ""
    return written if "%(default)" in added and "%(default)" not in written else template


def expanded_help(
    action: argparse.Action, formatter: argparse.HelpFormatter, template: str
) -> tuple[str, str | None]:
    if not template:
        return "", None
    # The formatter fills in the %-formats as --help does, from *template*.
    filling = copy.copy(formatter)
    setattr(filling, "_get_help_string", lambda _action: template)  # noqa: B010
    try:
        expanded = str(filling._expand_help(action))
    except Exception as exc:  # a broken %-format, or a value whose str() raises
        return template, f"{type(exc).__name__}: {exc}"
    return values.without_addresses(expanded), None


def _known_choices(choices: object) -> list[object]:
    """*choices* with each one that comes from a stand-in printing as unknown."""
    if type(choices) not in (list, tuple):
        return [values.UNKNOWN]
    listed: Iterable[object] = choices  # type: ignore[assignment]
    return [values.PrintedAs(values.UNKNOWN) if values.from_stand_in(c) else c for c in listed]


def _choices(action: argparse.Action) -> tuple[str, ...]:
    if action.choices is None or isinstance(action, argparse._SubParsersAction):
        return ()
    try:
        shown = list(itertools.islice(iter(action.choices), _MAX_CHOICES + 1))
    except Exception:  # not iterable, or a container of the CLI's own that fails
        return ()
    texts = tuple(
        values.without_addresses(values.printed(choice)) for choice in shown[:_MAX_CHOICES]
    )
    return (*texts, "…") if len(shown) > _MAX_CHOICES else texts


def _default(action: argparse.Action) -> str | None:
    value = action.default
    if value is None or value is argparse.SUPPRESS or isinstance(action, argparse._VersionAction):
        return None
    return values.default_text(value)


def in_stable_order(action: argparse.Action) -> argparse.Action:
    """*action*, or a copy of it whose set-valued choices and default print sorted: a set of
    strings iterates in a different order in every Python process, and a build must not. Choices
    and a default from a stand-in print as unknown."""
    changes: dict[str, object] = {}
    try:
        if values.from_stand_in(action.choices):
            changes["choices"] = _known_choices(action.choices)
        elif isinstance(action.choices, (set, frozenset)):
            changes["choices"] = sorted(action.choices, key=values.printed)
        if values.from_stand_in(action.default):
            changes["default"] = values.PrintedAs(values.UNKNOWN)
        elif values.holds_a_set(action.default):
            changes["default"] = values.PrintedAs(values.stable_text(action.default))
        if not changes:
            return action
        stable = copy.copy(action)
        vars(stable).update(changes)
    except Exception:  # an item that cannot print itself, an action that cannot be copied
        return action
    return stable
