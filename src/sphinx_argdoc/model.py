"""Stage 2: turn an ``argparse.ArgumentParser`` into plain, frozen, typed data.

This is the only module that reads argparse's private attributes. Everything shown to a
reader is computed here with the parser's own formatter, so it matches ``--help``; nothing
here writes to the parser.
"""

from __future__ import annotations

import argparse
import copy
import itertools
import re
import reprlib
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field, replace

from .errors import ArgdocError

# Usage lines wrap anywhere, inside a repr too.
_ADDRESS = re.compile(r"\s+(?:object\s+)?at\s+0x[0-9a-fA-F]+")
_MAX_CHOICES = 100
_MAX_NESTING = 20
_ESCAPE = "\x1b"
_ANSI_ESCAPE = re.compile(_ESCAPE + r"\[[0-9;]*[A-Za-z]")
#: Longer defaults (big dicts, long lists) are shortened to about this many characters.
_MAX_DEFAULT = 80


@dataclass(frozen=True)
class Option:
    """One visible argument as ``--help`` describes it."""

    names: tuple[str, ...]
    """Option strings (``-v``, ``--verbose``); for a positional, the name ``--help`` shows."""
    signature: tuple[tuple[str, str], ...]
    """``(name, args)`` pairs in the order and form that ``--help`` prints them."""
    help: str
    """Help with argparse's ``%``-formats expanded; empty when there is none."""
    help_mentions_default: bool
    help_mentions_choices: bool
    choices: tuple[str, ...]
    default: str | None
    """The default as text, or ``None`` when there is nothing worth showing."""
    is_flag: bool
    """Takes no value and stores a constant (store_const/true/false, BooleanOptionalAction)."""
    required: bool
    positional: bool
    deprecated: bool
    exclusive_with: tuple[str, ...]
    help_error: str | None = None
    """Why the help's ``%``-formats could not be expanded (the raw help is kept)."""
    dest: str = ""
    """A positional's ``dest``, which ``names`` lacks when choices name it (``{a,b}``)."""


@dataclass(frozen=True)
class Group:
    """One argument group: argparse's two default ones or one made by ``add_argument_group``."""

    title: str
    description: str
    options: tuple[Option, ...]
    is_custom: bool
    lists_subcommands: bool = False
    """The group holds the subcommand chooser (which is not an option: ``options`` lacks it)."""

    @property
    def titled(self) -> bool:
        """Whether ``--help`` gives the group a heading (a title that is more than blanks)."""
        return bool(self.title.strip())


@dataclass(frozen=True)
class Subcommand:
    """A subparser with the names it answers to."""

    name: str
    aliases: tuple[str, ...]
    help: str
    parser: Parser


@dataclass(frozen=True)
class Parser:
    """A whole parser, with ``prog`` as the documentation names it."""

    prog: str
    usage: str
    description: str
    epilog: str
    groups: tuple[Group, ...]
    subcommands: tuple[Subcommand, ...] = field(default=())

    @property
    def custom_group_titles(self) -> tuple[str, ...]:
        return tuple(group.title for group in self.groups if group.is_custom)


def build(parser: argparse.ArgumentParser, prog: str, color: bool = False) -> Parser:
    """Describe *parser* as it would print its help if its ``prog`` were *prog*.

    Without *color*, the ANSI colour codes that argparse (3.14+) or a custom formatter puts
    into usage, option names and help are left out.
    """
    try:
        built = _build(parser, prog, color, {})
        return built if color else _decolored(built)
    except RecursionError:
        # Hundreds of nested subcommands; deeper than any CLI, reachable by generated ones.
        raise ArgdocError(f"{prog}: the subcommands nest too deep to document") from None


def _build(
    parser: argparse.ArgumentParser, prog: str, color: bool, ancestors: dict[int, str]
) -> Parser:
    formatter = _formatter(parser, prog, color)
    exclusive = _exclusive_partners(parser, formatter)
    return Parser(
        prog=prog,
        usage=_usage(parser, prog, color),
        description=_with_prog(_text(parser.description), prog),
        epilog=_with_prog(_text(parser.epilog), prog),
        groups=tuple(
            Group(
                title=title,
                description=description,
                options=tuple(_option(action, formatter, exclusive) for action in actions),
                is_custom=is_custom,
                lists_subcommands=_lists_subcommands(group),
            )
            for group, (title, description, actions, is_custom) in zip(
                parser._action_groups, _groups(parser), strict=True
            )
        ),
        subcommands=tuple(_subcommands(parser, prog, color, {**ancestors, id(parser): prog})),
    )


def _decolored(parser: Parser) -> Parser:
    return replace(
        parser,
        usage=_without_ansi(parser.usage).strip(),
        description=_without_ansi(parser.description),
        epilog=_without_ansi(parser.epilog),
        groups=tuple(
            replace(
                group,
                title=_without_ansi(group.title),
                description=_without_ansi(group.description),
                options=tuple(_decolored_option(o) for o in group.options),
            )
            for group in parser.groups
        ),
        subcommands=tuple(
            replace(sub, help=_without_ansi(sub.help), parser=_decolored(sub.parser))
            for sub in parser.subcommands
        ),
    )


def _decolored_option(option: Option) -> Option:
    # Nearly every option is without colour: copying each would cost a tenth of building them.
    if not any(_ESCAPE in text for text in _texts_of(option)):
        return option
    return replace(
        option,
        names=tuple(_without_ansi(name) for name in option.names),
        signature=tuple((_without_ansi(n), _without_ansi(a)) for n, a in option.signature),
        help=_without_ansi(option.help),
        exclusive_with=tuple(_without_ansi(name) for name in option.exclusive_with),
    )


def _texts_of(option: Option) -> Iterable[str]:
    yield from option.names
    for name, args in option.signature:
        yield name
        yield args
    yield option.help
    yield from option.exclusive_with


def _without_ansi(text: str) -> str:
    return _ANSI_ESCAPE.sub("", text) if _ESCAPE in text else text


def visible(action: argparse.Action) -> bool:
    """Whether an action is documented: it has help and is neither ``--help`` nor subcommands."""
    return action.help is not argparse.SUPPRESS and not isinstance(
        action, (argparse._HelpAction, argparse._SubParsersAction)
    )


def _formatter(
    parser: argparse.ArgumentParser, prog: str, color: bool = False
) -> argparse.HelpFormatter:
    # A fixed width keeps usage wrapping the same on every machine, whatever $COLUMNS says.
    formatter_class = parser.formatter_class
    try:
        formatter = formatter_class(prog=prog, width=100)  # type: ignore[call-arg]
    except TypeError:
        formatter = formatter_class(prog=prog)
    # Python 3.14 colours help when the terminal allows it; a page wants it only on request.
    set_color = getattr(formatter, "_set_color", None)
    if callable(set_color):
        set_color(color and bool(getattr(parser, "color", False)))
    return formatter


def _usage(parser: argparse.ArgumentParser, prog: str, color: bool = False) -> str:
    formatter = _formatter(parser, prog, color)
    actions, exclusive_groups = _usage_inputs(parser)
    formatter.add_usage(parser.usage, actions, exclusive_groups, prefix="")
    try:
        return _without_addresses(formatter.format_help().strip())
    except Exception:
        # Some parsers (tuple metavars on positionals, odd nargs, MetavarTypeHelpFormatter
        # without types) make argparse's own usage crash.
        return prog


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
    strings iterates in a different order in every Python process, and a build must not."""
    changes: dict[str, object] = {}
    try:
        if isinstance(action.choices, (set, frozenset)):
            changes["choices"] = sorted(action.choices, key=_printed)
        if _holds_a_set(action.default):
            changes["default"] = _SortedSet(_stable_text(action.default))
        if not changes:
            return action
        stable = copy.copy(action)
        vars(stable).update(changes)
    except Exception:  # an item that cannot print itself, an action that cannot be copied
        return action
    return stable


@dataclass(frozen=True, repr=False)
class _SortedSet:
    """Stands in for a set default where argparse prints it (``%(default)s``)."""

    text: str

    def __str__(self) -> str:
        return self.text

    __repr__ = __str__


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
        title = _text(group.title)
        # A group without a title cannot be named by :group:, so it counts as ungrouped.
        is_custom = bool(title.strip()) and not any(group is default for default in defaults)
        yield (title, _text(group.description), actions, is_custom)


def _lists_subcommands(group: argparse._ArgumentGroup) -> bool:
    return any(isinstance(a, argparse._SubParsersAction) for a in group._group_actions)


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
        choices=_choices(action),
        default=default,
        is_flag=isinstance(action, (argparse._StoreConstAction, argparse.BooleanOptionalAction)),
        required=bool(action.required) and bool(action.option_strings),
        positional=not action.option_strings,
        deprecated=bool(getattr(action, "deprecated", False)),
        exclusive_with=exclusive_with,
        help_error=help_error,
        dest="" if action.option_strings else str(action.dest),
    )


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
        return _without_addresses(str(formatter._format_action_invocation(action)))
    except Exception:
        return _printed(action.dest)


def _args(action: argparse.Action, formatter: argparse.HelpFormatter) -> str:
    try:
        default_metavar = formatter._get_default_metavar_for_optional(action)
    except Exception:
        default_metavar = _printed(action.dest).upper()
    try:
        return _without_addresses(str(formatter._format_args(action, default_metavar)))
    except Exception:
        metavar = action.metavar
        if isinstance(metavar, tuple):
            return " ".join(_printed(part) for part in metavar)
        return _printed(metavar if metavar is not None else default_metavar)


def _help_template(action: argparse.Action, formatter: argparse.HelpFormatter) -> str:
    if not action.help:
        return ""
    try:
        return str(formatter._get_help_string(action))
    except Exception:
        return _printed(action.help)


def _expanded_help(
    action: argparse.Action, formatter: argparse.HelpFormatter, template: str
) -> tuple[str, str | None]:
    if not template:
        return "", None
    try:
        expanded = str(formatter._expand_help(action))
    except Exception as exc:  # a broken %-format, or a value whose str() raises
        return template, f"{type(exc).__name__}: {exc}"
    return _without_addresses(expanded), None


def _choices(action: argparse.Action) -> tuple[str, ...]:
    if action.choices is None or isinstance(action, argparse._SubParsersAction):
        return ()
    try:
        shown = list(itertools.islice(iter(action.choices), _MAX_CHOICES + 1))
    except Exception:  # not iterable, or a container of the CLI's own that fails
        return ()
    texts = tuple(_without_addresses(_printed(choice)) for choice in shown[:_MAX_CHOICES])
    return (*texts, "…") if len(shown) > _MAX_CHOICES else texts


def _default(action: argparse.Action) -> str | None:
    value = action.default
    if value is None or value is argparse.SUPPRESS or isinstance(action, argparse._VersionAction):
        return None
    if isinstance(value, str) and (not value or value != value.strip()):
        return repr(value)
    try:
        text = _stable_text(value) if _holds_a_set(value) else str(value)
    except Exception:
        text = f"<{type(value).__qualname__}>"
    return _shortened(value, _without_addresses(text))


_CONTAINERS = (list, tuple, dict, set, frozenset)


def _holds_a_set(value: object, depth: int = 0) -> bool:
    """Whether *value* is a set, or a plain list, tuple or dict with a set somewhere inside."""
    if isinstance(value, (set, frozenset)):
        return True
    if type(value) not in _CONTAINERS or depth > _MAX_NESTING:
        return False
    items = value.items() if isinstance(value, dict) else value
    return any(_holds_a_set(item, depth + 1) for item in items)  # type: ignore[attr-defined]


def _stable_text(value: object, depth: int = 0) -> str:
    """``repr``-like text in which every set is sorted.

    A set prints in hash order, which changes between runs for strings: the docs must not.
    """
    if isinstance(value, (set, frozenset)):
        items = ", ".join(sorted(_stable_text(item, depth + 1) for item in value))
        if not items:
            return f"{type(value).__name__}()"
        return f"{{{items}}}" if isinstance(value, set) else f"frozenset({{{items}}})"
    if type(value) not in _CONTAINERS or depth > _MAX_NESTING:
        return _printed_repr(value)
    if isinstance(value, dict):
        pairs = (
            f"{_stable_text(k, depth + 1)}: {_stable_text(v, depth + 1)}" for k, v in value.items()
        )
        return "{" + ", ".join(pairs) + "}"
    parts = [_stable_text(item, depth + 1) for item in value]  # type: ignore[attr-defined]
    if isinstance(value, list):
        return "[" + ", ".join(parts) + "]"
    return "(" + ", ".join(parts) + ("," if len(parts) == 1 else "") + ")"


def _printed_repr(value: object) -> str:
    try:
        return repr(value)
    except Exception:
        return f"<{type(value).__qualname__}>"


def _shortened(value: object, text: str) -> str:
    """*text*, or for a long default the start of it: the first items, then ``…``."""
    if len(text) <= _MAX_DEFAULT:
        return text
    if isinstance(value, (dict, list, tuple, set, frozenset)):
        # reprlib shows a broken __repr__ as <Type instance>: it does not raise.
        text = _without_addresses(_SHORT_REPR.repr(value))
    return text if len(text) <= _MAX_DEFAULT else text[: _MAX_DEFAULT - 1].rstrip() + "…"


class _ShortRepr(reprlib.Repr):
    """``reprlib`` limits, but a dict keeps its own key order (``reprlib`` sorts the keys)."""

    def repr_dict(self, x: dict[object, object], level: int) -> str:
        if not x:
            return "{}"
        if level <= 0:
            return "{...}"
        pieces = [
            f"{self.repr1(key, level - 1)}: {self.repr1(value, level - 1)}"
            for key, value in itertools.islice(x.items(), self.maxdict)
        ]
        if len(x) > self.maxdict:
            pieces.append("...")
        return "{" + ", ".join(pieces) + "}"


def _short_repr() -> reprlib.Repr:
    short = _ShortRepr()
    short.maxlevel = 2
    short.maxdict = 4
    short.maxlist = short.maxtuple = short.maxset = short.maxfrozenset = 6
    short.maxstring = short.maxother = 24
    return short


_SHORT_REPR = _short_repr()


def _without_addresses(text: str) -> str:
    """Drop ``at 0x7f…`` from reprs: an address is noise to a reader and differs every build."""
    return _ADDRESS.sub("", text)


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
    parser: argparse.ArgumentParser, prog: str, color: bool, ancestors: dict[int, str]
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
                help=_without_addresses(_text(help_text)),
                parser=_build(subparser, f"{prog} {name}", color, ancestors),
            )


def _with_prog(text: str, prog: str) -> str:
    # argparse fills %(prog)s into descriptions and epilogs, and nothing else.
    if "%(prog)" not in text:
        return text
    try:
        return text % {"prog": prog}
    except (KeyError, ValueError, TypeError):
        return text


def _text(value: object) -> str:
    # Titles and descriptions may be lazy translation objects: compare and show them as str.
    # The text stays as written; each reader decides what its indentation means.
    return "" if value is None else _printed(value)


def _printed(value: object) -> str:
    """``str(value)``, or the type's name when the object cannot print itself."""
    try:
        return str(value)
    except Exception:
        return f"<{type(value).__qualname__}>"
