"""The customer page (right-hand pane of the Customers page): a header with the customer's
key facts and actions, and tabs for the profile, the buying centre, the timeline and the
offers (the offers tab reads its list itself, in the background, when the page loads).

Everything shown is read in one background operation (``env.runner``) into a
:class:`~workbench.services.customer_page.CustomerPage`; the pane re-reads when the bus says
the shown customer changed. Edits, stage moves and deletes go on the undo stack.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QPushButton,
    QStackedWidget,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from workbench.domain.enums import RiskLevel, ValueGrade
from workbench.domain.errors import NotFoundError
from workbench.services.customer_page import CustomerPage, load_page
from workbench.ui.customers.buying_centre import BuyingCentreView
from workbench.ui.customers.detail_common import (
    BAD_COLOUR,
    MUTED_COLOUR,
    confirm,
    enum_label,
    esc,
    muted,
    stage_label,
)
from workbench.ui.customers.offers_tab import OffersTab
from workbench.ui.customers.profile import ProfileView
from workbench.ui.customers.timeline import TimelineView
from workbench.ui.env import UiEnv
from workbench.ui.i18n import Retranslating
from workbench.ui.labels import label, user_label
from workbench.ui.undo import DeleteCustomer, MoveStage


class CustomerDetail(Retranslating, QWidget):
    visit_requested = Signal(str)  # the customer id: the owner opens the visit dialog
    customer_deleted = Signal(str)
    loaded = Signal(str)  # a customer's data is on screen (after show_customer / refresh)

    def __init__(self, env: UiEnv, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("customer_detail")
        self.env = env
        self.page: CustomerPage | None = None
        self.confirm: Callable[[QWidget | None, str, str], bool] = confirm  # tests replace it
        self._id: str | None = None
        self._deleted_id: str | None = None  # shown again if an undo restores it
        self._placeholder_text: Callable[[], str] = self._nothing_selected

        self.placeholder = muted(QLabel())
        self.placeholder.setObjectName("detail_placeholder")
        self.placeholder.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.placeholder.setWordWrap(True)

        self.name_label = QLabel()
        self.name_label.setObjectName("customer_name")
        self.name_label.setWordWrap(True)
        self.name_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.facts_label = QLabel()
        self.facts_label.setObjectName("customer_facts")
        self.facts_label.setWordWrap(True)
        self.facts_label.setTextFormat(Qt.TextFormat.RichText)
        self.visit_button, self.edit_button = QPushButton(), QPushButton()
        self.move_button, self.delete_button = QPushButton(), QPushButton()
        self.visit_button.setObjectName("log_visit")
        self.edit_button.setObjectName("edit_customer")
        self.move_button.setObjectName("move_stage")
        self.delete_button.setObjectName("delete_customer")
        self.visit_button.clicked.connect(self._request_visit)
        self.edit_button.clicked.connect(self.edit_customer)
        self.move_button.clicked.connect(self.move_stage)
        self.delete_button.clicked.connect(self.delete_customer)
        buttons = QHBoxLayout()
        for b in (self.visit_button, self.edit_button, self.move_button, self.delete_button):
            buttons.addWidget(b)
        buttons.addStretch(1)

        self.tabs = QTabWidget()
        self.tabs.setObjectName("customer_tabs")
        self.profile = ProfileView(horizon_days=env.settings.contract_end_horizon_days)
        self.buying_centre = BuyingCentreView(env)
        self.timeline = TimelineView()
        self.tabs.addTab(self.profile, "")
        self.tabs.addTab(self.buying_centre, "")
        self.tabs.addTab(self.timeline, "")
        self.offers = OffersTab(env)
        self.offers.loaded.connect(lambda _id: self._tab_titles())
        self.tabs.addTab(self.offers, "")

        content = QWidget()
        column = QVBoxLayout(content)
        column.setContentsMargins(8, 8, 8, 4)
        column.addWidget(self.name_label)
        column.addWidget(self.facts_label)
        column.addLayout(buttons)
        column.addWidget(self.tabs, 1)
        self.stack = QStackedWidget()
        self.stack.addWidget(self.placeholder)
        self.stack.addWidget(content)
        lay = QVBoxLayout(self)
        lay.setContentsMargins(0, 0, 0, 0)
        lay.addWidget(self.stack)

        self.setFocusProxy(self.tabs)  # focusing the pane (Enter in the list) lands on the tabs
        env.bus.customer_changed.connect(self._on_customer_changed)
        env.bus.customers_changed.connect(self._on_customers_changed)
        self.retranslate()
        self.clear()

    # --- contract -----------------------------------------------------------------------
    @property
    def current_customer_id(self) -> str | None:
        return self._id

    def show_customer(self, customer_id: str) -> None:
        self._deleted_id = None
        if customer_id != self._id:
            self._id = customer_id
            self._set_actions_enabled(False)  # until this customer's data arrives
        self.refresh()

    def clear(self) -> None:
        self.env.runner.supersede(self, "page")
        self._id, self.page = None, None
        self._placeholder_text = self._nothing_selected
        self._show_placeholder()

    def refresh(self) -> None:
        customer_id = self._id
        if customer_id is None:
            return
        ctx = self.env.ctx

        def work(_op: object) -> CustomerPage | NotFoundError:
            try:
                return load_page(ctx, customer_id=customer_id)
            except NotFoundError as exc:  # an answer, not a failure: the pane says so
                return exc

        # Other failures reach the user through the runner's default report.
        # another customer chosen (or this one changed) meanwhile: only the newest load shows
        self.env.runner.latest(self, "page", work, lambda result: self._loaded(customer_id, result),
                               label=self.tr("Loading the customer"))

    # --- loading ------------------------------------------------------------------------
    def _loaded(self, customer_id: str, result: CustomerPage | NotFoundError) -> None:
        if isinstance(result, NotFoundError):  # deleted here or elsewhere (sync, another window)
            self._id, self.page, self._deleted_id = None, None, customer_id
            self._placeholder_text = self._gone
            self._show_placeholder()
            return
        page = self.page = result
        today = self.env.today()
        self._fill_header()
        self.profile.set_page(page, today)
        self.buying_centre.set_page(page)
        self.timeline.set_page(page, today)
        self.offers.set_customer(page.customer)
        self._tab_titles()
        self._set_actions_enabled(True)
        self.stack.setCurrentIndex(1)
        self.loaded.emit(page.customer.id)

    def _on_customer_changed(self, customer_id: str) -> None:
        if customer_id == self._id:
            self.refresh()
        elif customer_id == self._deleted_id and self._id is None:
            self._id = customer_id  # perhaps restored by an undo: try again
            self.refresh()

    def _on_customers_changed(self) -> None:
        if self._id is not None:
            self.refresh()

    # --- header -------------------------------------------------------------------------
    def _fill_header(self) -> None:
        page = self.page
        if page is None:
            return
        c = page.customer
        short = f"  <span style='color:{MUTED_COLOUR}; font-size:small'>{esc(c.short_name)}</span>" if c.short_name else ""
        self.name_label.setTextFormat(Qt.TextFormat.RichText)
        self.name_label.setText(f"<span style='font-size:large; font-weight:bold'>{esc(c.name)}</span>{short}")
        industry = page.industry
        ind = c.industry_code if industry is None else label(industry)
        stage = stage_label(page.stages.get(c.stage_code), c.stage_code)
        risk_style = f"color:{BAD_COLOUR}; font-weight:bold" if c.churn_risk == "high" else ""
        facts = [
            (self.tr("Industry"), esc(ind), ""),
            (self.tr("Stage"), esc(stage), "background:#dbeafe; color:#1e3a8a"),
            (self.tr("Owner"), esc(user_label(page.user_name(c.owner_id)) or "—"), ""),
            (self.tr("Value"), esc(enum_label(ValueGrade, c.value_grade)), ""),
            (self.tr("Churn risk"), esc(enum_label(RiskLevel, c.churn_risk)), risk_style),
        ]
        self.facts_label.setText("&nbsp;&nbsp; ".join(
            f"<span style='color:{MUTED_COLOUR}'>{esc(cap)}:</span>&nbsp;<span style='{style}'>{val}</span>"
            for cap, val, style in facts))

    def header_text(self) -> str:
        """The header as plain text (tests, accessibility)."""
        from PySide6.QtGui import QTextDocument

        doc = QTextDocument()
        doc.setHtml(self.name_label.text() + "<br>" + self.facts_label.text())
        return doc.toPlainText()

    def _tab_titles(self) -> None:
        self.tabs.setTabText(0, self.tr("&Profile"))
        people = len(self.page.contacts) if self.page else 0
        visits = len(self.page.visits) if self.page else 0
        self.tabs.setTabText(1, self.tr("&Buying centre ({0})").format(people))
        self.tabs.setTabText(2, self.tr("&Timeline ({0})").format(visits))
        self.tabs.setTabText(3, self.tr("O&ffers ({0})").format(len(self.offers.offers)))

    def _set_actions_enabled(self, enabled: bool) -> None:
        for b in (self.visit_button, self.edit_button, self.move_button, self.delete_button):
            b.setEnabled(enabled)

    # --- placeholder --------------------------------------------------------------------
    def _nothing_selected(self) -> str:
        return self.tr("Choose a customer in the list to see everything about it here.")

    def _gone(self) -> str:
        return self.tr("This customer was deleted. Edit ▸ Undo (Ctrl+Z) brings it back.")

    def _show_placeholder(self) -> None:
        self.placeholder.setText(self._placeholder_text())
        self.stack.setCurrentIndex(0)

    # --- texts --------------------------------------------------------------------------
    def retranslate(self) -> None:
        self.visit_button.setText(self.tr("&Log visit…"))
        self.visit_button.setToolTip(self.tr("Record a visit, call or meeting with this customer"))
        self.edit_button.setText(self.tr("&Edit…"))
        self.move_button.setText(self.tr("&Move stage…"))
        self.move_button.setToolTip(self.tr("Move the customer to another relationship stage (undoable)"))
        self.delete_button.setText(self.tr("&Delete"))
        self.delete_button.setToolTip(self.tr("Delete the customer (undoable)"))
        self._tab_titles()
        self._fill_header()
        self.placeholder.setText(self._placeholder_text())


    # --- actions ------------------------------------------------------------------------
    def _request_visit(self) -> None:
        if self.page is not None:
            self.visit_requested.emit(self.page.customer.id)

    def edit_customer(self) -> None:
        if self.page is None:
            return
        from workbench.ui.customers.forms import CustomerForm

        form = CustomerForm(self.env, self.page.customer, self)
        form.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        form.open()

    def move_stage(self) -> None:
        if self.page is None:
            return
        from workbench.ui.customers.stage_dialog import MoveStageDialog

        customer = self.page.customer
        dialog = MoveStageDialog(customer, self.page.stages.values(), self)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)

        dialog.make_move = lambda to_code, reason: MoveStage(
            self.env, customer_id=customer.id, from_code=customer.stage_code, to_code=to_code, reason=reason).push()
        dialog.open()

    def delete_customer(self) -> None:
        if self.page is None:
            return
        c = self.page.customer
        question = self.tr("Delete {0}? Its contacts and visits go with it; Edit ▸ Undo brings them back.").format(c.name)
        if not self.confirm(self, self.tr("Delete customer"), question):
            return
        try:
            DeleteCustomer(self.env, customer_id=c.id, version=c.version, name=c.name).push()
        except Exception as exc:  # noqa: BLE001 - every failure reaches the user; nothing is deleted
            from workbench.ui.errors import show_error

            show_error(self, exc)
            return
        self.clear()
        self._deleted_id = c.id
        self._placeholder_text = self._gone
        self._show_placeholder()
        self.customer_deleted.emit(c.id)
