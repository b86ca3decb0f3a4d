"""A module whose import fails, counting the attempts in ``counted_clis``."""

import counted_clis

counted_clis.calls["import"] += 1
raise RuntimeError("the plugin table is corrupt")
