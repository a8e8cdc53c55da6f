"""Runs the real program (workbench.ui.app.run) in a child process for the two-process and
quitting tests, with a few hooks that print what happened (one line each, flushed).

    python tests/ui/shell/app_driver.py STORE MODE

MODE ``quit-during-demo``: the demo is built at STORE; at its first progress the driver
presses Ctrl+Q on the window. ``serve``: opens STORE, prints ``ready`` and stays until told
to quit (a line ``quit`` on stdin); ``raised`` is printed when a second start brought the
window to the front.
"""

from __future__ import annotations

import sys
from pathlib import Path

from PySide6.QtCore import QSocketNotifier, Qt, QTimer
from PySide6.QtTest import QTest

import workbench.ui.app as app_module
from workbench.ui.main_window import MainWindow


def say(text: str) -> None:
    print(text, flush=True)


def main() -> int:
    store, mode = Path(sys.argv[1]), sys.argv[2]
    original = MainWindow.__init__

    def init(self: MainWindow, *args: object, **kwargs: object) -> None:
        original(self, *args, **kwargs)  # type: ignore[arg-type]
        self.store_opened.connect(lambda _env: say("opened"))
        if mode == "quit-during-demo":
            def watch(op: object) -> None:
                pressed: list[int] = []

                def progressed(done: int, total: int, _label: str) -> None:
                    if not pressed:
                        pressed.append(1)
                        say(f"progress {done}/{total}")
                        QTimer.singleShot(0, press)

                op.progressed.connect(progressed)  # type: ignore[attr-defined]

            def press() -> None:
                self.activateWindow()
                QTest.keyClick(self, Qt.Key.Key_Q, Qt.KeyboardModifier.ControlModifier)
                say("ctrl+q")

            self.runner.started.connect(watch)
        elif mode == "serve":
            def ready(_env: object) -> None:
                instance = getattr(self, "instance", None)  # none before issue 13's item 11
                if instance is not None:
                    instance.activation_requested.connect(lambda: say("raised"))
                say("ready")

            self.store_opened.connect(ready)
            notifier = QSocketNotifier(sys.stdin.fileno(), QSocketNotifier.Type.Read, self)

            def line() -> None:
                if sys.stdin.readline().strip() == "quit":
                    self.close()

            notifier.activated.connect(line)
            self._stdin = notifier  # type: ignore[attr-defined]

    MainWindow.__init__ = init  # type: ignore[method-assign]
    code = app_module.run(store_path=store, demo=mode == "quit-during-demo")
    say(f"exit {code}")
    return code


if __name__ == "__main__":
    raise SystemExit(main())
