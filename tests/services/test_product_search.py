"""The product search's keys: built as the customer search builds a name's (pinyin, initials)."""

from __future__ import annotations

from dataclasses import replace

import pytest

from workbench.pricing import Catalogue, load_catalogue
from workbench.pricing.model import Text
from workbench.services.product_search import ProductSearch, product_keys, query_words
from workbench.store.search_terms import pinyin


@pytest.fixture(scope="module")
def catalogue() -> Catalogue:
    base = load_catalogue()
    video = replace(base.products[0], code="VC-STD", name=Text("视频会议 标准版", "Video conferencing, standard"),
                    category="ict")
    return replace(base, products=(*base.products, video))


def test_keys_hold_the_names_their_pinyin_and_initials(catalogue: Catalogue) -> None:
    keys = product_keys(catalogue.product("BB-100M"))  # type: ignore[arg-type]
    assert "企业宽带100m" in keys
    assert pinyin("企业宽带100m") == ("qiyekuandai100m", "qykd100m")  # the customer search's own keys
    assert {"qiyekuandai100m", "qykd100m", "bb100m", "businessbroadband100mbits"} <= set(keys)
    assert {"宽带", "kuandai", "kd", "broadband"} <= set(keys)  # the category's labels


@pytest.mark.parametrize(("query", "codes"), [
    ("shipin", ["VC-STD"]),
    ("sphy", ["VC-STD"]),
    ("视频", ["VC-STD"]),
    ("Video", ["VC-STD"]),
    ("kd", ["BB-100M", "BB-1000M"]),
    ("ＫＤ", ["BB-100M", "BB-1000M"]),  # full-width, as some input methods type it
    ("gaosu kd", ["BB-1000M"]),  # every word must match
    ("mob-58", ["MOB-58"]),
    ("MOB58", ["MOB-58"]),
    ("zhuanxian 100", ["DIA-100M"]),
    ("nothing-like-it", []),
])
def test_codes_answer_a_query_in_catalogue_order(catalogue: Catalogue, query: str, codes: list[str]) -> None:
    assert ProductSearch(catalogue).codes(query) == codes


def test_a_blank_query_matches_everything(catalogue: Catalogue) -> None:
    assert query_words("  ") == []
    assert ProductSearch(catalogue).codes(" ") == [p.code for p in catalogue.products]
