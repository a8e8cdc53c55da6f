"""Checks of an offer against the catalogue, the policy and the date, before any pricing.

Every refusal names the field the manager must fix (``lines[2].term_months``,
``schemes[0].member_joined``) and says why in Chinese and English. All problems of an offer
are gathered, so a form can mark them all at once.
"""

from __future__ import annotations

from datetime import date
from decimal import Decimal

from workbench.domain.enums import INDUSTRY_CODES
from workbench.domain.errors import FieldError
from workbench.pricing.model import Catalogue, Policy, Product, Scheme
from workbench.pricing.money import places
from workbench.pricing.offer import ABSURD_QUANTITY, Offer, OfferLine, SchemeChoice
from workbench.pricing.reading import Errors, check_range

_HUNDRED = Decimal(100)


def line_term(line: OfferLine, product: Product) -> int:
    """The term a line is priced for: as given, or the product's minimum (0 for one-off)."""
    if not product.recurring:
        return 0
    return product.min_term_months if line.term_months is None else line.term_months


def member_joined(choice: SchemeChoice, offer: Offer) -> date | None:
    return choice.member_joined or offer.customer.member_joined


def check_offer(catalogue: Catalogue, policy: Policy, offer: Offer, *, role: str, today: date) -> list[FieldError]:
    errors = Errors()
    if policy.limit(role) is None:
        errors.add("role", f"未知角色 {role}", f"unknown role {role!r} (expected one of: "
                   f"{', '.join(a.role for a in policy.authority)})")
    if offer.customer.industry not in INDUSTRY_CODES:
        errors.add("customer.industry", f"未知行业 {offer.customer.industry}", f"unknown industry {offer.customer.industry!r}")
    if not offer.lines and not offer.schemes:
        errors.add("lines", "方案至少需要一个产品或一个预存方案", "an offer needs at least one line or one scheme")
    if len(offer.lines) > policy.max_lines:
        errors.add("lines", f"最多 {policy.max_lines} 行", f"at most {policy.max_lines} lines")
    _check_percent(errors, "manual_discount_percent", offer.manual_discount_percent)
    for i, line in enumerate(offer.lines):
        _check_line(errors, catalogue, policy, f"lines[{i}]", line)
    for j, choice in enumerate(offer.schemes):
        _check_scheme(errors, catalogue, policy, offer, j, choice, today)
    return errors.items


def _check_percent(errors: Errors, field: str, value: Decimal) -> None:
    if check_range(errors, field, value, Decimal(0), _HUNDRED) and places(value) > 2:
        errors.add(field, "最多 2 位小数", "at most 2 decimal places")


def _check_line(errors: Errors, catalogue: Catalogue, policy: Policy, path: str, line: OfferLine) -> None:
    product = catalogue.product(line.product)
    if product is None:
        errors.add(f"{path}.product", f"目录中没有产品 {line.product}", f"unknown product {line.product!r}")
    cap = product.max_quantity if product else ABSURD_QUANTITY
    if not 1 <= line.quantity <= cap:
        errors.add(f"{path}.quantity", f"数量 {line.quantity} 不合理, 应为 1..{cap}",
                   f"quantity {line.quantity} is not plausible: expected 1..{cap}")
    _check_percent(errors, f"{path}.manual_discount_percent", line.manual_discount_percent)
    if product is None:
        return
    if not product.recurring:
        if line.term_months:
            errors.add(f"{path}.term_months", f"{product.name.zh} 为一次性产品, 无合约期",
                       f"{product.code} is a one-off product: it has no term")
        return
    term = line_term(line, product)
    low = max(1, product.min_term_months)
    if term < low:
        errors.add(f"{path}.term_months", f"合约期 {term} 个月短于 {product.name.zh} 的最短期限 {low} 个月",
                   f"a term of {term} months is shorter than the {low}-month minimum of {product.code}")
    elif term > policy.max_term_months:
        errors.add(f"{path}.term_months", f"合约期最长 {policy.max_term_months} 个月",
                   f"a term may be at most {policy.max_term_months} months")


def _check_scheme(errors: Errors, catalogue: Catalogue, policy: Policy, offer: Offer, j: int,
                  choice: SchemeChoice, today: date) -> None:
    path = f"schemes[{j}]"
    if not 1 <= choice.members <= ABSURD_QUANTITY:
        errors.add(f"{path}.members", f"成员数 {choice.members} 不合理", f"{choice.members} members is not plausible")
    scheme = policy.scheme(choice.scheme)
    if scheme is None:
        errors.add(f"{path}.scheme", f"没有预存方案 {choice.scheme}", f"unknown scheme {choice.scheme!r}")
        return
    if today > scheme.valid_to:
        errors.add(f"{path}.scheme", f"{scheme.name.zh} 已于 {scheme.valid_to} 过期",
                   f"{scheme.code} expired on {scheme.valid_to}")
    elif today < scheme.valid_from:
        errors.add(f"{path}.scheme", f"{scheme.name.zh} 自 {scheme.valid_from} 起才可办理",
                   f"{scheme.code} is not offered before {scheme.valid_from}")
    _check_joined(errors, path, scheme, member_joined(choice, offer), today)
    opened = set(choice.services) | {line.product for line in offer.lines}
    for service in scheme.requires_services:
        if service not in opened:
            product = catalogue.product(service)
            name = product.name if product else None
            # The product's own name says what it is ("... service (free)"): no word added.
            errors.add(f"{path}.services", f"办理该方案需开通{name.zh if name else service}",
                       f"this scheme requires {service}, {name.en}, to be opened" if name
                       else f"this scheme requires the service {service} to be opened")
    for held in choice.held_schemes:
        if policy.scheme(held) is None:
            errors.add(f"{path}.held_schemes", f"没有预存方案 {held}", f"unknown scheme {held!r}")
    if scheme.requires_any_scheme and not _prerequisite_met(offer, choice, scheme):
        names = "、".join(s.name.zh for code in scheme.requires_any_scheme if (s := policy.scheme(code)))
        errors.add(f"{path}.scheme", f"仅限已参加 {names} 的成员",
                   f"only for members of {' or '.join(scheme.requires_any_scheme)} (list it in held_schemes "
                   "or choose it in this offer for as many members)")


def _check_joined(errors: Errors, path: str, scheme: Scheme, joined: date | None, today: date) -> None:
    if scheme.joined_from is None and scheme.joined_before is None:
        return
    field = f"{path}.member_joined"
    if joined is None:
        errors.add(field, "需要成员入网日期以判断资格", "the member's join date is needed to decide eligibility")
    elif joined > today:
        errors.add(field, f"入网日期 {joined} 晚于今天", f"join date {joined} is in the future")
    elif scheme.joined_from is not None and joined < scheme.joined_from:
        errors.add(field, f"{scheme.name.zh} 仅限 {scheme.joined_from} 及以后入网的成员",
                   f"{scheme.code} is for members who joined on or after {scheme.joined_from}")
    elif scheme.joined_before is not None and joined >= scheme.joined_before:
        errors.add(field, f"{scheme.name.zh} 仅限 {scheme.joined_before} 以前入网的成员",
                   f"{scheme.code} is for members who joined before {scheme.joined_before}")


def _prerequisite_met(offer: Offer, choice: SchemeChoice, scheme: Scheme) -> bool:
    required = set(scheme.requires_any_scheme)
    if required & set(choice.held_schemes):
        return True
    joining = sum(c.members for c in offer.schemes if c.scheme in required)
    needed = sum(c.members for c in offer.schemes
                 if c.scheme == choice.scheme and not required & set(c.held_schemes))
    return joining >= needed
