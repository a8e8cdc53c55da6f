"""The visit form (拜访记录): every field of a visit, as a draft payload and for saving.

Three columns, in the order the fields are typed after a visit: the visit itself (when,
how long, what kind, where, whom, why), the four SPIN notes of the course, and what came
of it (needs, competitor intelligence, outcome, next step, follow-up, stage move).
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from datetime import date, datetime, time, timedelta
from typing import Any

from PySide6.QtCore import QDate, QDateTime, Qt, QTime, Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from workbench.domain.enums import VisitKind
from workbench.domain.errors import FieldError
from workbench.services import dto
from workbench.ui.customers.form_support import DateField, DateTimeField
from workbench.ui.i18n import Retranslating
from workbench.ui.labels import label
from workbench.ui.visits.contact_list import ContactList
from workbench.ui.visits.field_box import FieldBox, hint_label
from workbench.ui.visits.form_texts import FormTexts

SPIN = ("spin_situation", "spin_problem", "spin_implication", "spin_need_payoff")
RESULT_TEXTS = ("needs", "competitor_notes", "outcome")
LINES = ("place", "objective", "next_step", "stage_reason")
#: Field names used by the services' FieldErrors that differ from the form's own names.
ALIASES = {"reason": "stage_reason", "stage_code": "move_to_stage"}


def py_date(d: QDate) -> date:
    return date(d.year(), d.month(), d.day())


def _date(value: Any) -> date | None:
    try:
        return date.fromisoformat(value) if isinstance(value, str) else None
    except ValueError:
        return None


def _qdate(d: date) -> QDate:
    return QDate(d.year, d.month, d.day)


class VisitForm(Retranslating, QWidget):
    """The fields of one visit; ``changed`` fires on any edit the user makes."""

    changed = Signal()

    def __init__(self, *, contacts: Sequence[dto.Contact], stages: Sequence[dto.StageInfo],
                 current_stage: str | None, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._quiet = False
        self.texts = FormTexts(self)
        self.when = DateTimeField()  # Tab leaves it: the date changes on purpose only
        self.duration = QSpinBox()
        self.duration.setRange(0, 1440)
        self.duration.setSingleStep(15)
        self.duration.setSpecialValueText("—")  # 0: not recorded
        self.kind = QComboBox()
        for member in VisitKind:
            self.kind.addItem("", member.value)
        self.place = QLineEdit()
        self.contacts = ContactList(contacts)
        self.objective = QLineEdit()
        self.notes = {name: QPlainTextEdit() for name in (*SPIN, *RESULT_TEXTS)}
        for edit in self.notes.values():
            edit.setTabChangesFocus(True)  # Tab moves on; the notes are typed, not indented
            edit.setMinimumHeight(54)
        self.next_step = QLineEdit()
        self.follow_check = QCheckBox()
        self.follow_date = DateField()
        self.follow_date.setEnabled(False)
        self.plus_day, self.plus_week = QPushButton(), QPushButton()
        self.stage = QComboBox()
        self._stages, self._current_stage = list(stages), current_stage
        self.stage.addItem("", None)
        for info in self._stages:
            self.stage.addItem("", info.code)
        self.stage_reason = QLineEdit()
        self.stage_reason.setEnabled(False)

        self.boxes: dict[str, FieldBox] = {}
        self.titles: dict[str, QLabel | QCheckBox] = {}
        self.hints: dict[str, QLabel] = {}
        self.groups = [QGroupBox(), QGroupBox(), QGroupBox()]
        self._build()
        self._wire()
        self.retranslate()

    # --- layout ----------------------------------------------------------------------------
    def _box(self, name: str, content: QWidget, **kw: Any) -> FieldBox:
        box = FieldBox(content, **kw)
        self.boxes[name] = box
        title = self.titles.setdefault(name, QLabel())
        if isinstance(title, QLabel):
            title.setBuddy(box)
        return box

    def _row(self, form: QFormLayout, name: str, content: QWidget, **kw: Any) -> None:
        box = self._box(name, content, **kw)
        form.addRow(self.titles[name], box)

    def _stacked(self, layout: QVBoxLayout, name: str, *, hint: bool = False) -> None:
        box = self._box(name, self.notes[name])
        title = self.titles[name]
        title.setStyleSheet("font-weight: bold;")
        layout.addWidget(title)
        if hint:
            self.hints[name] = hint_label()
            layout.addWidget(self.hints[name])
        layout.addWidget(box, 1)

    def _build(self) -> None:
        visit, spin, result = self.groups
        form = QFormLayout()
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        for name, widget in (("occurred_at", self.when), ("duration_min", self.duration), ("kind", self.kind),
                             ("place", self.place), ("objective", self.objective)):
            self._row(form, name, widget)
        visit_layout = QVBoxLayout()
        visit_layout.addLayout(form)
        box = self._box("contact_ids", self.contacts, focus=self.contacts.list, mark=self.contacts.list)
        visit_layout.addWidget(self.titles["contact_ids"])
        visit_layout.addWidget(box, 1)
        visit.setLayout(visit_layout)

        spin_layout = QVBoxLayout(spin)
        spin_layout.setSpacing(3)
        for name in SPIN:
            self._stacked(spin_layout, name, hint=True)

        result_layout = QVBoxLayout(result)
        result_layout.setSpacing(3)
        for name in RESULT_TEXTS:
            self._stacked(result_layout, name)
        tail = QFormLayout()
        tail.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        self._row(tail, "next_step", self.next_step)
        follow_row = QWidget()
        row = QHBoxLayout(follow_row)
        row.setContentsMargins(0, 0, 0, 0)
        row.addWidget(self.follow_date, 1)
        row.addWidget(self.plus_day)
        row.addWidget(self.plus_week)
        self.titles["follow_up_date"] = self.follow_check
        self.boxes["follow_up_date"] = box = FieldBox(follow_row, focus=self.follow_date)
        tail.addRow(self.follow_check, box)
        self._row(tail, "move_to_stage", self.stage)
        self._row(tail, "stage_reason", self.stage_reason)
        result_layout.addLayout(tail)

        columns = QHBoxLayout(self)
        columns.setContentsMargins(0, 0, 0, 0)
        for group, stretch in ((visit, 4), (spin, 5), (result, 5)):
            columns.addWidget(group, stretch)
        chain: list[QWidget] = [self.when, self.duration, self.kind, self.place, self.objective,
                                self.contacts.list, *self.notes.values(), self.next_step, self.follow_check,
                                self.follow_date, self.plus_day, self.plus_week, self.stage, self.stage_reason]
        for a, b in zip(chain, chain[1:], strict=False):
            QWidget.setTabOrder(a, b)
        # the date and time default to now, the kind to on-site: typing starts at the duration
        self.first_field: QWidget = self.duration

    def focus_first(self, reason: Qt.FocusReason = Qt.FocusReason.OtherFocusReason) -> None:
        """Put the cursor in the first field a user types into, its text selected (typing replaces "—")."""
        self.first_field.setFocus(reason)
        self.duration.selectAll()

    def _wire(self) -> None:
        def watch(signal: Any, name: str) -> None:
            signal.connect(lambda *_: self._edited(name))

        watch(self.when.dateTimeChanged, "occurred_at")
        watch(self.duration.valueChanged, "duration_min")
        watch(self.kind.currentIndexChanged, "kind")
        watch(self.contacts.list.itemChanged, "contact_ids")
        for name in ("place", "objective", "next_step", "stage_reason"):
            watch(self._line(name).textChanged, name)
        for name, edit in self.notes.items():
            watch(edit.textChanged, name)
        watch(self.follow_date.dateChanged, "follow_up_date")
        watch(self.follow_check.toggled, "follow_up_date")
        watch(self.stage.currentIndexChanged, "move_to_stage")
        self.follow_check.toggled.connect(self.follow_date.setEnabled)
        self.stage.currentIndexChanged.connect(lambda i: self.stage_reason.setEnabled(i > 0))
        self.plus_day.clicked.connect(lambda: self.follow_up_in(1))
        self.plus_week.clicked.connect(lambda: self.follow_up_in(7))

    def _line(self, name: str) -> QLineEdit:
        return {"place": self.place, "objective": self.objective, "next_step": self.next_step,
                "stage_reason": self.stage_reason}[name]

    def _edited(self, name: str) -> None:
        if self._quiet:
            return
        self.boxes[name].set_error(None)  # the user is fixing it: the old message no longer applies
        self.changed.emit()

    def follow_up_in(self, days: int) -> None:
        """A follow-up ``days`` after the visit date (the quick buttons)."""
        visit_day = py_date(self.when.date())
        self.follow_check.setChecked(True)
        self.follow_date.setDate(_qdate(visit_day + timedelta(days=days)))
        self.follow_date.setFocus()

    # --- i18n ------------------------------------------------------------------------------
    def retranslate(self) -> None:
        t = self.texts
        for group, title in zip(self.groups, t.group_titles(), strict=True):
            group.setTitle(title)
        for name, title in t.titles().items():
            self.titles[name].setText(title)
        for name, hint in t.spin_hints().items():
            self.hints[name].setText(hint)
        for name, placeholder in t.placeholders().items():
            widget = self.notes.get(name) or self._line(name)
            widget.setPlaceholderText(placeholder)
        self.duration.setSuffix(t.minutes_suffix())
        for i in range(self.kind.count()):
            self.kind.setItemText(i, t.enum(VisitKind(self.kind.itemData(i))))
        self.stage.setItemText(0, t.no_stage_change())
        for i, info in enumerate(self._stages, 1):
            self.stage.setItemText(i, t.stage(info, current=info.code == self._current_stage))
        self.plus_day.setText(t.plus_day())
        self.plus_week.setText(t.plus_week())
        self.contacts.retranslate(t)


    # --- values ----------------------------------------------------------------------------
    def occurred_at(self) -> datetime:
        t = self.when.time()
        return datetime.combine(py_date(self.when.date()), time(t.hour(), t.minute()))

    def follow_up(self) -> date | None:
        return py_date(self.follow_date.date()) if self.follow_check.isChecked() else None

    def has_content(self) -> bool:
        """Whether anything was entered beyond the defaults (date, time and kind)."""
        return bool(any(self._line(n).text().strip() for n in LINES)
                    or any(e.toPlainText().strip() for e in self.notes.values())
                    or self.contacts.checked_ids() or self.follow_check.isChecked()
                    or self.stage.currentIndex() > 0 or self.duration.value())

    def payload(self) -> dict[str, Any]:
        """Everything shown, JSON-ready (the draft)."""
        follow = self.follow_up()
        return {
            "occurred_at": self.occurred_at().isoformat(),
            "duration_min": self.duration.value() or None,
            "kind": self.kind.currentData(),
            "contact_ids": self.contacts.checked_ids(),
            **{n: self._line(n).text() for n in LINES},
            **{n: e.toPlainText() for n, e in self.notes.items()},
            "follow_up_date": follow.isoformat() if follow else None,
            "move_to_stage": self.stage.currentData(),
        }

    def visit_values(self) -> tuple[dict[str, Any], str | None, str | None]:
        """(values for ``log_visit``, stage to move to, reason)."""
        values: dict[str, Any] = {
            "occurred_at": self.occurred_at(),
            "duration_min": self.duration.value() or None,
            "kind": self.kind.currentData(),
            "place": self.place.text(),
            "objective": self.objective.text(),
            **{n: e.toPlainText() for n, e in self.notes.items()},
            "next_step": self.next_step.text(),
            "follow_up_date": self.follow_up(),
            "contact_ids": self.contacts.checked_ids(),
        }
        stage = self.stage.currentData()
        return values, stage, (self.stage_reason.text() if stage else None)

    def reset(self, now: datetime) -> None:
        """Blank form: the visit happening ``now``, on-site, nothing else."""
        self._quiet = True
        try:
            self.when.setDateTime(QDateTime(_qdate(now.date()), QTime(now.hour, now.minute)))
            self.duration.setValue(0)
            self.kind.setCurrentIndex(0)
            for n in LINES:
                self._line(n).clear()
            for edit in self.notes.values():
                edit.clear()
            self.contacts.set_checked(())
            self.follow_check.setChecked(False)
            self.follow_date.setDate(_qdate(now.date()))
            self.stage.setCurrentIndex(0)
            self.clear_errors()
        finally:
            self._quiet = False

    def load_payload(self, p: Mapping[str, Any]) -> None:
        """Show a draft; unknown or damaged entries are skipped, never fatal."""
        self._quiet = True
        try:
            try:
                when = datetime.fromisoformat(str(p.get("occurred_at")))
                self.when.setDateTime(QDateTime(_qdate(when.date()), QTime(when.hour, when.minute)))
            except ValueError:
                pass
            if isinstance(p.get("duration_min"), int):
                self.duration.setValue(p["duration_min"])
            if (i := self.kind.findData(p.get("kind"))) >= 0:
                self.kind.setCurrentIndex(i)
            for n in LINES:
                self._line(n).setText(str(p.get(n) or ""))
            for n, edit in self.notes.items():
                edit.setPlainText(str(p.get(n) or ""))
            ids = p.get("contact_ids")
            self.contacts.set_checked(ids if isinstance(ids, list) else ())
            follow = _date(p.get("follow_up_date"))
            self.follow_check.setChecked(follow is not None)
            if follow is not None:
                self.follow_date.setDate(_qdate(follow))
            i = self.stage.findData(p.get("move_to_stage")) if p.get("move_to_stage") else 0
            self.stage.setCurrentIndex(max(i, 0))
        finally:
            self._quiet = False

    # --- refusals ----------------------------------------------------------------------------
    def clear_errors(self) -> None:
        for box in self.boxes.values():
            box.set_error(None)

    def show_errors(self, errors: Iterable[FieldError]) -> list[str]:
        """Put each message beside its field, focus the first refused field (in form order);
        returns the messages of fields this form does not show."""
        by_field: dict[str, list[str]] = {}
        elsewhere: list[str] = []
        for e in errors:
            name = ALIASES.get(e.field, e.field)
            message = label(e)
            if name in self.boxes:
                by_field.setdefault(name, []).append(message)
            else:
                elsewhere.append(f"{e.field}: {message}")
        for name, messages in by_field.items():
            self.boxes[name].set_error("\n".join(messages))
        first = next((n for n in self.boxes if n in by_field), None)
        if first is not None:
            self.boxes[first].focus_target.setFocus(Qt.FocusReason.OtherFocusReason)
        return elsewhere
