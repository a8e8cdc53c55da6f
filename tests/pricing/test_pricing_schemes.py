"""Seed article 1: the three prestore/rebate tiers reproduce to the fen, with their eligibility."""

from __future__ import annotations

import copy
import json
from datetime import date
from decimal import Decimal
from pathlib import Path

import pytest
from pricing_helpers import CATALOGUE, POLICY, d, line, offer, quote, refused

from workbench.pricing import SchemeChoice, load_policy, parse_policy, price
from workbench.pricing.loader import read_json

CUT_OFF = date(2011, 1, 1)  # 2011年1月1日0:00


def choice(code: str, members: int = 1, joined: date | None = None, *, services: tuple[str, ...] = ("YXT",),
           held: tuple[str, ...] = ()) -> SchemeChoice:
    return SchemeChoice(code, members, joined, services, held)


def test_new_member_prestores_139_as_12_x_10_plus_19_with_minimum_19_and_5l_oil() -> None:
    q = quote(offer(schemes=(choice("NETAGE-T1-NEW", joined=CUT_OFF),)))  # on the cut-off day: new
    (s,) = q.schemes
    assert (s.prestore, s.rebate_monthly, s.term_months, s.free_credit) == (d("139.00"), d("12.00"), 10, d("19.00"))
    assert s.prestore == s.rebate_monthly * s.term_months + s.free_credit
    assert s.minimum_monthly_spend == d("19.00")
    assert s.gift.zh.startswith("5L") and "oil" in s.gift.en
    (oil,) = q.gifts
    assert (oil.kind, oil.code, oil.quantity) == ("goods", "OIL-5L", 1)
    assert len(q.schedule) == 10
    first, *rest = q.schedule
    assert (first.prestore, first.free_credit, first.rebate, first.minimum_spend) == (d("139.00"), d("19.00"), d("12.00"), d("19.00"))
    assert all(m.prestore == 0 and m.rebate == d("12.00") and m.minimum_spend == d("19.00") for m in rest)
    assert sum(m.rebate for m in q.schedule) + first.free_credit == d("139.00")
    assert "139" in s.why.zh and "12" in s.why.zh and "19" in s.why.zh


def test_existing_member_prestores_109_as_10_x_10_plus_9() -> None:
    q = quote(offer(schemes=(choice("NETAGE-T1-OLD", joined=date(2010, 12, 31)),)))
    (s,) = q.schemes
    assert (s.prestore, s.rebate_monthly, s.term_months, s.free_credit) == (d("109.00"), d("10.00"), 10, d("9.00"))
    assert s.prestore == s.rebate_monthly * 10 + s.free_credit
    assert s.minimum_monthly_spend == d("19.00") and q.gifts[0].code == "OIL-5L"
    assert [m.rebate for m in q.schedule] == [d("10.00")] * 10


def test_second_tier_99_all_free_no_minimum_not_refundable_4l_oil_for_tier_1_members() -> None:
    q = quote(offer(schemes=(choice("NETAGE-T2", held=("NETAGE-T1-NEW",)),)))
    (s,) = q.schemes
    assert (s.prestore, s.free_credit, s.rebate_monthly, s.term_months) == (d("99.00"), d("99.00"), d("0.00"), 0)
    assert s.minimum_monthly_spend is None and s.refundable is False
    assert q.gifts[0].code == "OIL-4L" and q.gifts[0].name.zh.startswith("4L")
    assert [(m.prestore, m.free_credit, m.rebate, m.minimum_spend) for m in q.schedule] == [
        (d("99.00"), d("99.00"), 0, 0)]
    assert "无保底消费" in s.why.zh and "不可清退" in s.why.zh


def test_second_tier_needs_tier_1_held_or_chosen_for_as_many_members() -> None:
    err = refused(lambda: quote(offer(schemes=(choice("NETAGE-T2"),))))
    assert err.fields == ("schemes[0].scheme",)
    both = (choice("NETAGE-T1-OLD", 5, date(2008, 1, 1)), choice("NETAGE-T2", 5))
    assert [s.prestore_total for s in quote(offer(*(), schemes=both)).schemes] == [d("545.00"), d("495.00")]
    short = (choice("NETAGE-T1-OLD", 4, date(2008, 1, 1)), choice("NETAGE-T2", 5))
    assert refused(lambda: quote(offer(schemes=short))).fields == ("schemes[1].scheme",)
    split = (choice("NETAGE-T1-NEW", 5, date(2012, 1, 1)), choice("NETAGE-T2", 3), choice("NETAGE-T2", 3))
    assert refused(lambda: quote(offer(schemes=split))).fields == ("schemes[1].scheme", "schemes[2].scheme")


@pytest.mark.parametrize(("code", "joined"), [("NETAGE-T1-NEW", date(2010, 12, 31)), ("NETAGE-T1-OLD", CUT_OFF)])
def test_join_date_decides_the_tier(code: str, joined: date) -> None:
    err = refused(lambda: quote(offer(schemes=(choice(code, joined=joined),))))
    assert err.fields == ("schemes[0].member_joined",) and "2011-01-01" in err.errors[0].zh


def test_join_date_defaults_to_the_customer_and_is_required() -> None:
    assert quote(offer(schemes=(choice("NETAGE-T1-NEW"),), joined=date(2015, 6, 1))).schemes[0].member_joined == date(2015, 6, 1)
    assert refused(lambda: quote(offer(schemes=(choice("NETAGE-T1-NEW"),)))).fields == ("schemes[0].member_joined",)
    future = (choice("NETAGE-T1-NEW", joined=date(2027, 1, 1)),)
    assert refused(lambda: quote(offer(schemes=future))).fields == ("schemes[0].member_joined",)


def test_the_free_yinxuntong_service_is_required() -> None:
    bare = (choice("NETAGE-T1-NEW", joined=date(2015, 1, 1), services=()),)
    err = refused(lambda: quote(offer(schemes=bare)))
    assert err.fields == ("schemes[0].services",) and "银讯通" in err.errors[0].zh
    # issue 12: "requires the Yinxuntong bank-payment service (free) service" said it twice
    assert err.errors[0].en == "this scheme requires YXT, Yinxuntong bank-payment service (free), to be opened"
    assert err.errors[0].en.count("service") == 1
    assert quote(offer(line("YXT", 1), schemes=bare)).schemes  # opened as a (free) line of the offer


@pytest.mark.parametrize(("today", "word"), [(date(2027, 4, 1), "过期"), (date(2026, 9, 30), "起才可办理")])
def test_expired_or_not_yet_valid_scheme_is_refused(today: date, word: str) -> None:
    err = refused(lambda: quote(offer(schemes=(choice("NETAGE-T1-NEW", joined=date(2015, 1, 1)),)), today=today))
    assert err.fields == ("schemes[0].scheme",) and word in err.errors[0].zh


def test_unknown_scheme_and_members_are_refused() -> None:
    err = refused(lambda: quote(offer(schemes=(choice("NOPE"), choice("NETAGE-T2", 0, held=("NETAGE-T1-NEW", "X"))))))
    assert set(err.fields) == {"schemes[0].scheme", "schemes[1].members", "schemes[1].held_schemes"}


def test_totals_for_many_members_and_schedule_with_lines() -> None:
    q = quote(offer(line("MOB-58", 30, 12), schemes=(choice("NETAGE-T1-NEW", 30, date(2015, 1, 1)),)))
    (s,) = q.schemes
    assert (s.prestore_total, s.rebate_total) == (d("4170.00"), d("3600.00"))
    assert (q.totals.prestore, q.totals.rebate) == (d("4170.00"), d("3600.00"))
    assert len(q.schedule) == 12
    assert q.schedule[0].due == q.totals.monthly_recurring + d("4170.00")
    assert q.schedule[0].net == q.schedule[0].due - d("360.00") and q.schedule[10].rebate == 0
    assert sum(m.due for m in q.schedule) == q.totals.over_term + q.totals.prestore


def test_policy_refuses_a_scheme_that_does_not_add_up(tmp_path: Path) -> None:
    data = read_json(None, "policy.json")
    bad = copy.deepcopy(data)
    bad["schemes"][0]["prestore"] = "140.00"
    assert refused(lambda: parse_policy(bad)).fields == ("schemes[0].prestore",)
    path = tmp_path / "policy.json"
    path.write_text(json.dumps(data, default=str), "utf-8")
    assert load_policy(path) == POLICY


def test_scheme_price_ignores_catalogue_lines() -> None:
    with_lines = quote(offer(line("MOB-58", 3, 12), schemes=(choice("NETAGE-T1-OLD", 2, date(2001, 1, 1)),)))
    alone = price(CATALOGUE, POLICY, offer(schemes=(choice("NETAGE-T1-OLD", 2, date(2001, 1, 1)),)), today=date(2026, 12, 1))
    assert with_lines.schemes == alone.schemes
    assert alone.totals.monthly_recurring == Decimal(0) and alone.lines == ()
