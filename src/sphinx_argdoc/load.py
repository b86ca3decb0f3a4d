"""Stage 1: find, import and call the code that builds the parser, isolated from the build."""

from __future__ import annotations

import argparse
import contextlib
import io
import sys
from collections.abc import Iterator, Sequence
from dataclasses import dataclass

from . import parsing, sources, standins, usercode
from .compat.private import autodoc_mock
from .config import PLACEHOLDER_VERSION
from .locator import Locator
from .problems import ArgdocError

#: ``sys.argv[0]`` while user code runs: a ``prog`` argparse derived from it is recognisable.
UNSET_PROG = "<sphinx-argdoc: no prog>"
#: How much of what user code printed a message quotes (the end: errors come last).
_OUTPUT_TAIL = 1000


@dataclass(frozen=True)
class Loaded:
    """A parser as the user's code returned it, and whether argparse invented its ``prog``."""

    parser: argparse.ArgumentParser
    prog_is_derived: bool
    output: str = ""
    """What the user's code printed to stdout and stderr while it was imported and called."""
    stood_in: tuple[str, ...] = ()
    """The packages that were not installed and got stand-ins, in the order they were missed."""


def load(
    locator: Locator,
    mock_imports: Sequence[str] = (),
    mock_missing: bool = False,
    placeholder_version: str = PLACEHOLDER_VERSION,
) -> Loaded:
    """Import and call the user code that *locator* names, and return its parser.

    Modules named in *mock_imports* (``autodoc_mock_imports``) are faked while the code runs;
    with *mock_missing* (or the locator's own), packages it imports that are not installed get
    stand-ins, their versions being *placeholder_version*.
    """
    if not locator.filename:
        sources.drop_if_changed(locator.module)
    printed = io.StringIO()
    try:
        with (
            _isolated(printed) as stops,
            _mocked(mock_imports),
            _standing_in(mock_missing or locator.mock_missing, placeholder_version) as stand_ins,
            _recording_sources(locator),
        ):
            result = _tried_with_stand_ins(locator, stops, stand_ins, printed)
            stood_in = stand_ins.packages if stand_ins else ()
    except ArgdocError as exc:
        raise ArgdocError(f"{exc}{_hint(exc, locator)}{_quoted(printed.getvalue())}") from exc
    if not isinstance(result, argparse.ArgumentParser):
        raise ArgdocError(
            f"{locator} gave {type(result).__qualname__}, not an argparse.ArgumentParser"
            f"{_quoted(printed.getvalue())}"
        )
    return Loaded(
        result,
        prog_is_derived=result.prog == UNSET_PROG,
        output=printed.getvalue(),
        stood_in=stood_in,
    )


def _tried_with_stand_ins(
    locator: Locator,
    stops: parsing.Stops,
    stand_ins: standins.StandIns | None,
    printed: io.StringIO,
) -> object:
    """What *locator* names, tried again with a stand-in for each package found missing."""
    while True:
        try:
            module = (
                usercode.run_file(locator.filename)
                if locator.filename
                else usercode.import_module(locator.module)
            )
            target = usercode.attribute(module, locator)
            return _hooked(target, locator, stops) if locator.hook else _result(target, locator)
        except ArgdocError as exc:
            missing = exc.__cause__
            if not (
                stand_ins is not None
                and isinstance(missing, ModuleNotFoundError)
                and stand_ins.stand_in_for(missing, _project(locator))
            ):
                raise
            # What the failed try printed would be said again by the next one.
            printed.seek(0)
            printed.truncate()


def _standing_in(
    wanted: bool, version: str
) -> contextlib.AbstractContextManager[standins.StandIns | None]:
    return standins.standing_in(version) if wanted else contextlib.nullcontext()


def _project(locator: Locator) -> str:
    """The top-level package of the code documented: a package it misses is its own mistake."""
    if locator.filename:
        return usercode.module_name_of(locator.filename)
    return locator.module.partition(".")[0]


def _hint(exc: ArgdocError, locator: Locator) -> str:
    # With stand-ins on, a package that could have one got it: this is another kind of mistake.
    missing = exc.__cause__
    if not isinstance(missing, ModuleNotFoundError):
        return ""
    package = standins.missing_package(missing, _project(locator))
    if package is None:
        return ""
    return (
        f"; to document the CLI without installing {package!r}, add :mock-missing-imports: "
        "or set argdoc_mock_missing_imports = True in conf.py"
    )


def _result(target: object, locator: Locator) -> object:
    if isinstance(target, argparse.ArgumentParser) or not callable(target):
        return target
    if not locator.passparser:
        return usercode.call(target, locator)
    parser = argparse.ArgumentParser()
    usercode.call(target, locator, parser)
    return parser


def _hooked(target: object, locator: Locator, stops: parsing.Stops) -> argparse.ArgumentParser:
    """The parser that running *target* (a ``main()``) was about to parse."""
    if isinstance(target, argparse.ArgumentParser) or not callable(target):
        raise ArgdocError(
            f"{locator} is {type(target).__qualname__}, not a function to run; :hook: documents "
            "the parser that calling :func: parses"
        )
    args = (argparse.ArgumentParser(),) if locator.passparser else ()
    with stops.hooking() as parsed:
        try:
            target(*args)
        except parsing.ParsesCommandLine:
            pass
        except BaseException as exc:
            if isinstance(exc, KeyboardInterrupt):
                raise
            # Code that caught the stop and failed afterwards has shown its parser already.
            if not parsed:
                given = "parser" if args else ""
                raise ArgdocError(
                    f"calling {locator}({given}) failed: {usercode.describe(exc)}"
                ) from exc
    distinct = list({id(parser): parser for parser in parsed}.values())
    if not distinct:
        raise ArgdocError(
            f"{locator}() returned without parsing the command line; :hook: documents the parser "
            "a function parses: name the one that calls parse_args(), or leave out :hook: for a "
            "function that returns the parser"
        )
    if len(distinct) > 1:
        progs = ", ".join(repr(parser.prog) for parser in distinct)
        raise ArgdocError(
            f"{locator}() parsed {len(distinct)} different parsers ({progs}); :hook: documents "
            "the one parser a function parses: name a function that parses only that one"
        )
    return distinct[0]


def _mocked(modules: Sequence[str]) -> contextlib.AbstractContextManager[object]:
    return autodoc_mock(modules) if modules else contextlib.nullcontext()


@contextlib.contextmanager
def _isolated(printed: io.StringIO) -> Iterator[parsing.Stops]:
    """Run user code with a neutral command line and no input, its output captured,
    ``sys.path`` restored, and stopped where it parses the command line."""
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
            parsing.refused() as stops,
        ):
            yield stops
    finally:
        sys.argv, sys.stdin = saved_argv, saved_stdin
        saved_path[:] = saved_path_entries
        sys.path = saved_path


def output_tail(output: str) -> str:
    """The end of what user code printed, short enough for a message."""
    text = output.strip()
    return "…" + text[-_OUTPUT_TAIL:] if len(text) > _OUTPUT_TAIL else text


def _quoted(output: str) -> str:
    text = output_tail(output)
    return f"; it printed:\n{text}" if text else ""


def source_files(locator: Locator) -> tuple[str, ...]:
    """The project's modules' files that *locator*'s parser was built from, as far as known.

    A ``:filename:`` locator runs its file afresh in every build; that file is not a module.
    """
    return () if locator.filename else sources.files_of(locator.module)


def libraries(locator: Locator) -> tuple[str, ...]:
    """The installed packages *locator*'s parser used, by their top-level import names."""
    return () if locator.filename else sources.libraries_of(locator.module)


def _recording_sources(locator: Locator) -> contextlib.AbstractContextManager[None]:
    if locator.filename:
        return contextlib.nullcontext()
    return sources.recording(locator.module)
