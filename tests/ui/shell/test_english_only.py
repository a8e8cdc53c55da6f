"""The English UI shows English only: no Chinese outside what the users typed (issue 13, item 8):
the window's pages and the customer page's tabs (the dialogs: test_english_dialogs.py; what counts
as typed: english_check.py)."""

from __future__ import annotations

from pathlib import Path

from english_check import foreign, shown_texts, typed_texts  # tests/ui/shell/english_check.py
from pytestqt.qtbot import QtBot

from workbench.services.demo_offers import demo_customer_id
from workbench.services.users import DEFAULT_USER_NAME
from workbench.ui import i18n
from workbench.ui.main_window import MainWindow
from workbench.ui.settings import Settings


def test_english_window_and_customer_page_show_no_chinese_but_typed_data(qtbot: QtBot, window: MainWindow) -> None:
    i18n.install("en")
    typed = typed_texts(window.env.ctx.store)
    seen: list[str] = []
    for key in ("today", "customers", "pipeline", "conflicts", "approvals", "dashboard"):
        window.show_page(key)
        qtbot.waitUntil(lambda: not window.runner.busy, timeout=10_000)
        seen += shown_texts(window)
    detail = window.pages["customers"].detail
    with qtbot.waitSignal(detail.loaded, timeout=10_000):
        window.open_customer(demo_customer_id(window.env.ctx))  # a bank with contacts and visits
    for i in range(detail.tabs.count()):
        detail.tabs.setCurrentIndex(i)
        qtbot.waitUntil(lambda: not window.runner.busy, timeout=10_000)
        seen += shown_texts(window)
    assert "Coach" in " ".join(seen)  # the buying centre was walked
    assert foreign(seen, typed) == []


def test_the_default_user_reads_me_in_english(qtbot: QtBot, settings: Settings, tmp_path: Path,
                                              english_after: None) -> None:
    i18n.install("en")
    w = MainWindow(settings)
    qtbot.addWidget(w)
    w.show()
    with qtbot.waitSignal(w.store_opened, timeout=30_000):
        w.open_store(tmp_path / "fresh.sqlite")  # the first start names its user 我
    assert w.env.ctx.user_name == DEFAULT_USER_NAME
    assert w.status_label.text() == "fresh.sqlite · Me"
    i18n.install("zh_CN")
    qtbot.waitUntil(lambda: w.status_label.text() == "fresh.sqlite · 我", timeout=5_000)
    w.runner.wait_idle()


def test_the_foreign_check_itself() -> None:
    assert foreign(["Coach 教练", "<b>中国银行</b> · Banking", "by 我"], ["中国银行"]) == ["Coach 教练", "by 我"]

