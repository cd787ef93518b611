"""Where ratbond caches what it derives from its data files, in a module that imports nothing of
ratbond's, so `ratbond today` can find its cache without loading the data files' machinery."""

from __future__ import annotations

import os
import sys


def cache_dir() -> str:
    """Where validated files are cached: `RATBOND_CACHE_DIR`, else the platform's cache folder."""
    configured = os.environ.get("RATBOND_CACHE_DIR")
    if configured:
        return configured
    if sys.platform == "linux":  # the XDG rule platformdirs applies, without its import cost
        home = os.environ.get("XDG_CACHE_HOME") or os.path.join(os.path.expanduser("~"), ".cache")
        return os.path.join(home, "ratbond")
    import platformdirs

    return platformdirs.user_cache_dir("ratbond")
