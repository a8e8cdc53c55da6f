"""The customer and contact forms: refused input beside the field, undoable edits."""

from __future__ import annotations

import json
from datetime import date

import pytest
import shiboken6
from PySide6.QtCore import QCoreApplication, QTranslator

from workbench.domain.errors import ValidationError
from workbench.services import contacts, customers
from workbench.ui.customers.contact_form import parse_care_dates
from workbench.ui.customers.detail import CustomerDetail
from workbench.ui.customers.forms import ContactForm, CustomerForm
from workbench.ui.env import UiEnv

BAD_CODE = "91110000600037341X"  # wrong check character
GOOD_CODE = "91110000600037341L"


def show(qtbot, detail: CustomerDetail, customer_id: str) -> None:  # noqa: ANN001
    with qtbot.waitSignal(detail.loaded, timeout=5000):
        detail.show_customer(customer_id)


def closed(dialog) -> bool:  # noqa: ANN001
    """Accepted and gone (the dialogs delete themselves on close)."""
    return not shiboken6.isValid(dialog) or not dialog.isVisible()


@pytest.fixture
def hospital(ui_env: UiEnv):
    c = customers.create_customer(ui_env.ctx, values={"name": "杭州市第一人民医院", "industry_code": "healthcare"})
    k = contacts.add_contact(ui_env.ctx, customer_id=c.id, values={
        "name": "李娜", "cute_role": "technical", "trust": 5, "closeness": 6})
    return c, k


@pytest.fixture
def detail(qtbot, ui_env: UiEnv, hospital) -> CustomerDetail:  # noqa: ANN001
    w = CustomerDetail(ui_env)
    qtbot.addWidget(w)
    w.resize(760, 800)
    w.show()
    show(qtbot, w, hospital[0].id)
    return w


class _Chinese(QTranslator):
    """Makes current_lang() answer "zh", as the Chinese .qm does."""

    def translate(self, context, source, disambiguation=None, n=-1):  # noqa: ANN001, ANN201
        return "zh" if (context, source) == ("lang", "en") else None


def test_bad_credit_code_shown_beside_the_field_then_saved_and_undone(qtbot, ui_env, detail, hospital) -> None:  # noqa: ANN001
    c, _ = hospital
    detail.edit_customer()
    form = detail.findChild(CustomerForm)
    assert form is not None and form.isVisible()
    form.w["credit_code"].setText(BAD_CODE)
    form.w["short_name"].setText("杭一院")
    form.w["region"].setText("杭州市上城区")
    form.save()
    assert form.isVisible()  # refused: the dialog stays, with what was typed
    error = form.errors.text("credit_code")
    assert error is not None and "check character" in error
    assert form.findChild(type(form.general_error), "error_credit_code").isVisible()
    assert form.errors.text("short_name") is None
    assert form.focusWidget() is form.w["credit_code"]
    assert form.w["short_name"].text() == "杭一院" and form.w["credit_code"].text() == BAD_CODE
    assert customers.get_customer(ui_env.ctx, customer_id=c.id).version == c.version  # nothing written

    form.w["credit_code"].setText(GOOD_CODE.lower())
    with qtbot.waitSignal(detail.loaded, timeout=5000):
        form.save()
    assert closed(form)
    stored = customers.get_customer(ui_env.ctx, customer_id=c.id)
    assert (stored.credit_code, stored.short_name, stored.region) == (GOOD_CODE, "杭一院", "杭州市上城区")
    assert stored.name == c.name and stored.version == c.version + 1
    assert detail.profile.values["credit_code"].text() == GOOD_CODE
    assert ui_env.undo.count() == 1

    with qtbot.waitSignal(detail.loaded, timeout=5000):
        ui_env.undo.undo()
    stored = customers.get_customer(ui_env.ctx, customer_id=c.id)
    assert (stored.credit_code, stored.short_name, stored.region) == (None, None, None)
    assert detail.profile.values["credit_code"].text() == "—"
    assert "杭一院" not in detail.header_text()


def test_errors_are_in_chinese_when_the_ui_is(qtbot, ui_env, hospital) -> None:  # noqa: ANN001
    form = CustomerForm(ui_env, customers.get_customer(ui_env.ctx, customer_id=hospital[0].id))
    qtbot.addWidget(form)
    translator = _Chinese()
    QCoreApplication.installTranslator(translator)
    try:
        form.w["credit_code"].setText(BAD_CODE)
        form.w["employees"].setText("很多")
        form.save()
    finally:
        QCoreApplication.removeTranslator(translator)
    assert "校验位" in (form.errors.text("credit_code") or "")
    assert "整数" in (form.errors.text("employees") or "")
    assert form.w["employees"].text() == "很多"


def test_creating_a_customer_needs_name_and_industry(qtbot, ui_env) -> None:  # noqa: ANN001
    form = CustomerForm(ui_env)
    qtbot.addWidget(form)
    form.show()
    form.save()
    assert form.errors.text("name") and form.errors.text("industry_code")
    assert form.focusWidget() is form.w["name"]
    form.w["name"].setText("浙江大学")
    form.w["industry_code"].setCurrentIndex(form.w["industry_code"].findData("education"))
    form.w["price_sensitive"].setCurrentIndex(form.w["price_sensitive"].findData(False))
    form.w["competitor_contract_end"].set_value(date(2027, 1, 31))
    with qtbot.waitSignal(ui_env.bus.customer_changed, timeout=1000) as blocker, \
            qtbot.waitSignal(form.saved, timeout=1000):
        form.save()
    created = customers.get_customer(ui_env.ctx, customer_id=blocker.args[0])
    assert created.name == "浙江大学" and created.industry_code == "education"
    assert created.price_sensitive is False and created.hints.price_sensitive is False  # override of the default
    assert created.competitor_contract_end == date(2027, 1, 31)


def test_hint_override_marked_as_set_for_this_customer(qtbot, ui_env, detail, hospital) -> None:  # noqa: ANN001
    assert "industry default" in detail.profile.values["loyalty"].text()
    detail.edit_customer()
    form = detail.findChild(CustomerForm)
    assert "Industry default (High loyalty" in form.w["loyalty"].itemText(0)
    form.w["loyalty"].setCurrentIndex(form.w["loyalty"].findData("low"))
    with qtbot.waitSignal(detail.loaded, timeout=5000):
        form.save()
    assert customers.get_customer(ui_env.ctx, customer_id=hospital[0].id).loyalty == "low"
    text = detail.profile.values["loyalty"].text()
    assert "Low loyalty" in text and "set for this customer" in text


def test_editing_trust_adds_a_reading_and_shows_the_trend(qtbot, ui_env, detail, hospital) -> None:  # noqa: ANN001
    c, k = hospital
    card = detail.buying_centre.card_for(k.id)
    assert card.trend_labels["trust"].text() == "5"  # one reading: no trend yet
    detail.buying_centre.edit_contact(k)
    form = detail.findChild(ContactForm)
    assert form.w["trust"].value() == 5 and form.w["cute_role"].currentData() == "technical"
    form.w["trust"].setValue(8)
    with qtbot.waitSignal(detail.loaded, timeout=5000):
        form.save()
    assert closed(form)
    history = contacts.score_history(ui_env.ctx, contact_id=k.id)
    assert [r.value for r in history if r.kind == "trust"] == [5, 8]
    assert [r.value for r in history if r.kind == "closeness"] == [6]  # unchanged: no new reading
    assert detail.buying_centre.card_for(k.id).trend_labels["trust"].text() == "8 ↑"

    with qtbot.waitSignal(detail.loaded, timeout=5000):
        ui_env.undo.undo()
    assert contacts.list_contacts(ui_env.ctx, customer_id=c.id)[0].trust == 5
    assert detail.buying_centre.card_for(k.id).trend_labels["trust"].text() == "5 ↓"


def test_adding_a_contact_reports_every_bad_field_then_saves(qtbot, ui_env, detail, hospital) -> None:  # noqa: ANN001
    c, _ = hospital
    detail.buying_centre.add_button.click()
    form = detail.findChild(ContactForm)
    assert form is not None and form.contact is None
    form.w["name"].setText("王敏")
    form.w["email"].setText("wangmin@")
    form.w["care_dates"].setPlainText("生日\n入职纪念 9-1")
    form.save()
    assert form.isVisible()
    assert form.errors.text("email") and "line 1" in (form.errors.text("care_dates") or "")
    assert form.focusWidget() is form.w["email"]
    assert len(contacts.list_contacts(ui_env.ctx, customer_id=c.id)) == 1

    form.w["email"].setText("wangmin@hz-hospital.cn")
    form.w["care_dates"].setPlainText("生日 3-15\n入职纪念 9月1日")
    form.w["cute_role"].setCurrentIndex(form.w["cute_role"].findData("coach"))
    form.w["is_liaison"].setChecked(True)
    with qtbot.waitSignal(detail.loaded, timeout=5000):
        form.save()
    added = next(p for p in contacts.list_contacts(ui_env.ctx, customer_id=c.id) if p.name == "王敏")
    assert added.cute_role == "coach" and added.is_liaison and added.email == "wangmin@hz-hospital.cn"
    assert json.loads(added.care_dates) == [{"label": "生日", "month": 3, "day": 15},
                                            {"label": "入职纪念", "month": 9, "day": 1}]
    assert detail.buying_centre.group_names("coach") == ["王敏"]
    assert "no coach" not in detail.buying_centre.warning.text().lower()


def test_deleting_a_contact_and_undo(qtbot, ui_env, detail, hospital) -> None:  # noqa: ANN001
    c, k = hospital
    bc = detail.buying_centre
    bc.confirm = lambda *_: True
    with qtbot.waitSignal(detail.loaded, timeout=5000):
        bc.delete_contact(k)
    assert contacts.list_contacts(ui_env.ctx, customer_id=c.id) == []
    assert bc.group_names("technical") == []
    with qtbot.waitSignal(detail.loaded, timeout=5000):
        ui_env.undo.undo()
    assert bc.group_names("technical") == ["李娜"]


def test_care_dates_text_round_trip() -> None:
    assert parse_care_dates("  生日 3-15 \n\n结婚纪念日 10/8") == [
        {"label": "生日", "month": 3, "day": 15}, {"label": "结婚纪念日", "month": 10, "day": 8}]
    with pytest.raises(ValidationError):
        parse_care_dates("3-15")
