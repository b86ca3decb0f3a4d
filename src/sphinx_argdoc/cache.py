"""What one build works out once per parser and shares between its directives.

A reference page in the seed's shape has a directive per group of one parser: each would
otherwise import the CLI, call its parser function, walk the parser and outline its groups.
The cache lives in this process and is emptied when a build starts reading documents, so every
build sees the CLI as it is; each parallel reader process has its own. Below it, the models
are kept on disk (``modelstore.py``), for rebuilds and for the other reader processes.
"""

from __future__ import annotations

import contextlib
import uuid
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

from sphinx.application import Sphinx
from sphinx.environment import BuildEnvironment

from .config import Settings
from .load import Loaded
from .locator import Locator
from .model import Parser
from .modelstore import FOLDER, Inputs, Store, Unreadable, Walked
from .problems import ArgdocError, Level, Problem
from .select import Outline


@dataclass(frozen=True)
class ModelKey:
    """One parser's model: a locator, shown under one prog, with or without colour, its usage
    wrapped at one width."""

    locator: Locator
    prog: str
    color: bool
    usage_width: int


@dataclass(frozen=True)
class Wanted:
    """A model as a directive asks for it: its locator, the ``:prog:`` given (if any), colour.

    ``settings`` holds the build's settings that change what loading gives.
    """

    locator: Locator
    prog: str | None
    color: bool
    settings: tuple[object, ...] = ()

    def __str__(self) -> str:
        return repr((self.locator, self.prog, self.color, self.settings))


#: A fresh walk: the model and the inputs it was made from (``None``: not to be stored).
Walk = Callable[[], tuple[Walked, Inputs | None]]


@dataclass
class BuildCache:
    """Loaded parsers (or why they failed to load), their models and outlines, and which loads
    have been reported on."""

    _loaded: dict[Locator, Loaded | ArgdocError] = field(default_factory=dict)
    _models: dict[ModelKey, Parser] = field(default_factory=dict)
    _outlines: dict[tuple[ModelKey, tuple[str, ...]], Outline] = field(default_factory=dict)
    _reported: set[Locator] = field(default_factory=set)
    _walked: dict[Wanted, Walked] = field(default_factory=dict)
    store: Store | None = None
    """Where models are kept between builds and reader processes; ``None``: nowhere."""

    def loaded(self, locator: Locator, load: Callable[[], Loaded]) -> Loaded:
        """The parser *locator* names, loaded the first time it is asked for.

        A load that failed is not tried again: each directive naming it gets the same error,
        without running the CLI's code (a slow import, a failing call) once more.
        """
        if locator not in self._loaded:
            try:
                self._loaded[locator] = load()
            except ArgdocError as exc:
                self._loaded[locator] = exc
        found = self._loaded[locator]
        if isinstance(found, ArgdocError):
            raise found.with_traceback(None)
        return found

    def model(self, key: ModelKey, build: Callable[[], Parser]) -> Parser:
        """The model of the parser *key* names, built the first time."""
        if key not in self._models:
            self._models[key] = build()
        return self._models[key]

    def walked(self, wanted: Wanted, walk: Walk, problems: list[Problem], kept: bool) -> Walked:
        """The model *wanted* names, from this process, from the store (when it may be *kept*
        there) or walked by *walk*.

        A store's file that cannot be used is said in one info line added to *problems*.
        """
        if wanted not in self._walked:
            store = self.store if kept else None
            self._walked[wanted] = self._stored_or_walked(store, wanted, walk, problems)
        return self._walked[wanted]

    @staticmethod
    def _stored_or_walked(
        store: Store | None, wanted: Wanted, walk: Walk, problems: list[Problem]
    ) -> Walked:
        key = str(wanted)
        if store is None:
            return walk()[0]
        with contextlib.suppress(Unreadable):
            found = store.read(key)
            if found is not None:
                return found
        # One process loads; the others wanting it meanwhile wait, then read what it wrote.
        with store.locked(key):
            try:
                found = store.read(key)
            except Unreadable as exc:
                found = None
                message = f"{wanted.locator}: ignored a model cache file, {exc}; loading afresh"
                problems.append(Problem(None, message, Level.INFO))
            if found is not None:
                return found
            walked, inputs = walk()
            if inputs is not None:
                store.write(key, walked, inputs)
            return walked

    def outline(
        self, key: ModelKey, path: tuple[str, ...], outline: Callable[[], Outline]
    ) -> Outline:
        """The outline of the subcommand at *path* of *key*'s model, worked out the first time."""
        if (key, path) not in self._outlines:
            self._outlines[key, path] = outline()
        return self._outlines[key, path]

    def first_report(self, locator: Locator) -> bool:
        """True the first time it is asked about *locator*: what its load printed is said once."""
        first = locator not in self._reported
        self._reported.add(locator)
        return first

    def clear(self, store: Store | None = None) -> None:
        """Forget everything: a new build must see the CLI as it is now; it uses *store*."""
        self.store = store
        self._walked.clear()
        self._loaded.clear()
        self._models.clear()
        self._outlines.clear()
        self._reported.clear()


def start_reading(app: Sphinx, env: BuildEnvironment, docnames: list[str]) -> None:
    """Forget what an earlier read phase worked out, and take the model store of this build."""
    # Every read phase starts afresh, also a second build by the same application object.
    # Before the reader processes of a parallel build start: they share the store it sets.
    # A fresh environment (-E, or none kept) knows no document yet.
    enabled, fresh = Settings.of(app.config).model_cache, not env.all_docs
    BUILD.clear(_store_for(str(app.doctreedir), enabled, fresh))


def _store_for(doctree_folder: str, enabled: bool, fresh: bool) -> Store:
    """The model store of a build writing doctrees to *doctree_folder*.

    Entries of earlier builds are used when *enabled* and the environment is not *fresh* (``-E``,
    or no environment kept); the build's reader processes share its own entries in any case.
    """
    return Store(Path(doctree_folder) / FOLDER, uuid.uuid4().hex, enabled and not fresh)


#: The cache of the build this process is running.
BUILD = BuildCache()
