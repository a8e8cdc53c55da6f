"""The engine's rules one by one: tiers, bundle, at-risk, gifts, manual discounts, floors, authority."""

from __future__ import annotations

import dataclasses
from datetime import date
from decimal import Decimal

import pytest
from pricing_helpers import CATALOGUE, POLICY, TODAY, d, line, offer, quote, refused

from workbench.pricing import (
    NEEDS_HQ,
    NEEDS_TEAM_LEAD,
    WITHIN,
    LinesRefused,
    classify,
    price,
    quote_to_dict,
)
from workbench.pricing.model import Catalogue, Fabe, Product, Text


def rules(q_line) -> list[str]:
    return [x.why.rule for x in q_line.discounts]


@pytest.mark.parametrize(("term", "net", "rule"), [(12, "58.00", []), (24, "56.26", ["TERM-24"]),
                                                   (36, "54.52", ["TERM-36"]), (60, "54.52", ["TERM-36"])])
def test_term_tiers(term: int, net: str, rule: list[str]) -> None:
    (q,) = quote(offer(line("MOB-58", 10, term))).lines
    assert q.net_unit == d(net) and rules(q) == rule and q.monthly == d(net) * 10


@pytest.mark.parametrize(("qty", "rule"), [(49, []), (50, ["QTY-LINES-50"]), (200, ["QTY-LINES-200"]),
                                           (1000, ["QTY-LINES-1000"])])
def test_quantity_tiers_for_lines(qty: int, rule: list[str]) -> None:
    assert rules(quote(offer(line("MOB-58", qty, 12))).lines[0]) == rule


def test_quantity_tiers_for_circuits_and_term_default_is_the_minimum() -> None:
    (q,) = quote(offer(line("MSTP-2M", 5))).lines
    assert q.term_months == 12 and rules(q) == ["QTY-CIRCUITS-5"] and q.net_unit == d("1470.00")


def test_whole_account_bundle_discount_counts_recurring_categories() -> None:
    two = quote(offer(line("MOB-58", 1), line("BB-100M", 1), line("ICT-STD", 1)))
    assert all("BUNDLE-3" not in rules(q) for q in two.lines)  # ICT is one-off: not a tariff category
    three = quote(offer(line("MOB-58", 1), line("BB-100M", 1), line("WLAN-AP", 1), line("ICT-STD", 1)))
    assert [("BUNDLE-3" in rules(q)) for q in three.lines] == [True, True, True, False]
    five = quote(offer(*(line(c, 1) for c in ("MOB-58", "BB-100M", "WLAN-AP", "DIA-20M", "MSTP-2M"))))
    assert all(rules(q) == ["BUNDLE-5"] for q in five.lines)


def test_at_risk_large_customer_gets_the_extra_discount() -> None:
    big = quote(offer(line("MOB-58", 1), at_risk=True, mobile_lines=300)).lines[0]
    assert rules(big) == ["AT-RISK-LARGE"] and big.net_unit == d("55.10")
    small = quote(offer(line("MOB-58", 1), at_risk=True, mobile_lines=299))
    assert rules(small.lines[0]) == [] and small.notes[0].rule == "AT-RISK-LARGE"
    assert rules(quote(offer(line("MOB-58", 1), at_risk=True, large=True)).lines[0]) == ["AT-RISK-LARGE"]
    assert rules(quote(offer(line("MOB-58", 1), at_risk=False, large=True)).lines[0]) == []


def test_high_speed_broadband_brings_managed_network_and_wlan_free() -> None:
    q = quote(offer(line("BB-1000M", 3, 36), line("MOB-58", 5)))
    gifts = {g.code: g for g in q.gifts}
    assert set(gifts) == {"MNS-STD", "WLAN-AP"}
    assert (gifts["MNS-STD"].quantity, gifts["MNS-STD"].months, gifts["MNS-STD"].value) == (3, 36, d("43200.00"))
    assert gifts["WLAN-AP"].quantity == 6 and all(g.why.rule == "GIFT-HIGH-SPEED-BB" for g in q.gifts)
    assert q.totals.gift_value == d("43200.00") + d("60.00") * 6 * 36
    assert quote(offer(line("BB-1000M", 15))).gifts[1].quantity == 20  # capped
    assert quote(offer(line("BB-100M", 3))).gifts == ()  # ordinary broadband brings nothing


def test_manual_discounts_add_to_policy_discounts() -> None:
    q = quote(offer(line("MOB-58", 10, 24, manual="2.5"), manual="1")).lines[0]
    assert rules(q) == ["TERM-24", "MANUAL-LINE", "MANUAL-OFFER"]
    assert q.discount_percent == d("6.50") and q.net_unit == d("54.23")  # 58 x 0.935 = 54.23


def test_rounding_happens_once_per_line_half_up_on_the_net_unit() -> None:
    cheap = Product("SMS", Text("短信", "SMS"), "mobile", "line_month", d("0.25"), d("0"), 1, d("0"), 1000,
                    Fabe(Text("", ""), Text("", ""), Text("", ""), ()))
    cat = Catalogue("t", date(2026, 1, 1), date(2027, 1, 1), True, Text("", ""), (cheap,))
    q = price(cat, POLICY, offer(line("SMS", 3, 1, manual="10")), today=TODAY).lines[0]
    assert q.net_unit == d("0.23")  # 0.225 half up (banker's rounding would give 0.22)
    assert q.monthly == d("0.69") and q.term_total == d("0.69")  # 0.23 x 3: no second rounding


def test_totals_first_year_and_term() -> None:
    q = quote(offer(line("DIA-20M", 1, 24), line("ICT-STD", 1)))
    dia, ict = q.lines
    assert dia.net_unit == d("1940.00") and dia.installation == d("3000.00")
    assert dia.first_year == d("1940.00") * 12 + d("3000.00") and dia.term_total == d("1940.00") * 24 + d("3000.00")
    assert ict.one_off == d("50000.00") and ict.term_months == 0 and ict.discounts == ()
    t = q.totals
    assert t.first_year == dia.first_year + d("50000.00") and t.over_term == dia.term_total + d("50000.00")
    assert t.list_over_term == d("2000.00") * 24 + d("3000.00") + d("50000.00")
    assert t.savings == d("60.00") * 24 and t.effective_discount_percent == d("1.47")  # 1440 / 98000 = 1.469..


def test_a_line_below_its_floor_is_refused_naming_the_field() -> None:
    err = refused(lambda: quote(offer(line("MOB-58", 1, 12), line("MOB-58", 1, 12, manual="32"))))
    assert err.fields == ("lines[1].manual_discount_percent",)
    assert "第 2 行" in err.errors[0].zh and "底线" in err.errors[0].zh and "40.00" in err.errors[0].zh
    whole = refused(lambda: quote(offer(line("MOB-58", 1), line("BB-100M", 1), manual="32")))
    assert whole.fields == ("manual_discount_percent", "manual_discount_percent")
    assert quote(offer(line("MOB-58", 1, 12, manual="31")), role="hq").lines[0].net_unit == d("40.02")


def test_exactly_at_the_floor_is_allowed() -> None:
    (q,) = quote(offer(line("MOB-58", 1, 12, manual="31.03")), role="hq").lines
    assert q.net_unit == d("40.00") == q.price_floor


@pytest.mark.parametrize(("bad", "field"), [
    (line("NOPE", 1), "lines[0].product"),
    (line("MOB-58", 0), "lines[0].quantity"),
    (line("MOB-58", -4), "lines[0].quantity"),
    (line("MOB-58", 100_001), "lines[0].quantity"),
    (line("DIA-20M", 201), "lines[0].quantity"),
    (line("MOB-58", 1, 6), "lines[0].term_months"),
    (line("MOB-58", 1, 0), "lines[0].term_months"),
    (line("MOB-58", 1, 61), "lines[0].term_months"),
    (line("ICT-STD", 1, 12), "lines[0].term_months"),
    (line("MOB-58", 1, 12, manual="101"), "lines[0].manual_discount_percent"),
    (line("MOB-58", 1, 12, manual="-1"), "lines[0].manual_discount_percent"),
    (line("MOB-58", 1, 12, manual="1.005"), "lines[0].manual_discount_percent"),
])
def test_bad_lines_are_refused_naming_the_field(bad, field: str) -> None:
    err = refused(lambda: quote(offer(bad)))
    assert err.fields == (field,)


def test_all_problems_are_reported_together_and_nothing_partial_returned() -> None:
    err = refused(lambda: quote(offer(line("NOPE", 1), line("MOB-58", 1, 3), industry="martian"), role="boss"))
    assert set(err.fields) == {"role", "customer.industry", "lines[0].product", "lines[1].term_months"}
    assert refused(lambda: quote(offer())).fields == ("lines",)


@pytest.mark.parametrize(("manual", "role", "level", "approver"), [
    ("14", "manager", WITHIN, "manager"),           # 6 + 14 = 20 %: the manager's limit
    ("14.01", "manager", NEEDS_TEAM_LEAD, "team_lead"),
    ("22", "manager", NEEDS_TEAM_LEAD, "team_lead"),  # 28 %: the team lead's limit
    ("22.01", "manager", NEEDS_HQ, "hq"),             # net 41.75: 28.02 % effective
    ("22", "team_lead", WITHIN, "team_lead"),
    ("23", "team_lead", NEEDS_HQ, "hq"),
    ("24", "hq", WITHIN, "hq"),
])
def test_authority_by_role(manual: str, role: str, level: str, approver: str) -> None:
    q = quote(offer(line("MOB-58", 1, 36, manual=manual)), role=role)
    assert (q.authority.level, q.authority.approver, q.authority.line_index) == (level, approver, 0)
    assert q.authority.measured_percent == q.lines[0].effective_discount_percent


def test_beyond_hq_authority_is_refused() -> None:
    tight = dataclasses.replace(POLICY, authority=tuple(
        dataclasses.replace(a, max_discount_percent=min(a.max_discount_percent, d("10"))) for a in POLICY.authority))
    err = refused(lambda: price(CATALOGUE, tight, offer(line("MOB-58", 1, 36, manual="5")), today=TODAY))
    assert err.fields == ("lines[0].manual_discount_percent",) and "总部" in err.errors[0].zh
    assert classify(tight, "hq", d("10.01")) is None and classify(tight, "hq", d("10")) == (WITHIN, "hq")


def test_notes_warn_when_the_data_is_out_of_date() -> None:
    q = quote(offer(line("MOB-58", 1)), today=date(2028, 1, 1))
    assert {"CATALOGUE-VALIDITY", "POLICY-VALIDITY", "CATALOGUE-ILLUSTRATIVE"} <= {n.rule for n in q.notes}
    assert "CATALOGUE-VALIDITY" not in {n.rule for n in quote(offer(line("MOB-58", 1))).notes}


def test_quote_as_json_has_no_binary_floats() -> None:
    q = quote(offer(line("BB-1000M", 2, 36), line("MOB-58", 60, 24, manual="1.5"), at_risk=True, large=True))
    data = quote_to_dict(q)

    def walk(value: object) -> None:
        assert not isinstance(value, float | Decimal)
        if isinstance(value, dict):
            for v in value.values():
                walk(v)
        elif isinstance(value, list):
            for v in value:
                walk(v)

    walk(data)
    assert data["totals"]["monthly_recurring"] == str(q.totals.monthly_recurring)
    assert data["lines"][1]["net_unit"] == "51.33" and data["authority"]["level"] == WITHIN


def test_floor_refusals_come_with_the_other_refusals() -> None:
    err = refused(lambda: quote(offer(line("MOB-58", 20, 6), line("DIA-20M", 1, 12, manual="35"))))
    assert err.fields == ("lines[0].term_months", "lines[1].manual_discount_percent")


def test_a_refusal_of_the_lines_carries_what_could_be_priced() -> None:
    """Issue 13, item 5: a form keeps the sound lines priced while the refused one is fixed."""
    o = offer(line("MOB-58", 20, 6), line("MOB-98", 1, 12, manual="60"), line("DIA-20M", 1, 12))
    err = refused(lambda: quote(o))
    assert isinstance(err, LinesRefused)
    assert err.fields == ("lines[0].term_months", "lines[1].manual_discount_percent")
    assert [q.index for q in err.lines] == [1, 2]  # line 0 failed its checks: not priced
    assert err.below_floor == {1: err.errors[1]}
    assert err.lines[0].net_unit == d("39.20") and err.lines[0].price_floor == d("68.00")
    sound = quote(offer(line("MOB-58", 20, 12), line("MOB-98", 1, 12), line("DIA-20M", 1, 12)))
    assert err.lines[1] == sound.lines[2]  # priced as in the whole offer (same bundle)
