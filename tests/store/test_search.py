"""Customer search: every way a manager types a customer finds it, ranked, from an index."""

from __future__ import annotations

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from workbench.services import contacts, customers
from workbench.services.context import Context
from workbench.services.search import Filters, matching_nums, search_customers
from workbench.store.search_terms import normalize, pinyin


def names(ctx: Context, query: str, **kw) -> list[str]:
    return [r.name for r in search_customers(ctx, query=query, **kw).rows]


@pytest.fixture
def sample(ctx: Context) -> dict[str, str]:
    made = {}
    for name, short, industry in (
        ("中国银行", None, "banking"),
        ("中国银行股份有限公司杭州西湖支行", "中行西湖支行", "banking"),
        ("杭州银行股份有限公司", "杭州银行", "banking"),
        ("杭州市第一人民医院", "市一医院", "healthcare"),
        ("杭州海关", None, "customs"),
        ("重庆长安汽车股份有限公司", "长安汽车", "electronics"),
        ("IBM中国有限公司", None, "other"),
    ):
        made[name] = customers.create_customer(
            ctx, values={"name": name, "short_name": short, "industry_code": industry}).id
    contacts.add_contact(ctx, customer_id=made["杭州海关"], values={
        "name": "朱镕基", "mobile": "13812345678", "phone": "0571-87654321"})
    return made


@pytest.mark.parametrize("query, first", [
    ("zgyh", "中国银行"),            # pinyin initials: exact before prefix
    ("zhongguoyinhang", "中国银行"),  # full pinyin, exact
    ("中国银行", "中国银行"),
    ("中行", "中国银行股份有限公司杭州西湖支行"),  # short name
    ("hzhg", "杭州海关"),
    ("海关", "杭州海关"),            # two characters: from the gram index
    ("zrj", "杭州海关"),             # a contact's initials
    ("朱镕基", "杭州海关"),          # rare character in a contact name
    ("13812345678", "杭州海关"),    # phone digits
    ("1234", "杭州海关"),
    ("87654321", "杭州海关"),        # landline local number
    ("cqca", "重庆长安汽车股份有限公司"),  # 重 read chong in 重庆
    ("ＩＢＭ", "IBM中国有限公司"),    # full-width, case folded
    ("ibmzg", "IBM中国有限公司"),
])
def test_finds_by_every_way_of_typing(ctx: Context, sample, query: str, first: str) -> None:
    assert names(ctx, query)[0] == first


def test_ranking_exact_then_prefix_then_substring(ctx: Context, sample) -> None:
    got = names(ctx, "银行")
    # 杭州银行 has 银行 inside, not at the start: after nothing starting with 银行 (none here),
    # all three banks are found and no hospital
    assert set(got) == {"中国银行", "中国银行股份有限公司杭州西湖支行", "杭州银行股份有限公司"}
    got = names(ctx, "杭州")
    assert set(got[:3]) == {
        "杭州银行股份有限公司", "杭州市第一人民医院", "杭州海关"}  # prefix class
    assert got[3:] == ["中国银行股份有限公司杭州西湖支行"]  # substring class last
    assert names(ctx, "zgyh")[:2] == ["中国银行", "中国银行股份有限公司杭州西湖支行"]
    # within the prefix class, the key the query covers most comes first
    assert names(ctx, "zhongguo")[:2] == ["中国银行", "中国银行股份有限公司杭州西湖支行"]


def test_paging_and_totals(ctx: Context, sample) -> None:
    page1 = search_customers(ctx, query="yh", limit=2)
    page2 = search_customers(ctx, query="yh", limit=2, offset=2)
    assert page1.total == page2.total >= 3 and page1.total_exact
    assert not {r.id for r in page1.rows} & {r.id for r in page2.rows}
    everyone = search_customers(ctx, query="", limit=100)
    assert everyone.total == 7
    assert [r.name for r in everyone.rows][0] == "重庆长安汽车股份有限公司"  # pinyin order: chong...


def test_filters(ctx: Context, sample) -> None:
    assert names(ctx, "杭州", filters=Filters(industry_code="customs")) == ["杭州海关"]
    assert matching_nums(ctx, query="", filters=Filters(industry_code="banking")).__len__() == 3


def test_index_follows_every_write(ctx: Context, sample) -> None:
    cid = sample["杭州海关"]
    customers.update_customer(ctx, customer_id=cid, changes={"short_name": "杭关"})
    assert names(ctx, "杭关") == ["杭州海关"]
    k = contacts.add_contact(ctx, customer_id=cid, values={"name": "欧阳翀"})
    assert names(ctx, "oyc") == ["杭州海关"]
    contacts.set_contact_deleted(ctx, contact_id=k.id, deleted=True)
    assert names(ctx, "oyc") == []
    customers.delete_customer(ctx, customer_id=cid)
    assert names(ctx, "海关") == [] and names(ctx, "hzhg") == []
    customers.restore_customer(ctx, customer_id=cid)
    assert names(ctx, "海关") == ["杭州海关"]


def test_queries_that_match_nothing(ctx: Context, sample) -> None:
    for q in ("xyzzy", "税务局", '"', "a'b", "银行\"OR\"", "*", "^", "NEAR("):
        page = search_customers(ctx, query=q)
        assert page.rows == () and page.total == 0, q


HAN = st.characters(min_codepoint=0x4E00, max_codepoint=0x9FA5)


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(name=st.text(HAN, min_size=2, max_size=12), start=st.integers(0, 11), size=st.integers(1, 12))
def test_every_name_is_found_by_substrings_pinyin_and_initials(ctx: Context, name: str, start: int, size: int) -> None:
    c = customers.create_customer(ctx, values={"name": name, "industry_code": "other"})
    try:
        full, initials = pinyin(normalize(name))
        piece = name[start % len(name):][:size]
        for q in (name, piece, full, initials, initials[:2], full[:3]):
            assert c.id in {r.id for r in search_customers(ctx, query=q, limit=10_000).rows}, q
    finally:
        customers.delete_customer(ctx, customer_id=c.id)


@pytest.mark.parametrize("few", [0, 2000])
def test_prefix_class_is_the_same_set_from_either_index(ctx: Context, sample, monkeypatch, few: int) -> None:
    from workbench.store import search as store_search

    monkeypatch.setattr(store_search, "_FEW_PREFIXED", few)  # 0: always the trigram index
    top = names(ctx, "zhongguo")[:2]
    # the B-tree path orders by closeness, the dense trigram path newest first
    assert top == (["中国银行", "中国银行股份有限公司杭州西湖支行"] if few else
                   ["中国银行股份有限公司杭州西湖支行", "中国银行"])
    assert names(ctx, "杭州市")[0] == "杭州市第一人民医院"
    assert names(ctx, "hzyh")[0] == "杭州银行股份有限公司"


def test_sorting_by_a_column_keeps_every_match(ctx: Context, sample) -> None:
    from workbench.services.customers import customer_rows

    ranked = matching_nums(ctx, query="杭州")
    by_name = matching_nums(ctx, query="杭州", order_by="name")
    assert sorted(ranked) == sorted(by_name)
    rows = customer_rows(ctx, nums=by_name)
    assert [r.name for r in rows] == ["杭州海关", "杭州市第一人民医院", "杭州银行股份有限公司",
                                      "中国银行股份有限公司杭州西湖支行"]  # pinyin: haiguan < shi < yin; zhong
    everyone = matching_nums(ctx, query="", order_by="industry_code", descending=True)
    inds = [r.industry_code for r in customer_rows(ctx, nums=everyone)]
    assert inds == sorted(inds, reverse=True) and len(everyone) == 7


def test_invisible_and_absurd_input_is_harmless(ctx: Context, sample) -> None:
    assert names(ctx, "中国\u200b银行")[0] == "中国银行"  # a zero-width space pasted from chat
    assert names(ctx, "\ufeff海关") == ["杭州海关"]
    for q in ("\x00", "银\x00行", "\ud800", "a" * 100_000):
        search_customers(ctx, query=q)  # no exception, whatever it finds


def test_words_separated_by_spaces_must_all_match(ctx: Context, sample) -> None:
    assert set(names(ctx, "杭州 银行")) == {"杭州银行股份有限公司", "中国银行股份有限公司杭州西湖支行"}
    assert names(ctx, "杭州 海关") == ["杭州海关"]
    assert names(ctx, "杭州 不存在") == []
    page = search_customers(ctx, query="杭州 银行", limit=1)
    assert page.total == 2 and len(page.rows) == 1


def test_a_page_past_the_end_still_tells_the_true_total(ctx: Context, sample) -> None:
    whole = search_customers(ctx, query="杭州")
    past = search_customers(ctx, query="杭州", offset=50)
    assert past.rows == () and past.total == whole.total == 4


@pytest.mark.parametrize("query", ["“中国银行”", "《中国银行》", "「中国银行」", '"中国银行"', "中国银行，", "中国银行。",
                                   "【中国银行】", "'中国银行'"])
def test_pasted_punctuation_is_not_part_of_the_name(ctx: Context, sample, query: str) -> None:
    assert names(ctx, query)[0] == "中国银行"


@pytest.mark.parametrize("query", ["+86 138 1234 5678", "138 1234 5678", "0086 13812345678", "+8613812345678",
                                   "0571 8765 4321"])
def test_a_phone_typed_in_groups_or_with_the_country_code_finds_its_customer(ctx: Context, sample,
                                                                             query: str) -> None:
    assert names(ctx, query)[0] == "杭州海关"


def test_a_credit_code_typed_in_groups_finds_its_customer(ctx: Context) -> None:
    made = customers.create_customer(ctx, values={"name": "中国银行股份有限公司", "industry_code": "banking",
                                                  "credit_code": "91110000600037341L"})
    assert [r.id for r in search_customers(ctx, query="9111 0000 6000 3734 1L").rows] == [made.id]
    assert names(ctx, "bank hangzhou") == []  # words without digits stay separate words (AND)
