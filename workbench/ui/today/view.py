"""The Today page: what to do this morning, offline.

Follow-ups due today and overdue, follow-ups planned for the coming week, and the
opportunity calendar (competitor contracts ending soon), of the user's own customers or
the whole team's. Everything loads on the runner's read pool; the page reloads when the
bus announces a change, right away when it is on screen, else when it is next shown.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QDate, QLocale, Qt, QTimer, Signal
from PySide6.QtGui import QAction, QKeySequence, QShowEvent
from PySide6.QtWidgets import (
    QCheckBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QSplitter,
    QVBoxLayout,
    QWidget,
)

from workbench.services.today import PLANNED_DAYS, Agenda, ContractEnd, FollowUp, agenda
from workbench.ui.env import UiEnv
from workbench.ui.i18n import Retranslating
from workbench.ui.labels import ui_locale
from workbench.ui.runner import Op
from workbench.ui.today.commands import mark_follow_up_done
from workbench.ui.today.models import ContractModel, FollowUpModel, RowsModel
from workbench.ui.today.section import AgendaTable, Chip, Section

LIMIT = 200


class TodayPage(Retranslating, QWidget):
    customer_requested = Signal(str)  # open this customer
    visit_requested = Signal(str)  # log a visit at this customer
    loaded = Signal()  # an agenda was loaded and shown (tests, status)

    def __init__(self, env: UiEnv, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("today_page")
        self.env = env
        self.agenda: Agenda | None = None
        self._stale = False
        self._reload = QTimer(self)
        self._reload.setSingleShot(True)
        self._reload.setInterval(40)  # one reload for a burst of changes
        self._reload.timeout.connect(self.refresh)

        self.title = QLabel()
        self.title.setObjectName("today_title")
        self.status = QLabel()
        self.status.setObjectName("today_status")
        self.team = QCheckBox()
        self.team.setChecked(env.settings.today_whole_team)
        self.team.toggled.connect(self._on_team_toggled)
        self.chips = {k: Chip(k) for k in ("overdue", "due_today", "planned", "contracts")}

        self.due_model, self.planned_model = FollowUpModel(self), FollowUpModel(self)
        self.contract_model = ContractModel(self)
        self.due_table = AgendaTable(self.due_model, "today_due")
        self.planned_table = AgendaTable(self.planned_model, "today_planned")
        self.contract_table = AgendaTable(self.contract_model, "today_contracts")
        self.tables = (self.due_table, self.planned_table, self.contract_table)
        self.due_section = Section(self.due_table)
        self.planned_section = Section(self.planned_table)
        self.contract_section = Section(self.contract_table)
        self._active: AgendaTable = self.due_table

        self.btn_open, self.btn_done, self.btn_visit = QPushButton(), QPushButton(), QPushButton()
        self.act_open, self.act_done, self.act_visit = QAction(self), QAction(self), QAction(self)
        self.act_done.setShortcut(QKeySequence("Ctrl+D"))
        self.act_done.setShortcutContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
        self.addAction(self.act_done)
        for act, btn, slot in ((self.act_open, self.btn_open, self.open_customer),
                               (self.act_done, self.btn_done, self.mark_done),
                               (self.act_visit, self.btn_visit, self.log_visit)):
            act.triggered.connect(slot)
            btn.clicked.connect(act.trigger)
        for table in self.tables:
            table.open_pressed.connect(self.open_customer)
            table.focused.connect(lambda t=table: self._set_active(t))
            table.selectionModel().currentRowChanged.connect(self._update_actions)
            table.model().modelReset.connect(self._update_actions)
            table.model().rowsRemoved.connect(self._update_actions)
            table.setContextMenuPolicy(Qt.ContextMenuPolicy.ActionsContextMenu)
            table.addAction(self.act_open)
            if table is not self.contract_table:
                table.done_pressed.connect(self.mark_done)
                table.addAction(self.act_done)
            table.addAction(self.act_visit)
        self._size_columns()
        self._build_layout()
        env.bus.customer_changed.connect(self._on_data_changed)
        env.bus.customers_changed.connect(self._on_data_changed)
        self.retranslate()
        self._update_actions()
        self.refresh()

    def _build_layout(self) -> None:
        head = QHBoxLayout()
        head.addWidget(self.title)
        head.addStretch(1)
        head.addWidget(self.status)
        head.addSpacing(12)
        head.addWidget(self.team)
        counters = QHBoxLayout()
        counters.setSpacing(8)
        for chip in self.chips.values():
            counters.addWidget(chip)
        counters.addStretch(1)
        for btn in (self.btn_open, self.btn_done, self.btn_visit):
            counters.addWidget(btn)
        self.splitter = QSplitter(Qt.Orientation.Vertical)
        self.splitter.setObjectName("today_splitter")
        self.splitter.setChildrenCollapsible(False)
        for section, stretch in ((self.due_section, 5), (self.planned_section, 3), (self.contract_section, 4)):
            self.splitter.addWidget(section)
            self.splitter.setStretchFactor(self.splitter.count() - 1, stretch)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(12, 10, 12, 10)
        layout.addLayout(head)
        layout.addLayout(counters)
        layout.addWidget(self.splitter, 1)
        QWidget.setTabOrder(self.due_table, self.planned_table)
        QWidget.setTabOrder(self.planned_table, self.contract_table)
        QWidget.setTabOrder(self.contract_table, self.team)
        QWidget.setTabOrder(self.team, self.btn_open)
        QWidget.setTabOrder(self.btn_open, self.btn_done)
        QWidget.setTabOrder(self.btn_done, self.btn_visit)

    def _size_columns(self) -> None:
        mode = QHeaderView.ResizeMode
        for table in (self.due_table, self.planned_table):
            table.set_modes({FollowUpModel.CUSTOMER: mode.Interactive, FollowUpModel.NEXT_STEP: mode.Stretch,
                             FollowUpModel.VISITED: mode.ResizeToContents, FollowUpModel.DUE: mode.ResizeToContents,
                             FollowUpModel.STATUS: mode.ResizeToContents}, widths={FollowUpModel.CUSTOMER: 300})
        self.contract_table.set_modes(
            {ContractModel.CUSTOMER: mode.Interactive, ContractModel.ENDS: mode.ResizeToContents,
             ContractModel.LEFT: mode.ResizeToContents, ContractModel.PROVIDER: mode.ResizeToContents,
             ContractModel.COMPETITORS: mode.Stretch}, widths={ContractModel.CUSTOMER: 300})

    # --- texts ------------------------------------------------------------------------------
    def retranslate(self) -> None:
        today = self.env.today()
        locale = ui_locale()
        day = locale.toString(QDate(today.year, today.month, today.day), QLocale.FormatType.LongFormat)
        self.title.setText(self.tr("<b style='font-size:15pt'>Today</b>&nbsp;&nbsp;{0}").format(day))
        self.team.setText(self.tr("Whole &team"))
        self.team.setToolTip(self.tr("Show the follow-ups and contracts of every customer, not only yours"))
        self.btn_open.setText(self.tr("&Open customer"))
        self.btn_open.setToolTip(self.tr("Open the selected customer (Enter)"))
        self.btn_done.setText(self.tr("Mark &done"))
        self.btn_done.setToolTip(self.tr("Mark the selected follow-up done (Space or Ctrl+D); Ctrl+Z undoes it"))
        self.btn_visit.setText(self.tr("&Log visit…"))
        self.btn_visit.setToolTip(self.tr("Log a visit at the selected customer"))
        self.act_open.setText(self.tr("Open customer"))
        self.act_done.setText(self.tr("Mark follow-up done"))
        self.act_visit.setText(self.tr("Log visit…"))
        for model in (self.due_model, self.planned_model, self.contract_model):
            model.retranslate()
        self._show_texts()

    def _show_texts(self) -> None:
        a = self.agenda
        self.status.setText(self.tr("Loading…") if self.env.runner.loading(self, "agenda") else "")
        days = a.planned_days if a else PLANNED_DAYS
        horizon = a.horizon_days if a else self.env.settings.contract_end_horizon_days
        titles = (self.tr("Due today and overdue"), self.tr("Planned for the next {0} days").format(days),
                  self.tr("Competitor contracts ending in the next {0} days").format(horizon))
        sections = (self.due_section, self.planned_section, self.contract_section)
        if a is None:
            for section, title in zip(sections, titles, strict=True):
                section.set_texts(title, "", self.tr("Loading…"))
            for chip in self.chips.values():
                chip.show_count("…")
            return
        c = a.counts
        cut = c.at_least
        self.due_section.set_texts(titles[0], self._note(len(a.due), a.due_total, bool(cut & {"overdue", "due_today"})),
                                   self.tr("Nothing due today, and nothing overdue."))
        self.planned_section.set_texts(titles[1], self._note(len(a.planned), c.planned, "planned" in cut),
                                       self.tr("No follow-ups planned for the next {0} days.").format(days))
        self.contract_section.set_texts(
            titles[2], self._note(len(a.contracts), c.contracts_ending, "contracts_ending" in cut),
            self.tr("No competitor contract ends in the next {0} days.").format(horizon))
        n = {k: f"{getattr(c, k)}+" if k in cut else str(getattr(c, k))
             for k in ("overdue", "due_today", "planned", "contracts_ending")}
        self.chips["overdue"].show_count(self.tr("{0} overdue").format(n["overdue"]), alert=c.overdue > 0)
        self.chips["due_today"].show_count(self.tr("{0} due today").format(n["due_today"]), alert=c.due_today > 0)
        self.chips["planned"].show_count(self.tr("{0} this week").format(n["planned"]))
        self.chips["contracts"].show_count(
            self.tr("1 contract ending") if n["contracts_ending"] == "1"
            else self.tr("{0} contracts ending").format(n["contracts_ending"]))

    def _note(self, shown: int, total: int, cut: bool) -> str:
        """The count beside a section's title: "53", "400 shown of 1,442", "400 shown, more not listed"."""
        if cut:
            return self.tr("{0} shown, more not listed").format(shown)
        if shown < total:
            return self.tr("{0} shown of {1}").format(shown, total)
        return str(total) if total else ""


    # --- loading ----------------------------------------------------------------------------
    @property
    def loading(self) -> bool:
        return self.env.runner.loading(self, "agenda")

    def owner_id(self) -> str | None:
        return None if self.team.isChecked() else self.env.ctx.user_id

    def refresh(self) -> None:
        """Reload from the store (in the background); the newest request wins."""
        self._stale = False
        ctx, today, owner = self.env.ctx, self.env.today(), self.owner_id()
        horizon = self.env.settings.contract_end_horizon_days

        def work(_op: Op) -> Agenda:
            return agenda(ctx, today=today, owner_id=owner, horizon_days=horizon, limit=LIMIT)

        self.env.runner.latest(self, "agenda", work, self._on_loaded, on_failure=self._on_failed,
                               label=self.tr("Loading today's agenda"))
        self._show_texts()

    def _on_loaded(self, result: Any) -> None:
        if result.owner_id == self.owner_id():
            self._show_agenda(result)

    def _show_agenda(self, result: Agenda) -> None:
        self.agenda = result
        for table, rows in ((self.due_table, result.due), (self.planned_table, result.planned),
                            (self.contract_table, result.contracts)):
            table.replace_rows(rows)
        self.due_section.set_empty(not result.due)
        self.planned_section.set_empty(not result.planned)
        self.contract_section.set_empty(not result.contracts)
        self._show_texts()
        self._update_actions()
        if self.isVisible():
            self._focus_first_list()
        self.loaded.emit()

    def _on_failed(self, exc: BaseException) -> None:
        from workbench.ui.errors import show_error

        self._show_texts()
        show_error(self, exc)

    def _on_data_changed(self, *_: Any) -> None:
        if self.isVisible():
            self._reload.start()
        else:
            self._stale = True

    def _on_team_toggled(self, checked: bool) -> None:
        self.env.settings.today_whole_team = checked  # remembered for the next start
        self.refresh()

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        if self._stale or (self.agenda is not None and self.agenda.today != self.env.today()):
            if self.agenda is not None and self.agenda.today != self.env.today():
                self.retranslate()  # the date in the title
            self.refresh()
        self._focus_first_list()

    def _focus_first_list(self) -> None:
        focus = self.focusWidget()
        if focus is not None and self.isAncestorOf(focus) and focus.isVisible():
            return
        for section in (self.due_section, self.planned_section, self.contract_section):
            if not section.is_empty:
                section.table.setFocus(Qt.FocusReason.OtherFocusReason)
                return

    # --- actions ----------------------------------------------------------------------------
    def _set_active(self, table: AgendaTable) -> None:
        self._active = table
        self._update_actions()

    def _current(self) -> FollowUp | ContractEnd | None:
        model: RowsModel[Any] = self._active.model()  # type: ignore[assignment]
        index = self._active.currentIndex()
        return model.row_at(index.row()) if index.isValid() else None

    def selected_follow_up(self) -> FollowUp | None:
        item = self._current()
        return item if isinstance(item, FollowUp) else None

    def selected_customer_id(self) -> str | None:
        item = self._current()
        return item.customer_id if item is not None else None

    def _update_actions(self, *_: Any) -> None:
        has_row = self._current() is not None
        for act, btn in ((self.act_open, self.btn_open), (self.act_visit, self.btn_visit)):
            act.setEnabled(has_row)
            btn.setEnabled(has_row)
        done = self.selected_follow_up() is not None
        self.act_done.setEnabled(done)
        self.btn_done.setEnabled(done)

    def open_customer(self) -> None:
        if (cid := self.selected_customer_id()) is not None:
            self.customer_requested.emit(cid)

    def log_visit(self) -> None:
        if (cid := self.selected_customer_id()) is not None:
            self.visit_requested.emit(cid)

    def mark_done(self) -> None:
        """Mark the selected follow-up done; its row goes, the next one is selected."""
        item = self.selected_follow_up()
        if item is None:
            return
        table = self._active
        try:
            mark_follow_up_done(self.env, item)
        except Exception as exc:
            from workbench.ui.errors import show_error

            show_error(self, exc)
            self.refresh()
            return
        row = table.currentIndex().row()
        model: RowsModel[Any] = table.model()  # type: ignore[assignment]
        model.remove_row_at(row)
        if model.rowCount():
            table.setCurrentIndex(model.index(min(row, model.rowCount() - 1), 0))
        table.setFocus(Qt.FocusReason.OtherFocusReason)
        self._update_actions()
        self._reload.start()  # counts and the next rows beyond the limit

