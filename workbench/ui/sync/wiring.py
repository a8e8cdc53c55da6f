"""Sync in the main window: Settings ▸ Team server…, File ▸ Sync now (F9), the status-bar
corner and the background controller, installed once the store is open."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QCoreApplication
from PySide6.QtGui import QAction, QKeySequence

from workbench.ui.labels import user_label
from workbench.ui.sync.controller import SyncController
from workbench.ui.sync.status_bar import SyncStatus


class SyncWiring:
    """What the window holds of sync; ``retranslate()`` follows the window's."""

    def __init__(self, window: Any) -> None:
        self.window = window
        env = window.env
        self.controller = SyncController(env, window)
        self.status = SyncStatus(self.controller, window)
        window.statusBar().addPermanentWidget(self.status)
        self.act_sync = QAction(window)
        self.act_sync.setObjectName("act_sync_now")
        self.act_sync.setShortcut(QKeySequence("F9"))
        self.act_sync.triggered.connect(self.controller.sync_now)
        self.status.button.clicked.connect(self.controller.sync_now)
        self.act_refused = QAction(window)
        self.act_refused.setObjectName("act_refused")
        self.act_refused.triggered.connect(self.open_refusals)
        self.status.refused_button.clicked.connect(self.open_refusals)
        self.act_server = QAction(window)
        self.act_server.setObjectName("act_team_server")
        self.act_server.triggered.connect(self.open_enrolment)
        first = window.menu_file.actions()[0]
        window.menu_file.insertAction(first, self.act_sync)
        window.menu_file.insertAction(first, self.act_refused)
        window.menu_file.insertSeparator(first)
        window.menu_settings.addAction(self.act_server)
        window.addAction(self.act_sync)  # F9 works wherever the focus is
        self.controller.synced.connect(self._announce_decisions)
        self.controller.synced.connect(self._announce_books)
        self.books: Any = None  # the last price books announced
        self.refused_box: Any = None
        self.decisions: list[Any] = []  # the last decisions announced (for the status bar)
        self.waiting = 0  # offers waiting for this user's decision (the Approvals badge)
        approvals_page = getattr(window, "pages", {}).get("approvals")
        if approvals_page is not None:
            approvals_page.count_changed.connect(self._show_waiting)
        self.retranslate()

    def retranslate(self) -> None:
        self.act_sync.setText(QCoreApplication.translate("SyncWiring", "S&ync now"))
        self.act_server.setText(QCoreApplication.translate("SyncWiring", "&Team server…"))
        self.act_refused.setText(QCoreApplication.translate("SyncWiring", "&Refused changes…"))
        self._badge()

    def _announce_decisions(self, result: Any) -> None:
        """A pull brought approvals or rejections of my offers: say so in the status bar (the
        Offers tab and the Approvals screen refresh from the published changes)."""
        events = sorted(result.changes.rows.get("offer_events", ()))
        if not events:
            return
        from workbench.services.approvals import decisions_in

        ctx = self.window.env.ctx
        self.window.env.runner.latest(self.controller, "decisions", lambda _op: decisions_in(ctx, events),
                                      self._decisions_arrived)

    def _announce_books(self, result: Any) -> None:
        """A pull brought price books: a new catalogue or policy is announced; one whose
        signature does not verify is refused loudly (the last verified books stay in use)."""
        ids = sorted(result.changes.rows.get("price_books", ()))
        if not ids:
            return
        from workbench.services.price_book_news import arrivals

        env = self.window.env
        ctx, today = env.ctx, env.today()
        env.runner.latest(self.controller, "books", lambda _op: arrivals(ctx, ids, today=today), self._books_arrived)

    def _books_arrived(self, news: Any) -> None:
        if news is None:
            return
        self.books = news
        text = books_text(news)
        self.window.statusBar().showMessage(text, 120_000)
        if any(not b.verified for b in news.books):
            from PySide6.QtWidgets import QMessageBox

            box = QMessageBox(QMessageBox.Icon.Warning, QCoreApplication.translate("SyncWiring", "Price book refused"),
                              text, QMessageBox.StandardButton.Ok, self.window)
            box.setObjectName("price_book_refused")
            box.open()  # loud, but it does not block the window
            self.refused_box = box

    def _decisions_arrived(self, decisions: list[Any]) -> None:
        if not decisions:
            return
        self.decisions = decisions
        self.window.statusBar().showMessage(decisions_text(decisions), 120_000)

    def _show_waiting(self, count: int) -> None:
        self.waiting = count
        self._badge()

    def _badge(self) -> None:
        from workbench.ui.main_window import PAGES

        keys = [k for k, _ in PAGES]
        if "approvals" not in keys or self.window.nav.count() != len(keys):
            return
        title = self.window._page_title("approvals")
        self.window.nav.item(keys.index("approvals")).setText(f"{title} ({self.waiting})" if self.waiting else title)

    def open_refusals(self) -> Any:
        from workbench.ui.sync.refusals_dialog import RefusalsDialog

        dialog = RefusalsDialog(self.window.env, self.window)
        dialog.acted.connect(self.controller.refresh_status)
        dialog.customer_requested.connect(self.window.open_customer)
        dialog.show()  # not modal: the customer can be fixed beside it
        return dialog

    def open_enrolment(self) -> None:
        from workbench.ui.sync.enrol_dialog import EnrolDialog

        status = self.controller.status
        dialog = EnrolDialog(self.window.env, self.window, server=status.server if status else None)
        if dialog.exec():
            self.enrolled()

    def enrolled(self) -> None:
        """Just enrolled: from now on the store acts as the server's user (the window's
        context follows, so a team lead's laptop decides as the lead); sync at once (the
        status that follows says where it stands)."""
        from workbench.services.users import user_context

        env = self.window.env
        env.ctx = user_context(env.ctx.store)
        self.window.status_label.setText(QCoreApplication.translate("MainWindow", "{0} · {1}").format(
            env.ctx.store.path.name, user_label(env.ctx.user_name)))
        self.window.env.runner.supersede(self.controller, "status")  # a status read before it is stale
        self.controller.status = None
        self.controller.sync_now()


def decisions_text(decisions: list[Any]) -> str:
    """"FA-… (customer) approved by 赵主管: “comment”", one decision or the first of several."""
    d = decisions[0]
    verb = (QCoreApplication.translate("SyncWiring", "Offer {0} ({1}) approved by {2}") if d.to_state == "approved"
            else QCoreApplication.translate("SyncWiring", "Offer {0} ({1}) rejected by {2}"))
    text = verb.format(d.number, d.customer_name, d.by_name)
    if d.comment:
        text += QCoreApplication.translate("SyncWiring", ": “{0}”").format(d.comment)
    if len(decisions) > 1:
        text += QCoreApplication.translate("SyncWiring", " (and {0} more decisions)").format(len(decisions) - 1)
    return text


def books_text(news: Any) -> str:
    """"New catalogue 2027.3 (from 2027-01-01) now in force; 2 open offers priced on older books
    are re-priced when opened", or the refusal of a book that did not verify."""
    kinds = {"catalogue": QCoreApplication.translate("SyncWiring", "catalogue"),
             "policy": QCoreApplication.translate("SyncWiring", "pricing policy")}
    bad = [b for b in news.books if not b.verified]
    if bad:
        names = ", ".join(f"{kinds.get(b.kind, b.kind)} {b.book_version}" for b in bad)
        return QCoreApplication.translate(
            "SyncWiring", "Refused: the {0} from the team server failed its signature check and is not used; "
                          "prices stay on catalogue {1} and policy {2}. Tell your IT department.").format(
            names, *news.in_force)
    names = ", ".join(QCoreApplication.translate("SyncWiring", "{0} {1} (from {2})").format(
        kinds.get(b.kind, b.kind), b.book_version, b.valid_from.isoformat()) for b in news.books)
    text = QCoreApplication.translate("SyncWiring", "New price books from HQ: {0}.").format(names)
    if news.offers_on_older:
        text += QCoreApplication.translate(
            "SyncWiring", " {0} open offers were priced on older books: opening one shows it re-priced.").format(
            news.offers_on_older)
    return text
