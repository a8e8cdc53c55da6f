"""The interpreter is tuned for the window once its store is open (workbench/ui/runtime.py):
the start-up heap frozen out of the collector's walks, the GIL handed over every 0.5 ms."""

from __future__ import annotations

import gc
import sys

from workbench.ui import runtime
from workbench.ui.main_window import MainWindow


def test_an_open_window_has_the_runtime_tuned(window: MainWindow) -> None:
    assert window.pages  # the store is open
    assert sys.getswitchinterval() == runtime.SWITCH_INTERVAL
    assert gc.get_freeze_count() > 10_000  # the modules and widgets built by then


def test_tuning_is_once_per_process(window: MainWindow) -> None:
    frozen = gc.get_freeze_count()
    sys.setswitchinterval(0.005)
    try:
        runtime.tune_for_gui()  # a second window (or store) does not freeze its garbage again
        assert gc.get_freeze_count() == frozen
        assert sys.getswitchinterval() == 0.005
    finally:
        sys.setswitchinterval(runtime.SWITCH_INTERVAL)
