"""The ellipsis "…" sits on the baseline in the English UI ("New visit..." not "New visit···")
and stays centred, the Chinese way, in the Chinese UI (issue 13, item 8)."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QFont, QFontMetrics, QImage, QTextLayout
from PySide6.QtWidgets import QApplication, QLabel, QPushButton
from pytestqt.qtbot import QtBot

from workbench.ui import i18n
from workbench.ui.fonts import ELLIPSIS_FAMILY, FONT_FAMILY, apply_app_font


@pytest.fixture
def app_font(qapp: QApplication) -> Iterator[None]:
    """The bundled font as the application font, as the program starts; put back after."""
    original = QFont(qapp.font())
    apply_app_font(qapp)
    try:
        yield
    finally:
        i18n.install("en")
        qapp.setFont(original)
        qapp.processEvents()


def _families_drawing(text: str, font: QFont) -> list[tuple[str, str]]:
    """(characters, family of the font Qt draws them with), run by run."""
    layout = QTextLayout(text, font)
    layout.beginLayout()
    layout.createLine()
    layout.endLayout()
    runs = layout.glyphRuns(-1, -1, QTextLayout.GlyphRunRetrievalFlag.RetrieveAll)
    out, start = [], 0  # a run's string indexes count from the run's start; runs go left to right
    for run in sorted(runs, key=lambda r: r.positions()[0].x()):
        end = start + max(run.stringIndexes()) + 1
        out.append((text[start:end], run.rawFont().familyName()))
        start = end
    return out


def _ink_bottom(qtbot: QtBot, text: str, font: QFont) -> int:
    """The lowest row with ink of ``text`` drawn in a label in ``font`` at 40 pt."""
    big = QFont(font)
    big.setPointSize(40)
    label = QLabel(text)
    label.setFont(big)
    label.setFixedSize(200, 90)
    label.setAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignTop)
    qtbot.addWidget(label)
    image = label.grab().toImage().convertToFormat(QImage.Format.Format_Grayscale8)
    rows = [y for y in range(image.height()) if any(image.pixelColor(x, y).lightness() < 128
                                                    for x in range(image.width()))]
    assert rows, text
    return rows[-1]


def _button_font(qtbot: QtBot, text: str) -> QFont:
    button = QPushButton(text)
    qtbot.addWidget(button)
    return button.font()


def test_english_ellipsis_is_drawn_on_the_baseline(qtbot: QtBot, app_font: None) -> None:
    i18n.install("en")
    font = _button_font(qtbot, "New visit…")
    assert font.families()[:2] == [ELLIPSIS_FAMILY, FONT_FAMILY]
    runs = _families_drawing("New visit…", font)
    assert ("…", ELLIPSIS_FAMILY) in runs and ("New visit", FONT_FAMILY) in runs, runs
    assert abs(_ink_bottom(qtbot, "…", font) - _ink_bottom(qtbot, ".", font)) <= 1
    # Qt's own elision ("e.g. the customer's…" in a narrow field) takes the same glyph
    elided = QFontMetrics(font).elidedText("e.g. the customer's office", Qt.TextElideMode.ElideRight, 80)
    assert elided.endswith("…") and _families_drawing(elided, font)[-1] == ("…", ELLIPSIS_FAMILY)


def test_chinese_keeps_its_centred_ellipsis(qtbot: QtBot, app_font: None) -> None:
    i18n.install("zh_CN")
    font = _button_font(qtbot, "新建拜访…")
    assert ELLIPSIS_FAMILY not in font.families()
    assert _families_drawing("新建拜访…", font) == [("新建拜访…", FONT_FAMILY)]
    assert _ink_bottom(qtbot, "…", font) < _ink_bottom(qtbot, ".", font) - 8  # mid height
    i18n.install("en")  # and back: the baseline glyph again
    assert _button_font(qtbot, "x").families()[0] == ELLIPSIS_FAMILY


def test_a_foreign_application_font_is_left_alone(qapp: QApplication) -> None:
    original = QFont(qapp.font())
    try:
        qapp.setFont(QFont("DejaVu Sans"))
        i18n.install("en")
        assert ELLIPSIS_FAMILY not in qapp.font().families()
    finally:
        qapp.setFont(original)
