"""What a default shows when its value comes from the build machine (``argdoc_default_values``).

A default computed at import (``os.cpu_count()``, a path under the home directory) prints as the
machine that builds the docs has it; the setting says what a reader should see instead.
"""

from __future__ import annotations

from collections.abc import Mapping

#: Characters that make a key a path, replaced wherever it occurs in a default.
_PATH_SEPARATORS = ("/", "\\")


def shown(default: str, replacements: Mapping[str, str]) -> str:
    """*default* as the page shows it: a key equal to the whole default gives its value; a key
    that is a path (it holds ``/`` or ``\\``) is replaced wherever it occurs, longest first."""
    if default in replacements:
        return replacements[default]
    for key in sorted(replacements, key=len, reverse=True):
        if key and any(separator in key for separator in _PATH_SEPARATORS) and key in default:
            default = default.replace(key, replacements[key])
    return default
