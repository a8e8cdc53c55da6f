"""The profile tab of the customer page: every field of the customer, and the industry's
hints shown as hints (each marked industry default or set for this customer)."""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import Qt
from PySide6.QtGui import QResizeEvent
from PySide6.QtWidgets import (
    QFormLayout,
    QGridLayout,
    QGroupBox,
    QLabel,
    QScrollArea,
    QWidget,
)

from workbench.domain.enums import Loyalty, Motive, RiskLevel, ValueGrade
from workbench.services.customer_page import CustomerPage
from workbench.ui.customers.detail_common import (
    BAD_COLOUR,
    DASH,
    MUTED_COLOUR,
    WARN_COLOUR,
    enum_label,
    fmt_date,
    fmt_datetime,
    muted,
    provider_label,
    stage_label,
    text_or_dash,
    value_label,
)
from workbench.ui.i18n import Retranslating
from workbench.ui.labels import label, user_label

TWO_COLUMNS_SLACK = 24  # beyond the bare minimum: two columns at their very narrowest are cramped
_SECTIONS = {  # group -> (row, column, column span) in the grid
    "identity": (0, 0, 1), "commercial": (0, 1, 1), "scale": (1, 0, 1), "activity": (1, 1, 1),
    "hints": (2, 0, 2), "notes": (3, 0, 2),
}


class ProfileView(Retranslating, QScrollArea):
    """Read-only view of one customer; rebuilt from a :class:`CustomerPage`."""

    def __init__(self, parent: QWidget | None = None, *, horizon_days: int = 60) -> None:
        super().__init__(parent)
        self.setObjectName("customer_profile")
        self.setWidgetResizable(True)
        self.setFrameShape(QScrollArea.Shape.NoFrame)
        self.horizon_days = horizon_days
        self.page: CustomerPage | None = None
        self.today = date.today()
        self.values: dict[str, QLabel] = {}  # field -> the label showing it (tests, a11y)
        self._captions: dict[str, QLabel] = {}
        self._boxes: dict[str, QGroupBox] = {}
        self._forms: dict[str, QFormLayout] = {}
        inner = QWidget()
        grid = self._grid = QGridLayout(inner)
        grid.setContentsMargins(4, 4, 4, 4)
        self._columns = 2
        for key, (row, col, span) in _SECTIONS.items():
            box = QGroupBox()
            box.setObjectName(f"profile_{key}")
            form = QFormLayout(box)
            form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
            form.setLabelAlignment(Qt.AlignmentFlag.AlignRight)
            self._boxes[key], self._forms[key] = box, form
            grid.addWidget(box, row, col, 1, span)
        grid.setColumnStretch(0, 1)
        grid.setColumnStretch(1, 1)
        grid.setRowStretch(len(_SECTIONS), 1)
        self.setWidget(inner)
        for section, fields in _ROWS.items():
            for field in fields:
                self._row(section, field)
        self.hint_note = muted(QLabel())
        self.hint_note.setWordWrap(True)
        self._forms["hints"].insertRow(0, self.hint_note)
        self.retranslate()

    # --- one column or two ----------------------------------------------------------------
    def two_columns_width(self) -> int:
        """The width the sections need side by side without a horizontal scroll bar."""
        def column(*keys: str) -> int:
            return max(self._boxes[k].minimumSizeHint().width() for k in keys)

        m = self._grid.contentsMargins()
        return (column("identity", "scale") + column("commercial", "activity") + self._grid.horizontalSpacing()
                + m.left() + m.right() + TWO_COLUMNS_SLACK)

    def arrange(self) -> None:
        """Two columns of sections when they fit beside each other, else one under the other
        (a narrow customer pane on a small screen scrolls down rather than sideways)."""
        room = self.width() - self.verticalScrollBar().sizeHint().width()  # steady as the bar comes and goes
        columns = 2 if room >= self.two_columns_width() else 1
        if columns == self._columns:
            return
        self._columns = columns
        for box in self._boxes.values():
            self._grid.removeWidget(box)
        for n, (key, (row, col, span)) in enumerate(_SECTIONS.items()):
            self._grid.addWidget(self._boxes[key], *((row, col, 1, span) if columns == 2 else (n, 0, 1, 1)))
        self._grid.setColumnStretch(1, 1 if columns == 2 else 0)

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        self.arrange()

    def _row(self, section: str, field: str) -> None:
        caption = QLabel()
        value = value_label()
        value.setObjectName(f"value_{field}")
        self._captions[field], self.values[field] = caption, value
        self._forms[section].addRow(caption, value)

    # --- texts --------------------------------------------------------------------------
    def retranslate(self) -> None:
        titles = {
            "identity": self.tr("Identity"), "scale": self.tr("Location and scale"),
            "commercial": self.tr("Value and competition"), "activity": self.tr("Activity"),
            "hints": self.tr("Industry hints"), "notes": self.tr("Notes"),
        }
        for key, box in self._boxes.items():
            box.setTitle(titles[key])
        captions = {
            "name": self.tr("Name:"), "short_name": self.tr("Short name:"),
            "credit_code": self.tr("Credit code:"), "industry": self.tr("Industry:"),
            "owner": self.tr("Owner:"), "shared": self.tr("Shared with the team:"),
            "region": self.tr("Region:"), "address": self.tr("Address:"),
            "employees": self.tr("Employees:"), "mobile_lines": self.tr("Mobile lines:"),
            "value_grade": self.tr("Value grade:"), "churn_risk": self.tr("Churn risk:"),
            "current_provider": self.tr("Current provider:"), "competitors": self.tr("Competitors:"),
            "competitor_contract_end": self.tr("Competitor contract ends:"),
            "stage": self.tr("Stage:"), "stage_changed_at": self.tr("In this stage since:"),
            "last_visit_at": self.tr("Last visit:"), "next_follow_up": self.tr("Next follow-up:"),
            "created_at": self.tr("Created:"), "updated_at": self.tr("Last changed:"),
            "price_sensitive": self.tr("Price-sensitive:"),
            "decides_on_references": self.tr("Decides on reference cases:"),
            "loyalty": self.tr("Loyalty:"), "motive": self.tr("Motive:"), "notes": "",
        }
        for field, caption in self._captions.items():
            caption.setText(captions[field])
        self.hint_note.setText(self.tr(
            "What the seed material says about customers of this industry: a guide for the "
            "approach, not a fact. Change them with Edit when this customer differs."))
        if self.page is not None:
            self.set_page(self.page, self.today)


    # --- content ------------------------------------------------------------------------
    def set_page(self, page: CustomerPage, today: date) -> None:
        self.page, self.today = page, today
        c = page.customer
        v = self.values
        v["name"].setText(c.name)
        v["short_name"].setText(text_or_dash(c.short_name))
        v["credit_code"].setText(text_or_dash(c.credit_code))
        industry = page.industry
        if industry is None:
            v["industry"].setText(c.industry_code)
        else:
            name = label(industry)
            v["industry"].setText(name + (self.tr(" (key industry)") if industry.is_key else ""))
        v["owner"].setText(text_or_dash(user_label(page.user_name(c.owner_id))))
        v["shared"].setText(self.tr("Yes") if c.shared else self.tr("No"))
        v["region"].setText(text_or_dash(c.region))
        v["address"].setText(text_or_dash(c.address))
        v["employees"].setText(DASH if c.employees is None else f"{c.employees:,}")
        v["mobile_lines"].setText(DASH if c.mobile_lines is None else f"{c.mobile_lines:,}")
        v["value_grade"].setText(enum_label(ValueGrade, c.value_grade))
        v["churn_risk"].setText(enum_label(RiskLevel, c.churn_risk))
        v["churn_risk"].setStyleSheet(f"color: {BAD_COLOUR}; font-weight: bold;" if c.churn_risk == "high" else "")
        v["current_provider"].setText(provider_label(c.current_provider))
        v["competitors"].setText(text_or_dash(c.competitors))
        self._contract_end(c.competitor_contract_end)
        v["stage"].setText(stage_label(page.stages.get(c.stage_code), c.stage_code))
        v["stage_changed_at"].setText(fmt_datetime(c.stage_changed_at))
        v["last_visit_at"].setText(fmt_datetime(c.last_visit_at))
        self._follow_up(c.next_follow_up)
        v["created_at"].setText(fmt_date(c.created_at))
        v["updated_at"].setText(fmt_date(c.updated_at))
        self._hints(page)
        v["notes"].setText(text_or_dash(c.notes))
        self.arrange()  # longer values may need one column

    def _contract_end(self, end: date | None) -> None:
        lab = self.values["competitor_contract_end"]
        lab.setStyleSheet("")
        if end is None:
            lab.setText(DASH)
            return
        days = (end - self.today).days
        if days < 0:
            lab.setText(self.tr("{0} (ended {1} days ago)").format(fmt_date(end), -days))
            lab.setStyleSheet(f"color: {MUTED_COLOUR};")
        elif days <= self.horizon_days:
            lab.setText(self.tr("{0} (in {1} days: an opportunity, prepare an offer)").format(fmt_date(end), days))
            lab.setStyleSheet(f"color: {WARN_COLOUR}; font-weight: bold;")
        else:
            lab.setText(self.tr("{0} (in {1} days)").format(fmt_date(end), days))

    def _follow_up(self, when: date | None) -> None:
        lab = self.values["next_follow_up"]
        lab.setStyleSheet("")
        if when is not None and when < self.today:
            lab.setText(self.tr("{0} (overdue)").format(fmt_date(when)))
            lab.setStyleSheet(f"color: {BAD_COLOUR}; font-weight: bold;")
        else:
            lab.setText(fmt_date(when))

    def _hints(self, page: CustomerPage) -> None:
        c, h = page.customer, page.customer.hints
        yes, no = self.tr("Yes"), self.tr("No")
        rows = {
            "price_sensitive": (yes if h.price_sensitive else no, c.price_sensitive is not None),
            "decides_on_references": (
                (self.tr("Yes: show reference cases") if h.decides_on_references else no),
                c.decides_on_references is not None),
            "loyalty": (enum_label(Loyalty, h.loyalty), c.loyalty is not None),
            "motive": (enum_label(Motive, h.motive), c.motive is not None),
        }
        for field, (text, own) in rows.items():
            tag = self.tr("set for this customer") if own else self.tr("industry default")
            colour = "#1d4ed8" if own else MUTED_COLOUR
            self.values[field].setText(f"{text}  <span style='color:{colour}; font-size:small'>[{tag}]</span>")
            self.values[field].setTextFormat(Qt.TextFormat.RichText)


_ROWS: dict[str, tuple[str, ...]] = {
    "identity": ("name", "short_name", "credit_code", "industry", "owner", "shared"),
    "scale": ("region", "address", "employees", "mobile_lines"),
    "commercial": ("value_grade", "churn_risk", "current_provider", "competitors", "competitor_contract_end"),
    "activity": ("stage", "stage_changed_at", "last_visit_at", "next_follow_up", "created_at", "updated_at"),
    "hints": ("price_sensitive", "decides_on_references", "loyalty", "motive"),
    "notes": ("notes",),
}
