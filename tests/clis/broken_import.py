"""Importing this module fails, as a CLI with a missing dependency would."""

import not_installed_dependency  # noqa: F401
