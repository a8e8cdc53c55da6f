"""The right-hand side of the builder: totals, the authority verdict, gifts and the schedule.

"One-off" is one thing in the builder as on the sheet: one-off charges, installation included
(the lines table's One-off column, the totals' One-off, the schedule's), with the
installation alone shown under it as "of which installation".
"""

from __future__ import annotations

from decimal import Decimal

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt
from PySide6.QtWidgets import (
    QFormLayout,
    QGroupBox,
    QHeaderView,
    QLabel,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from workbench.pricing import NEEDS_HQ, NEEDS_TEAM_LEAD, WITHIN, Quote, ScheduleMonth
from workbench.pricing.quote import Totals
from workbench.ui.i18n import Retranslating
from workbench.ui.offers.format import money, pct, text

VERDICT_STYLE = {
    WITHIN: "background: #e6f4ea; color: #1e6b34;",
    NEEDS_TEAM_LEAD: "background: #fff4d6; color: #8a5a00;",
    NEEDS_HQ: "background: #fdecea; color: #b3261e;",
    "refused": "background: #b3261e; color: white;",
    "empty": "background: #f1f3f4; color: #5f6368;",
}
_Index = QModelIndex | QPersistentModelIndex
_SCHEDULE = ("month", "due", "prestore", "rebate", "net")
_DETAIL = ("recurring", "one_off", "installation", "free_credit", "minimum_spend")


def one_off_of(figures: Totals | ScheduleMonth) -> Decimal:
    """One-off charges with installation (a quote's totals, a month of the schedule)."""
    return figures.one_off + figures.installation


class ScheduleModel(QAbstractTableModel):
    """Month by month: due (of which prestore), rebate, net; the rest of the month in the tooltip."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.months: tuple[ScheduleMonth, ...] = ()
        self.headers: list[str] = [""] * len(_SCHEDULE)
        self.detail_names: list[str] = [""] * len(_DETAIL)

    def show(self, months: tuple[ScheduleMonth, ...]) -> None:
        self.beginResetModel()
        self.months = months
        self.endResetModel()

    def rowCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.months)

    def columnCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(_SCHEDULE)

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole) -> object:
        if role == Qt.ItemDataRole.DisplayRole and orientation == Qt.Orientation.Horizontal:
            return self.headers[section]
        return None

    def data(self, index: _Index, role: int = Qt.ItemDataRole.DisplayRole) -> object:
        if not index.isValid():
            return None
        if role == Qt.ItemDataRole.DisplayRole:
            value = getattr(self.months[index.row()], _SCHEDULE[index.column()])
            return str(value) if index.column() == 0 else money(value)
        if role == Qt.ItemDataRole.TextAlignmentRole:
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        if role == Qt.ItemDataRole.ToolTipRole:
            month = self.months[index.row()]
            return "\n".join(f"{name}: {money(one_off_of(month) if key == 'one_off' else getattr(month, key))}"
                             for name, key in zip(self.detail_names, _DETAIL, strict=True))
        return None


class SummaryPanel(Retranslating, QWidget):
    _TOTALS = ("monthly_recurring", "one_off", "installation", "first_year", "over_term", "savings",
               "effective_discount_percent", "prestore", "rebate")

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        self.verdict = QLabel()
        self.verdict.setObjectName("authority_verdict")
        self.verdict.setWordWrap(True)
        self.verdict.setMargin(8)
        layout.addWidget(self.verdict)
        self.totals_box = QGroupBox()
        form = QFormLayout(self.totals_box)
        self.values: dict[str, QLabel] = {}
        self.captions: dict[str, QLabel] = {}
        for key in self._TOTALS:
            caption, value = QLabel(), QLabel("—")
            value.setObjectName(f"total_{key}")
            value.setAlignment(Qt.AlignmentFlag.AlignRight)
            value.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
            self.values[key], self.captions[key] = value, caption
            form.addRow(caption, value)
        bold = self.values["over_term"].font()
        bold.setBold(True)
        for key in ("monthly_recurring", "over_term"):
            self.values[key].setFont(bold)
        layout.addWidget(self.totals_box)
        self.gifts_box = QGroupBox()
        gifts_layout = QVBoxLayout(self.gifts_box)
        self.gifts = QLabel()
        self.gifts.setObjectName("gifts")
        self.gifts.setWordWrap(True)
        gifts_layout.addWidget(self.gifts)
        layout.addWidget(self.gifts_box)
        self.schedule_box = QGroupBox()
        sched_layout = QVBoxLayout(self.schedule_box)
        self.schedule = ScheduleModel(self)
        self.schedule_view = QTableView()
        self.schedule_view.setModel(self.schedule)
        self.schedule_view.verticalHeader().hide()
        self.schedule_view.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Stretch)
        self.schedule_view.horizontalHeader().setSectionResizeMode(0, QHeaderView.ResizeMode.Fixed)
        self.schedule_view.setColumnWidth(0, 48)
        self.schedule_view.verticalHeader().setDefaultSectionSize(22)
        self.schedule_view.setMinimumHeight(140)
        sched_layout.addWidget(self.schedule_view)
        layout.addWidget(self.schedule_box, 1)
        self.notes = QLabel()
        self.notes.setWordWrap(True)
        self.notes.setStyleSheet("color: #6b7280; font-size: 11px;")
        layout.addWidget(self.notes)
        self._quote: Quote | None = None
        self._refused = False
        self._waiting = 0
        self.retranslate()


    def retranslate(self) -> None:
        captions = {
            "monthly_recurring": self.tr("Monthly recurring"), "one_off": self.tr("One-off"),
            "installation": self.tr("of which installation"), "first_year": self.tr("First-year cost"),
            "over_term": self.tr("Total over the term"), "savings": self.tr("Savings against list"),
            "effective_discount_percent": self.tr("Effective discount"), "prestore": self.tr("Prestore (credit)"),
            "rebate": self.tr("Rebate returned"),
        }
        for key, caption in captions.items():
            self.captions[key].setText(caption)
        self.totals_box.setTitle(self.tr("Totals"))
        self.gifts_box.setTitle(self.tr("Gifts"))
        self.schedule_box.setTitle(self.tr("Payment and rebate schedule"))
        self.schedule.headers = [self.tr("Month"), self.tr("Due"), self.tr("Prestore"), self.tr("Rebate"), self.tr("Net")]
        self.schedule.detail_names = [self.tr("Recurring"), self.tr("One-off"), self.tr("of which installation"),
                                      self.tr("Free credit"), self.tr("Minimum spend")]
        self.schedule.headerDataChanged.emit(Qt.Orientation.Horizontal, 0, len(_SCHEDULE) - 1)
        if self._refused:
            self.show_refused(self._waiting)
        else:
            self.show_quote(self._quote)

    def show_quote(self, quote: Quote | None) -> None:
        self._quote, self._refused = quote, False
        if quote is None:
            self._blank()
            self._verdict("empty", self.tr("Add products or a prestore scheme to price the offer."))
            return
        t = quote.totals
        for key in self._TOTALS:
            value = one_off_of(t) if key == "one_off" else getattr(t, key)
            self.values[key].setText(pct(value) if key == "effective_discount_percent" else money(value))
        a = quote.authority
        headline = {WITHIN: self.tr("Within your authority"),
                    NEEDS_TEAM_LEAD: self.tr("Needs the team lead's approval"),
                    NEEDS_HQ: self.tr("Needs HQ approval")}[a.level]
        self._verdict(a.level, f"{headline}\n{text(a.why)}")
        gifts = [f"{text(g.name)} × {g.quantity}" + (f"  ({money(g.value)})" if g.value else "") for g in quote.gifts]
        self.gifts.setText("\n".join(gifts) if gifts else self.tr("No gifts"))
        self.schedule.show(quote.schedule)
        self.notes.setText("\n".join(text(n) for n in quote.notes))

    def show_refused(self, waiting: int = 0) -> None:
        """The offer cannot be priced as typed: blank figures, a red verdict, nothing else lost.

        ``waiting``: how many lines alone stand in the way (the other lines are priced in the
        table). The totals wait for them rather than add up what can be priced: a sum without
        a line the client asked for, read out as the offer's price, would be wrong, and the
        gifts, schemes and approval needed depend on every line.
        """
        self._quote, self._refused, self._waiting = None, True, waiting
        self._blank()
        if waiting == 1:
            message = self.tr("Not priced yet: the totals wait for the refused line, marked in red")
        elif waiting > 1:
            message = self.tr("Not priced yet: the totals wait for the {0} refused lines, marked in red").format(waiting)
        else:
            message = self.tr("Refused: fix the fields marked in red")
        self._verdict("refused", message)

    def verdict_level(self) -> str:
        return str(self.verdict.property("level"))

    def _blank(self) -> None:
        for value in self.values.values():
            value.setText("—")
        self.gifts.setText(self.tr("No gifts"))
        self.schedule.show(())
        self.notes.clear()

    def _verdict(self, level: str, message: str) -> None:
        self.verdict.setProperty("level", level)
        self.verdict.setStyleSheet(f"QLabel {{ {VERDICT_STYLE[level]} border-radius: 4px; font-weight: bold; }}")
        self.verdict.setText(message)
