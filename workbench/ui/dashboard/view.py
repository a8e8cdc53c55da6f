"""The Dashboard page: the pipeline, the visits, the offers and who is going quiet, at a glance.

Every figure opens the list behind it: a stage, a week, an offer state, the follow-ups, a
grade of quiet customers open the customer list filtered to exactly those customers
(``CustomersPage.show_filtered`` with the figure's ``Filters``); a quiet customer opens that
customer. The figures load on the runner's read pool (``services.dashboard``, aggregates
in SQL); the page reloads when the bus announces a change, at once when it is on screen,
else when it is next shown. The charts are painted here (``charts.py`` says why).
"""

from __future__ import annotations

from decimal import Decimal
from typing import Any

from PySide6.QtCore import QDate, Qt, QTimer, Signal
from PySide6.QtGui import QColor, QShowEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QComboBox,
    QGridLayout,
    QGroupBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from workbench.services.dashboard import Dashboard, dashboard
from workbench.services.search import Filters
from workbench.services.stages import list_stages
from workbench.ui.dashboard.charts import Bar, BarChart
from workbench.ui.dashboard.tiles import TILE_STYLE, FigureTile
from workbench.ui.env import UiEnv
from workbench.ui.i18n import Retranslating
from workbench.ui.labels import label, ui_locale
from workbench.ui.offers.format import money
from workbench.ui.runner import Op

QUIET_CHOICES = (30, 60, 90, 180)
_SIDE = QColor("#9aa5b1")  # dormant and lost stages
_STATE_COLORS = {"won": "#2e8b57", "lost": "#b55", "sent": "#2f6fb3"}
_GRADE_COLORS = {"A": "#c0392b", "B": "#e67e22", "C": "#d4ac0d", "D": "#7f8c8d"}


class DashboardPage(Retranslating, QWidget):
    customer_requested = Signal(str)  # open this customer
    list_requested = Signal(object, str)  # the customer list behind a figure: Filters, caption
    loaded = Signal()  # figures were loaded and shown (tests, status)

    def __init__(self, env: UiEnv, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("dashboard_page")
        self.setStyleSheet(TILE_STYLE)
        self.env = env
        self.data: Dashboard | None = None
        self.stages = {s.code: s for s in list_stages(env.ctx)}
        self._stale = False
        self._reload = QTimer(self)
        self._reload.setSingleShot(True)
        self._reload.setInterval(60)  # one reload for a burst of changes
        self._reload.timeout.connect(self.refresh)

        self.title, self.status = QLabel(), QLabel()
        self.status.setObjectName("dashboard_status")
        self.quiet_label, self.quiet_days = QLabel(), QComboBox()
        self.quiet_days.setObjectName("quiet_days")
        self.quiet_label.setBuddy(self.quiet_days)
        for days in QUIET_CHOICES:
            self.quiet_days.addItem("", days)
        self.quiet_days.setCurrentIndex(QUIET_CHOICES.index(60))
        self.team = QCheckBox()
        self.team.setObjectName("dashboard_team")
        self.tiles = {k: FigureTile(f"tile_{k}") for k in ("overdue", "due_today", "win_rate", "open_value", "quiet")}
        self.funnel = BarChart(centered=True)
        self.funnel.setObjectName("funnel_chart")
        self.weeks = BarChart(vertical=True, color="#3b8ea5")
        self.weeks.setObjectName("weeks_chart")
        self.offers = BarChart(color="#5b6abf")
        self.offers.setObjectName("offers_chart")
        self.grades = BarChart(color="#c0392b")
        self.grades.setObjectName("quiet_chart")
        self.quiet_table = QTableWidget(0, 3)
        self.quiet_table.setObjectName("quiet_table")
        self._build_layout()

        self.team.toggled.connect(lambda _c: self.refresh())
        self.quiet_days.currentIndexChanged.connect(lambda _i: self.refresh())
        self.funnel.activated.connect(self._open_stage)
        self.weeks.activated.connect(self._open_week)
        self.offers.activated.connect(self._open_offers)
        self.grades.activated.connect(self._open_grade)
        self.tiles["overdue"].clicked.connect(lambda: self._open_list(self._d().overdue_filters(), "overdue"))
        self.tiles["due_today"].clicked.connect(lambda: self._open_list(self._d().due_today_filters(), "due_today"))
        self.tiles["win_rate"].clicked.connect(lambda: self._open_list(self._d().decided_offer_filters(), "decided"))
        self.tiles["open_value"].clicked.connect(lambda: self._open_list(self._d().open_offer_filters(), "open"))
        self.tiles["quiet"].clicked.connect(lambda: self._open_list(self._d().quiet_filters(), "quiet_all"))
        self.quiet_table.activated.connect(lambda index: self._open_quiet(index.row()))
        self.quiet_table.doubleClicked.connect(lambda index: self._open_quiet(index.row()))
        env.bus.changed.connect(self._on_data_changed)
        self.retranslate()
        self.refresh()

    def _build_layout(self) -> None:
        head = QHBoxLayout()
        head.addWidget(self.title)
        head.addWidget(self.status)
        head.addStretch(1)
        head.addWidget(self.quiet_label)
        head.addWidget(self.quiet_days)
        head.addSpacing(12)
        head.addWidget(self.team)
        tiles = QHBoxLayout()
        for tile in self.tiles.values():
            tiles.addWidget(tile, 1)
        t = self.quiet_table
        t.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        t.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        t.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        t.verticalHeader().hide()
        t.verticalHeader().setDefaultSectionSize(22)
        t.setMinimumHeight(60)
        t.horizontalHeader().setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        for col in (1, 2):
            t.horizontalHeader().setSectionResizeMode(col, QHeaderView.ResizeMode.ResizeToContents)
        self.boxes = {k: QGroupBox() for k in ("funnel", "weeks", "offers", "quiet")}
        contents: tuple[tuple[str, list[QWidget]], ...] = (
            ("funnel", [self.funnel]), ("weeks", [self.weeks]), ("offers", [self.offers]),
            ("quiet", [self.grades, self.quiet_table]))
        for key, widgets in contents:
            box = QHBoxLayout(self.boxes[key]) if key == "quiet" else QVBoxLayout(self.boxes[key])
            box.setContentsMargins(6, 4, 6, 4)
            for widget in widgets:
                box.addWidget(widget, 1)
        grid = QGridLayout()
        grid.addWidget(self.boxes["funnel"], 0, 0, 2, 1)
        grid.addWidget(self.boxes["weeks"], 0, 1)
        grid.addWidget(self.boxes["offers"], 1, 1)
        grid.addWidget(self.boxes["quiet"], 2, 0, 1, 2)
        grid.setColumnStretch(0, 5)
        grid.setColumnStretch(1, 6)
        grid.setRowStretch(0, 3)
        grid.setRowStretch(1, 3)
        grid.setRowStretch(2, 3)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(12, 10, 12, 10)
        layout.addLayout(head)
        layout.addLayout(tiles)
        layout.addLayout(grid, 1)

    # --- texts ------------------------------------------------------------------------------
    def retranslate(self) -> None:
        self.title.setText(self.tr("<b style='font-size:15pt'>Dashboard</b>"))
        self.quiet_label.setText(self.tr("&Quiet after:"))
        for row, days in enumerate(QUIET_CHOICES):
            self.quiet_days.setItemText(row, self.tr("{0} days").format(days))
        self.team.setText(self.tr("Whole &team"))
        self.team.setToolTip(self.tr("Show the figures of every customer, not only yours"))
        self.boxes["funnel"].setTitle(self.tr("Pipeline: customers by stage, open offers"))
        self.boxes["weeks"].setTitle(self.tr("Visits per week"))
        self.boxes["offers"].setTitle(self.tr("Offers by state"))
        self.boxes["quiet"].setTitle(self.tr("Going quiet: no visit in {0} days").format(self._quiet_days()))
        self.quiet_table.setHorizontalHeaderLabels([self.tr("Customer"), self.tr("Grade"), self.tr("Last visit")])
        self._show()

    def _n(self, value: int) -> str:
        return ui_locale().toString(value)

    def _show(self) -> None:
        self.status.setText(self.tr("Loading…") if self.loading else "")
        d = self.data
        if d is None:
            return
        self.boxes["quiet"].setTitle(self.tr("Going quiet: no visit in {0} days").format(d.quiet_days))
        t = self.tiles
        t["overdue"].show_figure(self._n(d.overdue.follow_ups),
                                 self.tr("follow-ups overdue, at {0} customers").format(self._n(d.overdue.customers)),
                                 alert=d.overdue.follow_ups > 0)
        t["due_today"].show_figure(self._n(d.due_today.follow_ups),
                                   self.tr("follow-ups due today ({0} customers with none overdue)")
                                   .format(self._n(d.due_today.customers)))
        won, lost = d.offers_in("won").offers, d.offers_in("lost").offers
        rate = "—" if d.win_rate is None else f"{d.win_rate * 100:.0f}%"
        t["win_rate"].show_figure(rate, self.tr("win rate: {0} won of {1} decided").format(won, won + lost))
        open_value = sum((s.open_value for s in d.stages), Decimal(0))
        open_count = sum(s.open_offers for s in d.stages)
        t["open_value"].show_figure(money(open_value), self.tr("in {0} open offers").format(self._n(open_count)))
        t["quiet"].show_figure(self._n(d.quiet_total), self.tr("customers going quiet"), alert=d.quiet_total > 0)
        self.funnel.set_bars([
            Bar(label(self.stages[f.code]) if f.code in self.stages else f.code, f.customers, self._n(f.customers),
                note=self.tr("{0} offers · {1}").format(f.open_offers, money(f.open_value)) if f.open_offers else "",
                tooltip=self.tr("Open the {0} customers at this stage").format(self._n(f.customers)),
                color=_SIDE if f.code in self.stages and self.stages[f.code].side else None)
            for f in d.stages])
        self.weeks.set_bars([
            Bar(self._week_label(w.start), w.visits, self._n(w.visits),
                tooltip=self.tr("{0} visits in the week of {1}: open the customers visited")
                .format(self._n(w.visits), self._day(w.start)))
            for w in d.weeks])
        self.offers.set_bars([
            Bar(self._state(f.state), f.offers, self.tr("{0} · {1}").format(self._n(f.offers), money(f.value))
                if f.offers else "0",
                tooltip=self.tr("Open the customers with an offer in this state"),
                color=QColor(_STATE_COLORS[f.state]) if f.state in _STATE_COLORS else None)
            for f in d.offer_states])
        self.grades.set_bars([
            Bar(self._grade(g), n, self._n(n), tooltip=self.tr("Open these quiet customers"),
                color=QColor(_GRADE_COLORS.get(g or "", "#95a5a6")))
            for g, n in d.quiet_by_grade])
        self._fill_quiet(d)

    def _fill_quiet(self, d: Dashboard) -> None:
        t = self.quiet_table
        t.setRowCount(len(d.quiet))
        for row, q in enumerate(d.quiet):
            last = self.tr("never visited") if q.last_visit is None else \
                self.tr("{0} ({1} days ago)").format(q.last_visit.isoformat(), q.days_quiet)
            for col, text in enumerate((q.name, self._grade(q.value_grade), last)):
                item = QTableWidgetItem(text)
                item.setData(Qt.ItemDataRole.UserRole, q.customer_id)
                t.setItem(row, col, item)

    def _day(self, day: Any) -> str:
        return ui_locale().toString(QDate(day.year, day.month, day.day), "M/d")

    def _week_label(self, start: Any) -> str:
        return self._day(start)

    def _grade(self, grade: str | None) -> str:
        return self.tr("No grade") if grade is None else self.tr("Grade {0}").format(grade)

    def _state(self, state: str) -> str:
        return {"draft": self.tr("Draft"), "needs_approval": self.tr("Awaiting approval"),
                "approved": self.tr("Approved"), "rejected": self.tr("Rejected"), "sent": self.tr("Sent"),
                "won": self.tr("Won"), "lost": self.tr("Lost")}[state]

    # --- loading ----------------------------------------------------------------------------
    @property
    def loading(self) -> bool:
        return self.env.runner.loading(self, "dashboard")

    def owner_id(self) -> str | None:
        return None if self.team.isChecked() else self.env.ctx.user_id

    def _quiet_days(self) -> int:
        return int(self.quiet_days.currentData() or 60)

    def refresh(self) -> None:
        """Reload every figure (in the background); the newest request wins."""
        self._stale = False
        ctx, today, owner, quiet = self.env.ctx, self.env.today(), self.owner_id(), self._quiet_days()
        codes = list(self.stages)

        def work(_op: Op) -> Dashboard:
            return dashboard(ctx, today=today, owner_id=owner, stage_codes=codes, quiet_days=quiet)

        self.env.runner.latest(self, "dashboard", work, self._on_loaded, on_failure=self._on_failed,
                               label=self.tr("Loading the dashboard"))
        self._show()

    def _on_loaded(self, result: Dashboard) -> None:
        self.data = result
        self._show()
        self.loaded.emit()

    def _on_failed(self, exc: BaseException) -> None:
        from workbench.ui.errors import show_error

        self._show()
        show_error(self, exc)

    def _on_data_changed(self, *_: Any) -> None:
        if self.isVisible():
            self._reload.start()
        else:
            self._stale = True

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        if self._stale or (self.data is not None and self.data.today != self.env.today()):
            self.refresh()

    # --- the lists behind the figures -------------------------------------------------------
    def _d(self) -> Dashboard:
        assert self.data is not None
        return self.data

    def _open_list(self, filters: Filters, what: str, arg: Any = None) -> None:
        if self.data is None:
            return
        self.list_requested.emit(filters, self.caption(what, arg))
        window = self.window()
        if hasattr(window, "show_page"):
            page = window.show_page("customers")
            if page is not None and hasattr(page, "show_filtered"):
                page.show_filtered(filters, self.caption(what, arg))

    def caption(self, what: str, arg: Any = None) -> str:
        """What the customer list says it shows, opened from a figure."""
        d = self._d()
        mine = "" if d.owner_id is None else self.tr(" (mine)")
        if what == "stage":
            return self.tr("Stage: {0}").format(label(self.stages[arg]) if arg in self.stages else arg) + mine
        if what == "week":
            return self.tr("Visited in the week of {0}").format(self._day(arg)) + mine
        if what == "offers":
            return self.tr("With an offer: {0}").format(self._state(arg)) + mine
        if what == "open":
            return self.tr("With an open offer") + mine
        if what == "decided":
            return self.tr("With an offer won or lost") + mine
        if what == "overdue":
            return self.tr("Follow-up overdue") + mine
        if what == "due_today":
            return self.tr("Follow-up due today") + mine
        grade = "" if what == "quiet_all" else " · " + self._grade(arg)
        return self.tr("No visit in {0} days").format(d.quiet_days) + grade + mine

    def _open_stage(self, index: int) -> None:
        if self.data is not None:
            code = self.data.stages[index].code
            self._open_list(self.data.stage_filters(code), "stage", code)

    def _open_week(self, index: int) -> None:
        if self.data is not None:
            week = self.data.weeks[index]
            self._open_list(self.data.week_filters(week), "week", week.start)

    def _open_offers(self, index: int) -> None:
        if self.data is not None:
            state = self.data.offer_states[index].state
            self._open_list(self.data.offer_filters(state), "offers", state)

    def _open_grade(self, index: int) -> None:
        if self.data is not None:
            grade = self.data.quiet_by_grade[index][0]
            if grade is None:
                self._open_list(self.data.quiet_filters(ungraded=True), "quiet", None)
            else:
                self._open_list(self.data.quiet_filters(grade), "quiet", grade)

    def _open_quiet(self, row: int) -> None:
        if self.data is not None and 0 <= row < len(self.data.quiet):
            self.customer_requested.emit(self.data.quiet[row].customer_id)

