"""Hypothesis strategies for argparse parsers as odd as the ones real CLIs build.

Anything argparse itself refuses while a parser is built (conflicting names, a metavar tuple of
the wrong length…) is skipped: the strategies only produce parsers that argparse accepted.
"""

from __future__ import annotations

import argparse
import contextlib
import warnings
from collections import Counter
from typing import Any

from hypothesis import strategies as st

from sphinx_argdoc import model
from sphinx_argdoc.parts import std_name

SUPPRESS = argparse.SUPPRESS


class Opaque:
    """An object with the default repr (it carries a memory address)."""


class Unprintable:
    """An object whose ``str`` raises, as a half-initialised one may."""

    def __str__(self) -> str:
        raise RuntimeError("no text for you")

    __repr__ = __str__


class Lazy:
    """A lazy translation string: not a ``str``, but prints as one."""

    def __init__(self, text: str) -> None:
        self.text = text

    def __str__(self) -> str:
        return self.text


class StoreValue(argparse.Action):
    """A custom action with the usual signature."""

    def __call__(self, parser: Any, namespace: Any, values: Any, option_string: Any = None) -> None:
        setattr(namespace, self.dest, values)


class Switch(argparse.Action):
    """A custom action that takes no value."""

    def __init__(self, option_strings: Any, dest: Any, **kwargs: Any) -> None:
        super().__init__(option_strings, dest, nargs=0, **kwargs)

    def __call__(self, parser: Any, namespace: Any, values: Any, option_string: Any = None) -> None:
        setattr(namespace, self.dest, True)


class LoudStore(argparse._StoreAction):
    """A subclass of a built-in action."""


# Help, titles and descriptions mix %-formats (valid and broken), unicode, and characters that
# mean something in reST or Markdown.
_FRAGMENTS = [
    "Plain words.",
    "%(default)s",
    "%(prog)s",
    "%(choices)s",
    "%(metavar)s",
    "%(dest)s",
    "%(type)s",
    "%(nope)s",
    "%(default)5.2f",
    "100%",
    "%d",
    "%%",
    "%",
    "naïve — ünïcödé ✓ 中文",
    "*",
    "**bold**",
    "`code`",
    "``literal``",
    "_under_",
    "|sub|",
    "[link](http://example.com)",
    "<b>html</b>",
    "# heading",
    "- item",
    ":",
    "\\",
    "   indented",
    "\n",
    "\n\n",
    "\t",
]

texts = st.lists(st.sampled_from(_FRAGMENTS), max_size=4).map(" ".join)
_TITLE_POOL = ["Model", "Model", "Cache options", "Ausgabe ✓", "a*b", "`x`", "  padded  ", "1"]
titles = st.one_of(
    st.sampled_from(_TITLE_POOL),
    st.none(),
    st.just(""),
    st.just(7),
    st.builds(Lazy, st.sampled_from(_TITLE_POOL)),
    texts,
)
helps = st.one_of(st.none(), st.just(SUPPRESS), texts, st.builds(Lazy, texts))
_OPTION_NAMES = [
    "-a",
    "-b",
    "--alpha",
    "--beta",
    "--gamma-delta",
    "--x_y",
    "--a.b",
    "--größe",
    "-Z",
    "--HELP",
    "--help",
    "--version",
    "---triple",
    "+p",
    "++plus",
    "/win",
]
_POSITIONAL_NAMES = ["src", "dst", "files", "Ünïcode", "with_under"]
metavars = st.one_of(
    st.none(),
    st.sampled_from(["N", "FILE NAME", "<path>", "*x*", "a|b", ""]),
    st.lists(st.sampled_from(["LO", "HI", "A B", "c"]), min_size=1, max_size=3).map(tuple),
)
defaults = st.one_of(
    st.none(),
    st.just(SUPPRESS),
    st.integers(-5, 5),
    st.sampled_from([0.5, float("nan"), float("inf"), -0.0]),
    st.sampled_from(["", " padded ", "text", "%(prog)s", "ü"]),
    st.lists(st.integers(0, 3), max_size=3),
    st.builds(Opaque),
    st.builds(Unprintable),
    st.just({f"key{i}": i for i in range(2000)}),
    st.just(frozenset({"b", "a"})),
    st.just({"z", "y"}),
    st.just(len),
    st.just(int),
)
choices = st.one_of(
    st.none(),
    st.lists(st.sampled_from(["a", "b", "ü", "x y", "*"]), min_size=1, max_size=4, unique=True),
    st.just(range(3)),
    st.just({"b", "a", "x y"}),
    st.just(range(250)),
    st.builds(lambda: [Opaque()]),
)
nargs = st.sampled_from([None, None, "?", "*", "+", 0, 1, 2, argparse.REMAINDER])
actions = st.sampled_from(
    [
        "store",
        "store",
        "store_const",
        "store_true",
        "store_false",
        "append",
        "append_const",
        "count",
        "extend",
        "version",
        "help",
        argparse.BooleanOptionalAction,
        StoreValue,
        Switch,
        LoudStore,
    ]
)
_KEYWORDS = ("action", "nargs", "metavar", "default", "choices", "help", "required", "const")


@st.composite
def parsers(draw: st.DrawFn, max_depth: int = 2) -> argparse.ArgumentParser:
    """An ``ArgumentParser`` with groups, exclusive groups, arguments and subcommands."""
    parser = argparse.ArgumentParser(
        prog=draw(st.sampled_from(["tool", "my tool", "ünï", "t*"])),
        description=draw(st.one_of(st.none(), texts)),
        epilog=draw(st.one_of(st.none(), texts)),
        add_help=draw(st.booleans()),
        conflict_handler=draw(st.sampled_from(["error", "resolve"])),
        formatter_class=draw(
            st.sampled_from(
                [
                    argparse.HelpFormatter,
                    argparse.RawDescriptionHelpFormatter,
                    argparse.RawTextHelpFormatter,
                    argparse.ArgumentDefaultsHelpFormatter,
                    argparse.MetavarTypeHelpFormatter,
                ]
            )
        ),
        **draw(_parser_extras()),
    )
    _populate(draw, parser, max_depth)
    return parser


def _parent() -> argparse.ArgumentParser:
    # Parents lend their actions, the very same objects, to every child parser.
    parent = argparse.ArgumentParser(add_help=False)
    parent.add_argument("--shared", default={"b", "a"}, help="From a parent: %(default)s.")
    parent.add_argument_group("Shared group").add_argument("--lent", help="Lent.")
    return parent


def _parser_extras() -> st.SearchStrategy[dict[str, Any]]:
    return st.fixed_dictionaries(
        {},
        optional={
            "prefix_chars": st.sampled_from(["-+", "+", "-/"]),
            "usage": st.sampled_from(["%(prog)s [options]", "%(prog)", "use it\n  well", "%s"]),
            "argument_default": st.sampled_from([argparse.SUPPRESS, 0]),
            "parents": st.builds(_parent).map(lambda parent: [parent]),
        },
    )


def _populate(draw: st.DrawFn, parser: argparse.ArgumentParser, depth: int) -> None:
    with warnings.catch_warnings():
        # Nesting groups is deprecated, and exactly what real (old) CLIs still do.
        warnings.simplefilter("ignore", DeprecationWarning)
        containers = _containers(draw, parser)
        for _ in range(draw(st.integers(0, 7))):
            _add_argument(draw, draw(st.sampled_from(containers)))
    if depth > 0 and draw(st.booleans()):
        _add_subcommands(draw, parser, depth - 1)


def _containers(draw: st.DrawFn, parser: argparse.ArgumentParser) -> list[Any]:
    containers: list[Any] = [parser]
    for _ in range(draw(st.integers(0, 4))):
        kind = draw(st.sampled_from(["group", "exclusive", "nested"]))
        base = draw(st.sampled_from(containers))
        try:
            if kind == "group":
                containers.append(
                    base.add_argument_group(draw(titles), draw(st.one_of(st.none(), texts)))
                )
            elif kind == "exclusive":
                containers.append(base.add_mutually_exclusive_group(required=draw(st.booleans())))
            else:
                containers.append(base.add_argument_group(draw(titles)))
        except Exception:  # whatever argparse refuses, the generated CLI leaves out
            continue
    return containers


def _add_argument(draw: st.DrawFn, container: Any) -> None:
    positional = draw(st.booleans()) and draw(st.booleans())
    if positional:
        names = [draw(st.sampled_from(_POSITIONAL_NAMES))]
    else:
        names = draw(st.lists(st.sampled_from(_OPTION_NAMES), min_size=1, max_size=3, unique=True))
    strategies = {
        "action": actions,
        "nargs": nargs,
        "metavar": metavars,
        "default": defaults,
        "choices": choices,
        "help": helps,
        "required": st.booleans(),
        "const": st.sampled_from([None, 1, "c"]),
    }
    # Most keywords are left out most of the time, as real code does.
    chosen = draw(st.sets(st.sampled_from(_KEYWORDS), max_size=4))
    given = {key: draw(strategies[key]) for key in _KEYWORDS if key in chosen}
    if positional:
        given.pop("required", None)
    with contextlib.suppress(Exception):  # whatever argparse refuses, the CLI leaves out
        container.add_argument(*names, **given)


def _add_subcommands(draw: st.DrawFn, parser: argparse.ArgumentParser, depth: int) -> None:
    options: dict[str, Any] = {}
    if draw(st.booleans()):
        options["title"] = draw(titles)
    if draw(st.booleans()):
        options["help"] = draw(helps)
    if draw(st.booleans()):
        options["metavar"] = draw(st.sampled_from(["COMMAND", "{a,b}", "c m d"]))
    try:
        subparsers = parser.add_subparsers(dest="command", **options)
    except Exception:  # whatever argparse refuses, the generated CLI leaves out
        return
    for _ in range(draw(st.integers(0, 3))):
        name = draw(st.sampled_from(["run", "stop", "list-all", "ünï", "x y", "run"]))
        aliases = draw(st.lists(st.sampled_from(["r", "go", "stop", "ls"]), max_size=2))
        extra: dict[str, Any] = {}
        if draw(st.booleans()):
            extra["help"] = draw(helps)
        try:
            child = subparsers.add_parser(name, aliases=aliases, **extra)
        except Exception:  # whatever argparse refuses, the generated CLI leaves out
            continue
        _populate(draw, child, depth)


def is_visible(action: argparse.Action) -> bool:
    """An action the reference must document as an option (independently of the model)."""
    return action.help is not SUPPRESS and not isinstance(
        action, (argparse._HelpAction, argparse._SubParsersAction)
    )


def expected_options(parser: argparse.ArgumentParser) -> Counter[tuple[str, ...]]:
    """The visible actions of *parser*: option strings, or ``("<positional>",)``."""
    return Counter(_key(action) for action in parser._actions if is_visible(action))


def _key(action: argparse.Action) -> tuple[str, ...]:
    return tuple(action.option_strings) or ("<positional>",)


def visible_subparsers(
    parser: argparse.ArgumentParser,
) -> list[tuple[str, argparse.ArgumentParser]]:
    """``(name, subparser)`` for each subcommand shown, once per subparser (aliases aside)."""
    result: list[tuple[str, argparse.ArgumentParser]] = []
    for action in parser._actions:
        if not isinstance(action, argparse._SubParsersAction):
            continue
        hidden = {c.dest for c in action._choices_actions if c.help is SUPPRESS}
        seen: set[int] = set()
        for name, child in action.choices.items():
            if id(child) in seen:
                continue
            seen.add(id(child))
            if name not in hidden:
                result.append((name, child))
    return result


def entry_names(option: model.Option) -> tuple[str, ...]:
    """The names an entry answers to: a positional named by its choices also by its dest."""
    if option.positional and option.dest and option.names[0].startswith("{"):
        return (option.dest, *option.names)
    return option.names


def model_signatures(parsed: model.Parser) -> Counter[tuple[str, tuple[str, ...]]]:
    """How often each (std program, option names) pair is in a model, subcommands included."""
    found = Counter(
        (std_name(parsed.prog), entry_names(option))
        for group in parsed.groups
        for option in group.options
    )
    for sub in parsed.subcommands:
        found += model_signatures(sub.parser)
    return found
