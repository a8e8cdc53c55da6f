"""The "Offers" tab of the customer page: the customer's bundle offers (组合方案) with their
state, totals and authority verdict; new offer, open (revise), mark sent, approve / reject
(team lead or HQ, for an offer waiting for approval), won / lost (for a sent offer, with an
optional stage move of the customer), the proposal sheet (produced in the background and
previewed; a sent version's stored one, unchanged), and the selected offer's approval history.

The list is read in the background whenever the customer page (re)loads; writes are single
service calls followed by ``env.bus.customer_changed``, which makes the page re-read.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, Qt, Signal
from PySide6.QtGui import QBrush, QColor
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHeaderView,
    QLabel,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from workbench.pricing import NEEDS_HQ, NEEDS_TEAM_LEAD, WITHIN
from workbench.services import offers as offer_service
from workbench.services.dto import Customer
from workbench.services.offers import OfferInfo
from workbench.services.users import list_users
from workbench.ui.customers.offer_actions import OfferActions
from workbench.ui.env import UiEnv
from workbench.ui.errors import show_error
from workbench.ui.flow_layout import FlowBar
from workbench.ui.i18n import Retranslating
from workbench.ui.labels import user_label
from workbench.ui.offers.dialog import OfferDialog, current_role, state_label
from workbench.ui.offers.format import money
from workbench.ui.offers.outcome_dialog import APPROVE, REJECT

if TYPE_CHECKING:
    from workbench.ui.proposals.preview import ProposalPreview

NUMBER, TITLE, VERSION, STATE, MONTHLY, TERM, AUTHORITY = range(7)
STATE_COLOURS = {  # (background, foreground)
    offer_service.DRAFT: ("#eef2f7", "#334155"),
    offer_service.NEEDS_APPROVAL: ("#fff4e5", "#8a4b00"),
    offer_service.APPROVED: ("#e6f4ea", "#1e6b34"),
    offer_service.REJECTED: ("#fdecea", "#b3261e"),
    offer_service.SENT: ("#dbeafe", "#1e3a8a"),
    offer_service.WON: ("#c8ecd2", "#14532d"),
    offer_service.LOST: ("#ececec", "#6b7280"),
}
APPROVER_ROLES = frozenset({"team_lead", "hq"})


def authority_label(level: str) -> str:
    return {WITHIN: QCoreApplication.translate("Authority", "within authority"),
            NEEDS_TEAM_LEAD: QCoreApplication.translate("Authority", "needs team lead"),
            NEEDS_HQ: QCoreApplication.translate("Authority", "needs HQ")}.get(level, level or "—")


class OffersTab(Retranslating, OfferActions, QWidget):
    loaded = Signal(str)  # the customer id whose offers are on screen

    def __init__(self, env: UiEnv, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("offers_tab")
        self.env = env
        self.customer: Customer | None = None
        self.offers: list[OfferInfo] = []
        self.role: str | None = None  # the acting role; None: the current user's (tests set it)

        self.table = QTableWidget(0, 7)
        self.table.setObjectName("offers_table")
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.verticalHeader().hide()
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(TITLE, QHeaderView.ResizeMode.Stretch)
        self.table.doubleClicked.connect(lambda _index: self.open_offer())
        self.table.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
        self.table.customContextMenuRequested.connect(self._proposals_menu)
        self.table.itemSelectionChanged.connect(self._selection_changed)

        self.new_button, self.open_button, self.sent_button = QPushButton(), QPushButton(), QPushButton()
        self.new_button.setObjectName("new_offer")
        self.open_button.setObjectName("open_offer")
        self.sent_button.setObjectName("mark_sent")
        self.new_button.clicked.connect(self.new_offer)
        self.open_button.clicked.connect(self.open_offer)
        self.sent_button.clicked.connect(lambda: self.mark_sent())
        self.proposal_button = QPushButton()
        self.proposal_button.setObjectName("offer_proposal")
        self.proposal_button.clicked.connect(self.show_proposal)
        self.proposal_shown: ProposalPreview | None = None  # the last preview opened (tests look at it)
        self.approve_button, self.reject_button = QPushButton(), QPushButton()
        self.won_button, self.lost_button = QPushButton(), QPushButton()
        self.approve_button.setObjectName("approve_offer")
        self.reject_button.setObjectName("reject_offer")
        self.won_button.setObjectName("offer_won")
        self.lost_button.setObjectName("offer_lost")
        self.approve_button.clicked.connect(lambda: self.decide(APPROVE))
        self.reject_button.clicked.connect(lambda: self.decide(REJECT))
        self.won_button.clicked.connect(lambda: self.close_offer(won=True))
        self.lost_button.clicked.connect(lambda: self.close_offer(won=False))
        self.history_title = QLabel()
        self.history = QLabel()
        self.history.setObjectName("offer_history")
        self.history.setWordWrap(True)
        self.history.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.history.setAlignment(Qt.AlignmentFlag.AlignTop | Qt.AlignmentFlag.AlignLeft)
        self.history.setStyleSheet("background: #f8fafc; color: #334155; padding: 4px;")
        self.empty = QLabel()
        self.empty.setObjectName("offers_empty")
        self.empty.setStyleSheet("color: #6b7280;")
        self.error = QLabel()
        self.error.setObjectName("offers_error")
        self.error.setStyleSheet("color: #b3261e;")
        self.error.setWordWrap(True)
        self.error.hide()

        buttons = FlowBar()  # wraps onto a second line rather than widen the window
        for b in (self.new_button, self.open_button, self.proposal_button, self.sent_button, self.approve_button,
                  self.reject_button, self.won_button, self.lost_button):
            buttons.addWidget(b)
        lay = QVBoxLayout(self)
        lay.addWidget(buttons)
        lay.addWidget(self.error)
        lay.addWidget(self.table, 1)
        lay.addWidget(self.empty)
        lay.addWidget(self.history_title)
        lay.addWidget(self.history)
        self.retranslate()
        self._update_buttons()

    # --- loading --------------------------------------------------------------------------
    def set_customer(self, customer: Customer) -> None:
        """Show ``customer``'s offers (read in the background; ``loaded`` when on screen)."""
        if self.customer is None or self.customer.id != customer.id:
            self.offers = []  # never another customer's offers under this one's name
            self._fill()
            self._show_history()
        self.customer = customer
        ctx, customer_id = self.env.ctx, customer.id
        self.env.runner.latest(self, "offers", lambda _op: offer_service.list_offers(ctx, customer_id=customer_id),
                               lambda rows: self._loaded(customer_id, rows), label=self.tr("Loading the offers"))

    def refresh(self) -> None:
        if self.customer is not None:
            self.set_customer(self.customer)

    def _loaded(self, customer_id: str, rows: list[OfferInfo]) -> None:
        selected = self.current_offer()
        self.offers = list(rows)
        self._fill()
        if selected is not None:
            self.select(selected.id)
        self._show_history()
        self.loaded.emit(customer_id)

    def _fill(self) -> None:
        self.table.setRowCount(len(self.offers))
        for row, o in enumerate(self.offers):
            cells = [o.number, o.title, str(o.version_no), state_label(o.state), money(o.monthly_total),
                     money(o.term_total), authority_label(o.authority)]
            for col, value in enumerate(cells):
                item = QTableWidgetItem(value)
                if col in (VERSION, MONTHLY, TERM):
                    item.setTextAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
                if col == STATE and o.state in STATE_COLOURS:
                    bg, fg = STATE_COLOURS[o.state]
                    item.setBackground(QBrush(QColor(bg)))
                    item.setForeground(QBrush(QColor(fg)))
                if col == AUTHORITY and o.authority not in ("", WITHIN):
                    item.setForeground(QBrush(QColor("#b3261e")))
                self.table.setItem(row, col, item)
        self.empty.setVisible(not self.offers)
        self._update_buttons()

    # --- reading what is shown ------------------------------------------------------------
    def current_offer(self) -> OfferInfo | None:
        rows = self.table.selectionModel().selectedRows()
        row = rows[0].row() if rows else -1
        return self.offers[row] if 0 <= row < len(self.offers) else None

    def select(self, offer_id: str) -> None:
        for row, o in enumerate(self.offers):
            if o.id == offer_id:
                self.table.selectRow(row)
                return

    def row_texts(self, row: int) -> list[str]:
        items = (self.table.item(row, col) for col in range(self.table.columnCount()))
        return [item.text() if item is not None else "" for item in items]

    def set_role(self, role: str | None) -> None:
        """Act as ``role`` (None: the current user's role, read from the store)."""
        self.role = role
        self._update_buttons()

    def acting_role(self) -> str:
        return self.role if self.role is not None else current_role(self.env)

    def _update_buttons(self) -> None:
        current = self.current_offer()
        state = current.state if current is not None else None
        self.new_button.setEnabled(self.customer is not None)
        self.open_button.setEnabled(current is not None)
        self.sent_button.setEnabled(state in (offer_service.DRAFT, offer_service.APPROVED))
        self.proposal_button.setEnabled(current is not None and state != offer_service.REJECTED)
        decide = state == offer_service.NEEDS_APPROVAL and self.acting_role() in APPROVER_ROLES
        self.approve_button.setEnabled(decide)
        self.reject_button.setEnabled(decide)
        self.won_button.setEnabled(state == offer_service.SENT)
        self.lost_button.setEnabled(state == offer_service.SENT)

    # --- history --------------------------------------------------------------------------
    def history_lines(self) -> list[str]:
        """The selected offer's events, oldest first: "from → to · who · when · comment"."""
        current = self.current_offer()
        if current is None:
            return []
        detail = offer_service.get_offer(self.env.ctx, offer_id=current.id)
        names = {u.id: user_label(u.name) or "" for u in list_users(self.env.ctx.store)}
        lines = []
        for e in detail.events:
            move = (self.tr("{0} → {1}").format(state_label(e.from_state), state_label(e.to_state))
                    if e.from_state else state_label(e.to_state))
            parts = [self.tr("v{0}").format(e.version_no), move, names.get(e.by_user_id or "", "—"),
                     e.occurred_at.strftime("%Y-%m-%d %H:%M")]
            if e.comment:
                parts.append(self.tr("“{0}”").format(e.comment))
            lines.append("  ·  ".join(parts))
        return lines

    def _show_history(self) -> None:
        try:
            lines = self.history_lines()
        except Exception as exc:  # noqa: BLE001 - e.g. the offer was deleted meanwhile
            lines = [str(exc)]
        self.history.setText("\n".join(lines) if lines else self.tr("Select an offer to see its history."))

    # --- actions --------------------------------------------------------------------------
    def make_dialog(self, offer_id: str | None = None) -> OfferDialog | None:
        """The offer dialog for a new offer (``offer_id`` None) or an existing one (not shown)."""
        if self.customer is None:
            return None
        try:
            return OfferDialog(self.env, self.customer, offer_id=offer_id, parent=self)
        except Exception as exc:  # noqa: BLE001 - no price book valid today, offer deleted...
            show_error(self, exc)
            return None

    def new_offer(self) -> None:
        self._open(self.make_dialog())

    def open_offer(self) -> None:
        current = self.current_offer()
        if current is not None:
            self._open(self.make_dialog(current.id))

    def _open(self, dialog: OfferDialog | None) -> None:
        if dialog is not None:
            dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
            dialog.open()

    def _selection_changed(self) -> None:
        self._update_buttons()
        self._show_history()

    def _refused(self, message: str) -> None:
        self.error.setText(message)
        self.error.show()



    # --- texts ----------------------------------------------------------------------------
    def retranslate(self) -> None:
        self.new_button.setText(self.tr("&New offer…"))
        self.new_button.setToolTip(self.tr("Build a priced bundle offer for this customer"))
        self.open_button.setText(self.tr("&Open…"))
        self.open_button.setToolTip(self.tr("Open the offer to revise it (a sent offer gets a new version)"))
        self.proposal_button.setText(self.tr("Propos&al…"))
        self.proposal_button.setToolTip(self.tr("Preview, print or save the proposal sheet (PDF) of this offer"))
        self.sent_button.setText(self.tr("Mark &sent"))
        self.sent_button.setToolTip(self.tr("The offer went to the customer: its version is frozen"))
        self.approve_button.setText(self.tr("A&pprove…"))
        self.approve_button.setToolTip(self.tr("Approve the offer waiting for approval (team lead or HQ)"))
        self.reject_button.setText(self.tr("&Reject…"))
        self.reject_button.setToolTip(self.tr("Reject the offer waiting for approval, with the reason"))
        self.won_button.setText(self.tr("&Won…"))
        self.won_button.setToolTip(self.tr("The customer accepted the sent offer; optionally move the stage"))
        self.lost_button.setText(self.tr("&Lost…"))
        self.lost_button.setToolTip(self.tr("The customer declined the sent offer"))
        self.history_title.setText(self.tr("Approval history"))
        self.table.setHorizontalHeaderLabels([self.tr("Number"), self.tr("Title"), self.tr("Version"),
                                              self.tr("State"), self.tr("Monthly"), self.tr("Term total"),
                                              self.tr("Authority")])
        self.empty.setText(self.tr("No offers yet. New offer… builds one."))
        self._fill()
        self._show_history()

