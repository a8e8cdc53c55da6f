"""The timeline tab: the customer's visits (with their SPIN notes) and stage moves in one
chronological list, newest first; a filter shows only one of the two."""

from __future__ import annotations

from datetime import date, datetime

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QComboBox,
    QHBoxLayout,
    QLabel,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from workbench.domain.enums import VisitKind
from workbench.services import dto
from workbench.services.customer_page import CustomerPage
from workbench.ui.customers.detail_common import (
    BAD_COLOUR,
    GOOD_COLOUR,
    MUTED_COLOUR,
    Card,
    clear_layout,
    enum_label,
    esc,
    fmt_date,
    fmt_datetime,
    muted,
    stage_label,
    value_label,
)
from workbench.ui.i18n import Retranslating
from workbench.ui.labels import is_chinese, user_label

ALL, VISITS, STAGES = "all", "visits", "stages"


class TimelineView(Retranslating, QScrollArea):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("customer_timeline")
        self.setWidgetResizable(True)
        self.setFrameShape(QScrollArea.Shape.NoFrame)
        self.page: CustomerPage | None = None
        self.today = date.today()
        inner = QWidget()
        column = QVBoxLayout(inner)
        column.setContentsMargins(4, 4, 4, 4)
        bar = QHBoxLayout()
        self.filter_label = QLabel()
        self.filter = QComboBox()
        self.filter.setObjectName("timeline_filter")
        self.filter_label.setBuddy(self.filter)
        self.count_label = muted(QLabel())
        bar.addWidget(self.filter_label)
        bar.addWidget(self.filter)
        bar.addStretch(1)
        bar.addWidget(self.count_label)
        column.addLayout(bar)
        self.items = QVBoxLayout()
        self.items.setSpacing(8)
        column.addLayout(self.items)
        column.addStretch(1)
        self.setWidget(inner)
        self.retranslate()
        self.filter.currentIndexChanged.connect(self._rebuild)

    def retranslate(self) -> None:
        self.filter_label.setText(self.tr("&Show:"))
        current = self.filter.currentData() or ALL
        self.filter.blockSignals(True)
        self.filter.clear()
        self.filter.addItem(self.tr("Visits and stage moves"), ALL)
        self.filter.addItem(self.tr("Visits only"), VISITS)
        self.filter.addItem(self.tr("Stage moves only"), STAGES)
        self.filter.setCurrentIndex(max(0, self.filter.findData(current)))
        self.filter.blockSignals(False)
        self._rebuild()


    def set_page(self, page: CustomerPage, today: date) -> None:
        self.page, self.today = page, today
        self._rebuild()

    def cards(self) -> list[Card]:
        """The cards shown, top (newest) first."""
        out = []
        for i in range(self.items.count()):
            item = self.items.itemAt(i)
            w = item.widget() if item is not None else None
            if isinstance(w, Card) and not w.isHidden():
                out.append(w)
        return out

    # --- building -----------------------------------------------------------------------
    def _rebuild(self) -> None:
        clear_layout(self.items)
        page = self.page
        if page is None:
            return
        show = self.filter.currentData() or ALL
        # (time, kind, order recorded, item): a stage move made with a visit sorts above it,
        # moves within the same second in the order they were recorded.
        entries: list[tuple[datetime, int, int, dto.Visit | dto.StageEvent]] = []
        if show in (ALL, VISITS):
            entries += [(v.occurred_at, 0, -n, v) for n, v in enumerate(page.visits)]  # newest first
        if show in (ALL, STAGES):
            entries += [(e.occurred_at, 1, n, e) for n, e in enumerate(page.stage_events)]  # oldest first
        entries.sort(key=lambda t: t[:3], reverse=True)
        for *_, item in entries:
            card = self._visit_card(item) if isinstance(item, dto.Visit) else self._stage_card(item)
            self.items.addWidget(card)
        if not entries:
            self.items.addWidget(muted(QLabel(self.tr("Nothing recorded yet. Log a visit to start the history."))))
        self.count_label.setText(self.tr("{0}, {1}").format(self.tr("%n visit(s)", "", len(page.visits)),
                                                           self.tr("%n stage move(s)", "", len(page.stage_events))))

    def _visit_card(self, v: dto.Visit) -> Card:
        assert self.page is not None
        card = Card(accent="#16a34a" if v.spin_need_payoff else "#9ca3af")
        card.setProperty("kind", "visit")
        card.setProperty("item_id", v.id)
        head = [f"<b>{fmt_datetime(v.occurred_at)}</b>", f"<b>{esc(enum_label(VisitKind, v.kind))}</b>"]
        if v.duration_min:
            head.append(esc(self.tr("{0} min").format(v.duration_min)))
        if v.place:
            head.append(esc(v.place))
        header = QLabel(" · ".join(head))
        header.setTextFormat(Qt.TextFormat.RichText)
        card.body.addWidget(header)
        names = [self.page.contact_name(c) or self.tr("(deleted contact)") for c in v.contact_ids]
        lines: list[tuple[str, str | None]] = [
            (self.tr("Met"), ("、" if is_chinese() else ", ").join(names) if names else None),
            (self.tr("Objective"), v.objective),
            (self.tr("Situation"), v.spin_situation),
            (self.tr("Problem"), v.spin_problem),
            (self.tr("Implication"), v.spin_implication),
        ]
        self._add_lines(card, lines)
        if v.spin_need_payoff:
            caption = self.tr("Need-payoff")
            payoff = QLabel(f"<b>{esc(caption)}:</b> {esc(v.spin_need_payoff)}")
            payoff.setObjectName("need_payoff")
            payoff.setTextFormat(Qt.TextFormat.RichText)
            payoff.setWordWrap(True)
            payoff.setStyleSheet("background: #e8f5e9; color: #14532d; border-radius: 4px; padding: 4px;")
            card.body.addWidget(payoff)
        self._add_lines(card, [
            (self.tr("Needs found"), v.needs),
            (self.tr("Competitors"), v.competitor_notes),
            (self.tr("Outcome"), v.outcome),
            (self.tr("Next step"), v.next_step),
        ])
        if v.follow_up_date is not None:
            card.body.addWidget(self._follow_up(v))
        return card

    def _add_lines(self, card: Card, lines: list[tuple[str, str | None]]) -> None:
        shown = [f"<span style='color:{MUTED_COLOUR}'>{esc(cap)}:</span> {esc(text)}" for cap, text in lines if text]
        if shown:
            lab = QLabel("<br>".join(shown))
            lab.setTextFormat(Qt.TextFormat.RichText)
            lab.setWordWrap(True)
            lab.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
            card.body.addWidget(lab)

    def _follow_up(self, v: dto.Visit) -> QLabel:
        assert v.follow_up_date is not None
        when = fmt_date(v.follow_up_date)
        lab = QLabel()
        lab.setObjectName("follow_up")
        overdue = not v.follow_up_done and v.follow_up_date < self.today
        lab.setProperty("overdue", overdue)
        if v.follow_up_done:
            lab.setText(self.tr("Follow-up {0}: done ✓").format(when))
            lab.setStyleSheet(f"color: {GOOD_COLOUR};")
        elif overdue:
            days = (self.today - v.follow_up_date).days
            lab.setText(self.tr("Follow-up {0}: overdue by %n day(s)", "", days).format(when))
            lab.setStyleSheet(f"color: {BAD_COLOUR}; font-weight: bold;")
        elif v.follow_up_date == self.today:
            lab.setText(self.tr("Follow-up {0}: due today").format(when))
            lab.setStyleSheet("color: #b35900; font-weight: bold;")
        else:
            lab.setText(self.tr("Follow-up {0}").format(when))
        return lab

    def _stage_card(self, e: dto.StageEvent) -> Card:
        assert self.page is not None
        card = Card(accent="#2563eb")
        card.setProperty("kind", "stage")
        card.setProperty("item_id", e.id)
        to = stage_label(self.page.stages.get(e.to_code), e.to_code)
        if e.from_code is None:
            move = self.tr("Stage: started at {0}").format(to)
        else:
            move = self.tr("Stage: {0} → {1}").format(stage_label(self.page.stages.get(e.from_code), e.from_code), to)
        header = QLabel(f"<b>{fmt_datetime(e.occurred_at)}</b> · {esc(move)}")
        header.setTextFormat(Qt.TextFormat.RichText)
        header.setWordWrap(True)
        card.body.addWidget(header)
        who = user_label(self.page.user_name(e.by_user_id))
        parts = [self.tr("by {0}").format(who) if who else None,
                 self.tr("reason: {0}").format(e.reason) if e.reason else None,
                 self.tr("recorded with a visit") if e.visit_id else None]
        details = " · ".join(p for p in parts if p)
        if details:
            card.body.addWidget(muted(value_label(details)))
        return card
