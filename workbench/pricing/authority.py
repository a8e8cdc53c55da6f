"""Discount authority (价格优惠权限): who may grant the deepest discount of an offer.

The measure is the deepest *effective* discount of any line — ``(list - net) / list`` after
rounding, policy and manual discounts together — because one deeply cut line must not hide
in a large offer. A role may grant up to its limit; beyond it the team lead or HQ must
approve; beyond HQ's limit the offer is refused. The classification never goes down when
the discount goes up.
"""

from __future__ import annotations

from collections.abc import Sequence
from decimal import Decimal

from workbench.pricing.model import ROLES, Policy
from workbench.pricing.money import ZERO, pct_text
from workbench.pricing.quote import (
    NEEDS_HQ,
    NEEDS_TEAM_LEAD,
    WITHIN,
    Authority,
    Explanation,
    QuoteLine,
)

__all__ = ["APPROVERS", "ROLES", "authority", "classify", "may_decide"]
_LEVEL_FOR_APPROVER = {"team_lead": NEEDS_TEAM_LEAD, "hq": NEEDS_HQ}
#: who may approve or reject an offer at each authority level (HQ also what needs the team lead)
APPROVERS = {NEEDS_TEAM_LEAD: frozenset({"team_lead", "hq"}), NEEDS_HQ: frozenset({"hq"})}


def may_decide(role: str, level: str | None) -> bool:
    """May ``role`` approve or reject an offer whose quote needs ``level``? An unpriced offer
    (no level) or an unknown level is HQ's to decide."""
    return role in APPROVERS.get(level or NEEDS_HQ, APPROVERS[NEEDS_HQ])


def classify(policy: Policy, role: str, measured: Decimal) -> tuple[str, str] | None:
    """``(level, approver)`` for a discount of ``measured`` per cent granted by ``role``;
    None when even HQ may not grant it."""
    own = policy.limit(role)
    if own is None:
        raise ValueError(f"unknown role {role!r}")
    if measured <= own.max_discount_percent:
        return WITHIN, role
    above = policy.authority[policy.authority.index(own) + 1:]
    for limit in above:
        if measured <= limit.max_discount_percent:
            return _LEVEL_FOR_APPROVER.get(limit.role, NEEDS_HQ), limit.role
    return None


def authority(policy: Policy, role: str, lines: Sequence[QuoteLine]) -> Authority | None:
    """The quote's authority verdict; None when beyond every limit (the caller refuses)."""
    deepest = max(lines, key=lambda q: (q.effective_discount_percent, -q.index), default=None)
    measured = deepest.effective_discount_percent if deepest else ZERO
    own = policy.limit(role)
    assert own is not None
    verdict = classify(policy, role, measured)
    if verdict is None:
        return None
    level, approver = verdict
    where_zh = f"第 {deepest.index + 1} 行 {deepest.name.zh}" if deepest else "无产品行"
    where_en = f"line {deepest.index + 1} {deepest.product}" if deepest else "no lines"
    target = policy.limit(approver)
    assert target is not None
    if level == WITHIN:
        zh = f"最大优惠 {measured}%({where_zh}) 在{own.name.zh}权限 {pct_text(own.max_discount_percent)}% 以内"
        en = f"deepest discount {measured}% ({where_en}) is within the {own.name.en}'s {pct_text(own.max_discount_percent)}%"
    else:
        zh = (f"最大优惠 {measured}%({where_zh}) 超出{own.name.zh}权限 {pct_text(own.max_discount_percent)}%, "
              f"需{target.name.zh}审批(权限 {pct_text(target.max_discount_percent)}%)")
        en = (f"deepest discount {measured}% ({where_en}) exceeds the {own.name.en}'s {pct_text(own.max_discount_percent)}%: "
              f"needs {target.name.en} approval (up to {pct_text(target.max_discount_percent)}%)")
    return Authority(level=level, role=role, approver=approver, measured_percent=measured,
                     limit_percent=own.max_discount_percent, line_index=deepest.index if deepest else None,
                     why=Explanation(f"AUTHORITY-{approver.upper()}", zh, en))
