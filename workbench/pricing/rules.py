"""The policy's rules applied to one offer: line discounts and bundle gifts, each explained.

Discounts are percentages of the list price and add up (term 6 % + quantity 2 % = 8 % off);
the line is rounded once, afterwards, by the engine. Policy discounts (term, quantity,
whole-account bundle, at-risk large customer) apply to recurring tariffs only; the manual
discounts (the line's and the whole offer's) apply to every line.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from workbench.pricing.model import Catalogue, Policy, Product, TierTable
from workbench.pricing.money import pct_text, percent
from workbench.pricing.offer import Offer, OfferLine
from workbench.pricing.quote import Discount, Explanation, Gift

MANUAL_LINE, MANUAL_OFFER = "MANUAL-LINE", "MANUAL-OFFER"


@dataclass(frozen=True, slots=True)
class OfferFacts:
    """Facts of the whole offer that line discounts depend on."""

    bundle_categories: tuple[str, ...]  # distinct recurring categories bought, sorted
    at_risk_large: bool
    notes: tuple[Explanation, ...]


def offer_facts(policy: Policy, offer: Offer, products: Sequence[Product]) -> OfferFacts:
    categories = tuple(sorted({p.category for p in products if p.recurring and policy.bundle.applies_to(p.category)}))
    c, risk = offer.customer, policy.at_risk
    if c.large is not None:
        large, size_zh, size_en = c.large, "标记为大客户", "marked as a large customer"
    else:
        lines = c.mobile_lines or 0
        large = lines >= risk.min_mobile_lines
        size_zh, size_en = f"在用手机 {lines} 部", f"{lines} mobile lines in use"
    notes = []
    at_risk_large = c.at_risk and large
    if c.at_risk and not large:
        notes.append(Explanation(risk.id, f"{risk.name.zh}: 客户有流失风险, 但非大客户({size_zh}, 门槛 {risk.min_mobile_lines} 部)",
                                 f"{risk.name.en}: at risk, but not a large customer ({size_en}; "
                                 f"threshold {risk.min_mobile_lines})"))
    elif at_risk_large:
        notes.append(Explanation(risk.id, f"{risk.name.zh}: 有流失风险的大客户({size_zh}), 各项资费再优惠 {pct_text(risk.percent)}%",
                                 f"{risk.name.en}: a large customer at risk of leaving ({size_en}), "
                                 f"{pct_text(risk.percent)}% off every tariff"))
    return OfferFacts(categories, at_risk_large, tuple(notes))


def _tier(table: TierTable, value: int, unit_zh: str, unit_en: str, what_zh: str, what_en: str) -> Discount | None:
    tier = table.tier_for(value)
    if tier is None or tier.percent <= 0:
        return None
    pct = pct_text(tier.percent)
    return Discount(percent(tier.percent), Explanation(
        f"{table.id}-{tier.threshold}",
        f"{table.name.zh}: {what_zh}, 达到 {tier.threshold}{unit_zh}档, 优惠 {pct}%",
        f"{table.name.en}: {what_en} reaches the {tier.threshold}{unit_en} tier, {pct}% off",
    ))


def line_discounts(policy: Policy, offer: Offer, facts: OfferFacts, line: OfferLine, product: Product,
                   term: int) -> tuple[Discount, ...]:
    """Every discount on ``line``, in a fixed order: term, quantity, bundle, at-risk, manual."""
    found: list[Discount | None] = []
    if product.recurring:
        if policy.term_tiers.applies_to(product.category):
            found.append(_tier(policy.term_tiers, term, " 个月", "-month", f"合约期 {term} 个月", f"a {term}-month term"))
        for table in policy.quantity_tiers:
            if table.applies_to(product.category):
                found.append(_tier(table, line.quantity, "", "-unit", f"数量 {line.quantity}", f"a quantity of {line.quantity}"))
        if product.category in facts.bundle_categories:
            n = len(facts.bundle_categories)
            found.append(_tier(policy.bundle, n, " 类", "-category", f"组合 {n} 类业务", f"a bundle of {n} categories"))
        if facts.at_risk_large and policy.at_risk.percent > 0:
            r, pct = policy.at_risk, pct_text(policy.at_risk.percent)
            found.append(Discount(percent(r.percent), Explanation(r.id, f"{r.name.zh}: 优惠 {pct}%", f"{r.name.en}: {pct}% off")))
    if line.manual_discount_percent > 0:
        pct = pct_text(line.manual_discount_percent)
        found.append(Discount(percent(line.manual_discount_percent), Explanation(MANUAL_LINE, f"本行手工优惠 {pct}%", f"manual discount on this line, {pct}%")))
    if offer.manual_discount_percent > 0:
        pct = pct_text(offer.manual_discount_percent)
        found.append(Discount(percent(offer.manual_discount_percent), Explanation(MANUAL_OFFER, f"整单手工优惠 {pct}%", f"manual discount on the whole offer, {pct}%")))
    return tuple(d for d in found if d is not None)


def bundle_gifts(catalogue: Catalogue, policy: Policy, priced: Sequence[tuple[OfferLine, Product, int]]
                 ) -> tuple[tuple[Gift, ...], tuple[Explanation, ...]]:
    """The free items each gift rule gives for the offer's lines (捆绑赠送), in policy order.

    A rule fires when the offer has a line of one of its trigger products; it gives
    ``quantity_each`` per triggering unit (capped), for the longest triggering term.
    """
    gifts: list[Gift] = []
    notes: list[Explanation] = []
    for rule in policy.gifts:
        triggers = [(line, product, term) for line, product, term in priced if product.code in rule.when_products]
        if not triggers:
            continue
        units = sum(line.quantity for line, _, _ in triggers)
        months = max(term for _, _, term in triggers)
        by_zh = "、".join(sorted({p.name.zh for _, p, _ in triggers}))
        by_en = ", ".join(sorted({p.code for _, p, _ in triggers}))
        for item in rule.gives:
            product = catalogue.product(item.product)
            if product is None:
                notes.append(Explanation(rule.id, f"赠品 {item.product} 不在产品目录中, 未赠送",
                                         f"gift {item.product} is not in the catalogue; not given"))
                continue
            quantity = units * item.quantity_each
            if item.max_quantity is not None:
                quantity = min(quantity, item.max_quantity)
            span = months if product.recurring else 1
            gifts.append(Gift(
                kind="product", code=product.code, name=product.name, quantity=quantity,
                months=months if product.recurring else 0, value=product.list_price * quantity * span,
                why=Explanation(rule.id, f"{rule.name.zh}: 选择{by_zh}, 赠送{product.name.zh} × {quantity}",
                                f"{rule.name.en}: {by_en} brings {product.code} x {quantity} free"),
            ))
    return tuple(gifts), tuple(notes)
