"""The contact dialog: add a contact (written at once) or edit one (an undoable command
holding only the changed fields; changed scores also go into the score history)."""

from __future__ import annotations

import json
import re
from typing import Any

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QSpinBox,
    QWidget,
)

from workbench.domain import limits
from workbench.domain.enums import BehaviourStyle, CuteRole, ScoreKind
from workbench.domain.errors import FieldError, ValidationError
from workbench.services import contacts, dto
from workbench.services.customer_page import check_contact_values
from workbench.ui.customers.form_support import (
    FieldErrors,
    OptionalDateEdit,
    fill_combo,
    lay_out_form,
    select_data,
    text_value,
)
from workbench.ui.env import UiEnv, apply
from workbench.ui.errors import show_error
from workbench.ui.i18n import Retranslating
from workbench.ui.labels import label
from workbench.ui.undo import EditContact

_TEXTS = {"name": limits.PERSON_NAME, "title": limits.SHORT_TEXT, "department": limits.SHORT_TEXT,
          "mobile": limits.PHONE, "phone": limits.PHONE, "email": limits.EMAIL}
_SCORES = tuple(k.value for k in ScoreKind)
_LEFT = ("name", "title", "department", "mobile", "phone", "email", "birthday", "care_dates")
_RIGHT = ("cute_role", "behaviour_style", *_SCORES, "is_key_person", "is_liaison")
_CARE_LINE = re.compile(r"^(.+?)\s+(\d{1,2})\s*[-/.月]\s*(\d{1,2})\s*日?$")


def care_dates_text(stored: str | None) -> str:
    """Stored JSON -> one "label month-day" per line."""
    if not stored:
        return ""
    return "\n".join(f"{d['label']} {d['month']}-{d['day']}" for d in json.loads(stored))


def parse_care_dates(text: str) -> list[dict[str, Any]]:
    """One "label month-day" per line (e.g. "生日 3-15", "入职纪念 9月1日") -> items."""
    items = []
    for n, line in enumerate((x.strip() for x in text.splitlines()), 1):
        if not line:
            continue
        match = _CARE_LINE.match(line)
        if match is None:
            raise ValidationError(FieldError("care_dates", f"第{n}行应为“名称 月-日”,例如“生日 3-15”",
                                             f"line {n}: write 'label month-day', e.g. 'Birthday 3-15'"))
        items.append({"label": match[1], "month": int(match[2]), "day": int(match[3])})
    return items


class ContactForm(Retranslating, QDialog):
    saved = Signal(str)  # the contact id

    def __init__(self, env: UiEnv, *, customer_id: str, contact: dto.Contact | None = None,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("contact_form")
        self.env, self.customer_id, self.contact = env, customer_id, contact
        self.w: dict[str, Any] = {}
        for field, size in _TEXTS.items():
            self.w[field] = QLineEdit()
            self.w[field].setMaxLength(size)
        self.w["cute_role"], self.w["behaviour_style"] = QComboBox(), QComboBox()
        for field in _SCORES:
            spin = QSpinBox()
            spin.setRange(0, 10)
            self.w[field] = spin
        self.w["is_key_person"], self.w["is_liaison"] = QCheckBox(), QCheckBox()
        self.w["birthday"] = OptionalDateEdit()
        self.w["care_dates"] = QPlainTextEdit()
        self.w["care_dates"].setTabChangesFocus(True)
        self.w["care_dates"].setMaximumHeight(80)
        self.w["notes"] = QPlainTextEdit()
        self.w["notes"].setTabChangesFocus(True)
        self.w["notes"].setMaximumHeight(70)
        self._unreadable: list[FieldError] = []
        self.general_error = QLabel()
        self.errors = FieldErrors(self.general_error)
        self.captions, self.buttons = lay_out_form(
            self, widgets=self.w, errors=self.errors, general_error=self.general_error,
            columns=(_LEFT, _RIGHT), below=("notes",), save=self.save)
        self.setMinimumWidth(760)
        self.retranslate()
        self._load()
        self.w["name"].setFocus()

    def retranslate(self) -> None:
        self.setWindowTitle(self.tr("New contact") if self.contact is None
                            else self.tr("Edit {0}").format(self.contact.name))
        captions = {
            "name": self.tr("&Name*:"), "title": self.tr("&Title:"), "department": self.tr("&Department:"),
            "mobile": self.tr("&Mobile:"), "phone": self.tr("&Phone:"), "email": self.tr("&E-mail:"),
            "birthday": self.tr("&Birthday:"), "care_dates": self.tr("&Care dates:"),
            "cute_role": self.tr("Buying &role:"), "behaviour_style": self.tr("Behaviour st&yle:"),
            "closeness": self.tr("C&loseness (0–10):"), "trust": self.tr("Tr&ust (0–10):"),
            "favour": self.tr("Personal &favour (0–10):"), "is_key_person": self.tr("&Key person:"),
            "is_liaison": self.tr("L&iaison:"), "notes": self.tr("N&otes:"),
        }
        for field, caption in self.captions.items():
            caption.setText(captions[field])
        self.w["care_dates"].setPlaceholderText(self.tr("one per line: label month-day, e.g. Birthday 3-15"))
        self.w["is_key_person"].setText(self.tr("Key person: decides or sways the decision"))
        self.w["is_liaison"].setText(self.tr("Liaison named in the service agreement"))
        unknown = [(self.tr("not known yet"), None)]
        fill_combo(self.w["cute_role"], unknown + [(label(r), r.value) for r in CuteRole])
        fill_combo(self.w["behaviour_style"], unknown + [(label(s), s.value) for s in BehaviourStyle])
        self.buttons.button(QDialogButtonBox.StandardButton.Save).setText(self.tr("&Save"))


    def _load(self) -> None:
        k = self.contact
        if k is None:
            return
        for field in _TEXTS:
            self.w[field].setText(getattr(k, field) or "")
        select_data(self.w["cute_role"], k.cute_role)
        select_data(self.w["behaviour_style"], k.behaviour_style)
        for field in _SCORES:
            self.w[field].setValue(getattr(k, field))
        self.w["is_key_person"].setChecked(k.is_key_person)
        self.w["is_liaison"].setChecked(k.is_liaison)
        self.w["birthday"].set_value(k.birthday)
        self.w["care_dates"].setPlainText(care_dates_text(k.care_dates))
        self.w["notes"].setPlainText(k.notes or "")

    def _stored_care(self) -> list[dict[str, Any]] | None:
        stored = self.contact.care_dates if self.contact is not None else None
        return json.loads(stored) if stored else None

    def values(self) -> dict[str, Any]:
        """Every field as typed (what cannot even be read goes to ``_unreadable``)."""
        out: dict[str, Any] = {f: text_value(self.w[f].text()) for f in _TEXTS}
        out["cute_role"] = self.w["cute_role"].currentData()
        out["behaviour_style"] = self.w["behaviour_style"].currentData()
        out.update({f: self.w[f].value() for f in _SCORES})
        out["is_key_person"] = self.w["is_key_person"].isChecked()
        out["is_liaison"] = self.w["is_liaison"].isChecked()
        out["birthday"] = self.w["birthday"].value()
        try:
            out["care_dates"] = parse_care_dates(self.w["care_dates"].toPlainText()) or None
        except ValidationError as exc:  # reported with the other fields' errors
            self._unreadable.extend(exc.errors)
            out["care_dates"] = self._stored_care()
        out["notes"] = text_value(self.w["notes"].toPlainText())
        return out

    def _check(self, values: dict[str, Any], *, new: bool) -> dict[str, Any]:
        """The cleaned values; every refused field at once, the unreadable ones included."""
        errors = list(self._unreadable)
        clean: dict[str, Any] = {}
        try:
            clean = check_contact_values(values, new=new)
        except ValidationError as exc:
            errors.extend(exc.errors)
        if errors:
            raise ValidationError(errors)
        return clean

    def save(self) -> None:
        self.errors.clear()
        self._unreadable = []
        try:
            saved = self._add() if self.contact is None else self._edit(self.contact)
        except ValidationError as exc:
            self.errors.show(exc)
            return
        except Exception as exc:  # unexpected: say so, keep what was typed
            show_error(self, exc)
            return
        if saved is not None:
            self.saved.emit(saved)
            self.accept()

    def _add(self) -> str:
        values = {k: v for k, v in self.values().items() if v is not None}
        self._check(values, new=True)
        added = apply(self.env, lambda: contacts.add_contact(self.env.ctx, customer_id=self.customer_id,
                                                             values=values))
        return added.id

    def _edit(self, k: dto.Contact) -> str:
        stored_care = self._stored_care()
        typed = {f: v for f, v in self.values().items()
                 if v != (stored_care if f == "care_dates" else getattr(k, f))}
        clean = self._check(typed, new=False)
        new = {f: v for f, v in clean.items() if v != getattr(k, f)}
        if not new:
            return k.id
        EditContact(self.env, customer_id=self.customer_id, contact_id=k.id, version=k.version,
                    old={f: getattr(k, f) for f in new}, new=new).push()  # a failure is said by save()
        return k.id
