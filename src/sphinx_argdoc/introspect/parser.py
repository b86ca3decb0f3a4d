"""A whole parser: its groups, usage, description and epilog, and its subcommands, walked."""

from __future__ import annotations

import argparse
import copy
import re
from collections.abc import Iterable

from .. import values
from ..config import USAGE_WIDTH
from ..model import USAGE_PREFIX, Chooser, Group, Parser, Subcommand
from ..problems import ArgdocError
from .actions import expanded_help, help_template, in_stable_order, option, positional_name, visible

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
                options=tuple(option(action, formatter, exclusive) for action in actions),
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
    stable = {id(action): in_stable_order(action) for action in parser._actions}
    groups = []
    for group in parser._mutually_exclusive_groups:
        members = [stable.get(id(action), action) for action in group._group_actions]
        if members != group._group_actions:
            group = copy.copy(group)
            group._group_actions = members
        groups.append(group)
    return [stable[id(action)] for action in parser._actions], groups


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
            help_text, _error = expanded_help(action, formatter, help_template(action, formatter))
            dest = "" if action.dest is argparse.SUPPRESS else str(action.dest)
            return Chooser(positional_name(action, formatter), dest, help_text, position)
        position += visible(action)
    return None


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
    return positional_name(action, formatter)


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
