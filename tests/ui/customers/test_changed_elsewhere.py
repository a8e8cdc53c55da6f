"""An open customer form whose record changes elsewhere (here: another write published on the
bus, as a sync pull publishes it): typing is never overwritten; the banner offers a reload;
Save keeps both sides' fields; with nothing typed the form follows quietly; a record gone is
said so and the typing stays."""

from __future__ import annotations

from pytestqt.qtbot import QtBot

from workbench.services import customers
from workbench.ui.customers.forms import CustomerForm
from workbench.ui.env import apply


def _open(qtbot: QtBot, ui_env, customer_id: str) -> CustomerForm:  # noqa: ANN001
    form = CustomerForm(ui_env, customers.get_customer(ui_env.ctx, customer_id=customer_id))
    qtbot.addWidget(form)
    form.show()
    return form


def _elsewhere(ui_env, customer_id: str, **changes: object) -> None:  # noqa: ANN001
    apply(ui_env, lambda: customers.update_customer(ui_env.ctx, customer_id=customer_id, changes=changes))


def test_typing_is_kept_and_save_merges_with_the_change_made_elsewhere(qtbot: QtBot, ui_env) -> None:  # noqa: ANN001
    c = customers.create_customer(ui_env.ctx, values={"name": "西湖区人民医院", "industry_code": "healthcare"})
    form = _open(qtbot, ui_env, c.id)
    qtbot.keyClicks(form.w["notes"], "new notes typed here")
    _elsewhere(ui_env, c.id, address="杭州市西湖区曙光路1号")  # a colleague's change, pulled
    assert form.watch is not None and form.watch.banner.isVisible()
    assert "changed this record" in form.watch.banner.label.text()
    assert form.w["notes"].toPlainText() == "new notes typed here"  # never overwritten
    assert form.w["address"].text() == ""  # still what the form showed
    form.save()
    stored = customers.get_customer(ui_env.ctx, customer_id=c.id)
    assert (stored.notes, stored.address) == ("new notes typed here", "杭州市西湖区曙光路1号")
    assert not form.isVisible()  # saved and closed: no stale-edit refusal


def test_reload_shows_the_stored_record(qtbot: QtBot, ui_env) -> None:  # noqa: ANN001
    c = customers.create_customer(ui_env.ctx, values={"name": "西湖区人民医院", "industry_code": "healthcare"})
    form = _open(qtbot, ui_env, c.id)
    form.w["region"].setText("西湖区")
    _elsewhere(ui_env, c.id, region="拱墅区")
    assert form.watch is not None and form.watch.banner.isVisible()
    form.watch.banner.reload_button.click()
    assert form.w["region"].text() == "拱墅区" and not form.watch.banner.isVisible()


def test_with_nothing_typed_the_form_follows_quietly(qtbot: QtBot, ui_env) -> None:  # noqa: ANN001
    c = customers.create_customer(ui_env.ctx, values={"name": "西湖区人民医院", "industry_code": "healthcare"})
    form = _open(qtbot, ui_env, c.id)
    _elsewhere(ui_env, c.id, address="杭州市西湖区曙光路1号")
    assert form.watch is not None and not form.watch.banner.isVisible()
    assert form.w["address"].text() == "杭州市西湖区曙光路1号"
    form.w["region"].setText("西湖区")
    form.save()
    stored = customers.get_customer(ui_env.ctx, customer_id=c.id)
    assert (stored.region, stored.address) == ("西湖区", "杭州市西湖区曙光路1号")


def test_a_record_gone_from_the_laptop_is_said_so(qtbot: QtBot, ui_env) -> None:  # noqa: ANN001
    c = customers.create_customer(ui_env.ctx, values={"name": "西湖区人民医院", "industry_code": "healthcare"})
    form = _open(qtbot, ui_env, c.id)
    qtbot.keyClicks(form.w["notes"], "typed")
    apply(ui_env, lambda: customers.delete_customer(ui_env.ctx, customer_id=c.id))
    assert form.watch is not None and form.watch.banner.isVisible()
    assert "no longer on this laptop" in form.watch.banner.label.text()
    assert not form.watch.banner.reload_button.isVisible()
    assert form.w["notes"].toPlainText() == "typed"
