"""Stage 4, render: the model of a parser to docutils nodes.

``layout`` places usage, sections, groups and subcommands; ``entry`` makes one option's
std-domain object; ``summary`` the ``:summary:`` table; ``ids`` keeps ids unique on a page.
"""

from __future__ import annotations

from .context import Command, Context, Display, EnvVar, Hooks, ParseText, Rendered
from .layout import render

__all__ = ["Command", "Context", "Display", "EnvVar", "Hooks", "ParseText", "Rendered", "render"]
