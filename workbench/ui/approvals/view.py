"""The Approvals screen: offers waiting for a decision, with the quote's verdict and the rule
that required approval; approve or reject with a comment (the decision is a journaled write,
so it syncs to the manager's laptop). On a manager's laptop the same screen lists their own
offers waiting for someone else.

Keys: the arrows move through the list, Enter opens the customer (``customer_requested``),
Ctrl+Shift+A approves, Ctrl+Shift+R rejects the current offer.
"""

from __future__ import annotations

from datetime import datetime
from typing import Any

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import (
    QAbstractItemView,
    QGroupBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QStackedWidget,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from workbench.pricing.render import LEVEL_LABELS
from workbench.services import approvals
from workbench.services import offers as offer_service
from workbench.services.approvals import Waiting
from workbench.ui.env import UiEnv
from workbench.ui.i18n import Retranslating
from workbench.ui.labels import is_chinese, label, user_label
from workbench.ui.offers.format import money, pct
from workbench.ui.offers.outcome_dialog import APPROVE, REJECT, DecisionDialog

NUMBER, CUSTOMER, MANAGER, DISCOUNT, NEEDS, MONTHLY, TERM, ASKED = range(8)


class ApprovalsPage(Retranslating, QWidget):
    """``ApprovalsPage(env)``: reloaded when offers (or their customers) change on ``env.bus``,
    whoever changed them: a decision here, a revision, a sync pull."""

    customer_requested = Signal(str)
    loaded = Signal()
    count_changed = Signal(int)  # offers this user may decide, for a badge

    def __init__(self, env: UiEnv, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.env = env
        self.items: list[Waiting] = []
        self.dialog: DecisionDialog | None = None
        self.count = QLabel()
        self.count.setObjectName("approvals_count")
        self.table = QTableWidget(0, 8)
        self.table.setObjectName("approvals_table")
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setWordWrap(False)
        self.table.verticalHeader().hide()
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        header.setStretchLastSection(True)
        for col, width in ((NUMBER, 190), (CUSTOMER, 220), (MANAGER, 90), (DISCOUNT, 80), (NEEDS, 130),
                           (MONTHLY, 110), (TERM, 120)):
            header.resizeSection(col, width)
        self.empty = QLabel()
        self.empty.setObjectName("approvals_empty")
        self.empty.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.stack = QStackedWidget()
        self.stack.addWidget(self.table)
        self.stack.addWidget(self.empty)

        self.detail = QGroupBox()
        self.verdict = QLabel()
        self.verdict.setObjectName("approval_verdict")
        self.verdict.setWordWrap(True)
        self.rule = QLabel()
        self.rule.setObjectName("approval_rule")
        self.rule.setWordWrap(True)
        self.rule.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.message = QLabel()
        self.message.setObjectName("approval_message")
        self.message.setWordWrap(True)
        self.approve_button, self.reject_button, self.customer_button = QPushButton(), QPushButton(), QPushButton()
        self.approve_button.setObjectName("approve_waiting")
        self.reject_button.setObjectName("reject_waiting")
        self.customer_button.setObjectName("open_waiting_customer")
        self.approve_button.clicked.connect(lambda: self.decide(APPROVE))
        self.reject_button.clicked.connect(lambda: self.decide(REJECT))
        self.customer_button.clicked.connect(self._open_customer)
        buttons = QHBoxLayout()
        for b in (self.approve_button, self.reject_button):
            buttons.addWidget(b)
        buttons.addStretch(1)
        buttons.addWidget(self.customer_button)
        box = QVBoxLayout(self.detail)
        box.addWidget(self.verdict)
        box.addWidget(self.rule)
        box.addLayout(buttons)
        box.addWidget(self.message)
        box.addStretch(1)

        self.act_approve, self.act_reject = QAction(self), QAction(self)
        for act, keys, decision in ((self.act_approve, "Ctrl+Shift+A", APPROVE),
                                    (self.act_reject, "Ctrl+Shift+R", REJECT)):
            act.setShortcut(QKeySequence(keys))
            act.setShortcutContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
            act.triggered.connect(lambda _=False, d=decision: self.decide(d))
            self.addAction(act)

        lay = QVBoxLayout(self)
        lay.addWidget(self.count)
        lay.addWidget(self.stack, 3)
        lay.addWidget(self.detail, 1)
        self.table.currentCellChanged.connect(lambda *_: self._show_detail())
        self.table.cellDoubleClicked.connect(lambda *_: self._open_customer())
        env.bus.changed.connect(self._changed)
        self.retranslate()
        self.reload()

    # -- texts ---------------------------------------------------------------------------

    def retranslate(self) -> None:
        self.table.setHorizontalHeaderLabels([
            self.tr("Offer"), self.tr("Customer"), self.tr("Manager"), self.tr("Discount"),
            self.tr("Needs"), self.tr("Monthly"), self.tr("Over the term"), self.tr("Asked")])
        self.empty.setText(self.tr("Nothing waiting for approval."))
        self.approve_button.setText(self.tr("&Approve…"))
        self.approve_button.setToolTip(self.tr("Approve the offer, with a comment (Ctrl+Shift+A)"))
        self.reject_button.setText(self.tr("&Reject…"))
        self.reject_button.setToolTip(self.tr("Reject the offer, with the reason (Ctrl+Shift+R)"))
        self.customer_button.setText(self.tr("Open the &customer"))
        self._fill()

    def _asked(self, at: datetime | None) -> str:
        if at is None:
            return ""
        return at.strftime("%Y-%m-%d %H:%M")

    def _fill(self) -> None:
        row = max(0, self.table.currentRow())
        self.table.setRowCount(len(self.items))
        for r, w in enumerate(self.items):
            cells = (w.number, w.customer_name, user_label(w.owner_name) or "", pct(w.measured_percent),
                     label(LEVEL_LABELS.get(w.level, LEVEL_LABELS["needs_hq"])), money(w.monthly_total),
                     money(w.term_total), self._asked(w.asked_at))
            for c, value in enumerate(cells):
                item = QTableWidgetItem(value)
                if c in (DISCOUNT, MONTHLY, TERM):
                    item.setTextAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
                if not w.mine_to_decide:
                    item.setForeground(Qt.GlobalColor.gray)
                self.table.setItem(r, c, item)
        if self.items:
            self.table.setCurrentCell(min(row, len(self.items) - 1), 0)
        self.stack.setCurrentWidget(self.table if self.items else self.empty)
        mine = sum(1 for w in self.items if w.mine_to_decide)
        self.count.setText(self.tr("{0} waiting for your decision · {1} in all").format(mine, len(self.items)))
        self._show_detail()

    # -- loading ---------------------------------------------------------------------------

    def _changed(self, changes: Any) -> None:
        if changes.touches("offers", "offer_versions", "customers", "users"):
            self.reload()

    def reload(self) -> None:
        ctx = self.env.ctx
        self.env.runner.latest(self, "approvals", lambda _op: approvals.waiting(ctx), self._loaded)

    def _loaded(self, items: list[Waiting]) -> None:
        current = self.current()
        self.items = items
        self._fill()
        if current is not None:
            ids = [w.offer_id for w in items]
            if current.offer_id in ids:
                self.table.setCurrentCell(ids.index(current.offer_id), 0)
        self.count_changed.emit(sum(1 for w in items if w.mine_to_decide))
        self.loaded.emit()

    # -- the current offer -----------------------------------------------------------------

    def current(self) -> Waiting | None:
        row = self.table.currentRow()
        return self.items[row] if 0 <= row < len(self.items) else None

    def _show_detail(self) -> None:
        w = self.current()
        self.detail.setVisible(w is not None)
        if w is None:
            return
        self.detail.setTitle(self.tr("{0} · {1} · version {2}").format(w.number, w.title, w.version_no))
        self.verdict.setText(self.tr("Deepest discount {0} on one line; the manager may grant up to {1}: {2}.")
                             .format(pct(w.measured_percent), pct(w.limit_percent),
                                     label(LEVEL_LABELS.get(w.level, LEVEL_LABELS["needs_hq"]))))
        self.rule.setText(self.tr("Rule: {0}").format(w.why_zh if is_chinese() else w.why_en))
        self.approve_button.setEnabled(w.mine_to_decide)
        self.reject_button.setEnabled(w.mine_to_decide)
        if not w.mine_to_decide:
            self.message.setText(self.tr("Waiting for HQ's decision.") if w.level == "needs_hq"
                                 else self.tr("Waiting for your team lead's decision."))
        elif not self.message.property("kept"):
            self.message.setText("")
        self.message.setProperty("kept", False)

    def _open_customer(self) -> None:
        w = self.current()
        if w is not None:
            self.customer_requested.emit(w.customer_id)

    def decide(self, decision: str) -> DecisionDialog | None:
        """Open the approve / reject dialog on the current offer (when this user may decide it)."""
        w = self.current()
        if w is None or not w.mine_to_decide:
            return None
        info = offer_service.get_offer(self.env.ctx, offer_id=w.offer_id)
        dialog = DecisionDialog(self.env, info, decision=decision, parent=self)
        dialog.refused.connect(self._refused)
        dialog.decided.connect(lambda after: self._decided(after))
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        self.dialog = dialog
        dialog.open()
        return dialog

    def _decided(self, after: offer_service.OfferInfo) -> None:
        text = (self.tr("{0} approved: it syncs to the manager's laptop.") if after.state == "approved"
                else self.tr("{0} rejected: it syncs to the manager's laptop."))
        self.message.setText(text.format(after.number))
        self.message.setProperty("kept", True)

    def _refused(self, message: str) -> None:
        self.message.setText(message)
        self.message.setProperty("kept", True)
        self.reload()
