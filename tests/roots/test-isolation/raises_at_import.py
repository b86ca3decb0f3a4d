"""Fails at import, as a CLI whose optional dependency is missing does."""

import sys

print("checking for a GPU", file=sys.stderr)
raise RuntimeError("no GPU found")
