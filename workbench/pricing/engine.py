"""``price``: catalogue + policy + offer -> a priced, explained quote, or a refusal.

Order of work: check the offer (every problem named by field), gather the whole-offer facts
(categories bundled, at-risk large customer), price each sound line (discounts add up as
percentages of list; the net unit price is rounded once, half up, to the fen), refuse any
line below its floor or beyond HQ's authority, then derive gifts, schemes, the schedule
and the totals from the rounded lines. Nothing partial is ever returned: a refusal of the
lines (:class:`LinesRefused`) carries the lines that could be priced, so a form can keep
showing them while the refused one is fixed, but there is no quote, no totals, no verdict.
"""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence
from datetime import date

from workbench.domain.errors import FieldError, ValidationError
from workbench.pricing.authority import authority
from workbench.pricing.model import Catalogue, Policy, Product
from workbench.pricing.money import ZERO, discounted, pct_text, percent, share_off
from workbench.pricing.offer import Offer, OfferLine
from workbench.pricing.quote import (
    Discount,
    Explanation,
    Gift,
    Quote,
    QuoteLine,
    SchemeQuote,
    Totals,
)
from workbench.pricing.reading import Errors
from workbench.pricing.rules import bundle_gifts, line_discounts, offer_facts
from workbench.pricing.schemes import quote_scheme, schedule, scheme_gift
from workbench.pricing.validate import check_offer, line_term, member_joined

_LINE_FIELD = re.compile(r"lines\[(\d+)\]")


class LinesRefused(ValidationError):
    """The offer refused once its lines were priced. ``lines`` holds every line that passed the
    checks, priced with the whole offer's facts (bundle, risk), those below their floor too;
    ``below_floor`` maps the index of each line under its floor to the refusal naming it (one
    of ``errors``). The other refusals (a term too short, HQ's authority) are in ``errors``."""

    def __init__(self, errors: Sequence[FieldError], *, lines: Sequence[QuoteLine],
                 below_floor: Mapping[int, FieldError]) -> None:
        super().__init__(list(errors))
        self.lines: tuple[QuoteLine, ...] = tuple(lines)
        self.below_floor: dict[int, FieldError] = dict(below_floor)


def price(catalogue: Catalogue, policy: Policy, offer: Offer, *, role: str = "manager", today: date) -> Quote:
    """Price ``offer`` as ``role`` on ``today``; raise ``ValidationError`` to refuse it."""
    errors = Errors()
    errors.items += check_offer(catalogue, policy, offer, role=role, today=today)
    if any(e.field == "manual_discount_percent" for e in errors.items):
        errors.raise_if_any()  # every line would be mispriced: its floor says nothing more
    faulty = {int(m.group(1)) for e in errors.items if (m := _LINE_FIELD.match(e.field))}
    found = [catalogue.product(line.product) for line in offer.lines]
    facts = offer_facts(policy, offer, [p for p in found if p is not None])
    lines = []
    below_floor: dict[int, FieldError] = {}
    for i, (line, product) in enumerate(zip(offer.lines, found, strict=True)):
        if product is None or i in faulty:
            continue  # refused already; the sound lines are still checked against their floors
        term = line_term(line, product)
        priced = price_line(i, line, product, term, line_discounts(policy, offer, facts, line, product, term))
        if priced.net_unit < product.price_floor:
            errors.add(_floor_field(offer, i), f"第 {i + 1} 行 {product.name.zh}: 净单价 {priced.net_unit} 低于底线价 "
                       f"{product.price_floor}, 不能报价", f"line {i + 1} {product.code}: the net unit price "
                       f"{priced.net_unit} is below the price floor {product.price_floor}; it cannot be offered")
            below_floor[i] = errors.items[-1]
        lines.append(priced)
    if errors.items:
        raise LinesRefused(errors.items, lines=lines, below_floor=below_floor)
    products = [_known(catalogue, line.product) for line in offer.lines]
    verdict = authority(policy, role, lines)
    if verdict is None:
        deepest = max(lines, key=lambda q: q.effective_discount_percent)
        hq = policy.authority[-1]
        errors.add(_floor_field(offer, deepest.index), f"第 {deepest.index + 1} 行优惠 {deepest.effective_discount_percent}% "
                   f"超出总部权限 {pct_text(hq.max_discount_percent)}%", f"line {deepest.index + 1}: a "
                   f"{deepest.effective_discount_percent}% discount exceeds HQ's {pct_text(hq.max_discount_percent)}% authority")
        raise LinesRefused(errors.items, lines=lines, below_floor={})
    gifts, gift_notes = bundle_gifts(catalogue, policy, [
        (line, product, q.term_months) for line, product, q in zip(offer.lines, products, lines, strict=True)])
    schemes = []
    for j, choice in enumerate(offer.schemes):
        scheme = policy.scheme(choice.scheme)
        assert scheme is not None
        schemes.append(quote_scheme(j, choice, scheme, member_joined(choice, offer)))
        gifts += (scheme_gift(schemes[-1], scheme),)
    return Quote(
        catalogue_version=catalogue.version, policy_version=policy.version,
        illustrative=catalogue.illustrative or policy.illustrative, today=today,
        customer_name=offer.customer.name, industry=offer.customer.industry,
        lines=tuple(lines), gifts=gifts, schemes=tuple(schemes), schedule=schedule(lines, schemes),
        totals=totals(lines, schemes, gifts), authority=verdict,
        notes=facts.notes + gift_notes + _data_notes(catalogue, policy, today),
    )


def _known(catalogue: Catalogue, code: str) -> Product:
    product = catalogue.product(code)
    assert product is not None, code  # check_offer refused unknown products
    return product


def _floor_field(offer: Offer, i: int) -> str:
    """The field to fix when line ``i`` is cut too deep: the manual discount that did it."""
    if offer.lines[i].manual_discount_percent > 0:
        return f"lines[{i}].manual_discount_percent"
    if offer.manual_discount_percent > 0:
        return "manual_discount_percent"
    return f"lines[{i}].product"


def price_line(index: int, line: OfferLine, product: Product, term: int, discounts: tuple[Discount, ...]) -> QuoteLine:
    """One line: the summed discount, the single rounding, then exact products and sums."""
    total_percent = sum((d.percent for d in discounts), ZERO)
    net = discounted(product.list_price, total_percent)
    qty = line.quantity
    installation = product.installation_fee * qty
    if product.recurring:
        monthly, one_off = net * qty, ZERO
        list_total = product.list_price * qty * term + installation
    else:
        monthly, one_off = ZERO, net * qty
        list_total = product.list_price * qty + installation
    return QuoteLine(
        index=index, product=product.code, name=product.name, category=product.category, unit=product.unit,
        quantity=qty, term_months=term, list_unit=product.list_price, discounts=discounts,
        discount_percent=percent(total_percent), effective_discount_percent=share_off(product.list_price, net),
        net_unit=net, price_floor=product.price_floor, monthly=monthly, one_off=one_off, installation=installation,
        first_year=monthly * min(term, 12) + one_off + installation,
        term_total=monthly * term + one_off + installation, list_term_total=list_total,
    )


def totals(lines: Sequence[QuoteLine], schemes: Sequence[SchemeQuote], gifts: Sequence[Gift]) -> Totals:
    over_term = sum((q.term_total for q in lines), ZERO)
    list_over_term = sum((q.list_term_total for q in lines), ZERO)
    installation = sum((q.installation for q in lines), ZERO)
    savings = list_over_term - over_term
    discountable = list_over_term - installation
    return Totals(
        monthly_recurring=sum((q.monthly for q in lines), ZERO),
        one_off=sum((q.one_off for q in lines), ZERO),
        installation=installation,
        first_year=sum((q.first_year for q in lines), ZERO),
        over_term=over_term, list_over_term=list_over_term, savings=savings,
        effective_discount_percent=percent(savings * 100 / discountable) if discountable > 0 else ZERO,
        prestore=sum((s.prestore_total for s in schemes), ZERO),
        rebate=sum((s.rebate_total for s in schemes), ZERO),
        gift_value=sum((g.value for g in gifts), ZERO),
    )


def _data_notes(catalogue: Catalogue, policy: Policy, today: date) -> tuple[Explanation, ...]:
    notes = []
    for kind, doc in (("CATALOGUE", catalogue), ("POLICY", policy)):
        zh_kind = "产品目录" if kind == "CATALOGUE" else "价格政策"
        if not doc.valid_from <= today <= doc.valid_to:
            notes.append(Explanation(f"{kind}-VALIDITY", f"{zh_kind} {doc.version} 的有效期为 {doc.valid_from} 至 {doc.valid_to}",
                                     f"{kind.lower()} {doc.version} is valid from {doc.valid_from} to {doc.valid_to}"))
        if doc.illustrative:
            notes.append(Explanation(f"{kind}-ILLUSTRATIVE", f"{zh_kind}: {doc.note.zh}", f"{kind.lower()}: {doc.note.en}"))
    return tuple(notes)
