"""Properties of the engine over generated offers (hypothesis)."""

from __future__ import annotations

import dataclasses
import re
from datetime import date
from decimal import Decimal

from hypothesis import given, settings
from hypothesis import strategies as st
from pricing_helpers import CATALOGUE, POLICY, TODAY

from workbench.domain.enums import INDUSTRY_CODES
from workbench.domain.errors import ValidationError
from workbench.pricing import (
    AUTHORITY_LEVELS,
    CustomerFacts,
    Offer,
    OfferLine,
    Quote,
    SchemeChoice,
    classify,
    price,
)
from workbench.pricing.money import FEN

PROFILE = settings(max_examples=120, deadline=None)
CODES = [p.code for p in CATALOGUE.products]
GIFT_TRIGGER = "BB-1000M"
TERMS = (12, 24, 36, 48, 60)
FIELD_RE = re.compile(r"^(role|lines|manual_discount_percent|customer\.\w+|"
                      r"lines\[\d+\]\.(product|quantity|term_months|manual_discount_percent)|"
                      r"schemes\[\d+\]\.(scheme|members|member_joined|services|held_schemes))$")


@st.composite
def offer_lines(draw: st.DrawFn, *, plausible: bool, codes: list[str] = CODES, deepest: int = 8) -> OfferLine:
    p = CATALOGUE.product(draw(st.sampled_from(codes)))
    assert p is not None
    if plausible:
        qty = draw(st.integers(1, min(p.max_quantity, 1500)))
        term = draw(st.sampled_from(TERMS)) if p.recurring else None
        manual = draw(st.decimals(0, deepest, places=2))
    else:
        qty = draw(st.integers(1, 1500) | st.integers(-3, 0) | st.integers(p.max_quantity - 1, p.max_quantity + 2))
        term = draw(st.none() | st.sampled_from((0, 1, 6, 11, *TERMS, 61)))
        manual = draw(st.decimals(0, 45, places=2))
    return OfferLine(p.code, qty, term, manual)


schemes = st.one_of(
    st.builds(SchemeChoice, st.just("NETAGE-T1-NEW"), st.integers(1, 50), st.dates(date(2011, 1, 1), TODAY), st.just(("YXT",))),
    st.builds(SchemeChoice, st.just("NETAGE-T1-OLD"), st.integers(1, 50), st.dates(date(1995, 1, 1), date(2010, 12, 31)), st.just(("YXT",))),
)
customers = st.builds(CustomerFacts, industry=st.sampled_from(sorted(INDUSTRY_CODES)), at_risk=st.booleans(),
                      large=st.none() | st.booleans(), mobile_lines=st.none() | st.integers(0, 2000))


def offers(*, plausible: bool = True, codes: list[str] = CODES, deepest: int = 8) -> st.SearchStrategy[Offer]:
    """Offers of 1-8 lines. ``plausible``: valid quantities and terms, manual discounts up to
    ``deepest`` per cent; otherwise anything goes (most are refused)."""
    return st.builds(
        Offer, customer=customers,
        lines=st.lists(offer_lines(plausible=plausible, codes=codes, deepest=deepest), min_size=1, max_size=8).map(tuple),
        schemes=st.lists(schemes, max_size=2).map(tuple),
        manual_discount_percent=st.decimals(0, 2 if plausible else 12, places=2),
    )


def try_price(offer: Offer, role: str = "manager") -> Quote | None:
    try:
        return price(CATALOGUE, POLICY, offer, role=role, today=TODAY)
    except ValidationError as e:
        assert e.errors and all(FIELD_RE.match(err.field) for err in e.errors), e
        return None


def is_fen(value: Decimal) -> bool:
    return value == value.quantize(FEN)


@PROFILE
@given(offers())
def test_totals_equal_the_sum_of_their_lines_to_the_fen(offer: Offer) -> None:
    q = try_price(offer)
    if q is None:
        return
    t, lines = q.totals, q.lines
    assert t.monthly_recurring == sum(x.monthly for x in lines)
    assert t.one_off == sum(x.one_off for x in lines) and t.installation == sum(x.installation for x in lines)
    assert t.first_year == sum(x.first_year for x in lines) and t.over_term == sum(x.term_total for x in lines)
    assert t.list_over_term == sum(x.list_term_total for x in lines)
    assert t.savings == t.list_over_term - t.over_term >= 0
    assert t.prestore == sum(s.prestore_total for s in q.schemes) and t.rebate == sum(s.rebate_total for s in q.schemes)
    for x in lines:
        assert is_fen(x.net_unit) and x.net_unit >= 0
        amount = x.monthly if x.unit != "one_off" else x.one_off
        assert amount == x.net_unit * x.quantity
        assert x.term_total == x.monthly * x.term_months + x.one_off + x.installation
    assert all(is_fen(v) for v in (t.monthly_recurring, t.first_year, t.over_term, t.savings))
    assert sum(m.due for m in q.schedule) == t.over_term + t.prestore
    assert sum(m.rebate for m in q.schedule) == t.rebate


@PROFILE
@given(offers(deepest=45) | offers(plausible=False))
def test_no_line_is_ever_below_its_floor(offer: Offer) -> None:
    q = try_price(offer)
    if q is not None:
        assert len(q.lines) == len(offer.lines)
        assert all(x.net_unit >= x.price_floor for x in q.lines)


@PROFILE
@given(offers(), st.data())
def test_a_longer_term_never_raises_the_monthly_price(offer: Offer, data: st.DataObject) -> None:
    recurring = [i for i, x in enumerate(offer.lines) if x.term_months is not None]
    before = try_price(offer)
    if not recurring or before is None:
        return
    i = data.draw(st.sampled_from(recurring))
    longer = data.draw(st.integers(offer.lines[i].term_months or 12, POLICY.max_term_months))
    lines = list(offer.lines)
    lines[i] = dataclasses.replace(lines[i], term_months=longer)
    after = try_price(dataclasses.replace(offer, lines=tuple(lines)))
    if after is not None:
        assert after.lines[i].net_unit <= before.lines[i].net_unit
        assert after.totals.monthly_recurring <= before.totals.monthly_recurring


NON_TRIGGERS = [c for c in CODES if c != GIFT_TRIGGER]


@PROFILE
@given(offers(codes=NON_TRIGGERS), st.lists(st.integers(0, 8), min_size=1, max_size=3), st.integers(1, 30))
def test_removing_the_gift_triggering_line_removes_the_gift(offer: Offer, places: list[int], qty: int) -> None:
    lines = list(offer.lines)
    for at in places:
        lines.insert(min(at, len(lines)), OfferLine(GIFT_TRIGGER, qty, 36))
    with_trigger = try_price(dataclasses.replace(offer, lines=tuple(lines)))
    if with_trigger is not None:
        assert {g.code for g in with_trigger.gifts if g.why.rule == "GIFT-HIGH-SPEED-BB"} == {"MNS-STD", "WLAN-AP"}
    without = try_price(offer)
    assert without is not None or with_trigger is None  # removing a line never makes an offer refusable
    if without is not None:
        assert not [g for g in without.gifts if g.why.rule == "GIFT-HIGH-SPEED-BB"]


def comparable(q: Quote) -> tuple[object, ...]:
    lines = sorted(repr(dataclasses.replace(x, index=0)) for x in q.lines)
    auth = (q.authority.level, q.authority.measured_percent)
    return (q.totals, q.gifts, q.schedule, q.notes, auth, lines, sorted(map(repr, q.schemes)))


@PROFILE
@given(offers(plausible=False), st.randoms(use_true_random=False))
def test_pricing_is_deterministic_and_independent_of_line_order(offer: Offer, rnd) -> None:
    first, again = try_price(offer), try_price(offer)
    assert first == again
    lines = list(offer.lines)
    rnd.shuffle(lines)
    shuffled = try_price(dataclasses.replace(offer, lines=tuple(lines)))
    assert (first is None) == (shuffled is None)
    if first is not None and shuffled is not None:
        assert comparable(first) == comparable(shuffled)


RANK = {level: n for n, level in enumerate(AUTHORITY_LEVELS)}


def rank(verdict: tuple[str, str] | None) -> int:
    return len(RANK) if verdict is None else RANK[verdict[0]]


@PROFILE
@given(st.sampled_from(("manager", "team_lead", "hq")), st.decimals(0, 100, places=2), st.decimals(0, 100, places=2))
def test_authority_is_monotone_in_the_discount(role: str, a: Decimal, b: Decimal) -> None:
    low, high = sorted((a, b))
    assert rank(classify(POLICY, role, low)) <= rank(classify(POLICY, role, high))


@PROFILE
@given(offer_lines(plausible=True), st.decimals(0, 40, places=2), st.decimals(0, 40, places=2),
       st.sampled_from(("manager", "team_lead", "hq")))
def test_a_deeper_manual_discount_never_lowers_the_approval_needed(line: OfferLine, a: Decimal, b: Decimal,
                                                                   role: str) -> None:
    low, high = sorted((a, b))
    customer = CustomerFacts(industry="banking")
    q_low = try_price(Offer(customer, (dataclasses.replace(line, manual_discount_percent=low),)), role)
    q_high = try_price(Offer(customer, (dataclasses.replace(line, manual_discount_percent=high),)), role)
    if q_low is None:
        assert q_high is None  # refused at the floor: deeper is refused too
    elif q_high is not None:
        assert RANK[q_low.authority.level] <= RANK[q_high.authority.level]
        assert q_low.authority.measured_percent <= q_high.authority.measured_percent
