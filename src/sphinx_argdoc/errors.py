"""The one exception type that carries a user mistake up to the directive."""

from __future__ import annotations


class ArgdocError(Exception):
    """A problem in the user's directive or CLI code, reported at the directive's location."""
