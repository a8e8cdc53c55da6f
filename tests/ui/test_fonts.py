"""The bundled CJK font: loads in Qt, covers GBK, the CJK Unified Ideographs and Extension A
(the rare name characters), is TrueType."""

from __future__ import annotations

import struct
from pathlib import Path

import pytest
from PySide6.QtGui import QFont, QFontDatabase, QFontInfo, QImage, QRawFont
from PySide6.QtWidgets import QApplication, QLabel
from pytestqt.qtbot import QtBot

from workbench.fontfile import han_codepoints
from workbench.ui import fonts
from workbench.ui.fonts import (
    FONT_FAMILY,
    apply_app_font,
    font_path,
    gbk_codepoints,
    missing_glyphs,
    register_fonts,
)

# The budget stated in resources/fonts/README.md (the file is about 9.4 MB).
SIZE_BUDGET = 10 * 1024 * 1024

RARE_NAMES = "王喆 李堃 张昇 朱镕基 欧阳翀 彧 玥 珺 犇 骉 赟 燊 昶"
SAMPLE = "中国银行 王喆 李堃 张昇 朱镕基 龚㬎 ¥1,234.56"
PUNCTUATION_AND_SIGNS = (
    "，。、；：？！…—·“”‘’《》〈〉【】「」『』〔〕（）〇々〜　"  # CJK and general punctuation
    "０１２ＡＢＣａｂｃ＋－＝％＆＠￥￡￠"  # full-width forms
    "¥€£$¢‰%°℃±×÷≈≠≤≥∞√∑∏∫№§©®™①②③ⅠⅡⅢ→←↑↓"  # currency and maths
    "ABCxyz019 !\"#&'()*+,-./:;<=>?@[\\]^_`{|}~ àéüñçÅØß"  # ASCII, Latin-1
)


def gbk_characters() -> list[str]:
    return [chr(c) for c in gbk_codepoints()]


def sfnt_tables(path: Path) -> tuple[int, set[str]]:
    """The sfnt version and table tags, read from the table directory."""
    data = path.read_bytes()
    version, num_tables = struct.unpack(">IH", data[:6])
    tags = {data[12 + 16 * i : 16 + 16 * i].decode("latin-1") for i in range(num_tables)}
    return version, tags


def test_registration_returns_the_family_once(qapp: QApplication) -> None:
    assert register_fonts() == FONT_FAMILY
    font_id = fonts._font_id
    assert register_fonts() == FONT_FAMILY  # idempotent: not loaded a second time
    assert fonts._font_id == font_id
    assert FONT_FAMILY in QFontDatabase.families()
    assert QFontInfo(QFont(FONT_FAMILY)).family() == FONT_FAMILY


def test_apply_app_font_keeps_the_platform_size_unless_given(qapp: QApplication) -> None:
    original = QFont(qapp.font())
    try:
        apply_app_font(qapp)
        assert qapp.font().families()[0] == FONT_FAMILY
        assert QFontInfo(qapp.font()).family() == FONT_FAMILY
        assert qapp.font().pointSizeF() == original.pointSizeF()
        apply_app_font(qapp, point_size=13.5)
        assert qapp.font().pointSizeF() == 13.5
        assert QFontInfo(qapp.font()).family() == FONT_FAMILY
    finally:
        qapp.setFont(original)


def test_rare_name_characters_are_in_the_font(qapp: QApplication) -> None:
    assert missing_glyphs(RARE_NAMES) == []
    assert missing_glyphs(SAMPLE) == []
    raw = QRawFont(str(font_path()), 12.0)
    glyphs = raw.glyphIndexesForString(RARE_NAMES.replace(" ", ""))
    assert 0 not in glyphs  # glyph 0 is .notdef, the box


def test_gbk_sample_is_covered(qapp: QApplication) -> None:
    gbk = gbk_characters()
    assert len(gbk) == 21791
    han = [c for c in gbk if "\u4e00" <= c <= "\u9fff"]
    assert len(han) == 20902
    assert missing_glyphs("".join(han[::50])) == []
    assert missing_glyphs("".join(gbk[::7])) == []


def test_the_whole_gbk_repertoire_is_covered(qapp: QApplication) -> None:
    assert missing_glyphs("".join(gbk_characters())) == []


def test_every_unified_ideograph_and_extension_a_is_covered(qapp: QApplication) -> None:
    """GB 18030-2022 level 1 plus Extension A: U+4E00-9FEF and U+3400-4DB5, all 27,558."""
    han = han_codepoints()
    assert len(han) == 27558
    assert missing_glyphs("".join(map(chr, han))) == []
    assert missing_glyphs("\u9fa6\u9fef\u4db5\u3400\u3b0e\u4e00") == []  # the ends, 㬎
    raw = QRawFont(str(font_path()), 12.0)
    assert 0 not in raw.glyphIndexesForString("龚\u3b0e\u4db5\u9fef")  # not .notdef


def test_punctuation_full_width_forms_and_signs_are_covered(qapp: QApplication) -> None:
    assert missing_glyphs(PUNCTUATION_AND_SIGNS) == []


@pytest.mark.parametrize(
    ("text", "missing"),
    [
        ("\U0001f600", ["\U0001f600"]),  # emoji: outside the subset
        ("王\U00020000喆", ["\U00020000"]),  # CJK Extension B
        ("李\u3400堃龚\u3b0e", []),  # CJK Extension A, not in GBK: covered
        ("龚\u3b0e\U00020000", ["\U00020000"]),  # Extension A covered, Extension B not
        ("한국어", ["한", "국", "어"]),  # Hangul: subset away
        ("\U00020000x\U00020000", ["\U00020000"]),  # reported once
        ("王\n喆\t\u200b李\ufe0f", []),  # controls, zero-width space, selectors: not "missing"
        ("", []),
    ],
)
def test_characters_outside_the_subset_are_reported(
    qapp: QApplication, text: str, missing: list[str]
) -> None:
    assert missing_glyphs(text) == missing


def test_the_file_has_truetype_outlines() -> None:
    version, tags = sfnt_tables(font_path())
    assert version == 0x00010000  # TrueType, not "OTTO"
    assert "glyf" in tags and "loca" in tags
    assert "CFF " not in tags and "CFF2" not in tags
    assert {"cmap", "head", "hhea", "hmtx", "maxp", "name", "OS/2", "post"} <= tags


def test_the_file_stays_within_its_size_budget() -> None:
    assert font_path().stat().st_size < SIZE_BUDGET


def test_the_licence_travels_with_the_font() -> None:
    licence = font_path().with_name("LICENSE-WorkbenchSansSC.txt").read_text(encoding="utf-8")
    assert "SIL OPEN FONT LICENSE Version 1.1" in licence
    assert "Adobe" in licence


def test_a_label_renders_with_the_font(qapp: QApplication, qtbot: QtBot) -> None:
    register_fonts()
    label = QLabel(SAMPLE)
    label.setFont(QFont(FONT_FAMILY, 20))
    qtbot.addWidget(label)
    label.adjustSize()
    assert QFontInfo(label.font()).family() == FONT_FAMILY
    image = label.grab().toImage().convertToFormat(QImage.Format.Format_Grayscale8)
    background = image.pixelColor(0, 0).lightness()
    ink = sum(
        1
        for y in range(image.height())
        for x in range(image.width())
        if abs(image.pixelColor(x, y).lightness() - background) > 96
    )
    assert ink > 500  # text was drawn


def _grab(qtbot: QtBot, text: str) -> QImage:
    label = QLabel(text)
    label.setFont(QFont(FONT_FAMILY, 28))
    qtbot.addWidget(label)
    label.adjustSize()
    return label.grab().toImage().convertToFormat(QImage.Format.Format_Grayscale8)


def test_an_extension_a_name_draws_its_own_glyph_in_the_window(qapp: QApplication, qtbot: QtBot,
                                                                tmp_path: Path) -> None:
    """㬎 (Extension A) is drawn from the bundled font, not as the missing-glyph box that 𠀀
    (Extension B, not bundled) gets, and not blank."""
    register_fonts()
    rare, missing, common = _grab(qtbot, "\u3b0e"), _grab(qtbot, "\U00020000"), _grab(qtbot, "龚")
    rare.save(str(tmp_path / "rare.png"))

    def dark(image: QImage) -> int:
        return sum(1 for y in range(image.height()) for x in range(image.width())
                   if image.pixelColor(x, y).lightness() < 128)

    assert dark(rare) > dark(common) // 3  # a real ideograph's worth of ink
    assert rare.size() == common.size()  # full width, like any other ideograph
    if rare.size() == missing.size():
        assert rare != missing  # not the box a missing character gets
