"""Stage 1: find, import and call the code that builds the parser, isolated from the build."""

from __future__ import annotations

import argparse
import contextlib
import importlib
import inspect
import io
import os
import runpy
import sys
import traceback
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass
from typing import Any

from . import sources
from .compat.private import autodoc_mock
from .problems import ArgdocError

#: ``sys.argv[0]`` while user code runs: a ``prog`` argparse derived from it is recognisable.
UNSET_PROG = "<sphinx-argdoc: no prog>"
#: How much of what user code printed a message quotes (the end: errors come last).
_OUTPUT_TAIL = 1000


@dataclass(frozen=True)
class Locator:
    """Where a parser comes from: ``module`` (or a Python file) and a dotted attribute path.

    ``passparser``: the attribute fills a fresh parser given to it instead of returning one.
    """

    module: str
    func: str
    filename: str | None = None
    passparser: bool = False

    def __str__(self) -> str:
        return f"{self.filename or self.module}:{self.func}"


@dataclass(frozen=True)
class Loaded:
    """A parser as the user's code returned it, and whether argparse invented its ``prog``."""

    parser: argparse.ArgumentParser
    prog_is_derived: bool
    output: str = ""
    """What the user's code printed to stdout and stderr while it was imported and called."""


def load(locator: Locator, mock_imports: Sequence[str] = ()) -> Loaded:
    """Import and call the user code that *locator* names, and return its parser.

    Modules named in *mock_imports* (``autodoc_mock_imports``) are faked while the code runs.
    """
    if not locator.filename:
        sources.drop_if_changed(locator.module)
    printed = io.StringIO()
    try:
        with _isolated(printed), _mocked(mock_imports), _recording_sources(locator):
            module = _run_file(locator.filename) if locator.filename else _import(locator.module)
            target = _attribute(module, locator)
            result = _result(target, locator)
    except ArgdocError as exc:
        raise ArgdocError(f"{exc}{_quoted(printed.getvalue())}") from exc
    if not isinstance(result, argparse.ArgumentParser):
        raise ArgdocError(
            f"{locator} gave {type(result).__qualname__}, not an argparse.ArgumentParser"
            f"{_quoted(printed.getvalue())}"
        )
    return Loaded(result, prog_is_derived=result.prog == UNSET_PROG, output=printed.getvalue())


def _result(target: object, locator: Locator) -> object:
    if isinstance(target, argparse.ArgumentParser) or not callable(target):
        return target
    if not locator.passparser:
        return _call(target, locator)
    parser = argparse.ArgumentParser()
    _call(target, locator, parser)
    return parser


def _mocked(modules: Sequence[str]) -> contextlib.AbstractContextManager[object]:
    return autodoc_mock(modules) if modules else contextlib.nullcontext()


@contextlib.contextmanager
def _isolated(printed: io.StringIO) -> Iterator[None]:
    """Run user code with a neutral command line and no input, its output captured,
    ``sys.path`` restored."""
    saved_argv, saved_stdin = sys.argv, sys.stdin
    saved_path = sys.path
    saved_path_entries = list(sys.path)
    sys.argv = [UNSET_PROG]
    # Code that asks a question (input()) gets EOFError instead of waiting forever.
    sys.stdin = io.StringIO()
    try:
        with (
            contextlib.redirect_stdout(printed),
            contextlib.redirect_stderr(printed),
            _command_line_parsing_refused(),
        ):
            yield
    finally:
        sys.argv, sys.stdin = saved_argv, saved_stdin
        saved_path[:] = saved_path_entries
        sys.path = saved_path


class _ParsesCommandLine(BaseException):
    """Raised in user code that parses the command line; not an ``Exception``, so that
    ``except Exception`` in that code cannot swallow it and go on to run the program."""

    def __init__(self, call: str, where: str) -> None:
        super().__init__(call, where)
        self.call = call
        self.where = where

    def __str__(self) -> str:
        return f"{self.call}() at {self.where}"


#: Every public way to parse: each reads ``sys.argv`` when given no list. Each one is refused
#: where the user's code calls it, whichever of them argparse routes the others through (that
#: changed in Python 3.12.8 and 3.13.1 for the intermixed ones).
_PARSING_METHODS = (
    "parse_args",
    "parse_known_args",
    "parse_intermixed_args",
    "parse_known_intermixed_args",
)


@contextlib.contextmanager
def _command_line_parsing_refused() -> Iterator[None]:
    # A documentation build must never run the documented program: code that parses
    # sys.argv is stopped there. Parsing an explicit list of arguments stays allowed.
    originals = {name: vars(argparse.ArgumentParser)[name] for name in _PARSING_METHODS}
    for name, original in originals.items():
        setattr(argparse.ArgumentParser, name, _refusing(name, original))
    try:
        yield
    finally:
        for name, original in originals.items():
            setattr(argparse.ArgumentParser, name, original)


def _refusing(name: str, original: Callable[..., Any]) -> Callable[..., Any]:
    """*original*, stopped with ``_ParsesCommandLine`` when it would read ``sys.argv``."""

    def refuse(
        self: argparse.ArgumentParser, args: Sequence[str] | None = None, *rest: Any, **kw: Any
    ) -> Any:
        if args is None:
            caller = sys._getframe(1)
            raise _ParsesCommandLine(name, f"{caller.f_code.co_filename}:{caller.f_lineno}")
        return original(self, args, *rest, **kw)

    return refuse


def output_tail(output: str) -> str:
    """The end of what user code printed, short enough for a message."""
    text = output.strip()
    return "…" + text[-_OUTPUT_TAIL:] if len(text) > _OUTPUT_TAIL else text


def _quoted(output: str) -> str:
    text = output_tail(output)
    return f"; it printed:\n{text}" if text else ""


def _import(name: str) -> object:
    try:
        return importlib.import_module(name)
    except _ParsesCommandLine as exc:
        raise _runs_the_program(f"importing module {name!r}", exc) from None
    except BaseException as exc:  # user code may raise anything, SystemExit included
        if isinstance(exc, KeyboardInterrupt):
            raise
        raise ArgdocError(f"cannot import module {name!r}: {_describe(exc)}") from exc


def _run_file(filename: str) -> object:
    if not os.path.isfile(filename):
        raise ArgdocError(f"cannot read :filename: {filename}: there is no such file")
    try:
        # Run as a module would be imported: an ``if __name__ == "__main__"`` block stays idle.
        namespace = runpy.run_path(filename, run_name=_module_name_of(filename))
    except _ParsesCommandLine as exc:
        raise _runs_the_program(f"running {filename}", exc) from None
    except BaseException as exc:
        if isinstance(exc, KeyboardInterrupt):
            raise
        raise ArgdocError(f"cannot run {filename}: {_describe(exc)}") from exc
    return _Namespace(namespace)


def _runs_the_program(doing: str, exc: _ParsesCommandLine) -> ArgdocError:
    return ArgdocError(
        f"{doing} parses the command line ({exc}), so it would run the "
        'program; put the code that runs it under `if __name__ == "__main__":`'
    )


def _module_name_of(filename: str) -> str:
    return os.path.splitext(os.path.basename(filename))[0]


class _Namespace:
    """The globals of a file run by ``:filename:``, read like a module's attributes."""

    def __init__(self, names: dict[str, object]) -> None:
        self.__dict__.update(names)


def _attribute(module: object, locator: Locator) -> object:
    target = module
    walked = [locator.filename or locator.module]
    for part in locator.func.split("."):
        try:
            target = getattr(target, part)
        except AttributeError:
            raise ArgdocError(
                f"{'.'.join(walked)!s} has no attribute {part!r} (looking for {locator})"
            ) from None
        walked.append(part)
    return target


def _call(target: object, locator: Locator, *args: object) -> object:
    assert callable(target)
    wanted = _wanted_arguments(target, len(args))
    if wanted is not None and not args:
        raise ArgdocError(
            f"{locator}{wanted} wants arguments; if it fills the parser it is given, give the "
            "directive :passparser: (on the command line, use --passparser)"
        )
    try:
        return target(*args)
    except _ParsesCommandLine as exc:
        raise ArgdocError(
            f"{locator}() parses the command line ({exc}) instead of "
            "returning the parser; give :func: a function that builds and returns the "
            "argparse.ArgumentParser (for example, move the parser out of main() into its own "
            "function)"
        ) from None
    except BaseException as exc:
        if isinstance(exc, KeyboardInterrupt):
            raise
        given = "parser" if args else ""
        raise ArgdocError(f"calling {locator}({given}) failed: {_describe(exc)}") from exc


def _wanted_arguments(target: Callable[..., object], given: int) -> str | None:
    """*target*'s signature when it cannot be called with *given* arguments; else ``None``."""
    try:
        signature = inspect.signature(target)
        signature.bind(*range(given))
    except TypeError:
        return str(signature)
    except ValueError:  # no signature to read (a builtin): the call will tell
        return None
    return None


def _describe(exc: BaseException) -> str:
    # argparse's own error() exits from inside argparse: the user's line is more telling.
    frames = [f for f in traceback.extract_tb(exc.__traceback__) if f.filename != argparse.__file__]
    where = f" (at {frames[-1].filename}:{frames[-1].lineno})" if frames else ""
    if isinstance(exc, SystemExit):
        return f"it called sys.exit({exc.code!r}){where}"
    message = str(exc) or "no message"
    return f"{type(exc).__name__}: {message}{where}"


def source_files(locator: Locator) -> tuple[str, ...]:
    """The project's modules' files that *locator*'s parser was built from, as far as known.

    A ``:filename:`` locator runs its file afresh in every build; that file is not a module.
    """
    return () if locator.filename else sources.files_of(locator.module)


def _recording_sources(locator: Locator) -> contextlib.AbstractContextManager[None]:
    if locator.filename:
        return contextlib.nullcontext()
    return sources.recording(locator.module)
