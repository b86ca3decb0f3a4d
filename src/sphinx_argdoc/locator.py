"""Where a parser comes from, as a directive names it: every stage keys its work by it."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Locator:
    """Where a parser comes from: ``module`` (or a Python file) and a dotted attribute path.

    ``passparser``: the attribute fills a fresh parser given to it instead of returning one.
    ``hook``: the attribute is run, and the parser it is about to parse is the one documented.
    ``mock_missing``: packages it imports that are not installed get stand-ins (the directive
    asked for them; ``argdoc_mock_missing_imports`` asks for them for every directive).
    """

    module: str
    func: str
    filename: str | None = None
    passparser: bool = False
    hook: bool = False
    mock_missing: bool = False

    def __str__(self) -> str:
        return f"{self.filename or self.module}:{self.func}"
