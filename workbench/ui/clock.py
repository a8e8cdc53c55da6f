"""When this process started, for the start-up measurement (kept import-light)."""

from __future__ import annotations

import os
import time
from pathlib import Path


def process_start() -> float:
    """Wall-clock time when this process started: its age from /proc (10 ms ticks) taken
    from now. Falls back to now where there is no /proc."""
    try:
        ticks = int(Path("/proc/self/stat").read_text().rsplit(")", 1)[1].split()[19])
        age = time.clock_gettime(time.CLOCK_BOOTTIME) - ticks / os.sysconf("SC_CLK_TCK")
        return time.time() - age
    except (OSError, ValueError, IndexError, AttributeError):
        return time.time()
