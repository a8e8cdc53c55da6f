"""The desktop program's start: window first, store afterwards (off the GUI thread).

``WORKBENCH_FIRST_PAINT_EXIT=1`` makes the program print the seconds from process start to
the main window's first paint (and, with ``=rows``, to the first customer rows shown) and
quit: the ``startup`` benchmark reads it.
"""

from __future__ import annotations

import os
import sys
import time
from pathlib import Path

from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication

from workbench.ui.clock import process_start
from workbench.ui.main_window import MainWindow
from workbench.ui.settings import Settings


def _report_startup(window: MainWindow, mode: str) -> None:
    started = process_start()

    def done(label: str) -> None:
        print(f"{label} {time.time() - started:.4f}", flush=True)
        QTimer.singleShot(0, QApplication.quit)

    if mode == "rows":
        def opened(_env: object) -> None:
            page = window.pages["customers"]
            page.first_rows_shown.connect(lambda: done("rows"))  # type: ignore[attr-defined]

        window.store_opened.connect(opened)
        window.store_failed.connect(lambda exc: done("failed"))
    else:
        window.first_painted.connect(lambda: done("paint"))


def create_app() -> QApplication:
    app = QApplication.instance() or QApplication(sys.argv)
    assert isinstance(app, QApplication)
    app.setApplicationName("workbench")
    app.setOrganizationName("workbench")
    return app


def run(*, store_path: Path, demo: bool) -> int:
    app = create_app()
    settings = Settings()
    from workbench.ui.fonts import apply_app_font, register_fonts

    register_fonts()  # Chinese renders on a laptop with no Chinese fonts installed
    apply_app_font(app)
    from workbench.ui import i18n

    i18n.install(settings.language)
    from workbench.ui.single_instance import bring_to_front, start_or_hand_over

    instance = start_or_hand_over(store_path)  # one program per store
    if instance is None:
        return 0  # the program already running on it came to the front (or was said to hang)
    window = MainWindow(settings)
    window.instance = instance
    instance.activation_requested.connect(lambda: bring_to_front(window))
    if mode := os.environ.get("WORKBENCH_FIRST_PAINT_EXIT"):
        _report_startup(window, mode)
    window.show()
    # Once the window has painted: the log file and the error dialog hook (22 ms), then
    # the store (a worker importing SQLAlchemy would compete with the first paint).
    started = False

    def open_store() -> None:
        nonlocal started
        if not started and not window.quitting:  # a quit before the store was asked for
            started = True
            from workbench.ui.errors import install_excepthook, setup_logging

            setup_logging()
            install_excepthook()
            window.open_store(store_path, demo=demo)

    window.first_painted.connect(lambda: QTimer.singleShot(0, open_store))
    window.first_painted.connect(lambda: QTimer.singleShot(0, instance.listen))  # QtNetwork after the paint
    QTimer.singleShot(500, open_store)  # in case no paint arrives (minimised start)
    QTimer.singleShot(500, instance.listen)
    code = app.exec()
    from workbench.ui.quitting import after_exec

    code = after_exec(window, code)  # a worker still running gets a moment, then the process ends
    instance.release()
    return code
