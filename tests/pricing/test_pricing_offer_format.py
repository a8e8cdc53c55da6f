"""The JSON offer format: the examples parse, malformed documents are refused naming the field."""

from __future__ import annotations

import copy
import json
from datetime import date
from decimal import Decimal
from typing import Any

import pytest
from pricing_helpers import EXAMPLES, refused

from workbench.pricing import parse_offer

GOOD: dict[str, Any] = {
    "format": "workbench-offer/1",
    "customer": {"industry": "education", "member_joined": "2012-09-01", "at_risk": False, "mobile_lines": 85},
    "lines": [{"product": "JXT", "quantity": 1200, "term_months": 12, "manual_discount_percent": "1.5"}],
    "schemes": [{"scheme": "NETAGE-T1-NEW", "members": 3, "services": ["YXT"]}],
    "manual_discount_percent": 2,
}


def test_a_good_offer_parses() -> None:
    o = parse_offer(GOOD)
    assert o.customer.industry == "education" and o.customer.member_joined == date(2012, 9, 1)
    assert o.lines[0].manual_discount_percent == Decimal("1.5") and o.manual_discount_percent == Decimal(2)
    assert o.schemes[0].members == 3 and o.schemes[0].services == ("YXT",) and o.schemes[0].member_joined is None


@pytest.mark.parametrize("path", sorted(EXAMPLES.glob("*.json")), ids=lambda p: p.stem)
def test_the_documented_examples_parse(path) -> None:
    offer = parse_offer(json.loads(path.read_text("utf-8"), parse_float=Decimal))
    assert offer.lines


def mutate(path: str, value: Any) -> dict[str, Any]:
    """GOOD with the value at ``path`` (dotted, with list indexes) replaced; ``...`` deletes it."""
    doc = copy.deepcopy(GOOD)
    parts = [int(p) if p.isdigit() else p for p in path.split(".")]
    target: Any = doc
    for p in parts[:-1]:
        target = target[p]
    if value is ...:
        del target[parts[-1]]
    else:
        target[parts[-1]] = value
    return doc


@pytest.mark.parametrize(("path", "value", "field"), [
    ("customer", ..., "customer"),
    ("customer", "a bank", "customer"),
    ("customer.industry", ..., "customer.industry"),
    ("customer.industry", "bank", "customer.industry"),
    ("customer.member_joined", "2011-13-01", "customer.member_joined"),
    ("customer.member_joined", "1/1/2011", "customer.member_joined"),
    ("customer.at_risk", "yes", "customer.at_risk"),
    ("customer.mobile_lines", -1, "customer.mobile_lines"),
    ("customer.colour", "red", "customer.colour"),
    ("lines", {"product": "JXT"}, "lines"),
    ("lines.0", "JXT", "lines[0]"),
    ("lines.0.product", ..., "lines[0].product"),
    ("lines.0.product", 7, "lines[0].product"),
    ("lines.0.quantity", ..., "lines[0].quantity"),
    ("lines.0.quantity", 2.5, "lines[0].quantity"),
    ("lines.0.quantity", Decimal("2.5"), "lines[0].quantity"),
    ("lines.0.quantity", "12", "lines[0].quantity"),
    ("lines.0.quantity", True, "lines[0].quantity"),
    ("lines.0.quantity", 0, "lines[0].quantity"),
    ("lines.0.quantity", 10**9, "lines[0].quantity"),
    ("lines.0.quantitiy", 3, "lines[0].quantitiy"),
    ("lines.0.term_months", "twelve", "lines[0].term_months"),
    ("lines.0.manual_discount_percent", 1.5, "lines[0].manual_discount_percent"),
    ("lines.0.manual_discount_percent", "1.555", "lines[0].manual_discount_percent"),
    ("lines.0.manual_discount_percent", "150", "lines[0].manual_discount_percent"),
    ("lines.0.manual_discount_percent", "1e2", "lines[0].manual_discount_percent"),
    ("schemes.0.scheme", ..., "schemes[0].scheme"),
    ("schemes.0.members", 0, "schemes[0].members"),
    ("schemes.0.services", "YXT", "schemes[0].services"),
    ("schemes.0.services", [""], "schemes[0].services[0]"),
    ("schemes.0.member_joined", 20110101, "schemes[0].member_joined"),
    ("manual_discount_percent", "-3", "manual_discount_percent"),
    ("format", "workbench-offer/9", "format"),
    ("lines_", [], "lines_"),
])
def test_malformed_offers_are_refused_naming_the_field(path: str, value: Any, field: str) -> None:
    err = refused(lambda: parse_offer(mutate(path, value)))
    assert field in err.fields, err


def test_not_an_object_at_all() -> None:
    assert refused(lambda: parse_offer([1, 2])).fields[0] == "offer"


def test_every_problem_is_reported_at_once() -> None:
    doc = mutate("lines.0.quantity", -1)
    doc["customer"]["industry"] = "x"
    doc["schemes"][0]["members"] = "many"
    assert set(refused(lambda: parse_offer(doc)).fields) == {
        "lines[0].quantity", "customer.industry", "schemes[0].members"}


def test_the_example_in_the_format_document_prices() -> None:
    import re

    from pricing_helpers import quote

    text = (EXAMPLES.parent / "offer-format.md").read_text("utf-8")
    block = re.search(r"```json\n(.*?)```", text, re.S)
    assert block is not None
    q = quote(parse_offer(json.loads(block.group(1), parse_float=Decimal)))
    assert len(q.lines) == 3 and q.schemes[0].prestore == Decimal("139.00")
    assert {g.code for g in q.gifts} == {"MNS-STD", "WLAN-AP", "OIL-5L"}
