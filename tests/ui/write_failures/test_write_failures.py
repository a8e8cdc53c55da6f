"""Issue 12, item 4: a write that fails on disk (full, read-only, held by another program)
tells the user what is wrong beside what they were doing, keeps the form open with what was
typed (and the visit's draft), loses nothing already saved, and saves once the condition
clears. Real widgets, a real store, real failures (write_conditions.py)."""

from __future__ import annotations

import pytest
from write_conditions import KINDS, LONG, WORDS, failing, fresh_count, said, says

from workbench.services import drafts
from workbench.ui.customers.forms import ContactForm, CustomerForm


@pytest.mark.parametrize("kind", KINDS)
def test_customer_form(qtbot, ui_env, saved, boxes, kind) -> None:  # noqa: ANN001
    path = ui_env.ctx.store.path
    form = CustomerForm(ui_env)
    qtbot.addWidget(form)
    form.show()
    form.w["name"].setText("浙江大学")
    form.w["industry_code"].setCurrentIndex(form.w["industry_code"].findData("education"))
    form.w["notes"].setPlainText(LONG)
    with failing(kind, ui_env.ctx.store):
        form.save()
        assert form.isVisible()
        qtbot.waitUntil(lambda: bool(boxes.texts), timeout=3000)
        said(boxes, kind)
        assert form.w["name"].text() == "浙江大学"
        assert form.w["notes"].toPlainText() == LONG
    assert fresh_count(path, "customers") == 1 and fresh_count(path, "contacts") == 1
    with qtbot.waitSignal(form.saved, timeout=3000):
        form.save()  # the condition cleared: the same form saves what it kept
    assert fresh_count(path, "customers") == 2 and len(boxes.texts) == 1


@pytest.mark.parametrize("kind", KINDS)
def test_contact_form(qtbot, ui_env, saved, boxes, kind) -> None:  # noqa: ANN001
    path = ui_env.ctx.store.path
    form = ContactForm(ui_env, customer_id=saved.id)
    qtbot.addWidget(form)
    form.show()
    form.w["name"].setText("王强")
    form.w["notes"].setPlainText(LONG)
    with failing(kind, ui_env.ctx.store):
        form.save()
        qtbot.waitUntil(lambda: bool(boxes.texts), timeout=3000)
        said(boxes, kind)
        assert form.isVisible() and form.w["name"].text() == "王强"
    assert fresh_count(path, "contacts") == 1
    with qtbot.waitSignal(form.saved, timeout=3000):
        form.save()
    assert fresh_count(path, "contacts") == 2


@pytest.mark.parametrize("kind", KINDS)
def test_visit_dialog_save(qtbot, ui_env, saved, boxes, visit_dialog, kind) -> None:  # noqa: ANN001
    path, dlg = ui_env.ctx.store.path, visit_dialog
    dlg.form.objective.setText("演示网络管家")
    dlg.form.notes["spin_problem"].setPlainText(LONG)
    assert dlg.save_draft_now()  # a draft stored before the disk failed
    dlg.form.notes["outcome"].setPlainText("同意下周演示")  # typed since: not in the draft yet
    with failing(kind, ui_env.ctx.store):
        dlg.save()
        assert dlg.isVisible() and not boxes.texts  # said in the dialog, not in a box over it
        says(dlg.status.text(), kind)
        assert dlg.form.notes["outcome"].toPlainText() == "同意下周演示"
        assert dlg.form.notes["spin_problem"].toPlainText() == LONG
    assert fresh_count(path, "visits") == 0
    [draft] = drafts.drafts_for(ui_env.ctx, kind="visit", customer_id=saved.id)  # the draft is kept
    assert draft.payload["spin_problem"] == LONG
    with qtbot.waitSignal(dlg.saved, timeout=3000):
        dlg.save()
    assert fresh_count(path, "visits") == 1 and not boxes.texts
    assert drafts.drafts_for(ui_env.ctx, kind="visit", customer_id=saved.id) == []


@pytest.mark.parametrize("kind", KINDS)
def test_draft_autosave_says_it_once_in_the_footer(qtbot, ui_env, saved, boxes, visit_dialog, kind) -> None:  # noqa: ANN001
    dlg = visit_dialog
    with failing(kind, ui_env.ctx.store):
        for i in range(3):  # keeps typing: autosave after autosave fails, never a box
            dlg.form.notes["spin_problem"].setPlainText(LONG + str(i))
            assert not dlg.save_draft_now()
        text = dlg.status.text()
        assert WORDS[kind] in text, text
        assert not boxes.texts and dlg.isVisible()
    assert drafts.drafts_for(ui_env.ctx, kind="visit", customer_id=saved.id) == []
    dlg.form.notes["spin_problem"].setPlainText(LONG + "3")  # the next autosave stores it
    qtbot.waitUntil(lambda: bool(drafts.drafts_for(ui_env.ctx, kind="visit", customer_id=saved.id)),
                    timeout=3000)
    [draft] = drafts.drafts_for(ui_env.ctx, kind="visit", customer_id=saved.id)
    assert draft.payload["spin_problem"] == LONG + "3"
