"""Running the CLI's code: importing its module or running its file, reaching the attribute that
names the parser, calling it, and saying what went wrong in terms of the reader's code.

User code may raise anything, exit, or parse the command line; each ends as one ``ArgdocError``.
"""

from __future__ import annotations

import argparse
import importlib
import inspect
import os
import runpy
import traceback
from collections.abc import Callable

from . import parsing
from .locator import Locator
from .problems import ArgdocError


def import_module(name: str) -> object:
    try:
        return importlib.import_module(name)
    except parsing.ParsesCommandLine as exc:
        raise runs_the_program(f"importing module {name!r}", exc) from None
    except BaseException as exc:  # user code may raise anything, SystemExit included
        if isinstance(exc, KeyboardInterrupt):
            raise
        hint = _not_importable_hint(name, exc)
        raise ArgdocError(f"cannot import module {name!r}: {describe(exc)}{hint}") from exc


def _not_importable_hint(name: str, exc: BaseException) -> str:
    """How to make the module importable, when it is the module itself (or its package) that
    Python cannot find."""
    missing = exc.name if isinstance(exc, ModuleNotFoundError) else None
    if not missing or not (name == missing or name.startswith(f"{missing}.")):
        return ""
    return (
        "; Sphinx imports the CLI's module: install the project in the environment that runs "
        "Sphinx (pip install -e .), or put its folder on sys.path in conf.py"
    )


def run_file(filename: str) -> object:
    if not os.path.isfile(filename):
        raise ArgdocError(f"cannot read :filename: {filename}: there is no such file")
    try:
        # Run as a module would be imported: an ``if __name__ == "__main__"`` block stays idle.
        namespace = runpy.run_path(filename, run_name=module_name_of(filename))
    except parsing.ParsesCommandLine as exc:
        raise runs_the_program(f"running {filename}", exc) from None
    except BaseException as exc:
        if isinstance(exc, KeyboardInterrupt):
            raise
        raise ArgdocError(f"cannot run {filename}: {describe(exc)}") from exc
    return _Namespace(namespace)


def runs_the_program(doing: str, exc: parsing.ParsesCommandLine) -> ArgdocError:
    return ArgdocError(
        f"{doing} parses the command line ({exc}), so it would run the "
        'program; put the code that runs it under `if __name__ == "__main__":`'
    )


def module_name_of(filename: str) -> str:
    return os.path.splitext(os.path.basename(filename))[0]


class _Namespace:
    """The globals of a file run by ``:filename:``, read like a module's attributes."""

    def __init__(self, names: dict[str, object]) -> None:
        self.__dict__.update(names)


def attribute(module: object, locator: Locator) -> object:
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


def call(target: object, locator: Locator, *args: object) -> object:
    assert callable(target)
    wanted = _wanted_arguments(target, len(args))
    if wanted is not None and not args:
        raise ArgdocError(
            f"{locator}{wanted} wants arguments; if it fills the parser it is given, give the "
            "directive :passparser: (on the command line, use --passparser)"
        )
    try:
        return target(*args)
    except parsing.ParsesCommandLine as exc:
        raise ArgdocError(
            f"{locator}() parses the command line ({exc}) instead of "
            "returning the parser; add :hook: to document the parser it parses, or give :func: "
            "a function that builds and returns the argparse.ArgumentParser"
        ) from None
    except BaseException as exc:
        if isinstance(exc, KeyboardInterrupt):
            raise
        given = "parser" if args else ""
        raise ArgdocError(f"calling {locator}({given}) failed: {describe(exc)}") from exc


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


def describe(exc: BaseException) -> str:
    # argparse's own error() exits from inside argparse: the user's line is more telling.
    # Python's import machinery (``<frozen importlib._bootstrap>``) and this module are no
    # place of the user's to look at.
    frames = [
        f
        for f in traceback.extract_tb(exc.__traceback__)
        if f.filename not in (argparse.__file__, __file__, importlib.__file__)
        and not f.filename.startswith("<")
    ]
    where = f" (at {frames[-1].filename}:{frames[-1].lineno})" if frames else ""
    if isinstance(exc, SystemExit):
        return f"it called sys.exit({exc.code!r}){where}"
    message = str(exc) or "no message"
    return f"{type(exc).__name__}: {message}{where}"
