"""PySide6 6.12.0 on Python 3.11 drops a reference to None on every void call until the
interpreter aborts (none_dealloc). pyproject pins it out; this test fails if a release
with that fault is installed again."""

from __future__ import annotations

import sys

from PySide6.QtGui import QFont
from PySide6.QtWidgets import QComboBox, QLabel


def test_qt_calls_do_not_leak_references_to_none(qapp) -> None:  # noqa: ANN001
    font, label, combo = QFont(), QLabel(), QComboBox()
    combo.addItem("a")
    before = sys.getrefcount(None)
    for _ in range(2000):
        font.setBold(True)
        label.setText("x")
        combo.currentData()
    assert sys.getrefcount(None) >= before - 50
