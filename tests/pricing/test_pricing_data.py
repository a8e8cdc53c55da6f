"""The shipped catalogue and policy: complete, consistent, illustrative; bad data is refused."""

from __future__ import annotations

import copy
from decimal import Decimal
from typing import Any

import pytest
from pricing_helpers import CATALOGUE, POLICY, refused

from workbench.pricing import consistency_errors, parse_catalogue, parse_policy
from workbench.pricing.loader import read_json
from workbench.pricing.model import CATEGORIES, ROLES

SEED_CATEGORIES = {"mobile", "broadband", "dedicated_internet", "circuit", "wlan", "managed_network",
                   "school_messaging", "hotline", "ict", "data_card"}


def test_versions_validity_and_illustrative_marking() -> None:
    for doc in (CATALOGUE, POLICY):
        assert doc.version and doc.valid_from < doc.valid_to and doc.illustrative
        assert "示例" in doc.note.zh and "llustrative" in doc.note.en


def test_catalogue_covers_the_seed() -> None:
    assert SEED_CATEGORIES <= {p.category for p in CATALOGUE.products} <= set(CATEGORIES)
    assert {p.unit for p in CATALOGUE.products} == {"line_month", "circuit_month", "one_off"}
    assert any(p.category == "broadband" and "高速" in p.name.zh for p in CATALOGUE.products)
    ict = CATALOGUE.product("ICT-STD")
    assert ict is not None and ict.unit == "one_off" and ict.min_term_months == 0
    for p in CATALOGUE.products:
        assert Decimal(0) <= p.price_floor <= p.list_price and p.installation_fee >= 0
        assert p.name.zh and p.name.en and p.fabe.feature.zh and p.fabe.benefit.en
        if p.category != "service":
            assert p.fabe.evidence, p.code


def test_the_haier_managed_network_case_is_evidence() -> None:
    mns = CATALOGUE.product("MNS-STD")
    assert mns is not None and mns.category == "managed_network" and "网络管家" in mns.name.zh
    haier = [e for e in mns.fabe.evidence if "海尔" in e.customer.zh]
    assert haier and haier[0].industry == "electronics" and not haier[0].illustrative
    assert "外包" in haier[0].story.zh


def test_policy_is_consistent_with_the_catalogue() -> None:
    assert consistency_errors(CATALOGUE, POLICY) == []
    assert tuple(a.role for a in POLICY.authority) == ROLES
    assert {s.code for s in POLICY.schemes} == {"NETAGE-T1-NEW", "NETAGE-T1-OLD", "NETAGE-T2"}
    assert all(s.requires_services == ("YXT",) for s in POLICY.schemes)
    gift = POLICY.gifts[0]
    assert gift.when_products == {"BB-1000M"} and {g.product for g in gift.gives} == {"MNS-STD", "WLAN-AP"}


def test_consistency_flags_policy_discounts_below_a_floor() -> None:
    import dataclasses

    greedy = dataclasses.replace(POLICY, at_risk=dataclasses.replace(POLICY.at_risk, percent=Decimal(20)))
    assert any(e.field == "products.MOB-58" for e in consistency_errors(CATALOGUE, greedy))


def edited(name: str, path: str, value: Any) -> Any:
    doc = copy.deepcopy(read_json(None, name))
    target = doc
    parts = [int(p) if p.isdigit() else p for p in path.split(".")]
    for p in parts[:-1]:
        target = target[p]
    target[parts[-1]] = value
    return doc


@pytest.mark.parametrize(("path", "value", "field"), [
    ("products.0.price_floor", "60.00", "products[0].price_floor"),
    ("products.0.list_price", 58.0, "products[0].list_price"),
    ("products.0.unit", "per_year", "products[0].unit"),
    ("products.0.category", "toys", "products[0].category"),
    ("products.1.code", "MOB-58", "products[1].code"),
    ("products.0.fabe.evidence.0.industry", "mars", "products[0].fabe.evidence[0].industry"),
    ("valid_to", "2020-01-01", "valid_to"),
    ("format", "other", "format"),
])
def test_bad_catalogue_data_is_refused(path: str, value: Any, field: str) -> None:
    assert field in refused(lambda: parse_catalogue(edited("catalogue.json", path, value))).fields


@pytest.mark.parametrize(("path", "value", "field"), [
    ("term_tiers.tiers.1.percent", "1", "term_tiers.tiers[1]"),
    ("quantity_tiers.0.categories", ["toys"], "quantity_tiers[0].categories"),
    ("authority.0.max_discount_percent", "30", "authority[1].max_discount_percent"),
    ("authority.0.role", "boss", "authority"),
    ("schemes.1.code", "NETAGE-T1-NEW", "schemes[1].code"),
    ("schemes.2.requires_any_scheme", ["NOPE"], "schemes[2].requires_any_scheme"),
    ("schemes.0.valid_from", "2028-01-01", "schemes[0].valid_to"),
])
def test_bad_policy_data_is_refused(path: str, value: Any, field: str) -> None:
    assert field in refused(lambda: parse_policy(edited("policy.json", path, value))).fields
