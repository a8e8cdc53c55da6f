"""The buying-centre tab: the customer's contacts grouped by CUTE buying role, each as a
compact card with relationship scores and their trend; warns when no coach or no economic
buyer is known. Contacts are added, edited and deleted from here."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QRectF, Qt
from PySide6.QtGui import QColor, QPainter, QPaintEvent
from PySide6.QtWidgets import (
    QGridLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QScrollArea,
    QSizePolicy,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from workbench.domain.enums import BehaviourStyle, CuteRole, ScoreKind
from workbench.services import dto
from workbench.services.customer_page import CustomerPage, trend
from workbench.ui.customers.detail_common import (
    BAD_COLOUR,
    GOOD_COLOUR,
    Card,
    clear_layout,
    confirm,
    enum_label,
    muted,
    value_label,
)
from workbench.ui.env import UiEnv
from workbench.ui.i18n import Retranslating
from workbench.ui.undo import DeleteContact

UNKNOWN = "unknown"
GROUPS: tuple[str, ...] = (*(r.value for r in CuteRole), UNKNOWN)


class ScoreBar(QWidget):
    """A small horizontal bar for a 0–10 score."""

    def __init__(self, value: int, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.value = value
        self.setFixedHeight(8)
        self.setMinimumWidth(60)
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)

    def paintEvent(self, event: QPaintEvent) -> None:
        p = QPainter(self)
        p.setRenderHint(QPainter.RenderHint.Antialiasing)
        p.setPen(Qt.PenStyle.NoPen)
        r = QRectF(self.rect())
        p.setBrush(QColor("#e5e7eb"))
        p.drawRoundedRect(r, 4, 4)
        colour = "#dc2626" if self.value <= 3 else "#d97706" if self.value <= 6 else "#16a34a"
        p.setBrush(QColor(colour))
        if self.value > 0:
            p.drawRoundedRect(QRectF(r.x(), r.y(), r.width() * self.value / 10, r.height()), 4, 4)
        p.end()


class ContactCard(Card):
    def __init__(self, view: BuyingCentreView, contact: dto.Contact, history: tuple[dto.ScoreReading, ...]) -> None:
        super().__init__(accent="#f59e0b" if contact.is_key_person else None)
        self.contact = contact
        self.setProperty("contact_id", contact.id)
        self.trend_labels: dict[str, QLabel] = {}
        top = QHBoxLayout()
        name = contact.name + (" ★" if contact.is_key_person else "")
        self.name_label = value_label(name)
        self.name_label.setObjectName("contact_name")
        self.name_label.setStyleSheet("font-weight: bold;")
        tips = [self.tr("Key person")] if contact.is_key_person else []
        tips += [x for x in (contact.mobile, contact.phone, contact.email) if x]
        self.name_label.setToolTip("\n".join(tips))
        top.addWidget(self.name_label, 1)
        if contact.is_liaison:
            badge = QLabel(self.tr("liaison"))
            badge.setToolTip(self.tr("Liaison named in the service agreement"))
            badge.setStyleSheet("background: #dbeafe; color: #1e3a8a; border-radius: 3px; padding: 0 4px;")
            top.addWidget(badge)
        for text, tip, slot in (
            (self.tr("Edit"), self.tr("Edit this contact"), lambda: view.edit_contact(contact)),
            (self.tr("Delete"), self.tr("Delete this contact (undoable)"), lambda: view.delete_contact(contact)),
        ):
            btn = QToolButton()
            btn.setText(text)
            btn.setToolTip(tip)
            btn.setAutoRaise(True)
            btn.clicked.connect(slot)
            top.addWidget(btn)
        self.body.addLayout(top)
        role_line = " · ".join(x for x in (contact.title, contact.department) if x)
        if role_line:
            self.body.addWidget(muted(value_label(role_line)))
        if contact.behaviour_style:
            style = self.tr("Style: {0}").format(enum_label(BehaviourStyle, contact.behaviour_style))
            self.body.addWidget(value_label(style))
        grid = QGridLayout()
        grid.setHorizontalSpacing(6)
        grid.setVerticalSpacing(2)
        for row, kind in enumerate(ScoreKind):
            value = int(getattr(contact, kind.value))
            grid.addWidget(QLabel(enum_label(ScoreKind, kind.value)), row, 0)
            grid.addWidget(ScoreBar(value), row, 1)
            direction = trend(history, kind.value)
            arrow = {1: "↑", -1: "↓"}.get(direction, "")
            lab = QLabel(f"{value} {arrow}".strip())
            lab.setObjectName(f"trend_{kind.value}")
            lab.setMinimumWidth(28)
            if direction:
                lab.setStyleSheet(f"color: {GOOD_COLOUR if direction > 0 else BAD_COLOUR}; font-weight: bold;")
                lab.setToolTip(self.tr("up since the previous reading") if direction > 0
                               else self.tr("down since the previous reading"))
            self.trend_labels[kind.value] = lab
            grid.addWidget(lab, row, 2)
        grid.setColumnStretch(1, 1)
        self.body.addLayout(grid)

    def mouseDoubleClickEvent(self, event: object) -> None:
        parent = self.parent()
        while parent is not None and not isinstance(parent, BuyingCentreView):
            parent = parent.parent()
        if isinstance(parent, BuyingCentreView):
            parent.edit_contact(self.contact)


class BuyingCentreView(Retranslating, QScrollArea):
    """Who buys at this customer, by CUTE role."""

    def __init__(self, env: UiEnv, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("customer_buying_centre")
        self.env = env
        self.page: CustomerPage | None = None
        self.confirm: Callable[[QWidget | None, str, str], bool] = confirm  # tests replace it
        self.setWidgetResizable(True)
        self.setFrameShape(QScrollArea.Shape.NoFrame)
        inner = QWidget()
        column = QVBoxLayout(inner)
        column.setContentsMargins(4, 4, 4, 4)
        bar = QHBoxLayout()
        self.summary = muted(QLabel())
        self.add_button = QPushButton()
        self.add_button.setObjectName("add_contact")
        self.add_button.clicked.connect(lambda: self.edit_contact(None))
        bar.addWidget(self.summary, 1)
        bar.addWidget(self.add_button)
        column.addLayout(bar)
        self.warning = QLabel()
        self.warning.setObjectName("buying_warning")
        self.warning.setWordWrap(True)
        self.warning.setStyleSheet("background: #fff4d6; color: #7a4b00; border: 1px solid #f0c36d; "
                                   "border-radius: 4px; padding: 6px;")
        column.addWidget(self.warning)
        grid = QGridLayout()
        self.groups: dict[str, QGroupBox] = {}
        self._group_hints: dict[str, QLabel] = {}
        self._group_lists: dict[str, QVBoxLayout] = {}
        for n, role in enumerate(GROUPS):
            box = QGroupBox()
            box.setObjectName(f"group_{role}")
            lay = QVBoxLayout(box)
            hint = muted(QLabel())
            hint.setWordWrap(True)
            lay.addWidget(hint)
            cards = QVBoxLayout()
            lay.addLayout(cards)
            lay.addStretch(1)
            self.groups[role], self._group_hints[role], self._group_lists[role] = box, hint, cards
            if role == UNKNOWN:
                grid.addWidget(box, 2, 0, 1, 2)
            else:
                grid.addWidget(box, n // 2, n % 2)
        grid.setColumnStretch(0, 1)
        grid.setColumnStretch(1, 1)
        column.addLayout(grid)
        column.addStretch(1)
        self.setWidget(inner)
        self.retranslate()

    def retranslate(self) -> None:
        self.add_button.setText(self.tr("&Add contact…"))
        self.add_button.setToolTip(self.tr("Add a person of this customer"))
        hints = {
            "coach": self.tr("Inside supporter: guides us, tells us what really goes on."),
            "user": self.tr("Uses the service every day; judges it by how it works."),
            "technical": self.tr("Checks the technical fit; can say no, cannot say yes alone."),
            "economic": self.tr("Decides and signs; releases the budget."),
            UNKNOWN: self.tr("Contacts whose buying role is not known yet: find out."),
        }
        for role, box in self.groups.items():
            box.setTitle(self.tr("Role unknown") if role == UNKNOWN else self._role_title(role))
            self._group_hints[role].setText(hints[role])
        if self.page is not None:
            self.set_page(self.page)

    @staticmethod
    def _role_title(role: str) -> str:
        return enum_label(CuteRole, role)


    # --- content ------------------------------------------------------------------------
    def set_page(self, page: CustomerPage) -> None:
        self.page = page
        by_role: dict[str, list[dto.Contact]] = {role: [] for role in GROUPS}
        for contact in page.contacts:
            role = contact.cute_role if contact.cute_role in by_role else UNKNOWN
            by_role[role or UNKNOWN].append(contact)
        for role, people in by_role.items():
            lay = self._group_lists[role]
            clear_layout(lay)
            for contact in people:
                lay.addWidget(ContactCard(self, contact, page.scores.get(contact.id, ())))
            if not people and role != UNKNOWN:
                lay.addWidget(muted(QLabel(self.tr("Nobody yet"))))
        self.groups[UNKNOWN].setVisible(bool(by_role[UNKNOWN]))
        self.summary.setText(self.tr("%n contact(s)", "", len(page.contacts)))
        warnings = []
        if not by_role["economic"]:
            warnings.append(self.tr("No economic buyer yet: who decides and signs?"))
        if not by_role["coach"]:
            warnings.append(self.tr("No coach yet: who inside supports us?"))
        self.warning.setText("\n".join(warnings))
        self.warning.setVisible(bool(warnings))

    def group_names(self, role: str) -> list[str]:
        """The names shown in the group of ``role`` (a CuteRole value or "unknown")."""
        box = self.groups[role]
        return [card.contact.name for card in box.findChildren(ContactCard) if not card.isHidden()
                and card.parent() is box]

    def card_for(self, contact_id: str) -> ContactCard | None:
        return next((c for c in self.findChildren(ContactCard)
                     if c.contact.id == contact_id and not c.isHidden()), None)

    # --- actions ------------------------------------------------------------------------
    def edit_contact(self, contact: dto.Contact | None) -> None:
        """Open the contact form (a new contact when ``contact`` is None)."""
        if self.page is None:
            return
        from workbench.ui.customers.forms import ContactForm

        form = ContactForm(self.env, customer_id=self.page.customer.id, contact=contact, parent=self)
        form.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        form.open()

    def delete_contact(self, contact: dto.Contact) -> None:
        if self.page is None:
            return
        question = self.tr("Delete the contact {0}? (Edit ▸ Undo brings it back.)").format(contact.name)
        if not self.confirm(self, self.tr("Delete contact"), question):
            return
        self.env.undo.push(DeleteContact(self.env, customer_id=self.page.customer.id, contact_id=contact.id,
                                         version=contact.version, name=contact.name))
