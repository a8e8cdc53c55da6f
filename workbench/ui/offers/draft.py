"""The offer being edited, as the user typed it (pure Python, no Qt).

Quantities, terms and discounts are kept as the typed text, so a refused value stays on
screen. :meth:`OfferDraft.build` turns the text into a :class:`workbench.pricing.Offer`
(or says which fields it cannot read); :meth:`OfferDraft.to_dict` gives the JSON offer
format of ``docs/offer-format.md``, which :func:`workbench.pricing.parse_offer` accepts.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from datetime import date
from decimal import Decimal, InvalidOperation
from typing import Any

from workbench.domain.errors import FieldError
from workbench.pricing import CustomerFacts, Offer, OfferLine, SchemeChoice
from workbench.pricing.offer import OFFER_FORMAT


@dataclass
class DraftLine:
    product: str
    quantity: str = "1"
    term: str = ""  # "" = the product's minimum term
    discount: str = ""  # manual discount per cent, "" = none


@dataclass
class DraftScheme:
    scheme: str
    members: int = 1
    member_joined: date | None = None
    services: tuple[str, ...] = ("YXT",)
    held_schemes: tuple[str, ...] = ()


@dataclass
class OfferDraft:
    customer: CustomerFacts
    title: str = ""
    lines: list[DraftLine] = field(default_factory=list)
    schemes: list[DraftScheme] = field(default_factory=list)
    discount: str = ""  # whole-offer manual discount per cent

    def build(self) -> tuple[Offer | None, list[FieldError]]:
        """The offer, or None and the fields whose text is not a number of the right kind."""
        errors: list[FieldError] = []
        lines = []
        for i, line in enumerate(self.lines):
            qty = _whole(errors, f"lines[{i}].quantity", line.quantity, required=True)
            term = _whole(errors, f"lines[{i}].term_months", line.term, required=False)
            disc = _decimal(errors, f"lines[{i}].manual_discount_percent", line.discount)
            lines.append(OfferLine(line.product, qty or 0, term, disc))
        disc = _decimal(errors, "manual_discount_percent", self.discount)
        if errors:
            return None, errors
        schemes = tuple(SchemeChoice(s.scheme, s.members, s.member_joined, s.services, s.held_schemes)
                        for s in self.schemes)
        return Offer(self.customer, tuple(lines), schemes, disc, self.title), []

    def to_dict(self) -> dict[str, Any]:
        """The JSON offer document (decimals as strings). Call after a successful :meth:`build`."""
        offer, errors = self.build()
        if offer is None:
            raise ValueError(f"the draft has unreadable fields: {[e.field for e in errors]}")
        c = offer.customer
        customer: dict[str, Any] = {"industry": c.industry, "at_risk": c.at_risk}
        if c.name:
            customer["name"] = c.name
        if c.member_joined is not None:
            customer["member_joined"] = c.member_joined.isoformat()
        if c.large is not None:
            customer["large"] = c.large
        if c.mobile_lines is not None:
            customer["mobile_lines"] = c.mobile_lines
        lines = []
        for line in offer.lines:
            item: dict[str, Any] = {"product": line.product, "quantity": line.quantity}
            if line.term_months is not None:
                item["term_months"] = line.term_months
            if line.manual_discount_percent:
                item["manual_discount_percent"] = str(line.manual_discount_percent)
            lines.append(item)
        schemes = []
        for s in offer.schemes:
            choice: dict[str, Any] = {"scheme": s.scheme, "members": s.members, "services": list(s.services)}
            if s.member_joined is not None:
                choice["member_joined"] = s.member_joined.isoformat()
            if s.held_schemes:
                choice["held_schemes"] = list(s.held_schemes)
            schemes.append(choice)
        return {"format": OFFER_FORMAT, "title": offer.title, "customer": customer, "lines": lines,
                "schemes": schemes, "manual_discount_percent": str(offer.manual_discount_percent)}

    @classmethod
    def from_dict(cls, data: Mapping[str, Any], customer: CustomerFacts) -> OfferDraft:
        """A draft from a JSON offer document; the customer facts given win over the document's."""
        facts = customer
        joined = data.get("customer", {}).get("member_joined") if isinstance(data.get("customer"), Mapping) else None
        if facts.member_joined is None and joined:
            facts = CustomerFacts(facts.industry, facts.name, date.fromisoformat(str(joined)), facts.at_risk,
                                  facts.large, facts.mobile_lines)
        lines = [DraftLine(str(item["product"]), str(item.get("quantity", 1)),
                           "" if item.get("term_months") is None else str(item["term_months"]),
                           _blank_zero(item.get("manual_discount_percent")))
                 for item in data.get("lines") or ()]
        schemes = [DraftScheme(str(item["scheme"]), int(item.get("members", 1)),
                               date.fromisoformat(str(item["member_joined"])) if item.get("member_joined") else None,
                               tuple(item.get("services") or ()), tuple(item.get("held_schemes") or ()))
                   for item in data.get("schemes") or ()]
        return cls(facts, str(data.get("title") or ""), lines, schemes,
                   _blank_zero(data.get("manual_discount_percent")))


def customer_facts(customer: Any) -> CustomerFacts:
    """Pricing facts from a ``dto.Customer`` (or anything with its attributes) or a dict.

    A dict may use the offer format's keys (``industry``, ``at_risk``, ``member_joined``...)
    or the customer's (``industry_code``, ``churn_risk``). A high churn risk means at risk.
    """
    if isinstance(customer, CustomerFacts):
        return customer
    get = customer.get if isinstance(customer, Mapping) else lambda k, d=None: getattr(customer, k, d)
    industry = get("industry") or get("industry_code") or "other"
    at_risk = get("at_risk")
    if at_risk is None:
        at_risk = get("churn_risk") == "high"
    joined = get("member_joined")
    if isinstance(joined, str):
        joined = date.fromisoformat(joined)
    lines = get("mobile_lines")
    return CustomerFacts(industry=str(industry), name=str(get("name") or ""), member_joined=joined,
                         at_risk=bool(at_risk), large=get("large"), mobile_lines=None if lines is None else int(lines))


def _blank_zero(value: object) -> str:
    if value is None:
        return ""
    text = str(value)
    return "" if text.strip() in ("0", "0.0", "0.00") else text


def _whole(errors: list[FieldError], path: str, text: str, *, required: bool) -> int | None:
    text = text.strip()
    if not text:
        if required:
            errors.append(FieldError(path, "请填写一个整数", "enter a whole number"))
        return None
    if not (text.isascii() and text.isdigit()):
        errors.append(FieldError(path, f"“{text}” 不是整数", f"{text!r} is not a whole number"))
        return None
    return int(text)


def _decimal(errors: list[FieldError], path: str, text: str) -> Decimal:
    text = text.strip().rstrip("%").strip()
    if not text:
        return Decimal(0)
    try:
        value = Decimal(text)
    except InvalidOperation:
        value = Decimal("NaN")
    if not value.is_finite():
        errors.append(FieldError(path, f"“{text}” 不是数字", f"{text!r} is not a number"))
        return Decimal(0)
    return value
