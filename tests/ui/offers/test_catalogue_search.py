"""The builder's product search typed as a manager types it: pinyin, initials, and a word when
nothing matches (issue 13, item 6)."""

from __future__ import annotations

import pytest
from offer_ui import focused  # tests/ui/offers/offer_ui.py
from PySide6.QtCore import Qt
from PySide6.QtTest import QTest

from workbench.ui.offers.builder import OfferBuilder


def visible_codes(builder: OfferBuilder) -> list[str]:
    items = builder.catalogue_panel.list
    return [items.item(i).text().split()[0] for i in range(items.count()) if not items.item(i).isHidden()]


# --- item 6: pinyin and initials find products; no match says so ------------------------------
@pytest.mark.parametrize(("query", "codes"), [
    ("kd", ["BB-100M", "BB-1000M"]),  # 宽带
    ("kuandai", ["BB-100M", "BB-1000M"]),
    ("wlgj", ["MNS-STD"]),  # 网络管家
    ("jiaxiao", ["JXT"]),  # 家校通
    ("broadband", ["BB-100M", "BB-1000M"]),
    ("MOB 98", ["MOB-98"]),
])
def test_product_search_accepts_pinyin_and_initials(builder: OfferBuilder, query: str, codes: list[str]) -> None:
    QTest.keyClick(focused(builder), Qt.Key.Key_F, Qt.KeyboardModifier.ControlModifier)
    QTest.keyClicks(builder.catalogue_panel.search, query)
    assert visible_codes(builder) == codes
    assert not builder.catalogue_panel.no_match.isVisible()
    QTest.keyClick(builder.catalogue_panel.search, Qt.Key.Key_Return)
    assert [line.product for line in builder.draft.lines] == codes[:1]


def test_product_search_says_when_nothing_matches(builder: OfferBuilder) -> None:
    panel = builder.catalogue_panel
    QTest.keyClick(focused(builder), Qt.Key.Key_F, Qt.KeyboardModifier.ControlModifier)
    QTest.keyClicks(panel.search, "shipin")  # 视频: not in the catalogue
    assert visible_codes(builder) == []
    assert panel.no_match.isVisible() and "No product matches" in panel.no_match.text()
    QTest.keyClick(panel.search, Qt.Key.Key_Return)  # nothing is added
    assert builder.draft.lines == []
    panel.search.clear()
    assert not panel.no_match.isVisible() and len(visible_codes(builder)) == len(panel.catalogue.products)


def test_no_match_is_said_in_chinese_too(qapp, builder: OfferBuilder) -> None:  # noqa: ANN001
    from workbench.ui import i18n

    panel = builder.catalogue_panel
    QTest.keyClick(focused(builder), Qt.Key.Key_F, Qt.KeyboardModifier.ControlModifier)
    QTest.keyClicks(panel.search, "shipin")
    try:
        assert i18n.install("zh_CN") == "zh_CN"
        qapp.processEvents()  # the LanguageChange events
        assert panel.no_match.isVisible() and panel.no_match.text() == "没有与“shipin”匹配的产品"
    finally:
        i18n.install("en")
        qapp.processEvents()
    assert panel.no_match.text() == "No product matches “shipin”"
