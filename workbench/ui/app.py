"""The desktop program's start: window first, store afterwards (off the GUI thread).

This is the foundation's placeholder window: it opens (creating and migrating) the store,
fills the demo store on first use, shows what the store holds and answers a search. The
daily screens replace its centre.
"""

from __future__ import annotations

import logging
import sys
import threading
import traceback
from pathlib import Path
from typing import Any

from PySide6.QtCore import QObject, Qt, Signal
from PySide6.QtWidgets import (
    QApplication,
    QLabel,
    QLineEdit,
    QListWidget,
    QMainWindow,
    QMessageBox,
    QVBoxLayout,
    QWidget,
)

log = logging.getLogger("workbench")
DEMO_CUSTOMERS = 2000


class _Bridge(QObject):
    """Carries results from the loading thread to the GUI thread (queued signals)."""

    opened = Signal(object, object)  # context, counts
    failed = Signal(str)
    progress = Signal(int, int)


class PlaceholderWindow(QMainWindow):
    def __init__(self, store_path: Path, demo: bool) -> None:
        super().__init__()
        self.store_path, self.demo, self.ctx = store_path, demo, None
        self.setWindowTitle(self.tr("集团客户经理工作台 — Account manager's workbench"))
        self.resize(960, 640)
        body = QWidget()
        layout = QVBoxLayout(body)
        self.status = QLabel(self.tr("正在打开数据… / Opening the store…"))
        self.query = QLineEdit()
        self.query.setPlaceholderText(self.tr("搜索客户:名称、拼音首字母、联系人、电话 / Search customers"))
        self.query.setEnabled(False)
        self.results = QListWidget()
        layout.addWidget(self.status)
        layout.addWidget(self.query)
        layout.addWidget(self.results)
        self.setCentralWidget(body)
        self.bridge = _Bridge()
        self.bridge.opened.connect(self._on_opened)
        self.bridge.failed.connect(self._on_failed)
        self.bridge.progress.connect(self._on_progress)
        self.query.textChanged.connect(self._search)

    def start_loading(self) -> None:
        threading.Thread(target=self._load, name="open-store", daemon=True).start()

    def _load(self) -> None:
        try:
            from sqlalchemy import func, select

            from workbench.services.context import Context
            from workbench.services.users import current_user
            from workbench.store import models as m
            from workbench.store.engine import open_store

            store = open_store(self.store_path)
            with store.read() as s:
                empty = s.scalar(select(func.count()).select_from(m.Customer)) == 0
            if self.demo and empty:
                from workbench.services.demo import generate

                generate(store, customers=DEMO_CUSTOMERS, progress=self.bridge.progress.emit)
            ctx = Context(store, current_user(store).id)
            with store.read() as s:
                counts = {
                    "customers": s.scalar(select(func.count()).select_from(m.Customer).where(m.Customer.deleted.is_(False))),
                    "contacts": s.scalar(select(func.count()).select_from(m.Contact)),
                    "visits": s.scalar(select(func.count()).select_from(m.Visit)),
                }
            self.bridge.opened.emit(ctx, counts)
        except Exception:  # shown to the user, logged, and the window stays usable
            log.exception("opening the store failed")
            self.bridge.failed.emit(traceback.format_exc(limit=3))

    def _on_progress(self, done: int, wanted: int) -> None:
        self.status.setText(self.tr("正在生成演示数据 {0}/{1} / Generating demo data").format(done, wanted))

    def _on_opened(self, ctx: Any, counts: dict[str, int]) -> None:
        self.ctx = ctx
        self.status.setText(
            self.tr("{0}:{1} 个客户,{2} 位联系人,{3} 次拜访 / customers, contacts, visits").format(
                self.store_path.name, counts["customers"], counts["contacts"], counts["visits"]
            )
        )
        self.query.setEnabled(True)
        self.query.setFocus()
        self._search(self.query.text())

    def _on_failed(self, details: str) -> None:
        self.status.setText(self.tr("无法打开数据 / The store could not be opened"))
        QMessageBox.critical(self, self.tr("错误 / Error"), details)

    def _search(self, text: str) -> None:
        if self.ctx is None:
            return
        from workbench.services.search import search_customers

        page = search_customers(self.ctx, query=text, limit=100)
        self.results.clear()
        self.results.addItems([f"{r.name}  ({r.short_name or ''})" for r in page.rows])


def _excepthook(exc_type: type[BaseException], exc: BaseException, tb: Any) -> None:
    log.error("unexpected error", exc_info=(exc_type, exc, tb))
    app = QApplication.instance()
    if app is not None:
        QMessageBox.critical(None, "错误 / Error", f"{exc_type.__name__}: {exc}")


def _setup_logging() -> None:
    from workbench.config import paths

    log_file = paths().log_file
    log_file.parent.mkdir(parents=True, exist_ok=True)
    logging.basicConfig(filename=log_file, level=logging.INFO,
                        format="%(asctime)s %(levelname)s %(name)s: %(message)s")


def run(*, store_path: Path, demo: bool) -> int:
    app = QApplication.instance() or QApplication(sys.argv)
    app.setApplicationName("workbench")
    window = PlaceholderWindow(store_path, demo)
    window.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
    window.show()
    _setup_logging()
    sys.excepthook = _excepthook
    window.start_loading()
    return app.exec()
