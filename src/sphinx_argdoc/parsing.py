"""Where user code is stopped when it parses the command line, so a build never runs it.

Every public way to parse reads ``sys.argv`` when given no list of arguments: while user code
runs, each is stopped with ``ParsesCommandLine`` where the code calls it. While a ``:hook:``
function runs, every parsing call is stopped, and its parser noted.
"""

from __future__ import annotations

import argparse
import contextlib
import sys
from collections.abc import Callable, Iterator, Sequence
from typing import Any


class ParsesCommandLine(BaseException):
    """Raised in user code that parses the command line; not an ``Exception``, so that
    ``except Exception`` in that code cannot swallow it and go on to run the program."""

    def __init__(self, call: str, where: str) -> None:
        super().__init__(call, where)
        self.call = call
        self.where = where

    def __str__(self) -> str:
        return f"{self.call}() at {self.where}"


class Stops:
    """Which parsing calls stop user code: those that would read ``sys.argv``, or, while a
    ``:hook:`` function runs, every one, noting the parser it was called on."""

    def __init__(self) -> None:
        self.parsed: list[argparse.ArgumentParser] | None = None

    @contextlib.contextmanager
    def hooking(self) -> Iterator[list[argparse.ArgumentParser]]:
        # A main(argv=None) may parse sys.argv[1:], a list: it is stopped all the same.
        self.parsed = []
        try:
            yield self.parsed
        finally:
            self.parsed = None

    def stops(self, parser: argparse.ArgumentParser, args: Sequence[str] | None) -> bool:
        if self.parsed is not None:
            self.parsed.append(parser)
            return True
        return args is None


#: Every public way to parse. Each one is refused where the user's code calls it, whichever of
#: them argparse routes the others through (that changed in Python 3.12.8 and 3.13.1 for the
#: intermixed ones).
_PARSING_METHODS = (
    "parse_args",
    "parse_known_args",
    "parse_intermixed_args",
    "parse_known_intermixed_args",
)


@contextlib.contextmanager
def refused() -> Iterator[Stops]:
    # A documentation build must never run the documented program: code that parses
    # sys.argv is stopped there. Parsing an explicit list of arguments stays allowed.
    stops = Stops()
    originals = {name: vars(argparse.ArgumentParser)[name] for name in _PARSING_METHODS}
    for name, original in originals.items():
        setattr(argparse.ArgumentParser, name, _refusing(name, original, stops))
    try:
        yield stops
    finally:
        for name, original in originals.items():
            setattr(argparse.ArgumentParser, name, original)


def _refusing(name: str, original: Callable[..., Any], stops: Stops) -> Callable[..., Any]:
    """*original*, stopped with ``ParsesCommandLine`` where *stops* says so."""

    def refuse(
        self: argparse.ArgumentParser, args: Sequence[str] | None = None, *rest: Any, **kw: Any
    ) -> Any:
        if stops.stops(self, args):
            caller = sys._getframe(1)
            raise ParsesCommandLine(name, f"{caller.f_code.co_filename}:{caller.f_lineno}")
        return original(self, args, *rest, **kw)

    return refuse
