"""The main window: navigation, menus with shortcuts, status bar, undo stack.

It paints before the store is open: importing SQLAlchemy and opening a 100,000-customer
store take longer than a first paint should, so the pages are built once the background
open succeeds (``store_opened``). Feature pages live in their own subpackages.
"""

from __future__ import annotations

import importlib
from pathlib import Path
from typing import Any

from PySide6.QtCore import QTimer, Signal
from PySide6.QtGui import QAction, QCloseEvent, QKeySequence, QUndoStack
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QListWidget,
    QMainWindow,
    QProgressBar,
    QStackedWidget,
    QWidget,
)

from workbench.ui.i18n import Retranslating
from workbench.ui.labels import user_label
from workbench.ui.runner import Op, Runner
from workbench.ui.screen_fit import fit_to_screen
from workbench.ui.settings import GeometryMixin, Settings

#: (key, page class "module:Class"); titles come from ``_page_title`` so they translate.
PAGES = (
    ("today", "workbench.ui.today.view:TodayPage"),
    ("customers", "workbench.ui.customers.view:CustomersPage"),
    ("pipeline", "workbench.ui.pipeline.board:PipelinePage"),
    ("conflicts", "workbench.ui.sync.conflicts_view:ConflictsView"),
    ("approvals", "workbench.ui.approvals.view:ApprovalsPage"),
    ("dashboard", "workbench.ui.dashboard.view:DashboardPage"),
)


class MainWindow(Retranslating, GeometryMixin, QMainWindow):
    store_opened = Signal(object)  # the UiEnv
    store_failed = Signal(object)  # the exception
    first_painted = Signal()

    def __init__(self, settings: Settings) -> None:
        super().__init__()
        self.setObjectName("main_window")
        self.settings = settings
        self.runner = Runner(self)
        self.undo_stack = QUndoStack(self)
        self.env: Any = None
        self.sync: Any = None  # ui.sync.wiring.SyncWiring, once the store is open
        self.store_problem: Any = None  # the dialog shown when the store cannot be opened
        self._opening = Path()
        self.pages: dict[str, QWidget] = {}
        self._painted = False
        self.quitting = False  # set once a quit is under way (ui/quitting.py)
        self.quitter: Any = None
        self.instance: Any = None  # ui.single_instance.Instance: this program's hold on its store

        self.nav = QListWidget()
        self.nav.setObjectName("nav")
        self.nav.setFixedWidth(150)
        self.stack = QStackedWidget()
        self.loading = QLabel()
        # A style sheet, not setAlignment: PySide6 builds the whole Qt enum namespace
        # (16 ms) on the first ``Qt.`` access, a cost the first paint need not pay.
        self.loading.setStyleSheet("qproperty-alignment: AlignCenter;")
        self.stack.addWidget(self.loading)
        body = QWidget()
        layout = QHBoxLayout(body)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.nav)
        layout.addWidget(self.stack, 1)
        self.setCentralWidget(body)
        self.nav.currentRowChanged.connect(self._show_page)

        self.progress = QProgressBar()
        self.progress.setMaximumWidth(180)
        self.progress.hide()
        self.status_label = QLabel()
        self.statusBar().addWidget(self.status_label, 1)
        self.statusBar().addPermanentWidget(self.progress)
        self.runner.started.connect(self._track)
        self.runner.busy_changed.connect(lambda busy: self.progress.setVisible(busy))

        self._build_actions()
        self.retranslate()
        fit_to_screen(self, 1280, 800, fill=True)  # a laptop's screen whole, never more than it
        self.restore_geometry(settings)

    # --- actions and menus -------------------------------------------------------------
    def _build_actions(self) -> None:
        self.act_new_visit = QAction(self)
        # Shortcuts are installed just after the first paint: the first QKeySequence makes
        # PySide6 build every Qt enum (~20 ms), which the first frame can do without.
        self._shortcuts: list[tuple[QAction, str | QKeySequence.StandardKey]] = []
        self._shortcuts.append((self.act_new_visit, "Ctrl+N"))
        self.act_find = QAction(self)
        self._shortcuts.append((self.act_find, "Ctrl+F"))
        self.act_refresh = QAction(self)
        self._shortcuts.append((self.act_refresh, "F5"))
        self.act_quit = QAction(self)
        self._shortcuts.append((self.act_quit, "Ctrl+Q"))  # StandardKey.Quit: none off X11
        self.act_undo = self.undo_stack.createUndoAction(self)
        self._shortcuts.append((self.act_undo, "Ctrl+Z"))
        self.act_redo = self.undo_stack.createRedoAction(self)
        self._shortcuts.append((self.act_redo, "Ctrl+Shift+Z"))
        self.act_pages = []
        for n in range(len(PAGES)):
            act = QAction(self)
            self._shortcuts.append((act, f"Ctrl+{n + 1}"))
            act.triggered.connect(lambda _=False, n=n: self.show_page(PAGES[n][0]))
            self.act_pages.append(act)
        self.act_language = QAction(self)
        self.act_price_books = QAction(self)
        self.act_quit.triggered.connect(self.close)
        self.act_find.triggered.connect(self.find_customer)
        self.act_refresh.triggered.connect(self.refresh)
        self.act_new_visit.triggered.connect(self.new_visit)

        bar = self.menuBar()
        self.menu_file = bar.addMenu("")
        self.menu_file.addActions([self.act_new_visit])
        self.menu_file.addSeparator()
        self.menu_file.addAction(self.act_quit)
        self.menu_edit = bar.addMenu("")
        self.menu_edit.addActions([self.act_undo, self.act_redo])
        self.menu_edit.addSeparator()
        self.menu_edit.addAction(self.act_find)
        self.menu_view = bar.addMenu("")
        self.menu_view.addActions(self.act_pages)
        self.menu_view.addSeparator()
        self.menu_view.addAction(self.act_refresh)
        self.menu_settings = bar.addMenu("")
        self.menu_settings.addAction(self.act_language)
        self.act_language.triggered.connect(self._choose_language)
        self.menu_settings.addAction(self.act_price_books)
        self.act_price_books.triggered.connect(self.open_price_books)
        from workbench.ui.about import install_help_menu

        self.menu_help = install_help_menu(self)
        from workbench.ui.backups_wiring import install_backups

        self.backups = install_backups(self)  # File > Restore from backup..., the daily backup

    def install_shortcuts(self) -> None:
        """Give the actions their keys (once; right after the first paint)."""
        for action, keys in self._shortcuts:
            action.setShortcut(QKeySequence(keys))
        self._shortcuts.clear()

    def _page_title(self, key: str) -> str:
        return {"today": self.tr("Today"), "customers": self.tr("Customers"), "pipeline": self.tr("Pipeline"),
                "conflicts": self.tr("Conflicts"), "approvals": self.tr("Approvals"),
                "dashboard": self.tr("Dashboard")}[key]

    def retranslate(self) -> None:
        self.setWindowTitle(self.tr("Account Manager's Workbench"))
        self.loading.setText(self.tr("Opening the store…"))
        self.menu_file.setTitle(self.tr("&File"))
        self.menu_edit.setTitle(self.tr("&Edit"))
        self.menu_view.setTitle(self.tr("&View"))
        self.menu_settings.setTitle(self.tr("&Settings"))
        self.act_new_visit.setText(self.tr("New &visit…"))
        self.act_find.setText(self.tr("&Find customer"))
        self.act_refresh.setText(self.tr("&Refresh"))
        self.act_quit.setText(self.tr("&Quit"))
        self.act_undo.setText(self.tr("&Undo"))
        self.act_redo.setText(self.tr("&Redo"))
        self.act_language.setText(self.tr("&Language…"))
        self.act_price_books.setText(self.tr("&Price books…"))
        for act, (key, _) in zip(self.act_pages, PAGES, strict=True):
            act.setText(self._page_title(key))
        if self.nav.count() == len(PAGES):
            for row, (key, _) in enumerate(PAGES):
                self.nav.item(row).setText(self._page_title(key))
        if getattr(self, "sync", None) is not None:
            self.sync.retranslate()
        if getattr(self, "env", None) is not None:  # "Me" / 我 follows the language
            self.status_label.setText(self._status_text(self.env.ctx))


    # --- opening the store ----------------------------------------------------------------
    def open_store(self, path: Path, *, demo: bool = False, demo_customers: int = 2000) -> Op:
        self._opening = path

        def work(op: Op) -> Any:
            from workbench.ui.startup import open_context

            return open_context(path, demo=demo, demo_customers=demo_customers, op=op)

        return self.runner.run(work, on_success=self._on_opened, on_failure=self._on_failed,
                               label=self.tr("Opening the store"))

    def _on_opened(self, ctx: Any) -> None:
        from workbench.ui.env import UiEnv

        if self.quitting:  # opened as the program quits: build nothing behind a closing window
            ctx.store.close()
            return

        self.install_shortcuts()  # should no paint have come (a hidden window)
        self.env = UiEnv(ctx=ctx, runner=self.runner, undo=self.undo_stack, settings=self.settings)
        for key, target in PAGES:
            module, _, cls = target.partition(":")
            page = getattr(importlib.import_module(module), cls)(self.env, self)
            self.pages[key] = page
            self.stack.addWidget(page)
            self.nav.addItem(self._page_title(key))
            if hasattr(page, "customer_requested"):
                page.customer_requested.connect(self.open_customer)
            if hasattr(page, "visit_requested") and key != "customers":
                page.visit_requested.connect(self.log_visit_for)
        self.status_label.setText(self._status_text(ctx))
        from workbench.ui.sync.wiring import SyncWiring

        self.sync = SyncWiring(self)
        from workbench.ui.importing.wiring import SheetActions

        self.sheets = SheetActions(self)  # File > Import customers..., Export weekly report...
        self.nav.setCurrentRow(min(self.settings.last_page, len(PAGES) - 1))
        from workbench.ui.runtime import tune_for_gui

        tune_for_gui()  # the heap frozen, the GIL passed often: workers do not stall typing
        self.store_opened.emit(self.env)

    def _status_text(self, ctx: Any) -> str:
        text = self.tr("{0} · {1}").format(ctx.store.path.name, user_label(ctx.user_name))
        if ctx.store.read_only:  # opened for reading only: said before a write is refused
            text += self.tr(" · read-only")
        return text

    def _on_failed(self, exc: BaseException) -> None:
        from workbench.ui.errors import show_error

        if self.quitting:  # cancelled by the quit (or failing as it goes): nothing to show
            return

        self.loading.setText(self.tr("The store could not be opened."))
        self.store_failed.emit(exc)
        if hasattr(exc, "problem") and self.env is None:  # the file itself: say what, offer the ways out
            from workbench.ui.store_problem import StoreProblemDialog

            self.store_problem = StoreProblemDialog(exc, self._opening, self)
            self.store_problem.open_requested.connect(lambda p: self.open_store(p))
            self.store_problem.rejected.connect(self.close)
            self.store_problem.open()
            return
        show_error(self, exc)

    def _track(self, op: Op) -> None:
        self.progress.setRange(0, 0)
        op.progressed.connect(self._on_progress)

    def _on_progress(self, done: int, total: int, _label: str) -> None:
        self.progress.setRange(0, max(total, 1))
        self.progress.setValue(done)

    # --- navigation -------------------------------------------------------------------------
    def _show_page(self, row: int) -> None:
        if 0 <= row < len(PAGES):
            self.stack.setCurrentWidget(self.pages[PAGES[row][0]])
            self.settings.last_page = row

    def show_page(self, key: str) -> QWidget | None:
        keys = [k for k, _ in PAGES]
        if key in self.pages:
            self.nav.setCurrentRow(keys.index(key))
        return self.pages.get(key)

    def find_customer(self) -> None:
        page = self.show_page("customers")
        if page is not None:
            page.focus_search()  # type: ignore[attr-defined]

    def open_customer(self, customer_id: str) -> None:
        page = self.show_page("customers")
        if page is not None:
            page.open_customer(customer_id)  # type: ignore[attr-defined]

    def log_visit_for(self, customer_id: str) -> None:
        page = self.show_page("customers")
        if page is not None:
            page.open_customer(customer_id)  # type: ignore[attr-defined]
            page.open_visit(customer_id)  # type: ignore[attr-defined]

    def new_visit(self) -> None:
        page = self.show_page("customers")
        if page is not None:
            page.new_visit()  # type: ignore[attr-defined]

    def refresh(self) -> None:
        current = self.stack.currentWidget()
        refresh = getattr(current, "refresh", None)
        if refresh is not None:
            refresh()

    def _choose_language(self) -> None:
        from workbench.ui.i18n import choose_language

        choose_language(self, self.settings)

    def open_price_books(self) -> None:
        """The HQ price-book editor (read-only for other roles); needs the open store."""
        if getattr(self, "env", None) is None:
            return
        from workbench.ui.pricebooks.editor import PriceBookEditor

        PriceBookEditor(self.env, self).exec()

    # --- painting and closing -------------------------------------------------------------
    def paintEvent(self, event: Any) -> None:
        super().paintEvent(event)
        if not self._painted:
            self._painted = True
            QTimer.singleShot(0, self.install_shortcuts)
            self.first_painted.emit()

    def closeEvent(self, event: QCloseEvent) -> None:
        from workbench.ui.quitting import close_requested

        if close_requested(self, event):  # unsaved work asked about, background work finished
            super().closeEvent(event)

