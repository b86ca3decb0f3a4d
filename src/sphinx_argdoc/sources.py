"""Which of the project's source files a parser comes from, and whether they changed since.

Pages note these files as dependencies, so Sphinx re-reads exactly the pages whose CLI code
changed. In one process (an autobuilder, a test session) a changed CLI must also be imported
again: the modules recorded for it are dropped from ``sys.modules`` before the next import.
"""

from __future__ import annotations

import contextlib
import functools
import importlib
import importlib.util
import os
import site
import sys
import sysconfig
import types
from collections.abc import Iterable, Iterator
from dataclasses import dataclass


@dataclass(frozen=True)
class Record:
    """The project modules a CLI module pulled in, and their files as they were when read."""

    modules: tuple[str, ...]
    stamps: tuple[tuple[str, int, int], ...]
    """``(path, mtime in ns, size)`` of each project file, sorted by path."""
    libraries: tuple[str, ...] = ()
    """The top-level names of installed packages (not the standard library) it used."""

    @property
    def files(self) -> tuple[str, ...]:
        return tuple(path for path, _, _ in self.stamps)


_records: dict[str, Record] = {}


@contextlib.contextmanager
def recording(module: str) -> Iterator[None]:
    """Record the project files that importing and calling into *module* pulled in.

    Modules that were imported already (by another CLI, or by ``conf.py``) are found through
    what *module* refers to. Records accumulate while *module* stays imported.
    """
    before = set(sys.modules)
    if module not in before:
        _records.pop(module, None)
    try:
        yield
    finally:
        pulled = sorted(set(sys.modules) - before)
        project, outside = _referenced(module)
        _remember(module, [*project, *pulled], [*outside, *pulled])


def files_of(module: str) -> tuple[str, ...]:
    """The project files recorded for *module* (its own file first when it is known)."""
    record = _records.get(module)
    own = _own_file(module)
    recorded = record.files if record else ()
    ordered = ([own] if own else []) + [path for path in recorded if path != own]
    return tuple(ordered)


def libraries_of(module: str) -> tuple[str, ...]:
    """The installed packages recorded for *module*, by their top-level import names."""
    record = _records.get(module)
    return record.libraries if record else ()


def drop_if_changed(module: str) -> None:
    """Forget the modules recorded for *module* when one of their files changed or vanished."""
    record = _records.get(module)
    if record is None or all(_stamp(path) == (path, m, s) for path, m, s in record.stamps):
        return
    for name in record.modules:
        sys.modules.pop(name, None)
    del _records[module]
    importlib.invalidate_caches()


def _remember(module: str, names: Iterable[str], used: Iterable[str]) -> None:
    earlier = _records.get(module, Record((), ()))
    modules = {name: _project_file(name) for name in names}
    kept = {name for name, path in modules.items() if path is not None}
    stamps = {stamp[0]: stamp for stamp in earlier.stamps}
    for path in modules.values():
        if path is not None and path not in stamps:
            stamp = _stamp(path)
            if stamp is not None:
                stamps[path] = stamp
    _records[module] = Record(
        modules=tuple(sorted(kept | set(earlier.modules))),
        stamps=tuple(stamps[path] for path in sorted(stamps)),
        libraries=tuple(sorted(set(earlier.libraries) | _installed_tops(used))),
    )


def _installed_tops(names: Iterable[str]) -> set[str]:
    """The top-level names of those of *names* that are modules of installed packages."""
    tops = set()
    for name in names:
        path = getattr(sys.modules.get(name), "__file__", None)
        if isinstance(path, str) and os.path.realpath(path).startswith(_package_dirs()):
            tops.add(name.partition(".")[0])
    return tops


def _referenced(name: str) -> tuple[list[str], set[str]]:
    """*name* and the project modules it reaches through its globals, and their packages; and
    the other modules those refer to."""
    seen: set[str] = set()
    outside: set[str] = set()
    waiting = [name]
    while waiting:
        current = waiting.pop()
        if current in seen:
            continue
        if _project_file(current) is None:
            outside.add(current)
            continue
        seen.add(current)
        waiting.append(current.rpartition(".")[0])
        namespace = getattr(sys.modules[current], "__dict__", {})
        waiting += [owner for value in list(namespace.values()) if (owner := _owner(value))]
    return sorted(seen), outside


def _owner(value: object) -> str | None:
    # Only modules, functions and classes: other objects' attributes may run user code.
    if isinstance(value, types.ModuleType):
        return value.__name__
    if isinstance(value, (types.FunctionType, type)):
        owner = value.__dict__.get("__module__") if isinstance(value, type) else value.__module__
        return owner if isinstance(owner, str) else None
    return None


def _project_file(name: str) -> str | None:
    module = sys.modules.get(name)
    path = getattr(module, "__file__", None)
    if not isinstance(path, str) or not os.path.isfile(path):
        return None
    path = os.path.realpath(path)
    return None if path.startswith(_library_dirs()) else path


def _own_file(module: str) -> str | None:
    if module in sys.modules:
        return _project_file(module)
    # The import failed: the file that would have been imported is still worth watching.
    # Looking it up must not run user code again, so only when its package is imported.
    parent = module.rpartition(".")[0]
    if parent and parent not in sys.modules:
        return None
    try:
        spec = importlib.util.find_spec(module)
    except Exception:
        return None
    origin = spec.origin if spec is not None else None
    if origin is None or not os.path.isfile(origin):
        return None
    origin = os.path.realpath(origin)
    return None if origin.startswith(_library_dirs()) else origin


def _stamp(path: str) -> tuple[str, int, int] | None:
    try:
        status = os.stat(path)
    except OSError:
        return None
    return (path, status.st_mtime_ns, status.st_size)


@functools.cache
def _package_dirs() -> tuple[str, ...]:
    """Folders of installed packages, whose versions say whether their code changed."""
    paths = sysconfig.get_paths()
    folders = {paths[key] for key in ("purelib", "platlib") if key in paths}
    folders.update(site.getsitepackages())
    if site.ENABLE_USER_SITE and site.getusersitepackages():
        folders.add(site.getusersitepackages())
    return tuple(sorted(os.path.join(os.path.realpath(folder), "") for folder in folders))


@functools.cache
def _library_dirs() -> tuple[str, ...]:
    """Folders of the standard library and installed packages: not the project's own code."""
    paths = sysconfig.get_paths()
    folders = {paths[key] for key in ("stdlib", "platstdlib", "purelib", "platlib") if key in paths}
    folders.update(site.getsitepackages())
    if site.ENABLE_USER_SITE and site.getusersitepackages():
        folders.add(site.getusersitepackages())
    return tuple(sorted(os.path.join(os.path.realpath(folder), "") for folder in folders))
