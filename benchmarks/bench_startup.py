"""`startup`: process start to the first painted main window, on the 100k store.

Ours: ``workbench --db STORE`` with ``WORKBENCH_FIRST_PAINT_EXIT=paint``: the program prints
the seconds from its process start (``/proc``) to the main window's first paint and quits.
Baseline: a bare PySide6 ``QMainWindow`` measured the same way, in the same run. Also
reported: the time until the first customer rows are on screen (``=rows``), which includes
opening the store and the first search.
"""

from __future__ import annotations

import os
import statistics
import subprocess
import sys
import tempfile
from pathlib import Path

from benchmarks.data import ensure_store
from benchmarks.harness import Result, result

BARE = r"""
import sys, time
from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication, QMainWindow
from workbench.ui.clock import process_start
started = process_start()
app = QApplication(sys.argv)
class W(QMainWindow):
    done = False
    def paintEvent(self, e):
        super().paintEvent(e)
        if not self.done:
            self.done = True
            print(f"paint {time.time() - started:.4f}", flush=True)
            QTimer.singleShot(0, app.quit)
w = W(); w.resize(1200, 760); w.show()
app.exec()
"""


def _measure(cmd: list[str], env: dict[str, str], label: str) -> float:
    out = subprocess.run(cmd, env=env, capture_output=True, text=True, timeout=300)
    for line in out.stdout.splitlines():
        if line.startswith(label + " "):
            return float(line.split()[1])
    raise RuntimeError(f"no '{label}' line from {cmd}: {out.stdout[-500:]} {out.stderr[-2000:]}")


def _compile_bytecode() -> None:
    """Byte-compile the package, as an installed program (wheel, bundle) has it: with
    PYTHONDONTWRITEBYTECODE set (it is on this machine) every start would otherwise
    compile our modules from source, a cost no user pays and the bare baseline avoids."""
    import compileall

    import workbench

    compileall.compile_dir(str(Path(workbench.__file__).parent), quiet=1)


def run(*, scale: int, quick: bool) -> list[Result]:
    store = ensure_store(scale)
    _compile_bytecode()
    repeat = 3 if quick else 7
    with tempfile.TemporaryDirectory() as home:
        env = {**os.environ, "QT_QPA_PLATFORM": os.environ.get("QT_QPA_PLATFORM", "offscreen"),
               "WORKBENCH_HOME": home}
        root = str(Path(__file__).resolve().parents[1])
        env["PYTHONPATH"] = root + os.pathsep + env.get("PYTHONPATH", "")
        ours_cmd = [sys.executable, "-m", "workbench", "--db", str(store)]
        bare, ours, rows = [], [], []
        _measure(ours_cmd, {**env, "WORKBENCH_FIRST_PAINT_EXIT": "paint"}, "paint")  # warm the OS caches
        for _ in range(repeat):  # interleaved, so that machine noise hits both alike
            bare.append(_measure([sys.executable, "-c", BARE], env, "paint"))
            ours.append(_measure(ours_cmd, {**env, "WORKBENCH_FIRST_PAINT_EXIT": "paint"}, "paint"))
            rows.append(_measure(ours_cmd, {**env, "WORKBENCH_FIRST_PAINT_EXIT": "rows"}, "rows"))
    b = statistics.median(bare)
    label = "bare PySide6 QMainWindow, median"
    return [
        result("startup", "first_paint", statistics.median(ours), "s", label, b, "ratio <= 1.6"),
        result("startup", "first_customer_rows", statistics.median(rows), "s", label, b, "reported"),
    ]
