"""Stage 1: find, import and call the code that builds the parser; cache the result."""

from __future__ import annotations

import argparse
import contextlib
import importlib
import sys
import traceback
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from typing import TypeVar, cast

from . import sources
from .errors import ArgdocError

#: ``sys.argv[0]`` while user code runs: a ``prog`` argparse derived from it is recognisable.
UNSET_PROG = "<sphinx-argdoc: no prog>"

T = TypeVar("T")


@dataclass(frozen=True)
class Locator:
    """Where a parser comes from: ``module`` and a dotted attribute path inside it."""

    module: str
    func: str

    def __str__(self) -> str:
        return f"{self.module}:{self.func}"


@dataclass(frozen=True)
class Loaded:
    """A parser as the user's code returned it, and whether argparse invented its ``prog``."""

    parser: argparse.ArgumentParser
    prog_is_derived: bool


_cache: dict[Locator, Loaded] = {}


def clear_cache() -> None:
    """Forget every loaded parser and model (a new build must see the CLI as it is now)."""
    _cache.clear()
    _memo.clear()


def load(locator: Locator) -> Loaded:
    """Return the parser named by *locator*, importing and calling user code once per build."""
    loaded = _cache.get(locator)
    if loaded is None:
        loaded = _cache[locator] = _load_uncached(locator)
    return loaded


def _load_uncached(locator: Locator) -> Loaded:
    sources.drop_if_changed(locator.module)
    with _argv_for_user_code(), sources.recording(locator.module):
        module = _import(locator.module)
        target = _attribute(module, locator)
        result = _call(target, locator) if callable(target) else target
    if not isinstance(result, argparse.ArgumentParser):
        raise ArgdocError(
            f"{locator} gave {type(result).__qualname__}, not an argparse.ArgumentParser"
        )
    return Loaded(result, prog_is_derived=result.prog == UNSET_PROG)


@contextlib.contextmanager
def _argv_for_user_code() -> Iterator[None]:
    saved = sys.argv
    sys.argv = [UNSET_PROG]
    try:
        yield
    finally:
        sys.argv = saved


def _import(name: str) -> object:
    try:
        return importlib.import_module(name)
    except BaseException as exc:  # user code may raise anything, SystemExit included
        if isinstance(exc, KeyboardInterrupt):
            raise
        raise ArgdocError(f"cannot import module {name!r}: {_describe(exc)}") from exc


def _attribute(module: object, locator: Locator) -> object:
    target = module
    walked = [locator.module]
    for part in locator.func.split("."):
        try:
            target = getattr(target, part)
        except AttributeError:
            raise ArgdocError(
                f"{'.'.join(walked)!s} has no attribute {part!r} (looking for {locator})"
            ) from None
        walked.append(part)
    return target


def _call(target: object, locator: Locator) -> object:
    assert callable(target)
    try:
        return target()
    except BaseException as exc:
        if isinstance(exc, KeyboardInterrupt):
            raise
        raise ArgdocError(f"calling {locator}() failed: {_describe(exc)}") from exc


def _describe(exc: BaseException) -> str:
    if isinstance(exc, SystemExit):
        return f"it called sys.exit({exc.code!r})"
    frames = traceback.extract_tb(exc.__traceback__)
    where = f" (at {frames[-1].filename}:{frames[-1].lineno})" if frames else ""
    message = str(exc) or "no message"
    return f"{type(exc).__name__}: {message}{where}"


def source_files(locator: Locator) -> tuple[str, ...]:
    """The project's files that *locator*'s parser was built from, as far as they are known."""
    return sources.files_of(locator.module)


_memo: dict[object, object] = {}


def memo(key: object, compute: Callable[[], T]) -> T:
    """Return ``compute()``, computed once per build for *key*."""
    if key not in _memo:
        _memo[key] = compute()
    return cast(T, _memo[key])
