"""Tests of workbench.services.demo_data: determinism, distinctness, validity, realism."""

from __future__ import annotations

import random
import uuid
from collections import Counter
from datetime import date, datetime, timedelta

import pytest

from workbench.domain import limits
from workbench.domain.enums import (
    INDUSTRIES,
    STAGES,
    BehaviourStyle,
    CuteRole,
    Provider,
    RiskLevel,
    ValueGrade,
    VisitKind,
)
from workbench.domain.validation import (
    check_follow_up,
    is_valid_credit_code,
    normalize_phone,
    validate_email,
)
from workbench.services.demo_data import LADDER, DemoBundle, DemoGenerator, demo_uuid
from workbench.services.demo_vocab import RARE_CHARS

TODAY = date(2026, 11, 24)
N = 5000


@pytest.fixture(scope="module")
def bundles() -> list[DemoBundle]:
    return list(DemoGenerator(seed=7, today=TODAY).bundles(N))


def test_same_seed_same_output_and_prefix_property() -> None:
    first = list(DemoGenerator(seed=42, today=TODAY).bundles(300))
    again = list(DemoGenerator(seed=42, today=TODAY).bundles(300))
    assert first == again
    assert list(DemoGenerator(seed=42, today=TODAY).bundles(40)) == first[:40]
    other = list(DemoGenerator(seed=43, today=TODAY).bundles(40))
    assert [b.customer.id for b in other] != [b.customer.id for b in first[:40]]


def test_default_arguments_and_global_random_untouched() -> None:
    state = random.getstate()
    assert next(iter(DemoGenerator().bundles(1))) == next(iter(DemoGenerator().bundles(1)))
    assert random.getstate() == state


def test_demo_uuid_matches_uuid_module() -> None:
    a, b = random.Random(5), random.Random(5)
    for _ in range(200):
        assert demo_uuid(a) == str(uuid.UUID(int=b.getrandbits(128), version=4))


def test_names_codes_and_ids_distinct(bundles: list[DemoBundle]) -> None:
    names = [b.customer.name for b in bundles]
    assert len(set(names)) >= 0.99 * len(names)
    codes = [b.customer.credit_code for b in bundles]
    assert len(set(codes)) == len(codes)
    ids = [b.customer.id for b in bundles]
    ids += [c.id for b in bundles for c in b.contacts]
    ids += [v.id for b in bundles for v in b.visits]
    ids += [e.id for b in bundles for e in b.stage_events]
    assert len(set(ids)) == len(ids)
    assert all(uuid.UUID(i).version == 4 for i in ids[:500])


def test_credit_codes_phones_emails_valid(bundles: list[DemoBundle]) -> None:
    for b in bundles:
        assert is_valid_credit_code(b.customer.credit_code)
        for c in b.contacts:
            for number in (c.mobile, c.phone):
                if number is not None:
                    assert normalize_phone(number) == number
                    assert len(number) <= limits.PHONE
            if c.mobile is not None:
                assert len(c.mobile) == 11 and c.mobile[0] == "1"
            if c.email is not None:
                assert validate_email(c.email) == c.email
                assert len(c.email) <= limits.EMAIL


def test_landline_area_code_matches_city(bundles: list[DemoBundle]) -> None:
    areas = {"杭州": "0571", "上海": "021", "北京": "010", "深圳": "0755", "温州": "0577"}
    seen = 0
    for b in bundles:
        city = next((c for c in areas if c in b.customer.region), None)
        for c in b.contacts:
            if city and c.phone:
                assert c.phone.startswith(areas[city] + "-")
                seen += 1
    assert seen > 100


def test_text_limits_and_enum_codes(bundles: list[DemoBundle]) -> None:
    stages = {s.code for s in STAGES}
    industries = {i.code for i in INDUSTRIES}
    for b in bundles:
        cu = b.customer
        assert 1 <= len(cu.name) <= limits.ORG_NAME
        assert cu.short_name is None or 1 <= len(cu.short_name) <= limits.SHORT_NAME
        assert len(cu.region) <= limits.SHORT_TEXT and len(cu.address) <= limits.ADDRESS
        assert cu.competitors is None or len(cu.competitors) <= limits.MEDIUM_TEXT
        assert cu.industry_code in industries and cu.stage_code in stages
        assert cu.value_grade in {g.value for g in ValueGrade}
        assert cu.churn_risk in {r.value for r in RiskLevel}
        assert cu.current_provider in {p.value for p in Provider}
        assert cu.mobile_lines >= 0 and 1 <= cu.employees <= limits.MAX_HEADCOUNT
        for c in b.contacts:
            assert 2 <= len(c.name) <= limits.PERSON_NAME
            assert len(c.title) <= limits.SHORT_TEXT and len(c.department) <= limits.SHORT_TEXT
            assert c.cute_role is None or c.cute_role in {r.value for r in CuteRole}
            assert c.behaviour_style is None or c.behaviour_style in {
                s.value for s in BehaviourStyle
            }
            assert all(0 <= s <= 10 for s in (c.closeness, c.trust, c.favour))
        for v in b.visits:
            assert v.kind in {k.value for k in VisitKind}
            assert 10 <= v.duration_min <= 180
            assert v.place is None or len(v.place) <= limits.SHORT_TEXT
            assert 1 <= len(v.objective) <= limits.MEDIUM_TEXT
            assert v.next_step is None or len(v.next_step) <= limits.MEDIUM_TEXT
        for e in b.stage_events:
            assert e.reason is None or len(e.reason) <= limits.MEDIUM_TEXT


def test_visits_dates_follow_ups_and_contacts(bundles: list[DemoBundle]) -> None:
    end = datetime.combine(TODAY + timedelta(days=1), datetime.min.time())
    earliest = end - timedelta(days=367)
    due_today = overdue = 0
    for b in bundles:
        contact_ids = {c.id for c in b.contacts}
        times = [v.occurred_at for v in b.visits]
        assert times == sorted(times)
        for v in b.visits:
            assert v.customer_id == b.customer.id
            assert earliest <= v.occurred_at < end
            assert v.occurred_at > b.customer.created_at
            check_follow_up(v.occurred_at.date(), v.follow_up_date)
            if v.follow_up_date is None:
                assert not v.follow_up_done
            elif not v.follow_up_done:
                due_today += v.follow_up_date == TODAY
                overdue += v.follow_up_date < TODAY
            assert 1 <= len(v.contact_ids) <= 3
            assert len(set(v.contact_ids)) == len(v.contact_ids)
            assert set(v.contact_ids) <= contact_ids
    assert due_today > 10 and overdue > 10
    followed = [v for b in bundles for v in b.visits if v.follow_up_date is not None]
    assert 0.5 < len(followed) / sum(len(b.visits) for b in bundles) < 0.7


def test_stage_events_ordered_and_end_at_stage(bundles: list[DemoBundle]) -> None:
    linked = 0
    oldest = datetime.combine(TODAY - timedelta(days=731), datetime.min.time())
    for b in bundles:
        events = b.stage_events
        assert events and events[0].from_code is None
        assert events[-1].to_code == b.customer.stage_code
        assert b.customer.created_at < events[0].occurred_at
        assert oldest <= events[0].occurred_at
        assert events[-1].occurred_at <= datetime.combine(TODAY, datetime.max.time())
        visits = {v.id: v for v in b.visits}
        for prev, event in zip(events, events[1:], strict=False):
            assert prev.occurred_at < event.occurred_at
            assert event.from_code == prev.to_code
        for event in events:
            assert event.customer_id == b.customer.id
            if event.visit_id is not None:
                linked += 1
                assert visits[event.visit_id].occurred_at == event.occurred_at
    assert linked > 100


def test_funnel_and_side_states(bundles: list[DemoBundle]) -> None:
    stages = Counter(b.customer.stage_code for b in bundles)
    assert stages[LADDER[1]] > stages[LADDER[-1]] > 0
    assert 0.03 < stages["dormant"] / N < 0.07 and 0.01 < stages["lost"] / N < 0.04


def test_every_industry_present(bundles: list[DemoBundle]) -> None:
    seen = Counter(b.customer.industry_code for b in bundles[:2000])
    assert set(seen) == {i.code for i in INDUSTRIES}
    names = " ".join(b.customer.name for b in bundles)
    for word in ("银行", "医院", "海关", "税务", "证券", "保险", "物流", "学校", "中学"):
        assert names.count(word) >= 20, word


def test_people_rare_characters_roles_and_key_persons(bundles: list[DemoBundle]) -> None:
    contacts = [c for b in bundles for c in b.contacts]
    assert 2.5 < len(contacts) / N < 3.5
    assert all(1 <= len(b.contacts) <= 6 for b in bundles)
    rare = sum(1 for c in contacts if RARE_CHARS & set(c.name))
    assert 0.01 < rare / len(contacts) < 0.03
    for b in bundles:
        assert sum(c.is_key_person for c in b.contacts) == 1
        assert sum(c.is_liaison for c in b.contacts) == 1
    big = [b for b in bundles if len(b.contacts) >= 3]
    roles = [{c.cute_role for c in b.contacts} for b in big]
    assert sum({"economic", "technical"} <= r for r in roles) > 0.8 * len(big)
    assert 0.35 < sum("coach" in r for r in roles) / len(big) < 0.65


def test_scores_rise_with_stage(bundles: list[DemoBundle]) -> None:
    def mean_trust(stage: str) -> float:
        scores = [c.trust for b in bundles if b.customer.stage_code == stage for c in b.contacts]
        return sum(scores) / len(scores)

    assert mean_trust(LADDER[0]) < mean_trust(LADDER[3]) < mean_trust(LADDER[-1])


def test_visit_counts_skewed(bundles: list[DemoBundle]) -> None:
    counts = [len(b.visits) for b in bundles]
    assert 8 < sum(counts) / N < 12
    assert min(counts) == 0 and max(counts) <= 40 and max(counts) >= 35


def test_customer_mix(bundles: list[DemoBundle]) -> None:
    customers = [b.customer for b in bundles]
    ends = [c.competitor_contract_end for c in customers if c.competitor_contract_end]
    assert 0.3 < len(ends) / N < 0.5
    assert all(TODAY < d <= TODAY + timedelta(days=366) for d in ends)
    assert any((d - TODAY).days <= 60 for d in ends)
    assert 0.05 < sum(c.shared for c in customers) / N < 0.15
    grades = Counter(c.value_grade for c in customers)
    assert grades["A"] < grades["B"] < grades["C"]
