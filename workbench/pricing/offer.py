"""The offer a manager builds: customer facts, lines, chosen schemes, a whole-offer discount.

:func:`parse_offer` reads the JSON offer format (``docs/offer-format.md``) strictly: wrong
types, unknown keys and bad dates are refused with the field named. Ranges that depend on
the catalogue or the policy (quantity caps, minimum terms, scheme eligibility) are checked
by :func:`workbench.pricing.price`, which also re-checks offers built in code.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from decimal import Decimal

from workbench.domain.enums import INDUSTRY_CODES
from workbench.pricing.reading import Node
from workbench.pricing.reading import root as read_root

OFFER_FORMAT = "workbench-offer/1"
_NO_DISCOUNT = Decimal(0)


@dataclass(frozen=True, slots=True)
class CustomerFacts:
    """What pricing needs to know about the customer.

    ``large`` overrides the size test; when it is None the customer is large if
    ``mobile_lines`` reaches the policy's threshold for the at-risk discount.
    """

    industry: str
    name: str = ""
    member_joined: date | None = None
    at_risk: bool = False
    large: bool | None = None
    mobile_lines: int | None = None


@dataclass(frozen=True, slots=True)
class OfferLine:
    """One product line. ``term_months`` None means the product's minimum term."""

    product: str
    quantity: int
    term_months: int | None = None
    manual_discount_percent: Decimal = _NO_DISCOUNT


@dataclass(frozen=True, slots=True)
class SchemeChoice:
    """``members`` members join ``scheme``. ``member_joined`` (default: the customer's
    date) decides eligibility; ``services`` are the services they open with it (银讯通);
    ``held_schemes`` are schemes they already took part in (a prerequisite)."""

    scheme: str
    members: int = 1
    member_joined: date | None = None
    services: tuple[str, ...] = ()
    held_schemes: tuple[str, ...] = ()


@dataclass(frozen=True, slots=True)
class Offer:
    customer: CustomerFacts
    lines: tuple[OfferLine, ...] = ()
    schemes: tuple[SchemeChoice, ...] = ()
    manual_discount_percent: Decimal = _NO_DISCOUNT
    title: str = ""


_CUSTOMER_KEYS = ("name", "industry", "member_joined", "at_risk", "large", "mobile_lines")
_LINE_KEYS = ("product", "quantity", "term_months", "manual_discount_percent", "note")
_SCHEME_KEYS = ("scheme", "members", "member_joined", "services", "held_schemes")
_HUNDRED = Decimal(100)
#: Structural caps; the catalogue's per-product ``max_quantity`` is checked when pricing.
ABSURD_QUANTITY = 1_000_000
MAX_ITEMS = 100_000


def parse_offer(data: object) -> Offer:
    """Build an :class:`Offer` from decoded JSON, or raise ``ValidationError`` naming each bad field."""
    root, errors = read_root(
        data, ("format", "title", "customer", "lines", "schemes", "manual_discount_percent", "note"), "offer")
    if root.has("format"):
        root.string("format", choices=(OFFER_FORMAT,))
    cust = root.node("customer", _CUSTOMER_KEYS)
    customer = CustomerFacts(
        industry=cust.string("industry", choices=INDUSTRY_CODES),
        name=cust.string("name", ""),
        member_joined=cust.optional_date("member_joined"),
        at_risk=cust.flag("at_risk", False),
        large=cust.flag("large") if cust.has("large") else None,
        mobile_lines=cust.integer("mobile_lines", lo=0, hi=10_000_000) if cust.has("mobile_lines") else None,
    )
    lines = []
    for path, item in root.items("lines", max_items=MAX_ITEMS):
        node = Node(item, path, errors, _LINE_KEYS)
        lines.append(OfferLine(
            product=node.string("product"),
            quantity=node.integer("quantity", lo=1, hi=ABSURD_QUANTITY),
            term_months=node.integer("term_months", lo=0) if node.has("term_months") else None,
            manual_discount_percent=node.number("manual_discount_percent", _NO_DISCOUNT, lo=_NO_DISCOUNT, hi=_HUNDRED),
        ))
        if node.has("note"):
            node.string("note")
    schemes = []
    for path, item in root.items("schemes", max_items=MAX_ITEMS):
        node = Node(item, path, errors, _SCHEME_KEYS)
        schemes.append(SchemeChoice(
            scheme=node.string("scheme"),
            members=node.integer("members", 1, lo=1, hi=ABSURD_QUANTITY),
            member_joined=node.optional_date("member_joined"),
            services=node.strings("services"),
            held_schemes=node.strings("held_schemes"),
        ))
    offer = Offer(
        customer=customer, lines=tuple(lines), schemes=tuple(schemes),
        manual_discount_percent=root.number("manual_discount_percent", _NO_DISCOUNT, lo=_NO_DISCOUNT, hi=_HUNDRED),
        title=root.string("title", ""),
    )
    errors.raise_if_any()
    return offer
