"""The models of earlier builds, kept in the doctree folder: a rebuild need not import the CLI.

Importing a big CLI can cost seconds; its model, once walked, is small frozen data. Each entry
is a pickle holding the model and what it was made from: the project files the CLI's module
imported (with a hash of each one's content), the versions of the installed distributions it
used, the Python version and this extension's code. An entry whose inputs all still hold is
used instead of a load; any change loads afresh and writes the entry again.

Worker processes of a parallel build share the entries too: while one loads a parser, the
others wait on a lock of that entry and then read what it wrote, so each parser is loaded once
per build. Entries written by the running build (its token) are good for it even where entries
of earlier builds are not to be used (a fresh environment, ``argdoc_model_cache = False``).

``cache.py`` owns this store: nothing else reads or writes it.
"""

from __future__ import annotations

import contextlib
import functools
import hashlib
import importlib.metadata
import os
import pickle
import sys
import tempfile
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import IO

from .model import Parser

try:
    import fcntl
except ImportError:  # Windows: workers may then load a parser each, as without the store
    fcntl = None  # type: ignore[assignment]

#: Bumped when an entry's shape changes; with the extension's code it makes older entries void.
FORMAT = 1
#: The folder under the doctree folder that holds the entries.
FOLDER = "argdoc-models"


@dataclass(frozen=True)
class Walked:
    """A parser's model and what a directive needs of its load besides."""

    model: Parser
    prog_is_derived: bool
    """Whether argparse made up the parser's prog (the directive then warns without :prog:)."""
    stood_in: tuple[str, ...]
    """The packages that were not installed and got stand-ins."""
    files: tuple[str, ...]
    """The project files the parser came from: the pages using it depend on them."""


@dataclass(frozen=True)
class Inputs:
    """What a model was made from, besides the locator and the settings its key holds."""

    files: tuple[tuple[str, str], ...]
    """``(path, hash of its content)`` of each project file."""
    distributions: tuple[tuple[str, str], ...]
    """``(name, version)`` of each installed distribution the CLI used."""


@dataclass(frozen=True)
class _Entry:
    key: str
    build: str
    python: str
    extension: str
    inputs: Inputs
    walked: Walked


class Unreadable(Exception):
    """An entry's file holds no entry of this extension; the message says why."""


@dataclass(frozen=True)
class Store:
    """The entries of one doctree folder, as one build uses them."""

    folder: Path
    token: str
    """The running build's: what its processes wrote is always good for it."""
    earlier: bool
    """Whether entries that earlier builds wrote may be used."""

    def read(self, key: str) -> Walked | None:
        """The entry of *key* when it is good for this build, else ``None``.

        Raises ``Unreadable`` for a file that holds no entry of this extension.
        """
        path = self._path(key)
        try:
            raw = path.read_bytes()
        except OSError:
            return None
        try:
            entry = pickle.loads(raw)
        except Exception as exc:
            raise Unreadable(f"{path}: it cannot be read ({type(exc).__name__}: {exc})") from None
        if not isinstance(entry, _Entry) or entry.key != key:
            raise Unreadable(f"{path}: it holds no model of this parser")
        if entry.build == self.token:
            return entry.walked
        if not self.earlier or (entry.python, entry.extension) != (_python(), _extension()):
            return None
        return entry.walked if still_holds(entry.inputs) else None

    def write(self, key: str, walked: Walked, inputs: Inputs) -> None:
        """Keep *walked* under *key*; a folder that cannot be written to keeps nothing."""
        entry = _Entry(key, self.token, _python(), _extension(), inputs, walked)
        try:
            self.folder.mkdir(parents=True, exist_ok=True)
            # Written aside and moved in place: a reader never sees half an entry.
            handle, temporary = tempfile.mkstemp(dir=self.folder, suffix=".tmp")
        except OSError:
            return
        try:
            with os.fdopen(handle, "wb") as stream:
                pickle.dump(entry, stream, protocol=pickle.HIGHEST_PROTOCOL)
            os.replace(temporary, self._path(key))
        except OSError:
            with contextlib.suppress(OSError):
                os.unlink(temporary)

    @contextlib.contextmanager
    def locked(self, key: str) -> Iterator[None]:
        """Hold *key*'s lock: another process wanting the same model waits for this one's."""
        lock = self._lock_file(key) if fcntl is not None else None
        if lock is None:
            yield
            return
        with lock:
            fcntl.flock(lock, fcntl.LOCK_EX)
            try:
                yield
            finally:
                fcntl.flock(lock, fcntl.LOCK_UN)

    def _lock_file(self, key: str) -> IO[str] | None:
        try:
            self.folder.mkdir(parents=True, exist_ok=True)
            return open(self._path(key).with_suffix(".lock"), "a")
        except OSError:
            return None

    def _path(self, key: str) -> Path:
        return self.folder / f"{hashlib.sha256(key.encode()).hexdigest()[:32]}.pickle"


def inputs_of(files: tuple[str, ...], libraries: tuple[str, ...]) -> Inputs | None:
    """The inputs of a model made from *files* and the packages named *libraries*, as they are
    now; ``None`` when a file cannot be read."""
    hashed = []
    for path in files:
        digest = _hash(path)
        if digest is None:
            return None
        hashed.append((path, digest))
    names = sorted({name for top in libraries for name in _distributions_of(top)})
    return Inputs(tuple(hashed), tuple((name, _version(name)) for name in names))


def still_holds(inputs: Inputs) -> bool:
    """Whether every file and distribution is still as it was when the entry was written."""
    return all(_hash(path) == digest for path, digest in inputs.files) and all(
        _version(name) == version for name, version in inputs.distributions
    )


def _hash(path: str) -> str | None:
    try:
        return hashlib.sha256(Path(path).read_bytes()).hexdigest()
    except OSError:
        return None


def _version(name: str) -> str:
    try:
        return importlib.metadata.version(name)
    except importlib.metadata.PackageNotFoundError:
        return ""


def _distributions_of(top: str) -> tuple[str, ...]:
    """The installed distributions that provide the top-level module *top*."""
    # Most distributions are named as the module they install: asking for that one reads one
    # folder's metadata, where mapping every module to its distribution reads every one's.
    try:
        own = importlib.metadata.distribution(top)
    except importlib.metadata.PackageNotFoundError:
        return tuple(_every_owner().get(top, ()))
    provided = (own.read_text("top_level.txt") or "").split()
    if top in provided or not provided:
        return (own.metadata["Name"],)
    return tuple(_every_owner().get(top, ()))


@functools.cache
def _every_owner() -> dict[str, list[str]]:
    return dict(importlib.metadata.packages_distributions())


def _python() -> str:
    return f"{sys.implementation.cache_tag} {sys.version}"


@functools.cache
def _extension() -> str:
    """A hash of this extension's code: a model made by other code is made afresh."""
    package = Path(__file__).parent
    digest = hashlib.sha256(str(FORMAT).encode())
    for path in sorted(package.rglob("*.py")):
        digest.update(path.relative_to(package).as_posix().encode())
        digest.update(path.read_bytes())
    return digest.hexdigest()
