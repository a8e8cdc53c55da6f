"""The interpreter tuned for a window that must answer while workers run (a sync pulling
hundreds of thousands of rows, a demo build, an import).

Measured with the sync benchmark's window at 3,000 customers (the GUI thread's longest
stall while the initial sync runs): the longest stalls were collections of the oldest
generation (136-302 ms each, the GIL held throughout) walking the whole heap, most of it
the modules and widgets built at start-up; with that heap frozen they took 22-86 ms.
The remaining 30-60 ms gaps came from the GUI thread waiting for the GIL: the interpreter
hands it over every 5 ms by default, and each callback from Qt into Python waits up to
that long while a worker computes; at 0.5 ms such gaps went from 4-9 per sync to 1-2."""

from __future__ import annotations

import gc
import sys

SWITCH_INTERVAL = 0.0005  # seconds (the interpreter's default: 0.005)

_tuned = False


def tune_for_gui() -> None:
    """Once per process, when the window is built and its store open: freeze the heap
    built so far out of the collector's sight (it lives as long as the program does), and
    make the GIL change hands more often so the GUI thread never waits long for it."""
    global _tuned
    if _tuned:
        return
    _tuned = True
    sys.setswitchinterval(SWITCH_INTERVAL)
    gc.freeze()  # without a collection first: start-up garbage is small, a collection is not
