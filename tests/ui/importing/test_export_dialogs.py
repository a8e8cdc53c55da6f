"""File ▸ Export weekly report… and the customer list's "Export the list as shown" (pytest-qt);
the files read back with python-calamine."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date
from pathlib import Path

import pytest
import python_calamine as pc
from PySide6.QtCore import QDate
from PySide6.QtGui import QUndoStack
from pytestqt.qtbot import QtBot

from tests.services.export_store import BANK, HOSPITAL, PORT, TODAY, Week, build_week
from workbench.services import exports
from workbench.services.exports_xlsx import VISIT_HEADERS
from workbench.services.search import Filters
from workbench.store.engine import Store
from workbench.ui.env import UiEnv
from workbench.ui.importing import files
from workbench.ui.importing.list_export import ListExportButton
from workbench.ui.importing.weekly_dialog import TEAM, WeeklyExportDialog
from workbench.ui.runner import Runner
from workbench.ui.settings import Settings


@pytest.fixture
def week_env(qapp, store: Store, settings: Settings) -> Iterator[tuple[UiEnv, Week]]:  # noqa: ANN001
    week = build_week(store)
    runner = Runner()
    env = UiEnv(ctx=week.me, runner=runner, undo=QUndoStack(), settings=settings, today=lambda: TODAY)
    yield env, week
    runner.wait_idle()


def customers_visited(path: Path) -> list[object]:
    """The customer column of the report's visits sheet."""
    with pc.CalamineWorkbook.from_path(str(path)) as book:
        rows = book.get_sheet_by_name("拜访明细").to_python()
    return [r[VISIT_HEADERS.index("客户名称")] for r in rows[1:]]


def dialog_for(qtbot: QtBot, env: UiEnv) -> WeeklyExportDialog:
    dialog = WeeklyExportDialog(env)
    qtbot.addWidget(dialog)
    dialog.show()
    return dialog


def test_the_weekly_report_for_the_team_and_for_me(qtbot: QtBot, week_env: tuple[UiEnv, Week], tmp_path: Path) -> None:
    env, _week = week_env
    dialog = dialog_for(qtbot, env)
    assert dialog.day() == TODAY and dialog.week_span.text() == "Monday 2026-11-30 to Sunday 2026-12-06"
    dialog.week.setDate(QDate(2026, 11, 25))
    assert dialog.week_span.text() == "Monday 2026-11-23 to Sunday 2026-11-29"
    assert Path(dialog.path.text()).name == "weekly-report-2026-11-23-李明.xlsx"  # mine by default
    dialog.owner.setCurrentIndex(dialog.owner.findData(TEAM))
    assert Path(dialog.path.text()).name == "weekly-report-2026-11-23-team.xlsx"
    assert [dialog.owner.itemText(i) for i in range(dialog.owner.count())] == ["Mine", "The whole team", "王芳"]
    dialog.path.setText(str(tmp_path / "team.xlsx"))
    with qtbot.waitSignal(dialog.exported, timeout=30_000) as got:
        dialog.export_button.click()
    assert got.args[0] == tmp_path / "team.xlsx"
    assert customers_visited(got.args[0]) == [HOSPITAL, BANK, HOSPITAL, PORT]
    assert dialog.state.text() == f"Written: {tmp_path / 'team.xlsx'} (4 visits)"
    assert dialog.open_button.isVisible()
    dialog.owner.setCurrentIndex(dialog.owner.findData(env.ctx.user_id))
    dialog.path.setText(str(tmp_path / "mine.xlsx"))
    with qtbot.waitSignal(dialog.exported, timeout=30_000) as got:
        dialog.export_button.click()
    assert customers_visited(got.args[0]) == [HOSPITAL, BANK]


def test_the_weekly_report_as_pdf(qtbot: QtBot, week_env: tuple[UiEnv, Week], tmp_path: Path) -> None:
    env, week = week_env
    dialog = dialog_for(qtbot, env)
    dialog.week.setDate(QDate(2026, 11, 23))
    dialog.owner.setCurrentIndex(dialog.owner.findData(week.colleague.user_id))
    dialog.kind.setCurrentIndex(dialog.kind.findData(".pdf"))
    assert Path(dialog.path.text()).name == "weekly-report-2026-11-23-王芳.pdf"
    dialog.path.setText(str(tmp_path / "sub" / "她的周报"))  # no suffix; a folder not there yet
    with qtbot.waitSignal(dialog.exported, timeout=60_000) as got:
        dialog.export_button.click()
    out = got.args[0]
    assert out == tmp_path / "sub" / "她的周报.pdf" and out.read_bytes().startswith(b"%PDF")
    assert "(2 visits, 1 pages)" in dialog.state.text()
    typed = dialog.path.text()
    dialog.kind.setCurrentIndex(dialog.kind.findData(".xlsx"))  # a typed name keeps its name
    assert dialog.path.text() == typed.removesuffix(".pdf") + ".xlsx"


def test_a_file_that_is_a_folder_is_said_beside_the_file(qtbot: QtBot, week_env: tuple[UiEnv, Week],
                                                         tmp_path: Path) -> None:
    env, _ = week_env
    (tmp_path / "周报.xlsx").mkdir()  # the name is taken by a folder: refused for root too
    dialog = dialog_for(qtbot, env)
    dialog.path.setText(str(tmp_path / "周报.xlsx"))
    with qtbot.waitSignal(dialog.refused, timeout=30_000):
        dialog.export_button.click()
    assert dialog.path_error.isVisible() and "could not be written there" in dialog.path_error.text()
    dialog.path.setText("")
    dialog.export_button.click()
    assert dialog.path_error.text() == "Say where to write the report."


def test_the_list_as_shown_is_exported_with_its_search_and_filters(qtbot: QtBot, demo_env: UiEnv, tmp_path: Path,
                                                                  monkeypatch: pytest.MonkeyPatch) -> None:
    from workbench.ui.customers.view import CustomersPage

    page = CustomersPage(demo_env)
    qtbot.addWidget(page)
    with qtbot.waitSignal(page.model.loaded, timeout=30_000):
        page.industry.setCurrentIndex(page.industry.findData("banking"))
    with qtbot.waitSignal(page.model.loaded, timeout=30_000):
        page.model.sort(0)  # by name
    shown = [page.model.row_at(r).name for r in range(page.model.rowCount())]
    assert shown
    button = page.findChild(ListExportButton)
    assert button is not None
    monkeypatch.setattr(files, "ask_save_path", lambda *_a: tmp_path / "银行客户")
    with qtbot.waitSignal(button.exported, timeout=30_000) as got:
        button.button.click()
    assert got.args[0] == tmp_path / "银行客户.xlsx"
    with pc.CalamineWorkbook.from_path(str(got.args[0])) as book:
        rows = book.get_sheet_by_index(0).to_python()
    names = [r[0] for r in rows if r and r[0] in set(shown)]
    assert names == shown  # every customer shown, in the order shown
    expected = exports.customer_list(demo_env.ctx, filters=Filters(industry_code="banking"), order_by="name")
    assert len(expected.rows) == len(shown)
    assert button.note.text() == f"{len(shown)} customers exported to 银行客户.xlsx"


def test_the_window_has_the_import_and_weekly_report_in_its_file_menu(window, qtbot: QtBot,  # noqa: ANN001
                                                                      monkeypatch: pytest.MonkeyPatch) -> None:
    texts = [a.text() for a in window.menu_file.actions()]
    assert "&Import customers…" in texts and "Export &weekly report…" in texts
    assert texts.index("Export &weekly report…") < texts.index("&Quit")
    monkeypatch.setattr(files, "ask_open_path", lambda *_a: None)  # the user closes the chooser
    dialog = window.sheets.open_import()
    assert dialog.isVisible() and dialog.state is None
    dialog.close()
    weekly = window.sheets.open_weekly()
    assert weekly.isVisible() and weekly.day() == date.today()
    weekly.close()
