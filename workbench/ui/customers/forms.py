"""Edit dialogs of the customer page: :class:`CustomerForm` here, :class:`ContactForm` and
:class:`MoveStageDialog` in their own modules (re-exported).

A refused input is shown under the field that caused it, in the language in force, and the
dialog stays open with everything typed. An existing customer's edit is pushed on the undo
stack with only the fields that changed.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QVBoxLayout,
    QWidget,
)

from workbench.domain import limits
from workbench.domain.enums import Loyalty, Motive, Provider, RiskLevel, ValueGrade
from workbench.domain.errors import ValidationError
from workbench.services import customers, dto
from workbench.services.customer_page import check_customer_values
from workbench.ui.customers.changed_elsewhere import Watch
from workbench.ui.customers.contact_form import ContactForm
from workbench.ui.customers.form_support import (
    FieldErrors,
    OptionalDateEdit,
    fill_combo,
    int_value,
    lay_out_form,
    select_data,
    text_value,
)
from workbench.ui.customers.stage_dialog import MoveStageDialog
from workbench.ui.env import UiEnv, apply
from workbench.ui.errors import show_error
from workbench.ui.i18n import Retranslating
from workbench.ui.labels import label
from workbench.ui.undo import EditCustomer

__all__ = ["ContactForm", "CustomerForm", "MoveStageDialog"]

_TEXTS = {  # field -> max length of its line edit
    "name": limits.ORG_NAME, "short_name": limits.SHORT_NAME, "credit_code": 24,
    "region": limits.SHORT_TEXT, "address": limits.ADDRESS, "competitors": limits.MEDIUM_TEXT,
}
_LEFT = ("name", "short_name", "credit_code", "industry_code", "region", "address", "employees",
         "mobile_lines", "shared")
_RIGHT = ("value_grade", "churn_risk", "current_provider", "competitors", "competitor_contract_end",
          "price_sensitive", "decides_on_references", "loyalty", "motive")


class CustomerForm(Retranslating, QDialog):
    """Create (``customer=None``) or edit a customer."""

    saved = Signal(str)  # the customer id, after a create or an edit

    def __init__(self, env: UiEnv, customer: dto.Customer | None = None, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("customer_form")
        self.env, self.customer = env, customer
        self.industries = {i.code: i for i in customers.industries(env.ctx)}
        self.w: dict[str, Any] = {}
        for field, size in _TEXTS.items():
            edit = QLineEdit()
            edit.setMaxLength(size)
            self.w[field] = edit
        for field in ("employees", "mobile_lines"):
            self.w[field] = QLineEdit()
            self.w[field].setMaxLength(12)
        for field in ("industry_code", "value_grade", "churn_risk", "price_sensitive",
                      "decides_on_references", "loyalty", "motive"):
            self.w[field] = QComboBox()
        self.w["current_provider"] = QComboBox()
        self.w["current_provider"].setEditable(True)
        self.w["competitor_contract_end"] = OptionalDateEdit()
        self.w["shared"] = QCheckBox()
        self.w["notes"] = QPlainTextEdit()
        self.w["notes"].setTabChangesFocus(True)
        self.w["notes"].setMaximumHeight(90)

        self.general_error = QLabel()
        self.errors = FieldErrors(self.general_error)
        self.captions, self.buttons = lay_out_form(
            self, widgets=self.w, errors=self.errors, general_error=self.general_error,
            columns=(_LEFT, _RIGHT), below=("notes",), save=self.save)
        self.w["industry_code"].currentIndexChanged.connect(self._industry_changed)
        self.setMinimumWidth(900)
        self.retranslate()
        self._load()
        self._shown = self.values()  # what the form showed: anything else was typed here
        self.watch: Watch | None = None
        if customer is not None:  # a record changed elsewhere never overwrites the typing
            self.watch = Watch(self, env, customer, read=lambda: customers.get_customer(env.ctx, customer_id=customer.id),
                               on_reload=self._reloaded, typed=lambda: self.values() != self._shown)
            lay = self.layout()
            assert isinstance(lay, QVBoxLayout)  # lay_out_form's: fields, errors, buttons
            lay.insertWidget(lay.count() - 2, self.watch.banner)
        self.w["name"].setFocus()

    def _reloaded(self, customer: dto.Customer) -> None:
        self.customer = customer
        self._load()
        self._shown = self.values()

    # --- texts --------------------------------------------------------------------------
    def retranslate(self) -> None:
        self.setWindowTitle(self.tr("New customer") if self.customer is None
                            else self.tr("Edit {0}").format(self.customer.name))
        captions = {
            "name": self.tr("&Name*:"), "short_name": self.tr("S&hort name:"),
            "credit_code": self.tr("&Credit code:"), "industry_code": self.tr("&Industry*:"),
            "region": self.tr("&Region:"), "address": self.tr("A&ddress:"),
            "employees": self.tr("&Employees:"), "mobile_lines": self.tr("Mo&bile lines:"),
            "shared": self.tr("Shared:"), "value_grade": self.tr("&Value grade:"),
            "churn_risk": self.tr("Churn ris&k:"), "current_provider": self.tr("C&urrent provider:"),
            "competitors": self.tr("Com&petitors:"), "competitor_contract_end": self.tr("&Their contract ends:"),
            "price_sensitive": self.tr("Price-&sensitive:"),
            "decides_on_references": self.tr("Decides on reference c&ases:"),
            "loyalty": self.tr("&Loyalty:"), "motive": self.tr("&Motive:"), "notes": self.tr("N&otes:"),
        }
        for field, caption in self.captions.items():
            caption.setText(captions[field])
        self.w["credit_code"].setPlaceholderText(self.tr("18 characters (unified social credit code)"))
        self.w["employees"].setPlaceholderText(self.tr("unknown"))
        self.w["mobile_lines"].setPlaceholderText(self.tr("unknown"))
        self.w["shared"].setText(self.tr("visible to the &whole team"))
        industries = [(label(i) + ("" if i.is_key else self.tr(" (not a key industry)")), i.code)
                      for i in self.industries.values()]
        fill_combo(self.w["industry_code"], [(self.tr("Choose…"), None), *industries])
        none = [(self.tr("not set"), None)]
        fill_combo(self.w["value_grade"], none + [(label(g), g.value) for g in ValueGrade])
        fill_combo(self.w["churn_risk"], none + [(label(r), r.value) for r in RiskLevel])
        provider = self.w["current_provider"]
        typed = provider.currentText()
        fill_combo(provider, [("", None)] + [(label(p), p.value) for p in Provider])
        provider.setEditText(typed)
        self._industry_changed()
        self.buttons.button(QDialogButtonBox.StandardButton.Save).setText(self.tr("&Save"))


    def _industry_changed(self) -> None:
        """The "industry default" choices name the default of the industry chosen."""
        ind = self.industries.get(self.w["industry_code"].currentData() or "")
        yes, no = self.tr("Yes"), self.tr("No")

        def default(text: str | None) -> list[tuple[str, Any]]:
            caption = self.tr("Industry default") if text is None else self.tr("Industry default ({0})").format(text)
            return [(caption, None)]

        def flag(value: bool | None) -> str | None:
            return None if value is None else (yes if value else no)

        fill_combo(self.w["price_sensitive"],
                   default(flag(ind.price_sensitive if ind else None)) + [(yes, True), (no, False)])
        fill_combo(self.w["decides_on_references"],
                   default(flag(ind.decides_on_references if ind else None)) + [(yes, True), (no, False)])
        fill_combo(self.w["loyalty"], default(label(Loyalty(ind.loyalty)) if ind else None)
                   + [(label(m), m.value) for m in Loyalty])
        fill_combo(self.w["motive"], default(label(Motive(ind.motive)) if ind else None)
                   + [(label(m), m.value) for m in Motive])

    # --- values -------------------------------------------------------------------------
    def _load(self) -> None:
        c = self.customer
        if c is None:
            return
        for field in _TEXTS:
            self.w[field].setText(getattr(c, field) or "")
        for field in ("employees", "mobile_lines"):
            value = getattr(c, field)
            self.w[field].setText("" if value is None else str(value))
        for field in ("industry_code", "value_grade", "churn_risk", "price_sensitive",
                      "decides_on_references", "loyalty", "motive"):
            select_data(self.w[field], getattr(c, field))
        provider = self.w["current_provider"]
        if c.current_provider in {p.value for p in Provider}:
            select_data(provider, c.current_provider)
        else:
            provider.setEditText(c.current_provider or "")
        self.w["competitor_contract_end"].set_value(c.competitor_contract_end)
        self.w["shared"].setChecked(c.shared)
        self.w["notes"].setPlainText(c.notes or "")

    def values(self) -> dict[str, Any]:
        """Every field as typed (text stripped, empty = None)."""
        out: dict[str, Any] = {f: text_value(self.w[f].text()) for f in _TEXTS}
        out.update({f: int_value(self.w[f].text()) for f in ("employees", "mobile_lines")})
        for field in ("industry_code", "value_grade", "churn_risk", "price_sensitive",
                      "decides_on_references", "loyalty", "motive"):
            out[field] = self.w[field].currentData()
        provider = self.w["current_provider"]
        typed = provider.currentText().strip()
        index = provider.findText(typed, Qt.MatchFlag.MatchFixedString) if typed else -1
        out["current_provider"] = provider.itemData(index) if index > 0 else (typed or None)
        out["competitor_contract_end"] = self.w["competitor_contract_end"].value()
        out["shared"] = self.w["shared"].isChecked()
        out["notes"] = text_value(self.w["notes"].toPlainText())
        return out

    # --- saving -------------------------------------------------------------------------
    def save(self) -> None:
        self.errors.clear()
        try:
            saved = self._create() if self.customer is None else self._edit(self.customer)
        except ValidationError as exc:
            self.errors.show(exc)
            return
        except Exception as exc:  # unexpected: say so, keep the form and what was typed
            show_error(self, exc)
            return
        if saved is not None:
            self.saved.emit(saved)
            self.accept()

    def _create(self) -> str:
        values = {k: v for k, v in self.values().items() if v is not None}
        created = apply(self.env, lambda: customers.create_customer(self.env.ctx, values=values))
        return created.id

    def _edit(self, c: dto.Customer) -> str:
        """Save what was changed here (against what the form showed) onto the record as stored
        now, which someone may have changed meanwhile: their other fields stay."""
        base = self.watch.stored if self.watch is not None else c
        typed = {k: v for k, v in self.values().items() if v != getattr(c, k)}
        clean = check_customer_values(self.env.ctx, values=typed, customer_id=c.id)
        new = {k: v for k, v in clean.items() if v != getattr(base, k)}
        if not new:
            return c.id
        EditCustomer(self.env, customer_id=c.id, version=base.version, old={k: getattr(base, k) for k in new},
                     new=new).push()  # a failure is said by save(): the form stays, with what was typed
        return c.id
