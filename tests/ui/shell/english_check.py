"""What the English UI shows, against what people typed (issue 13, item 8): the helpers of
test_english_only.py (the pages) and test_english_dialogs.py (the dialogs).

Allowed Chinese, precisely: the values of the text columns of the rows people write (customers,
contacts, visits, stage moves, users and their teams, offer titles and comments), except the user
name 我 that the first start gives (services.users.DEFAULT_USER_NAME), which is the program's word
and reads "Me".
Everything else shown (window titles, labels, buttons, group titles, combo items, tab texts, tool
tips, placeholders, table headers and cells) must be free of CJK characters.
"""

from __future__ import annotations

import re

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QAbstractButton,
    QAbstractItemView,
    QComboBox,
    QGroupBox,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QTabBar,
    QTextEdit,
    QWidget,
)
from sqlalchemy import String, Text, select

from workbench.services.users import DEFAULT_USER_NAME
from workbench.store import models as m
from workbench.store.engine import Store

CJK = re.compile(r"[\u2e80-\u303f\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff\uff00-\uffef]")
USER_TABLES = (m.Customer, m.Contact, m.Visit, m.StageEvent, m.User, m.Offer, m.OfferEvent)


def typed_texts(store: Store) -> list[str]:
    """Every text value people wrote into the store, longest first."""
    out: set[str] = set()
    with store.read() as s:
        for model in USER_TABLES:
            columns = [c for c in model.__table__.columns if isinstance(c.type, String | Text)]
            for row in s.execute(select(*columns)):
                out.update(v for v in row if isinstance(v, str) and CJK.search(v))
    out.discard(DEFAULT_USER_NAME)
    return sorted(out, key=len, reverse=True)


def shown_texts(root: QWidget) -> list[str]:
    """The texts of the visible widgets under ``root`` (item views: headers and 40 rows)."""
    texts: list[str] = [root.windowTitle()]
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
        if isinstance(w, QTextEdit | QPlainTextEdit):
            texts += [w.toPlainText(), w.placeholderText()]
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
    """The texts with CJK left once the typed values and HTML tags are taken out."""
    bad = []
    for text in texts:
        rest = re.sub(r"<[^>]+>", "", text)
        for value in typed:
            if value in rest:
                rest = rest.replace(value, "")
        if CJK.search(rest):
            bad.append(text)
    return sorted(set(bad))
