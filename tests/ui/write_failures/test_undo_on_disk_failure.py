"""Issue 12, item 4 for undo and edits: an undo or redo that fails on the disk (full,
read-only, held by another program) is said and stays on the stack where it was, so Undo /
Redo tries again once the disk is fine; an edit of an existing customer or contact that fails
keeps its form open with what was typed and pushes nothing (the redo side kept). Real
widgets, a real store, real failures (write_conditions.py)."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest
from write_conditions import KINDS, LONG, SMALL_WRITE_KINDS, failing, said

from workbench.services import contacts, customers
from workbench.ui.customers.forms import ContactForm, CustomerForm
from workbench.ui.env import UiEnv
from workbench.ui.undo import EditCustomer, MoveStage

OTHER = "院办要求先做等保测评, 再谈专线与网络管家。" * 200  # 12 kB as well: each way needs new pages


def stored(path: Path, table: str, row_id: str, column: str) -> object:
    """A value as it is on disk (a connection of its own, not the window's)."""
    con = sqlite3.connect(path)
    try:
        return con.execute(f"SELECT {column} FROM {table} WHERE id = ?", (row_id,)).fetchone()[0]
    finally:
        con.close()


def place(env: UiEnv) -> tuple[int, int, bool, bool, str, str]:
    u = env.undo
    return u.index(), u.count(), u.canUndo(), u.canRedo(), u.undoText(), u.redoText()


@pytest.fixture
def edited(ui_env: UiEnv, saved):  # noqa: ANN001
    """The hospital's notes edited from LONG to OTHER through the stack (Undo writes LONG back)."""
    ctx = ui_env.ctx
    c = customers.update_customer(ctx, customer_id=saved.id, changes={"notes": LONG}, expected_version=saved.version)
    ui_env.undo.push(EditCustomer(ui_env, customer_id=c.id, version=c.version, old={"notes": LONG},
                                  new={"notes": OTHER}))
    assert ui_env.undo.count() == 1 and ui_env.undo.index() == 1
    return c


@pytest.mark.parametrize("kind", KINDS)
def test_undo_and_redo_that_fail_stay_on_the_stack_and_retry(qtbot, ui_env, edited, boxes, kind) -> None:  # noqa: ANN001
    path, undo = ui_env.ctx.store.path, ui_env.undo
    notes = lambda: stored(path, "customers", edited.id, "notes")  # noqa: E731
    done = place(ui_env)
    assert done == (1, 1, True, False, "Edit customer", "")
    with failing(kind, ui_env.ctx.store):
        undo.undo()
        said(boxes, kind)
        assert place(ui_env) == done  # still done, still offered for undo
        assert notes() == OTHER
    undo.undo()  # the disk is fine again: the same command undoes
    assert notes() == LONG and place(ui_env) == (0, 1, False, True, "", "Edit customer")
    undone = place(ui_env)
    with failing(kind, ui_env.ctx.store):
        undo.redo()
        assert len(boxes.texts) == 2 and "still here" in boxes.texts[1]
        assert place(ui_env) == undone  # still undone, still offered for redo
        assert notes() == LONG
    undo.redo()
    assert notes() == OTHER and place(ui_env) == done
    undo.undo()  # and the command keeps working both ways
    assert notes() == LONG and len(boxes.texts) == 2


@pytest.mark.parametrize("kind", SMALL_WRITE_KINDS)
def test_a_stage_move_undo_that_fails_stays(qtbot, ui_env, saved, boxes, kind) -> None:  # noqa: ANN001
    path, undo = ui_env.ctx.store.path, ui_env.undo
    undo.push(MoveStage(ui_env, customer_id=saved.id, from_code="target_market", to_code="prospect", reason="院办引荐"))
    with failing(kind, ui_env.ctx.store):
        undo.undo()
        said(boxes, kind)
        assert (undo.index(), undo.count(), undo.undoText()) == (1, 1, "Move stage")
    assert stored(path, "customers", saved.id, "stage_code") == "prospect"
    undo.undo()
    assert stored(path, "customers", saved.id, "stage_code") == "target_market" and undo.canRedo()


@pytest.mark.parametrize("kind", KINDS)
def test_a_new_edit_that_fails_is_not_pushed_and_keeps_the_redo_side(qtbot, ui_env, edited, boxes,  # noqa: ANN001
                                                                      kind) -> None:
    undo = ui_env.undo
    undo.undo()  # LONG again; the edit waits on the redo side
    c = customers.get_customer(ui_env.ctx, customer_id=edited.id)
    with failing(kind, ui_env.ctx.store), pytest.raises(Exception) as got:  # noqa: PT011
        EditCustomer(ui_env, customer_id=c.id, version=c.version, old={"notes": LONG},
                     new={"notes": OTHER + "!"}).push()
    assert "still here" in _words(got.value)
    assert place(ui_env) == (0, 1, False, True, "", "Edit customer")  # nothing claims to be done
    undo.redo()
    assert stored(ui_env.ctx.store.path, "customers", c.id, "notes") == OTHER and not boxes.texts


def _words(exc: BaseException) -> str:
    from workbench.ui.errors import write_problem

    return write_problem(exc) or ""


@pytest.mark.parametrize("kind", KINDS)
def test_editing_a_customer_keeps_the_form(qtbot, ui_env, saved, boxes, kind) -> None:  # noqa: ANN001
    path = ui_env.ctx.store.path
    form = CustomerForm(ui_env, customers.get_customer(ui_env.ctx, customer_id=saved.id))
    qtbot.addWidget(form)
    form.show()
    form.w["region"].setText("滨江")
    form.w["notes"].setPlainText(LONG)
    with failing(kind, ui_env.ctx.store):
        form.save()
        said(boxes, kind)
        assert form.isVisible() and form.w["notes"].toPlainText() == LONG and form.w["region"].text() == "滨江"
    assert stored(path, "customers", saved.id, "notes") is None and ui_env.undo.count() == 0
    with qtbot.waitSignal(form.saved, timeout=3000):
        form.save()  # the same form saves what it kept
    assert stored(path, "customers", saved.id, "notes") == LONG and ui_env.undo.count() == 1
    assert len(boxes.texts) == 1


@pytest.mark.parametrize("kind", KINDS)
def test_editing_a_contact_keeps_the_form(qtbot, ui_env, saved, boxes, kind) -> None:  # noqa: ANN001
    path = ui_env.ctx.store.path
    [k] = contacts.list_contacts(ui_env.ctx, customer_id=saved.id)
    form = ContactForm(ui_env, customer_id=saved.id, contact=k)
    qtbot.addWidget(form)
    form.show()
    form.w["notes"].setPlainText(LONG)
    with failing(kind, ui_env.ctx.store):
        form.save()
        said(boxes, kind)
        assert form.isVisible() and form.w["notes"].toPlainText() == LONG
    assert stored(path, "contacts", k.id, "notes") is None and ui_env.undo.count() == 0
    with qtbot.waitSignal(form.saved, timeout=3000):
        form.save()
    assert stored(path, "contacts", k.id, "notes") == LONG and ui_env.undo.count() == 1
