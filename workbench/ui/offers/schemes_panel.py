"""Prestore/rebate schemes (预存话费回馈) chosen for the group's members, with their join date."""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import QDate, Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QGridLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from workbench.domain.errors import FieldError
from workbench.pricing import Policy
from workbench.ui.customers.form_support import DateField
from workbench.ui.i18n import Retranslating
from workbench.ui.offers.draft import DraftScheme
from workbench.ui.offers.format import money, text

_ERROR = "color: #b3261e;"
_MARK = "background: #fdecea;"


class SchemeRow(QWidget):
    changed = Signal()
    remove_requested = Signal(object)  # self

    def __init__(self, policy: Policy, choice: DraftScheme, today: date, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.policy = policy
        grid = QGridLayout(self)
        grid.setContentsMargins(0, 0, 0, 0)
        self.scheme = QComboBox()
        for s in policy.schemes:
            self.scheme.addItem("", s.code)
        self.scheme.setCurrentIndex(max(0, self.scheme.findData(choice.scheme)))
        self.members = QSpinBox()
        self.members.setRange(1, 100_000)
        self.members.setValue(choice.members)
        self.joined = DateField()
        joined = choice.member_joined or today
        self.joined.setDate(QDate(joined.year, joined.month, joined.day))
        self.yxt = QCheckBox()
        self.yxt.setChecked("YXT" in choice.services)
        self.held = QCheckBox()
        self.held.setChecked(bool(choice.held_schemes))
        self.remove = QPushButton()
        self.joined_caption, self.members_caption = QLabel(), QLabel()
        self.error = QLabel()
        self.error.setObjectName("scheme_error")
        self.error.setWordWrap(True)
        self.error.setStyleSheet(_ERROR)
        self.error.hide()
        grid.addWidget(self.scheme, 0, 0, 1, 4)
        grid.addWidget(self.remove, 0, 4)
        grid.addWidget(self.members_caption, 1, 0)
        grid.addWidget(self.members, 1, 1)
        grid.addWidget(self.joined_caption, 1, 2)
        grid.addWidget(self.joined, 1, 3)
        grid.addWidget(self.yxt, 2, 0, 1, 2)
        grid.addWidget(self.held, 2, 2, 1, 3)
        grid.addWidget(self.error, 3, 0, 1, 5)
        self.scheme.currentIndexChanged.connect(self._scheme_changed)
        self.members.valueChanged.connect(self.changed)
        self.joined.dateChanged.connect(self.changed)
        self.yxt.toggled.connect(self.changed)
        self.held.toggled.connect(self.changed)
        self.remove.clicked.connect(lambda: self.remove_requested.emit(self))
        self.retranslate()
        self._scheme_changed()

    def retranslate(self) -> None:
        for i, s in enumerate(self.policy.schemes):
            self.scheme.setItemText(i, f"{text(s.name)} · {money(s.prestore)}")
        self.members_caption.setText(self.tr("Members:"))
        self.joined_caption.setText(self.tr("Joined on:"))
        self.yxt.setText(self.tr("Opens Yinxuntong (free)"))
        self.held.setText(self.tr("Already in tier 1"))
        self.remove.setText(self.tr("Remove"))

    def choice(self) -> DraftScheme:
        code = str(self.scheme.currentData())
        scheme = self.policy.scheme(code)
        held = tuple(scheme.requires_any_scheme[:1]) if scheme and self.held.isChecked() and not self.held.isHidden() else ()
        qd = self.joined.date()
        return DraftScheme(code, self.members.value(), date(qd.year(), qd.month(), qd.day()),
                           ("YXT",) if self.yxt.isChecked() else (), held)

    def set_errors(self, errors: list[FieldError]) -> None:
        fields = {e.field.rsplit(".", 1)[-1] for e in errors}
        marks = {"scheme": self.scheme, "members": self.members, "member_joined": self.joined,
                 "services": self.yxt, "held_schemes": self.held}
        for name, widget in marks.items():
            widget.setStyleSheet(_MARK if name in fields else "")
        self.error.setText("\n".join(text(e) for e in errors))
        self.error.setVisible(bool(errors))

    def _scheme_changed(self) -> None:
        scheme = self.policy.scheme(str(self.scheme.currentData()))
        self.held.setVisible(bool(scheme and scheme.requires_any_scheme))
        self.changed.emit()


class SchemesPanel(Retranslating, QGroupBox):
    changed = Signal()

    def __init__(self, policy: Policy, today: date, default_joined: date | None = None,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.policy, self.today = policy, today
        self.default_joined = default_joined  # the customer's members' join date, if known
        self.rows: list[SchemeRow] = []
        layout = QVBoxLayout(self)
        self.rows_layout = QVBoxLayout()
        layout.addLayout(self.rows_layout)
        buttons = QHBoxLayout()
        self.add_button = QPushButton()
        self.add_button.clicked.connect(lambda: self.add(DraftScheme(self.policy.schemes[0].code)))
        buttons.addWidget(self.add_button)
        buttons.addStretch(1)
        layout.addLayout(buttons)
        self.retranslate()


    def retranslate(self) -> None:
        self.setTitle(self.tr("Prestore schemes"))
        self.add_button.setText(self.tr("Add a &scheme"))
        for row in self.rows:
            row.retranslate()

    def add(self, choice: DraftScheme) -> SchemeRow:
        if choice.member_joined is None:
            choice.member_joined = self.default_joined or self.today
        row = SchemeRow(self.policy, choice, self.today)
        row.changed.connect(self.changed)
        row.remove_requested.connect(self._remove)
        self.rows.append(row)
        self.rows_layout.addWidget(row)
        self.changed.emit()
        return row

    def choices(self) -> list[DraftScheme]:
        return [row.choice() for row in self.rows]

    def set_errors(self, errors: list[FieldError]) -> None:
        for j, row in enumerate(self.rows):
            row.set_errors([e for e in errors if e.field.startswith(f"schemes[{j}]")])

    def _remove(self, row: SchemeRow) -> None:
        self.rows.remove(row)
        row.setParent(None)
        row.deleteLater()
        self.changed.emit()
