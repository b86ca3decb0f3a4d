"""Everything that exists only so that a project switching from sphinx-argparse loses nothing.

- ``names``: the names and ids sphinx-argparse gave commands and sections, and the titles it
  showed for argparse's default groups, kept so that old links and body overrides still work;
- ``commands``: its ``sphinxarg_*`` commands indices and ``:commands:command:`` role;
- ``private``: the private Sphinx APIs those need, the only place that touches any.

Nothing else in the package depends on how sphinx-argparse did things.
"""
