"""The visit dialog driven like a user: keyboard, refusals beside fields, drafts that survive."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from datetime import date
from pathlib import Path

import pytest
import shiboken6
from PySide6.QtCore import QDate, QEvent, Qt, QTimer
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication, QDialog, QMessageBox

from workbench.services import contacts, customers, drafts, stages, visits
from workbench.services.dto import Contact, Customer
from workbench.ui.env import UiEnv
from workbench.ui.visits import dialog as dialog_module
from workbench.ui.visits.dialog import VisitDialog, open_visit_dialog

TODAY = date(2026, 11, 24)
CTRL = Qt.KeyboardModifier.ControlModifier


@pytest.fixture
def customer(ui_env: UiEnv) -> tuple[Customer, Contact, Contact]:
    ctx = ui_env.ctx
    c = customers.create_customer(ctx, values={"name": "杭州市第一人民医院", "industry_code": "healthcare"})
    k1 = contacts.add_contact(ctx, customer_id=c.id, values={"name": "李堃", "title": "信息科主任",
                                                               "cute_role": "technical"})
    k2 = contacts.add_contact(ctx, customer_id=c.id, values={"name": "王喆", "title": "副院长",
                                                               "cute_role": "economic", "is_key_person": True})
    return c, k1, k2


@pytest.fixture
def track(qtbot) -> Iterator[Callable[[VisitDialog], VisitDialog]]:  # noqa: ANN001
    """Shows a dialog; at the end closes what is left without the close question."""
    made: list[VisitDialog] = []

    def show(dlg: VisitDialog) -> VisitDialog:
        made.append(dlg)
        with qtbot.waitActive(dlg):
            dlg.show()
            dlg.activateWindow()
        return dlg

    yield show
    for dlg in made:
        if shiboken6.isValid(dlg):
            dlg.done(0)
            dlg.deleteLater()


def visit_drafts(env: UiEnv, customer_id: str) -> list[drafts.Draft]:
    return drafts.drafts_for(env.ctx, kind="visit", customer_id=customer_id)


def test_refused_follow_up_shown_beside_the_field_then_saved(qtbot, ui_env, customer, track) -> None:  # noqa: ANN001
    c, k1, k2 = customer
    dlg = track(VisitDialog(ui_env, customer_id=c.id))
    form = dlg.form
    assert form.when.date() == QDate(2026, 11, 24)  # now, on the environment's clock
    assert form.duration.hasFocus()  # the date and time are now: typing starts at the duration
    QTest.keyClicks(form.place, "Main campus, IT office")
    form.kind.setCurrentIndex(form.kind.findData("demo"))
    form.duration.setFocus(Qt.FocusReason.TabFocusReason)  # tabbing in selects the "—"
    QTest.keyClicks(form.duration, "90")
    form.contacts.list.setFocus()
    form.contacts.list.setCurrentRow(0)
    QTest.keyClick(form.contacts.list, Qt.Key.Key_Space)
    QTest.keyClick(form.contacts.list, Qt.Key.Key_Down)
    QTest.keyClick(form.contacts.list, Qt.Key.Key_Space)
    form.objective.setText("演示网络管家")
    spin = {"spin_situation": "三个院区,两条专线,现由电信提供", "spin_problem": "分院断网频繁",
            "spin_implication": "挂号系统停摆,病人排长队", "spin_need_payoff": "统一网络管家,7x24 监控"}
    for name, text in spin.items():
        form.notes[name].setPlainText(text)
    form.notes["competitor_notes"].setPlainText("电信合同明年三月到期")
    form.next_step.setText("发送方案建议书")
    form.follow_check.setChecked(True)
    form.follow_date.setDate(QDate(2026, 11, 20))  # before the visit: refused
    form.stage.setCurrentIndex(form.stage.findData("approach"))
    form.stage_reason.setText("首次面谈")

    with qtbot.assertNotEmitted(dlg.saved):
        QTest.keyClick(form.place, Qt.Key.Key_Return, CTRL)
    box = form.boxes["follow_up_date"]
    assert box.error.isVisible()
    assert "before the visit date" in box.error.text()
    assert form.follow_date.property("invalid") is True
    assert [n for n, b in form.boxes.items() if b.message] == ["follow_up_date"]
    assert form.follow_date.hasFocus()
    assert dlg.isVisible()
    assert {n: form.notes[n].toPlainText() for n in spin} == spin  # nothing typed is lost
    assert form.place.text() == "Main campus, IT office"
    assert visits.list_visits(ui_env.ctx, customer_id=c.id) == []
    assert [e.to_code for e in stages.stage_history(ui_env.ctx, customer_id=c.id)] == ["target_market"]

    QTest.keyClick(form.follow_date, Qt.Key.Key_Up)  # still before the visit, but being fixed:
    assert not box.error.isVisible()  # the stale message goes away
    form.follow_date.setDate(QDate(2026, 12, 1))
    with qtbot.waitSignal(dlg.saved, timeout=2000) as saved, \
            qtbot.waitSignal(ui_env.bus.customer_changed, timeout=2000) as changed:
        QTest.keyClick(form.notes["spin_problem"], Qt.Key.Key_Return, CTRL)
    assert changed.args == [c.id]
    stored = visits.list_visits(ui_env.ctx, customer_id=c.id)
    assert [v.id for v in stored] == [saved.args[0].id]
    v = stored[0]
    assert set(v.contact_ids) == {k1.id, k2.id}
    assert {n: getattr(v, n) for n in spin} == spin
    assert (v.kind, v.place, v.duration_min, v.objective) == ("demo", "Main campus, IT office", 90, "演示网络管家")
    assert (v.competitor_notes, v.next_step, v.needs) == ("电信合同明年三月到期", "发送方案建议书", None)
    assert v.occurred_at.date() == TODAY and v.follow_up_date == date(2026, 12, 1)
    moves = stages.stage_history(ui_env.ctx, customer_id=c.id)
    assert (moves[-1].to_code, moves[-1].visit_id, moves[-1].reason) == ("approach", v.id, "首次面谈")
    assert visit_drafts(ui_env, c.id) == []
    assert not dlg.isVisible() and dlg.result() == QDialog.DialogCode.Accepted


def test_too_long_text_is_refused_at_its_field_and_kept(qtbot, ui_env, customer, track) -> None:  # noqa: ANN001
    c, _, _ = customer
    dlg = track(VisitDialog(ui_env, customer_id=c.id))
    form = dlg.form
    form.notes["outcome"].setPlainText("同意下周演示")
    QTest.keyClicks(form.place, "x" * 61)
    form.contacts.list.setFocus()
    QTest.keyClick(form.place, Qt.Key.Key_Enter, CTRL)  # the keypad Enter works too
    assert form.boxes["place"].message and "60" in form.boxes["place"].message
    assert form.place.hasFocus() and form.place.text() == "x" * 61
    assert form.notes["outcome"].toPlainText() == "同意下周演示"
    assert visits.list_visits(ui_env.ctx, customer_id=c.id) == []
    QTest.keyClick(form.place, Qt.Key.Key_Return)  # a plain Enter in a field does not save
    assert dlg.isVisible() and visits.list_visits(ui_env.ctx, customer_id=c.id) == []


def test_draft_survives_a_crash_and_is_resumed(qtbot, ui_env, customer, track) -> None:  # noqa: ANN001
    c, k1, _ = customer
    dlg = track(VisitDialog(ui_env, customer_id=c.id))
    QTest.keyClicks(dlg.form.objective, "Introduce managed network")
    dlg.form.notes["spin_problem"].setPlainText("分院断网频繁")
    dlg.form.contacts.set_checked([k1.id])
    qtbot.waitUntil(lambda: any(d.payload.get("spin_problem") == "分院断网频繁"
                                for d in visit_drafts(ui_env, c.id)), timeout=3000)
    shiboken6.delete(dlg)  # a crash: no close, no question, no last save

    again = open_visit_dialog(ui_env, c.id, None)
    track(again)
    assert again.form.notes["spin_problem"].toPlainText() == "分院断网频繁"
    assert again.form.objective.text() == "Introduce managed network"
    assert again.form.contacts.checked_ids() == [k1.id]
    assert again.banner.isVisible() and "Restored" in again.banner_text.text()
    assert open_visit_dialog(ui_env, c.id, None) is again  # one form per customer, not two over one draft
    assert len(visit_drafts(ui_env, c.id)) == 1


def test_closing_asks_and_keeps_the_draft_by_default(qtbot, ui_env, customer, track) -> None:  # noqa: ANN001
    c, _, _ = customer
    dlg = track(VisitDialog(ui_env, customer_id=c.id))
    dlg.form.notes["needs"].setPlainText("需要专线备份")
    asked: list[str] = []

    def answer() -> None:  # when the question comes (the draft is stored first, the window painting)
        box = QApplication.activeModalWidget()
        if not isinstance(box, QMessageBox):
            QTimer.singleShot(20, answer)
            return
        asked.append(box.text())
        QTest.keyClick(box, Qt.Key.Key_Return)  # the default: keep as draft

    QTimer.singleShot(0, answer)
    QTest.keyClick(dlg.form.notes["needs"], Qt.Key.Key_Escape)
    assert asked and "draft" in asked[0]
    assert not dlg.isVisible()
    [draft] = visit_drafts(ui_env, c.id)  # saved at once on close, not only by the timer
    assert draft.payload["needs"] == "需要专线备份"

    again = track(VisitDialog(ui_env, customer_id=c.id, draft_id=draft.id))
    assert again.form.notes["needs"].toPlainText() == "需要专线备份"
    again.banner_discard.click()
    assert again.form.notes["needs"].toPlainText() == "" and not again.banner.isVisible()
    assert visit_drafts(ui_env, c.id) == []


@pytest.mark.parametrize("choice", [dialog_module.DISCARD, dialog_module.CANCEL])
def test_close_discard_or_cancel(qtbot, ui_env, customer, track, monkeypatch, choice) -> None:  # noqa: ANN001
    c, _, _ = customer
    monkeypatch.setattr(VisitDialog, "ask_close_choice", lambda self, stored: choice)
    dlg = track(VisitDialog(ui_env, customer_id=c.id))
    dlg.form.notes["outcome"].setPlainText("同意演示")
    dlg.close()
    if choice == dialog_module.DISCARD:
        assert not dlg.isVisible() and visit_drafts(ui_env, c.id) == []
    else:
        assert dlg.isVisible() and dlg.form.notes["outcome"].toPlainText() == "同意演示"
        assert len(visit_drafts(ui_env, c.id)) == 1


def test_blank_form_closes_without_asking_and_leaves_no_draft(qtbot, ui_env, customer, track,  # noqa: ANN001
                                                              monkeypatch) -> None:
    c, _, _ = customer

    def never(self: VisitDialog, stored: bool) -> str:
        raise AssertionError("asked about a blank form")

    monkeypatch.setattr(VisitDialog, "ask_close_choice", never)
    dlg = track(VisitDialog(ui_env, customer_id=c.id))
    QTest.keyClicks(dlg.form.place, "abc")
    qtbot.waitUntil(lambda: len(visit_drafts(ui_env, c.id)) == 1, timeout=3000)
    dlg.form.place.clear()  # typed, then removed: nothing left to keep
    QTest.keyClick(dlg.form.place, Qt.Key.Key_Escape)
    assert not dlg.isVisible() and visit_drafts(ui_env, c.id) == []


def test_contacts_show_role_and_quick_follow_ups(qtbot, ui_env, customer, track) -> None:  # noqa: ANN001
    c, _, _ = customer
    dlg = track(VisitDialog(ui_env, customer_id=c.id))
    rows = [dlg.form.contacts.list.item(r).text() for r in range(dlg.form.contacts.list.count())]
    assert "王喆 — 副院长 · Economic buyer  (key person)" in rows
    assert "李堃 — 信息科主任 · Technical buyer" in rows
    dlg.form.when.setDate(QDate(2026, 11, 20))
    dlg.form.plus_week.click()
    assert dlg.form.follow_check.isChecked() and dlg.form.follow_date.date() == QDate(2026, 11, 27)
    dlg.form.plus_day.click()
    assert dlg.form.follow_up() == date(2026, 11, 21)
    assert not dlg.form.stage_reason.isEnabled()
    dlg.form.stage.setCurrentIndex(1)
    assert dlg.form.stage_reason.isEnabled()
    QApplication.sendEvent(dlg.form, QEvent(QEvent.Type.LanguageChange))  # texts are set again
    assert dlg.form.stage.currentIndex() == 1 and dlg.form.stage.itemText(0) == "No change"
    assert dlg.form.titles["spin_situation"].text() == "&Situation"


def test_fits_a_1280x800_screen_without_clipping(qtbot, demo_env, track, tmp_path: Path) -> None:  # noqa: ANN001
    rows = customers.customer_rows(demo_env.ctx, nums=range(1, 60))
    cid = next(r.id for r in rows if len(contacts.list_contacts(demo_env.ctx, customer_id=r.id)) >= 2)
    dlg = track(VisitDialog(demo_env, customer_id=cid))
    assert dlg.width() <= 1280 and dlg.height() <= 760  # leaves room for a title bar and a task bar
    assert dlg.minimumSizeHint().width() <= 1280 and dlg.minimumSizeHint().height() <= 760
    for name, box in dlg.form.boxes.items():
        assert box.height() >= box.minimumSizeHint().height(), name
        assert box.width() >= box.minimumSizeHint().width(), name
    assert dlg.form.contacts.list.count() >= 2
    assert dlg.grab().save(str(tmp_path / "visit.png"))
