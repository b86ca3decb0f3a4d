"""What one build works out once per parser and shares between its directives.

A reference page in the seed's shape has a directive per group of one parser: each would
otherwise import the CLI, call its parser function, walk the parser and outline its groups.
The cache lives in this process and is emptied when a build starts reading documents, so every
build sees the CLI as it is; each parallel reader process has its own.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field

from .load import Loaded, Locator
from .model import Parser
from .problems import ArgdocError
from .select import Outline


@dataclass(frozen=True)
class ModelKey:
    """One parser's model: a locator, shown under one prog, with or without colour, its usage
    wrapped at one width."""

    locator: Locator
    prog: str
    color: bool
    usage_width: int


@dataclass
class BuildCache:
    """Loaded parsers (or why they failed to load), their models and outlines, and which loads
    have been reported on."""

    _loaded: dict[Locator, Loaded | ArgdocError] = field(default_factory=dict)
    _models: dict[ModelKey, Parser] = field(default_factory=dict)
    _outlines: dict[tuple[ModelKey, tuple[str, ...]], Outline] = field(default_factory=dict)
    _reported: set[Locator] = field(default_factory=set)
    _stand_ins_reported: set[str] = field(default_factory=set)

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

    def unreported_stand_ins(self, packages: tuple[str, ...]) -> tuple[str, ...]:
        """Those of *packages* not yet said to have stood in: the build log says each once."""
        unreported = tuple(name for name in packages if name not in self._stand_ins_reported)
        self._stand_ins_reported.update(unreported)
        return unreported

    def clear(self) -> None:
        """Forget everything: a new build must see the CLI as it is now."""
        self._loaded.clear()
        self._models.clear()
        self._outlines.clear()
        self._reported.clear()
        self._stand_ins_reported.clear()


#: The cache of the build this process is running.
BUILD = BuildCache()
