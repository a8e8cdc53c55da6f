from __future__ import annotations

from datetime import date, datetime

import pytest
from PySide6.QtCore import QPointF, Qt, QTranslator
from PySide6.QtGui import QDragEnterEvent, QDropEvent
from PySide6.QtWidgets import QApplication, QMenu
from sqlalchemy import func, select, update

from workbench.services import customers, stages, visits
from workbench.services.context import Context
from workbench.services.users import create_user
from workbench.store import models as m
from workbench.ui.env import UiEnv
from workbench.ui.pipeline import board as board_module
from workbench.ui.pipeline.board import PipelinePage
from workbench.ui.pipeline.cards import card_mime


def make(ctx: Context, name: str, stage: str, industry: str = "banking", moved: datetime | None = None,
         **values: object) -> str:
    cid = customers.create_customer(ctx, values={"name": name, "industry_code": industry, **values},
                                    stage_code=stage).id
    if moved is not None:
        with ctx.store.write() as s:
            s.execute(update(m.Customer).where(m.Customer.id == cid).values(stage_changed_at=moved))
    return cid


@pytest.fixture
def ids(ui_env: UiEnv) -> dict[str, str]:
    ctx = ui_env.ctx
    other = create_user(ctx.store, name="王芳", role="manager")
    found = {
        "icbc": make(ctx, "中国工商银行杭州分行", "prospect", moved=datetime(2026, 11, 14, 9), short_name="工行杭分"),
        "cmb": make(Context(ctx.store, other.id), "招商银行杭州分行", "prospect", moved=datetime(2026, 11, 20, 9)),
        "school": make(ctx, "杭州第二中学", "prospect", "education", moved=datetime(2026, 11, 1, 9)),
        "tax": make(ctx, "杭州市税务局", "build", "tax"),
        "lost": make(ctx, "某物流公司", "lost", "logistics"),
        "other_user": other.id,
    }
    visits.log_visit(ctx, customer_id=found["icbc"], values={
        "occurred_at": datetime(2026, 11, 10, 10), "kind": "onsite", "follow_up_date": date(2026, 11, 20)})
    return found


def open_board(qtbot, env: UiEnv) -> PipelinePage:  # noqa: ANN001
    page = PipelinePage(env)
    qtbot.addWidget(page)
    page.resize(1600, 700)
    with qtbot.waitSignal(page.loaded, timeout=5000):
        page.show()
    return page


def counts(page: PipelinePage) -> dict[str, int]:
    """What the column headers say, for columns that are not empty."""
    found = {code: int(c.count_label.text().replace(",", "")) for code, c in page.columns.items()}
    return {code: n for code, n in found.items() if n}


def shown(page: PipelinePage, code: str) -> list[str]:
    model = page.column(code).cards()
    return [model.index(row).data() for row in range(model.rowCount())]


def history(env: UiEnv, customer_id: str) -> list[tuple[str | None, str, str | None]]:
    return [(e.from_code, e.to_code, e.reason) for e in stages.stage_history(env.ctx, customer_id=customer_id)]


def drop(page: PipelinePage, customer_id: str, from_code: str, to_code: str) -> None:
    """What a mouse drop delivers to a column, without a real drag."""
    column = page.column(to_code)
    mime = card_mime(customer_id, from_code)
    pos = QPointF(column.rect().center())
    buttons, mods = Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier
    enter = QDragEnterEvent(pos.toPoint(), Qt.DropAction.MoveAction, mime, buttons, mods)
    QApplication.sendEvent(column, enter)
    assert enter.isAccepted()
    QApplication.sendEvent(column, QDropEvent(pos, Qt.DropAction.MoveAction, mime, buttons, mods))


def test_columns_show_true_counts_and_cards_newest_first(qtbot, ui_env: UiEnv, ids: dict[str, str]) -> None:  # noqa: ANN001
    page = open_board(qtbot, ui_env)
    assert counts(page) == {"prospect": 3, "build": 1, "lost": 1}
    assert [c.code for c in page.columns.values()][-2:] == ["dormant", "lost"]  # side states last
    prospect = shown(page, "prospect")
    assert [line.split(" · ")[0] for line in prospect] == ["招商银行杭州分行", "工行杭分", "杭州第二中学"]
    # Short name, industry, owner (the board shows every owner), days in stage, overdue follow-up (the default user 我 reads "Me" in English).
    assert prospect[1] == "工行杭分 · Banking · Me · 10 d in stage · follow-up 2026-11-20 (overdue)"
    assert prospect[0].startswith("招商银行杭州分行 · Banking · 王芳 · 4 d in stage · no follow-up")
    assert page.total.text() == "4 customers in the pipeline"
    assert page.side_toggle.text() == "&Dormant/lost (1)"
    assert page.column("leverage").empty.isVisible() and not page.column("prospect").more.isVisible()


def test_drop_asks_a_reason_moves_and_undo_moves_back(qtbot, ui_env: UiEnv, ids: dict[str, str]) -> None:  # noqa: ANN001
    page = open_board(qtbot, ui_env)
    drop(page, ids["icbc"], "prospect", "approach")
    dialog = page.reason_dialog
    assert dialog is not None and dialog.isVisible()
    assert "工行杭分" in dialog.question.text() and "Approached / first meeting" in dialog.question.text()
    qtbot.keyClicks(dialog.reason, "met the CIO")
    with qtbot.waitSignal(page.loaded, timeout=5000):
        qtbot.keyClick(dialog.reason, Qt.Key.Key_Return)
    assert page.reason_dialog is None  # closed
    assert history(ui_env, ids["icbc"])[-1] == ("prospect", "approach", "met the CIO")
    assert counts(page) == {"prospect": 2, "approach": 1, "build": 1, "lost": 1}
    assert shown(page, "approach")[0].startswith("工行杭分 · Banking")
    assert ids["icbc"] not in {c.id for c in page.column("prospect").cards().cards}
    assert customers.get_customer(ui_env.ctx, customer_id=ids["icbc"]).stage_code == "approach"

    with qtbot.waitSignal(page.loaded, timeout=5000):
        ui_env.undo.undo()
    assert customers.get_customer(ui_env.ctx, customer_id=ids["icbc"]).stage_code == "prospect"
    assert history(ui_env, ids["icbc"]) == [(None, "prospect", None), ("prospect", "approach", "met the CIO"),
                                            ("approach", "prospect", "Undo")]
    assert counts(page) == {"prospect": 3, "build": 1, "lost": 1}
    assert shown(page, "prospect")[0].startswith("工行杭分")  # moved just now: on top


def test_escape_cancels_the_move_and_bad_reason_is_shown_in_the_dialog(qtbot, ui_env: UiEnv,  # noqa: ANN001
                                                                       ids: dict[str, str]) -> None:
    page = open_board(qtbot, ui_env)
    drop(page, ids["tax"], "build", "deepen")
    dialog = page.reason_dialog
    assert dialog is not None
    dialog.reason.setText("bell\x07")
    qtbot.keyClick(dialog.reason, Qt.Key.Key_Return)
    assert dialog.isVisible() and dialog.error.isVisible() and dialog.error.text()
    assert dialog.reason.text() == "bell\x07"  # kept as typed
    qtbot.keyClick(dialog.reason, Qt.Key.Key_Escape)
    assert page.reason_dialog is None
    assert history(ui_env, ids["tax"]) == [(None, "build", None)]
    assert ui_env.undo.count() == 0 and counts(page)["build"] == 1
    # Dropping a card on its own column is refused before any dialog.
    column = page.column("build")
    mime = card_mime(ids["tax"], "build")
    enter = QDragEnterEvent(QPointF(column.rect().center()).toPoint(), Qt.DropAction.MoveAction, mime, Qt.MouseButton.LeftButton,
                            Qt.KeyboardModifier.NoModifier)
    QApplication.sendEvent(column, enter)
    assert not enter.isAccepted()


def test_menu_and_keys_move_a_selected_card(qtbot, ui_env: UiEnv, ids: dict[str, str]) -> None:  # noqa: ANN001
    page = open_board(qtbot, ui_env)
    view = page.column("prospect").view
    assert view.select_customer(ids["school"])
    menu = page.card_menu(ids["school"])
    assert menu is not None
    move_to = menu.findChild(QMenu, "moveToMenu")
    assert isinstance(move_to, QMenu)
    targets = {a.data(): a for a in move_to.actions() if a.data()}
    assert list(targets)[-2:] == ["dormant", "lost"] and not targets["prospect"].isEnabled()
    steps = [a for a in menu.actions() if "stage" in a.text()]
    assert [a.isEnabled() for a in steps] == [True, True]  # next, previous
    targets["dormant"].trigger()
    dialog = page.reason_dialog
    assert dialog is not None
    with qtbot.waitSignal(page.loaded, timeout=5000):
        qtbot.keyClick(dialog.reason, Qt.Key.Key_Return)  # Enter accepts an empty reason
    assert history(ui_env, ids["school"])[-1] == ("prospect", "dormant", None)
    assert counts(page)["dormant"] == 1 and page.side_toggle.text() == "&Dormant/lost (2)"

    # Left/Right move the focus to the next column that has cards; Alt+Right moves the card.
    view = page.column("prospect").view
    view.setFocus()
    view.select_customer(ids["cmb"])
    qtbot.keyClick(view, Qt.Key.Key_Right)
    assert page.focusWidget() is page.column("build").view
    view = page.column("build").view
    view.setFocus()
    assert view.select_customer(ids["tax"])
    qtbot.keyClick(view, Qt.Key.Key_Right, Qt.KeyboardModifier.AltModifier)
    dialog = page.reason_dialog
    assert dialog is not None and "Deepen the relationship" in dialog.question.text()
    with qtbot.waitSignal(page.loaded, timeout=5000):
        qtbot.keyClick(dialog.reason, Qt.Key.Key_Return)
    assert customers.get_customer(ui_env.ctx, customer_id=ids["tax"]).stage_code == "deepen"
    card = page.column("deepen").view.current_card()
    assert card is not None and card.id == ids["tax"]  # the moved card keeps the selection


def test_enter_and_double_click_request_the_customer(qtbot, ui_env: UiEnv, ids: dict[str, str]) -> None:  # noqa: ANN001
    page = open_board(qtbot, ui_env)
    view = page.column("build").view
    view.setFocus()
    view.select_customer(ids["tax"])
    with qtbot.waitSignal(page.customer_requested, timeout=1000) as got:
        qtbot.keyClick(view, Qt.Key.Key_Return)
    assert got.args == [ids["tax"]]
    rect = view.visualRect(view.currentIndex())
    qtbot.mouseClick(view.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())  # a real double click
    with qtbot.waitSignal(page.customer_requested, timeout=1000) as got:  # starts with a press
        qtbot.mouseDClick(view.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    assert got.args == [ids["tax"]]


def test_filters_by_industry_and_owner(qtbot, ui_env: UiEnv, ids: dict[str, str]) -> None:  # noqa: ANN001
    page = open_board(qtbot, ui_env)
    with qtbot.waitSignal(page.loaded, timeout=5000):
        page.industry.setCurrentIndex(page.industry.findData("banking"))
    assert counts(page) == {"prospect": 2}
    assert page.total.text() == "2 customers in the pipeline"
    with qtbot.waitSignal(page.loaded, timeout=5000):
        page.owner.setCurrentIndex(page.owner.findData(ids["other_user"]))
    assert counts(page) == {"prospect": 1}
    assert shown(page, "prospect") == ["招商银行杭州分行 · Banking · 4 d in stage · no follow-up"]  # no owner
    with qtbot.waitSignal(page.loaded, timeout=5000):
        page.owner.setCurrentIndex(1)  # Mine
    assert page.owner.currentText() == "Mine" and counts(page) == {"prospect": 1}
    with qtbot.waitSignal(page.loaded, timeout=5000):
        page.industry.setCurrentIndex(0)
    assert counts(page) == {"prospect": 2, "build": 1, "lost": 1}


def test_changes_elsewhere_refresh_the_board_and_a_hidden_board_waits(qtbot, ui_env: UiEnv,  # noqa: ANN001
                                                                       ids: dict[str, str]) -> None:
    page = open_board(qtbot, ui_env)
    stages.move_stage(ui_env.ctx, customer_id=ids["lost"], to_code="leverage", reason="回流")
    with qtbot.waitSignal(page.loaded, timeout=5000):
        ui_env.bus.customer_changed.emit(ids["lost"])
    assert counts(page) == {"prospect": 3, "build": 1, "leverage": 1}
    assert shown(page, "lost") == [] and shown(page, "leverage")[0].startswith("某物流公司")

    page.hide()
    customers.delete_customer(ui_env.ctx, customer_id=ids["tax"])
    ui_env.bus.customer_changed.emit(ids["tax"])
    assert counts(page)["build"] == 1  # not reloaded while hidden
    with qtbot.waitSignal(page.loaded, timeout=5000):
        page.show()
    assert "build" not in counts(page) and shown(page, "build") == []


def test_demo_counts_equal_a_direct_count_and_columns_are_capped(qtbot, demo_env: UiEnv,  # noqa: ANN001
                                                                  monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(board_module, "CARDS_PER_COLUMN", 20)
    page = open_board(qtbot, demo_env)
    with demo_env.ctx.store.read() as s:
        direct = dict(s.execute(select(m.Customer.stage_code, func.count()).where(
            m.Customer.deleted.is_(False)).group_by(m.Customer.stage_code)).all())
        mine = dict(s.execute(select(m.Customer.stage_code, func.count()).where(
            m.Customer.deleted.is_(False), m.Customer.owner_id == demo_env.ctx.user_id)
            .group_by(m.Customer.stage_code)).all())
    assert counts(page) == direct and sum(direct.values()) == 400
    prospect = page.column("prospect")
    assert prospect.shown() == 20 and prospect.more.isVisible()
    assert prospect.more.text().replace(",", "") == f"{direct['prospect'] - 20} more…"
    moved = [c.stage_changed_at or datetime.min for c in prospect.cards().cards]
    assert moved == sorted(moved, reverse=True)
    with qtbot.waitSignal(page.loaded, timeout=5000):
        page.owner.setCurrentIndex(1)
    assert counts(page) == mine


class _Chinese(QTranslator):
    """Stands in for the Chinese .qm: only the marker workbench.ui.labels reads."""

    def translate(self, context: str, source: str, disambiguation: str | None = None, n: int = -1) -> str | None:
        return "zh" if (context, source) == ("lang", "en") else None

    def isEmpty(self) -> bool:  # an empty translator announces no LanguageChange
        return False


def test_language_change_relabels_stages_and_industries(qtbot, qapp, ui_env: UiEnv,  # noqa: ANN001
                                                        ids: dict[str, str]) -> None:
    page = open_board(qtbot, ui_env)
    assert page.column("prospect").title.text() == "Prospect found"
    translator = _Chinese()
    qapp.installTranslator(translator)
    try:
        qtbot.waitUntil(lambda: page.column("prospect").title.text() == "发现潜在客户", timeout=2000)
        assert page.industry.itemText(page.industry.findData("banking")) == "银行"
        assert shown(page, "build")[0].startswith("杭州市税务局 · 税务")
        assert [head.text() for head, _ in page.group_labels] == ["加强关系", "休眠/流失"]
    finally:
        qapp.removeTranslator(translator)
    qtbot.waitUntil(lambda: page.column("prospect").title.text() == "Prospect found", timeout=2000)


def test_dormant_lost_toggle_is_remembered(qtbot, ui_env: UiEnv, ids: dict[str, str]) -> None:  # noqa: ANN001
    page = open_board(qtbot, ui_env)
    page.side_toggle.setChecked(False)
    assert ui_env.settings.pipeline_show_side is False
    again = open_board(qtbot, ui_env)
    assert not again.side_toggle.isChecked()
    assert all(not w.isVisibleTo(again) for w in again.side_widgets)
