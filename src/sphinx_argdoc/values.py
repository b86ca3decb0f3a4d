"""How values are printed on a page: the same on every build and every machine.

A default or a choice is shown as text; sets print sorted (their order changes between
processes), memory addresses are dropped, long values are shortened the same way each time;
ANSI colour codes are left out unless asked for. A value that comes from a stand-in for a module
that is not installed is shown as unknown.
"""

from __future__ import annotations

import enum
import functools
import inspect
import itertools
import re
import reprlib
from collections.abc import Iterable
from dataclasses import dataclass, replace

from .model import Option, Parser
from .standins import StandIn

# Usage lines wrap anywhere, inside a repr too.
_ADDRESS = re.compile(r"\s+(?:object\s+)?at\s+0x[0-9a-fA-F]+")
_MAX_NESTING = 20
ESCAPE = "\x1b"
_ANSI_ESCAPE = re.compile(ESCAPE + r"\[[0-9;]*[A-Za-z]")
#: Longer defaults (big dicts, long lists) are shortened to about this many characters.
_MAX_DEFAULT = 80
#: How a value that comes from a stand-in shows: what it would be is not known.
UNKNOWN = "unknown"


def without_ansi(text: str) -> str:
    return _ANSI_ESCAPE.sub("", text) if ESCAPE in text else text


def default_text(value: object) -> str:
    """A default as a page shows it."""
    if from_stand_in(value):
        return UNKNOWN
    if isinstance(value, str) and (not value or value != value.strip()):
        return repr(value)
    try:
        text = stable_text(value) if holds_a_set(value) else str(value)
    except Exception:
        text = f"<{type(value).__qualname__}>"
    return _shortened(value, without_addresses(text))


@dataclass(frozen=True, repr=False)
class PrintedAs:
    """Stands in for a default where argparse prints it (``%(default)s``): a set, sorted, or
    a value from a stand-in, as unknown."""

    text: str

    def __str__(self) -> str:
        return self.text

    __repr__ = __str__


_CONTAINERS = (list, tuple, dict, set, frozenset)


def holds_a_set(value: object, depth: int = 0) -> bool:
    """Whether *value* is a set, or a plain list, tuple or dict with a set somewhere inside."""
    return _holds(value, (set, frozenset), depth)


def from_stand_in(value: object) -> bool:
    """Whether *value* is a stand-in's, or a plain container with one somewhere inside."""
    return _holds(value, StandIn, 0)


def _holds(value: object, kinds: type | tuple[type, ...], depth: int) -> bool:
    if isinstance(value, kinds):
        return True
    if type(value) not in _CONTAINERS or depth > _MAX_NESTING:
        return False
    items = value.items() if isinstance(value, dict) else value
    return any(_holds(item, kinds, depth + 1) for item in items)  # type: ignore[attr-defined]


def stable_text(value: object, depth: int = 0) -> str:
    """``repr``-like text in which every set is sorted.

    A set prints in hash order, which changes between runs for strings: the docs must not.
    """
    if isinstance(value, (set, frozenset)):
        items = ", ".join(sorted(stable_text(item, depth + 1) for item in value))
        if not items:
            return f"{type(value).__name__}()"
        return f"{{{items}}}" if isinstance(value, set) else f"frozenset({{{items}}})"
    if type(value) not in _CONTAINERS or depth > _MAX_NESTING:
        return __printed_repr(value)
    if isinstance(value, dict):
        pairs = (
            f"{stable_text(k, depth + 1)}: {stable_text(v, depth + 1)}" for k, v in value.items()
        )
        return "{" + ", ".join(pairs) + "}"
    parts = [stable_text(item, depth + 1) for item in value]  # type: ignore[attr-defined]
    if isinstance(value, list):
        return "[" + ", ".join(parts) + "]"
    return "(" + ", ".join(parts) + ("," if len(parts) == 1 else "") + ")"


def __printed_repr(value: object) -> str:
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
        text = without_addresses(_SHORT_REPR.repr(value))
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


def without_addresses(text: str) -> str:
    """Drop ``at 0x7f…`` from reprs: an address is noise to a reader and differs every build."""
    return _ADDRESS.sub("", text)


def text_of(value: object) -> str:
    # Titles and descriptions may be lazy translation objects: compare and show them as str.
    # The text stays as written; each reader decides what its indentation means.
    return "" if value is None else printed(value)


def type_name(kind: object) -> str | None:
    """How an action's ``type`` is named on a page: ``int``, ``pathlib.Path``, a function's name;
    ``None`` for a lambda, a partial or an object without a name of its own."""
    if kind is None or from_stand_in(kind):
        return None
    named = kind if isinstance(kind, type) or inspect.isroutine(kind) else type(kind)
    qualname = getattr(named, "__qualname__", None)
    if not isinstance(qualname, str) or "<" in qualname or named is functools.partial:
        return None
    module = getattr(named, "__module__", None)
    if not isinstance(named, type) or module in (None, "builtins"):
        return qualname
    # Where the class is imported from, not where it is defined (pathlib._local.Path).
    public = list(itertools.takewhile(lambda part: not part.startswith("_"), module.split(".")))
    return ".".join([*public, qualname]) if public else qualname


def enum_values(kind: object) -> tuple[str, ...]:
    """The values an ``Enum`` given as ``type`` accepts (``Kind("value")``); none for others."""
    if not (isinstance(kind, type) and issubclass(kind, enum.Enum)):
        return ()
    return tuple(printed(member.value) for member in kind)


def printed(value: object) -> str:
    """``str(value)``, or the type's name when the object cannot print itself."""
    try:
        return str(value)
    except Exception:
        return f"<{type(value).__qualname__}>"


def decolored(parser: Parser) -> Parser:
    """*parser* without the ANSI colour codes in its texts."""
    return replace(
        parser,
        usage=without_ansi(parser.usage).strip(),
        description=without_ansi(parser.description),
        epilog=without_ansi(parser.epilog),
        groups=tuple(
            replace(
                group,
                title=without_ansi(group.title),
                description=without_ansi(group.description),
                options=tuple(_decolored_option(o) for o in group.options),
            )
            for group in parser.groups
        ),
        subcommands=tuple(
            replace(sub, help=without_ansi(sub.help), parser=decolored(sub.parser))
            for sub in parser.subcommands
        ),
    )


def _decolored_option(option: Option) -> Option:
    # Nearly every option is without colour: copying each would cost a tenth of building them.
    if not any(ESCAPE in text for text in _texts_of(option)):
        return option
    return replace(
        option,
        names=tuple(without_ansi(name) for name in option.names),
        signature=tuple((without_ansi(n), without_ansi(a)) for n, a in option.signature),
        help=without_ansi(option.help),
        exclusive_with=tuple(without_ansi(name) for name in option.exclusive_with),
    )


def _texts_of(option: Option) -> Iterable[str]:
    yield from option.names
    for name, args in option.signature:
        yield name
        yield args
    yield option.help
    yield from option.exclusive_with
