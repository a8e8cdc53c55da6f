"""Shared helpers of the pricing tests: the shipped data, a fixed date, small offer builders."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from decimal import Decimal
from pathlib import Path
from typing import Any

import pytest

from workbench.domain.errors import ValidationError
from workbench.pricing import (
    CustomerFacts,
    Offer,
    OfferLine,
    Quote,
    SchemeChoice,
    load_catalogue,
    load_policy,
    price,
)

CATALOGUE = load_catalogue()
POLICY = load_policy()
#: Inside the validity of the shipped catalogue, policy and schemes.
TODAY = date(2026, 12, 1)
EXAMPLES = Path(__file__).resolve().parents[2] / "docs" / "examples"


def line(product: str, quantity: int = 1, term: int | None = None, manual: str = "0") -> OfferLine:
    return OfferLine(product, quantity, term, Decimal(manual))


def offer(*lines: OfferLine, schemes: tuple[SchemeChoice, ...] = (), industry: str = "banking",
          joined: date | None = None, at_risk: bool = False, large: bool | None = None,
          mobile_lines: int | None = None, manual: str = "0") -> Offer:
    customer = CustomerFacts(industry=industry, name="测试客户", member_joined=joined, at_risk=at_risk,
                             large=large, mobile_lines=mobile_lines)
    return Offer(customer=customer, lines=tuple(lines), schemes=schemes, manual_discount_percent=Decimal(manual))


def quote(o: Offer, **kwargs: Any) -> Quote:
    kwargs.setdefault("today", TODAY)
    return price(CATALOGUE, POLICY, o, **kwargs)


def refused(call: Callable[[], object]) -> ValidationError:
    """The ValidationError ``call`` raises (fails the test if it returns)."""
    with pytest.raises(ValidationError) as info:
        call()
    assert info.value.errors, "a refusal names at least one field"
    for e in info.value.errors:
        assert e.field and e.zh and e.en
    return info.value


def d(text: str) -> Decimal:
    return Decimal(text)
