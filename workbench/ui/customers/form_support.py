"""Pieces the forms share: their layout, a refused field's message shown beside the field,
the date fields (and an optional date), and combo-box helpers."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from datetime import date
from typing import Any, cast

from PySide6.QtCore import QDate, Qt
from PySide6.QtGui import QKeySequence, QShortcut, QWheelEvent
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDateEdit,
    QDateTimeEdit,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QVBoxLayout,
    QWidget,
)

from workbench.domain.errors import ValidationError
from workbench.ui.i18n import Retranslating
from workbench.ui.labels import label

ERROR_STYLE = "color: #c0392b;"
INVALID_SHEET = "*[invalid=\"true\"] { border: 1px solid #c0392b; border-radius: 2px; }"


class FieldErrors:
    """Shows a ValidationError's messages under the fields they name.

    Each field is registered with its input widget; :meth:`cell` returns the widget stacked
    over its (hidden) error label, to put in the form layout. Errors naming no registered
    field go to the ``general`` label.
    """

    def __init__(self, general: QLabel) -> None:
        self.general = general
        general.setStyleSheet(ERROR_STYLE)
        general.setWordWrap(True)
        general.hide()
        self.inputs: dict[str, QWidget] = {}
        self.labels: dict[str, QLabel] = {}

    def cell(self, field: str, widget: QWidget, focus: QWidget | None = None) -> QWidget:
        box = QWidget()
        lay = QVBoxLayout(box)
        lay.setContentsMargins(0, 0, 0, 0)
        lay.setSpacing(1)
        lay.addWidget(widget)
        err = QLabel()
        err.setObjectName(f"error_{field}")
        err.setStyleSheet(ERROR_STYLE)
        err.setWordWrap(True)
        err.hide()
        lay.addWidget(err)
        self.inputs[field] = focus or widget
        self.labels[field] = err
        return box

    def clear(self) -> None:
        for field in self.labels:
            self._mark(field, None)
        self.general.clear()
        self.general.hide()

    def show(self, exc: ValidationError) -> None:
        """Mark every refused field; focus the first one in form order."""
        self.clear()
        stray: list[str] = []
        for e in exc.errors:
            text = label(e)
            if e.field in self.labels:
                self._mark(e.field, text)
            else:
                stray.append(f"{e.field}: {text}")
        if stray:
            self.general.setText("\n".join(stray))
            self.general.show()
        first = next((f for f in self.inputs if f in exc.fields), None)
        if first is not None:
            self.inputs[first].setFocus()
        self._make_room()

    def _make_room(self) -> None:
        """Grow the dialog so that every (wrapped) message is seen whole."""
        if not self.inputs:
            return
        window = next(iter(self.inputs.values())).window()
        layout = window.layout()
        if layout is None:
            return
        layout.activate()
        want = layout.totalHeightForWidth(window.width()) if layout.hasHeightForWidth() else -1
        want = max(want, window.sizeHint().height())
        if want > window.height():
            window.resize(window.width(), want)

    def text(self, field: str) -> str | None:
        lab = self.labels[field]
        return None if lab.isHidden() else lab.text()

    def _mark(self, field: str, text: str | None) -> None:
        lab, widget = self.labels[field], self.inputs[field]
        lab.setText(text or "")
        lab.setVisible(text is not None)
        widget.setProperty("invalid", text is not None)
        widget.setStyleSheet(INVALID_SHEET if text is not None else "")


def lay_out_form(
    dialog: QDialog, *, widgets: dict[str, QWidget], errors: FieldErrors, general_error: QLabel,
    columns: Sequence[Sequence[str]], below: Sequence[str], save: Callable[[], None],
) -> tuple[dict[str, QLabel], QDialogButtonBox]:
    """Fields in side-by-side columns, then full-width ones, the general error and Save /
    Cancel (Ctrl+Enter saves). Returns the captions (texts set by ``retranslate``) and buttons."""
    captions: dict[str, QLabel] = {}

    def add_row(form: QFormLayout, field: str) -> None:
        caption = QLabel()
        caption.setBuddy(widgets[field])
        captions[field] = caption
        form.addRow(caption, errors.cell(field, widgets[field]))

    row = QHBoxLayout()
    for fields in columns:
        form = QFormLayout()
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        for field in fields:
            add_row(form, field)
        row.addLayout(form, 1)
    bottom = QFormLayout()
    for field in below:
        add_row(bottom, field)
    buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel)
    buttons.accepted.connect(save)
    buttons.rejected.connect(dialog.reject)
    QShortcut(QKeySequence("Ctrl+Return"), dialog).activated.connect(save)
    lay = QVBoxLayout(dialog)
    lay.addLayout(row)
    lay.addLayout(bottom)
    lay.addWidget(general_error)
    lay.addWidget(buttons)
    return captions, buttons


class _OnPurpose:
    """What a form's date field does unlike Qt's own: the date changes on purpose only.

    - Tab and Shift+Tab move between the form's fields. Qt's date edit walks its own
      sections instead (year, month, day, hour, minute), so Tab then digits meant for the
      next field rewrote the date: Tab then ``45`` for the duration moved a visit to
      2026-04-05. Inside the field, Left/Right move between sections and Up/Down or typed
      digits change the one the cursor is in; the calendar pop-up picks a day.
    - The mouse wheel changes the date only in the field being edited: a wheel scrolling
      the form past it neither moves the date nor takes the focus.
    """

    def _on_purpose(self) -> None:
        widget = cast(QDateTimeEdit, self)
        widget.setFocusPolicy(Qt.FocusPolicy.StrongFocus)  # not WheelFocus
        widget.setCalendarPopup(True)

    def focusNextPrevChild(self, next: bool) -> bool:  # noqa: N802 - Qt's name
        return QWidget.focusNextPrevChild(cast(QWidget, self), next)  # the form's chain, not the sections

    def wheelEvent(self, event: QWheelEvent) -> None:  # noqa: N802 - Qt's name
        widget = cast(QDateTimeEdit, self)
        if not widget.hasFocus():
            event.ignore()  # to the scroll area or window under it
            return
        QDateTimeEdit.wheelEvent(widget, event)


class DateField(_OnPurpose, QDateEdit):
    """A form's date (``yyyy-MM-dd``, a calendar pop-up), changed on purpose only (see ``_OnPurpose``)."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._on_purpose()
        self.setDisplayFormat("yyyy-MM-dd")


class DateTimeField(_OnPurpose, QDateTimeEdit):
    """A form's date and time (``yyyy-MM-dd HH:mm``, a calendar pop-up), changed on purpose only."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._on_purpose()
        self.setDisplayFormat("yyyy-MM-dd HH:mm")


class OptionalDateEdit(Retranslating, QWidget):
    """A date that may be "none": a check box switches the date edit on."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.check = QCheckBox()
        self.edit = DateField()
        self.edit.setDate(QDate.currentDate())
        self.edit.setEnabled(False)
        self.check.toggled.connect(self.edit.setEnabled)
        lay = QHBoxLayout(self)
        lay.setContentsMargins(0, 0, 0, 0)
        lay.addWidget(self.check)
        lay.addWidget(self.edit, 1)
        self.setFocusProxy(self.check)
        self.retranslate()

    def retranslate(self) -> None:
        self.check.setText(self.tr("set"))
        self.check.setToolTip(self.tr("Unticked: no date"))


    def value(self) -> date | None:
        if not self.check.isChecked():
            return None
        d = self.edit.date()
        return date(d.year(), d.month(), d.day())

    def set_value(self, value: date | None) -> None:
        self.check.setChecked(value is not None)
        if value is not None:
            self.edit.setDate(QDate(value.year, value.month, value.day))


def fill_combo(combo: QComboBox, items: list[tuple[str, Any]]) -> None:
    """Replace the items, keeping the selected data when it is still there."""
    current = combo.currentData()
    combo.blockSignals(True)
    combo.clear()
    for text, data in items:
        combo.addItem(text, data)
    combo.setCurrentIndex(0)
    select_data(combo, current)
    combo.blockSignals(False)


def select_data(combo: QComboBox, data: Any) -> None:
    for i in range(combo.count()):
        item = combo.itemData(i)
        if item == data and type(item) is type(data):
            combo.setCurrentIndex(i)
            return


def text_value(text: str) -> str | None:
    """A line edit's text as a value: stripped, None when empty."""
    text = text.strip()
    return text or None


def int_value(text: str) -> int | str | None:
    """A count typed as text: None when empty, an int when it is one, else the text itself
    (the service names the field and says what is wrong)."""
    text = text.strip().replace(",", "").replace(" ", "")
    if not text:
        return None
    try:
        return int(text)
    except ValueError:
        return text
