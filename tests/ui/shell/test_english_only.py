"""The English UI shows English only: no Chinese outside what the users typed (issue 13, item 8).

Allowed Chinese, precisely: the values of the text columns of the rows people write (customers,
contacts, visits, stage moves, users and their teams), except the user name 我 that the first
start gives (services.users.DEFAULT_USER_NAME), which is the program's word and reads "Me".
Everything else shown (labels, buttons, group titles, combo items, tab texts, tool tips, table
headers and cells) must be free of CJK characters.
"""

from __future__ import annotations

import re
from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QAbstractButton,
    QAbstractItemView,
    QComboBox,
    QGroupBox,
    QLabel,
    QLineEdit,
    QTabBar,
    QWidget,
)
from pytestqt.qtbot import QtBot
from sqlalchemy import String, Text, select

from workbench.services.demo_offers import demo_customer_id
from workbench.services.users import DEFAULT_USER_NAME
from workbench.store import models as m
from workbench.ui import i18n
from workbench.ui.main_window import MainWindow
from workbench.ui.settings import Settings

CJK = re.compile(r"[\u2e80-\u303f\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff\uff00-\uffef]")
USER_TABLES = (m.Customer, m.Contact, m.Visit, m.StageEvent, m.User)


def typed_texts(window: MainWindow) -> list[str]:
    """Every text value people wrote into the store, longest first."""
    out: set[str] = set()
    with window.env.ctx.store.read() as s:
        for model in USER_TABLES:
            columns = [c for c in model.__table__.columns if isinstance(c.type, String | Text)]
            for row in s.execute(select(*columns)):
                out.update(v for v in row if isinstance(v, str) and CJK.search(v))
    out.discard(DEFAULT_USER_NAME)
    return sorted(out, key=len, reverse=True)


def shown_texts(root: QWidget) -> list[str]:
    """The texts of the visible widgets under ``root`` (item views: headers and 40 rows)."""
    texts: list[str] = []
    for w in [root, *root.findChildren(QWidget)]:
        if not w.isVisibleTo(root) and w is not root:
            continue
        texts.append(w.toolTip())
        if isinstance(w, QLabel | QAbstractButton):
            texts.append(w.text())
        if isinstance(w, QGroupBox):
            texts.append(w.title())
        if isinstance(w, QComboBox):
            texts += [w.itemText(i) for i in range(w.count())]
        if isinstance(w, QLineEdit):
            texts += [w.text(), w.placeholderText()]
        if isinstance(w, QTabBar):
            texts += [w.tabText(i) for i in range(w.count())]
        if isinstance(w, QAbstractItemView) and w.model() is not None:
            model = w.model()
            try:
                columns = model.columnCount(w.rootIndex())
            except TypeError:  # a list model: one column (columnCount is private there)
                columns = 1
            for c in range(columns):
                texts.append(str(model.headerData(c, Qt.Orientation.Horizontal) or ""))
                for r in range(min(model.rowCount(w.rootIndex()), 40)):
                    for role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole):
                        texts.append(str(model.data(model.index(r, c, w.rootIndex()), role) or ""))
    return [t for t in texts if t]


def foreign(texts: list[str], typed: list[str]) -> list[str]:
    bad = []
    for text in texts:
        rest = re.sub(r"<[^>]+>", "", text)
        for value in typed:
            if value in rest:
                rest = rest.replace(value, "")
        if CJK.search(rest):
            bad.append(text)
    return sorted(set(bad))


def test_english_window_and_customer_page_show_no_chinese_but_typed_data(qtbot: QtBot, window: MainWindow) -> None:
    i18n.install("en")
    typed = typed_texts(window)
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

