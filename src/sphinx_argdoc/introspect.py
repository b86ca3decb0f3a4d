"""Stage 2: turn an ``argparse.ArgumentParser`` into the model's frozen, typed data.

This is the only module that reads argparse's private attributes. Everything shown to a
reader is computed here with the parser's own formatter, so it matches ``--help``; nothing
here writes to the parser.
"""

from __future__ import annotations

import argparse
import copy
import itertools
import re
from collections.abc import Iterable, Sequence

from . import values
from .config import USAGE_WIDTH
from .model import Chooser, Group, Option, Parser, Subcommand
from .problems import ArgdocError

_MAX_CHOICES = 100
#: What ``--help`` prints before the usage; the model's usage is what follows it.
USAGE_PREFIX = "usage: "
#: The prefix as printed, in colour too (argparse 3.14 colours it).
_COLOR = r"(?:\x1b\[[0-9;]*m)*"
_PREFIX_PRINTED = re.compile("^(" + _COLOR + ")" + re.escape(USAGE_PREFIX))


def build(
    parser: argparse.ArgumentParser, prog: str, color: bool = False, usage_width: int = USAGE_WIDTH
) -> Parser:
    """Describe *parser* as it would print its help if its ``prog`` were *prog*.

    Without *color*, the ANSI colour codes that argparse (3.14+) or a custom formatter puts
    into usage, option names and help are left out. Usage wraps at *usage_width* columns,
    ``usage: `` included, as ``--help`` in a terminal that wide prints it.
    """
    try:
        built = _build(parser, prog, color, {}, usage_width)
        return built if color else values.decolored(built)
    except RecursionError:
        # Hundreds of nested subcommands; deeper than any CLI, reachable by generated ones.
        raise ArgdocError(f"{prog}: the subcommands nest too deep to document") from None


def _build(
    parser: argparse.ArgumentParser,
    prog: str,
    color: bool,
    ancestors: dict[int, str],
    usage_width: int,
) -> Parser:
    formatter = _formatter(parser, prog, color)
    exclusive = _exclusive_partners(parser, formatter)
    return Parser(
        prog=prog,
        usage=_usage(parser, prog, color, usage_width),
        description=_with_prog(values.text_of(parser.description), prog),
        epilog=_with_prog(values.text_of(parser.epilog), prog),
        groups=tuple(
            Group(
                title=title,
                description=description,
                options=tuple(_option(action, formatter, exclusive) for action in actions),
                is_custom=is_custom,
                chooser=_chooser(group, formatter),
            )
            for group, (title, description, actions, is_custom) in zip(
                parser._action_groups, _groups(parser), strict=True
            )
        ),
        subcommands=tuple(
            _subcommands(parser, prog, color, {**ancestors, id(parser): prog}, usage_width)
        ),
        raw_description=_prints_description_as_written(parser),
    )


def visible(action: argparse.Action) -> bool:
    """Whether an action is documented: it has help and is neither ``--help`` nor subcommands."""
    return action.help is not argparse.SUPPRESS and not isinstance(
        action, (argparse._HelpAction, argparse._SubParsersAction)
    )


def _formatter(
    parser: argparse.ArgumentParser, prog: str, color: bool = False, width: int = 100
) -> argparse.HelpFormatter:
    # A fixed width keeps usage wrapping the same on every machine, whatever $COLUMNS says.
    formatter_class = parser.formatter_class
    try:
        formatter = formatter_class(prog=prog, width=width)  # type: ignore[call-arg]
    except TypeError:
        formatter = formatter_class(prog=prog)
    # Python 3.14 colours help when the terminal allows it; a page wants it only on request.
    set_color = getattr(formatter, "_set_color", None)
    if callable(set_color):
        set_color(color and bool(getattr(parser, "color", False)))
    return formatter


def _usage(parser: argparse.ArgumentParser, prog: str, color: bool, width: int) -> str:
    """The usage as ``--help`` prints it, less its ``usage: ``: wrapped lines keep the indent
    that lines them up under the first one with the prefix in front."""
    formatter = _formatter(parser, prog, color, width)
    actions, exclusive_groups = _usage_inputs(parser)
    formatter.add_usage(parser.usage, actions, exclusive_groups, prefix=USAGE_PREFIX)
    try:
        printed = values.without_addresses(formatter.format_help().strip("\n"))
    except Exception:
        # Some parsers (tuple metavars on positionals, odd nargs, MetavarTypeHelpFormatter
        # without types) make argparse's own usage crash.
        return prog
    return _PREFIX_PRINTED.sub(r"\1", printed, count=1).rstrip()


def _usage_inputs(
    parser: argparse.ArgumentParser,
) -> tuple[list[argparse.Action], list[argparse._MutuallyExclusiveGroup]]:
    """The parser's actions and exclusive groups, with sets in them in a stable order."""
    stable = {id(action): _in_stable_order(action) for action in parser._actions}
    groups = []
    for group in parser._mutually_exclusive_groups:
        members = [stable.get(id(action), action) for action in group._group_actions]
        if members != group._group_actions:
            group = copy.copy(group)
            group._group_actions = members
        groups.append(group)
    return [stable[id(action)] for action in parser._actions], groups


def _in_stable_order(action: argparse.Action) -> argparse.Action:
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


def _groups(
    parser: argparse.ArgumentParser,
) -> Iterable[tuple[str, str, list[argparse.Action], bool]]:
    defaults = (parser._positionals, parser._optionals)
    grouped = {id(action) for group in parser._action_groups for action in group._group_actions}
    # Actions of nested argument groups are in no listed group; they count as ungrouped.
    orphans = [action for action in parser._actions if id(action) not in grouped]
    for group in parser._action_groups:
        actions = [action for action in group._group_actions if visible(action)]
        if group is parser._positionals:
            actions += [a for a in orphans if not a.option_strings and visible(a)]
        elif group is parser._optionals:
            actions += [a for a in orphans if a.option_strings and visible(a)]
        title = values.text_of(group.title)
        # A group without a title cannot be named by :group:, so it counts as ungrouped.
        is_custom = bool(title.strip()) and not any(group is default for default in defaults)
        yield (title, values.text_of(group.description), actions, is_custom)


def _prints_description_as_written(parser: argparse.ArgumentParser) -> bool:
    formatter_class = parser.formatter_class
    return isinstance(formatter_class, type) and issubclass(
        formatter_class, argparse.RawDescriptionHelpFormatter
    )


def _chooser(group: argparse._ArgumentGroup, formatter: argparse.HelpFormatter) -> Chooser | None:
    """The subcommand chooser of *group*, unless the group has none or ``--help`` hides it."""
    position = 0
    for action in group._group_actions:
        if isinstance(action, argparse._SubParsersAction):
            if action.help is argparse.SUPPRESS:
                return None
            help_text, _error = _expanded_help(action, formatter, _help_template(action, formatter))
            dest = "" if action.dest is argparse.SUPPRESS else str(action.dest)
            return Chooser(_positional_name(action, formatter), dest, help_text, position)
        position += visible(action)
    return None


def _option(
    action: argparse.Action,
    formatter: argparse.HelpFormatter,
    exclusive: dict[int, tuple[str, ...]],
) -> Option:
    exclusive_with = exclusive.get(id(action), ())
    default = _default(action)
    action = _in_stable_order(action)
    signature = _signature(action, formatter)
    template = _help_template(action, formatter)
    help_text, help_error = _expanded_help(action, formatter, template)
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
        return ((_positional_name(action, formatter), ""),)
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


def _positional_name(action: argparse.Action, formatter: argparse.HelpFormatter) -> str:
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


def _help_template(action: argparse.Action, formatter: argparse.HelpFormatter) -> str:
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


def _expanded_help(
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


def _exclusive_partners(
    parser: argparse.ArgumentParser, formatter: argparse.HelpFormatter
) -> dict[int, tuple[str, ...]]:
    partners: dict[int, tuple[str, ...]] = {}
    for group in parser._mutually_exclusive_groups:
        members = [action for action in group._group_actions if visible(action)]
        for action in members:
            partners[id(action)] = tuple(
                _primary_name(other, formatter) for other in members if other is not action
            )
    return partners


def _primary_name(action: argparse.Action, formatter: argparse.HelpFormatter) -> str:
    if action.option_strings:
        long_names = [name for name in action.option_strings if name.startswith("--")]
        return (long_names or list(action.option_strings))[0]
    return _positional_name(action, formatter)


def _subcommands(
    parser: argparse.ArgumentParser,
    prog: str,
    color: bool,
    ancestors: dict[int, str],
    usage_width: int,
) -> Iterable[Subcommand]:
    for action in parser._actions:
        if not isinstance(action, argparse._SubParsersAction):
            continue
        helps = {choice.dest: choice.help for choice in action._choices_actions}
        names_of: dict[int, list[str]] = {}
        for name, subparser in action.choices.items():
            names_of.setdefault(id(subparser), []).append(name)
        seen: set[int] = set()
        for name, subparser in action.choices.items():
            if id(subparser) in seen:
                continue
            seen.add(id(subparser))
            aliases = tuple(names_of[id(subparser)][1:])
            help_text = helps.get(name)
            if help_text is argparse.SUPPRESS:
                continue
            if id(subparser) in ancestors:
                raise ArgdocError(
                    f"{prog} {name} is {ancestors[id(subparser)]} again: the subcommands loop "
                    "back to a parser that contains them"
                )
            yield Subcommand(
                name=name,
                aliases=aliases,
                help=values.without_addresses(values.text_of(help_text)),
                parser=_build(subparser, f"{prog} {name}", color, ancestors, usage_width),
            )


def _with_prog(text: str, prog: str) -> str:
    # argparse fills %(prog)s into descriptions and epilogs, and nothing else.
    if "%(prog)" not in text:
        return text
    try:
        return text % {"prog": prog}
    except (KeyError, ValueError, TypeError):
        return text
