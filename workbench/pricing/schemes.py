"""Prestore/rebate schemes (预存话费回馈) as chosen, and the month-by-month schedule.

A scheme is data (``policy.json``): the member prestores ``prestore``; of it,
``free_credit`` is usable at once and ``rebate_monthly`` comes back on each of the
``term_months`` bills, while the member spends at least ``minimum_monthly_spend`` a month.
The loader has checked ``prestore = rebate_monthly x term_months + free_credit``
(139 = 12 x 10 + 19; 109 = 10 x 10 + 9; 99 = 0 x 0 + 99).
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date

from workbench.pricing.model import Scheme
from workbench.pricing.money import ZERO
from workbench.pricing.offer import SchemeChoice
from workbench.pricing.quote import Explanation, Gift, QuoteLine, ScheduleMonth, SchemeQuote


def quote_scheme(index: int, choice: SchemeChoice, scheme: Scheme, joined: date | None) -> SchemeQuote:
    n = choice.members
    return SchemeQuote(
        index=index, code=scheme.code, name=scheme.name, members=n, member_joined=joined,
        prestore=scheme.prestore, rebate_monthly=scheme.rebate_monthly, term_months=scheme.term_months,
        free_credit=scheme.free_credit, minimum_monthly_spend=scheme.minimum_monthly_spend,
        refundable=scheme.refundable, gift=scheme.gift.name,
        prestore_total=scheme.prestore * n, rebate_total=scheme.rebate_monthly * scheme.term_months * n,
        why=_explain(scheme, joined),
    )


def _explain(s: Scheme, joined: date | None) -> Explanation:
    if s.term_months:
        zh = (f"预存 {s.prestore} = 月返还 {s.rebate_monthly} × {s.term_months} 个月 + 自由使用话费 {s.free_credit}; "
              f"协议期 {s.term_months} 个月")
        en = (f"prestore {s.prestore} = rebate {s.rebate_monthly} x {s.term_months} months + free credit "
              f"{s.free_credit}; a {s.term_months}-month agreement")
    else:
        zh, en = f"预存 {s.prestore}, 话费均为自由使用话费", f"prestore {s.prestore}, all of it free to use"
    if s.minimum_monthly_spend is None:
        zh, en = zh + ", 无保底消费", en + ", no minimum spend"
    else:
        zh += f", 月保底消费 {s.minimum_monthly_spend}"
        en += f", minimum spend {s.minimum_monthly_spend} a month"
    if s.refundable is False:
        zh, en = zh + ", 不可清退", en + ", not refundable"
    zh += f"; 赠{s.gift.name.zh}"
    en += f"; gift: {s.gift.name.en}"
    if joined is not None and (s.joined_from or s.joined_before):
        zh += f"; 成员 {joined} 入网"
        en += f"; member joined {joined}"
    return Explanation(f"SCHEME-{s.code}", f"{s.name.zh}: {zh}", f"{s.name.en}: {en}")


def scheme_gift(q: SchemeQuote, scheme: Scheme) -> Gift:
    return Gift(kind="goods", code=scheme.gift.code, name=scheme.gift.name, quantity=q.members, months=0, value=ZERO,
                why=Explanation(f"SCHEME-{q.code}", f"{q.name.zh}: 每位成员赠{q.gift.zh}",
                                f"{q.name.en}: {q.gift.en} for each member"))


def schedule(lines: Sequence[QuoteLine], schemes: Sequence[SchemeQuote]) -> tuple[ScheduleMonth, ...]:
    """Month 1 .. the longest line term or scheme term (at least one month)."""
    months = max([1, *(line.term_months for line in lines), *(s.term_months for s in schemes)])
    out = []
    for m in range(1, months + 1):
        first = m == 1
        recurring = sum((line.monthly for line in lines if line.term_months >= m), ZERO)
        one_off = sum((line.one_off for line in lines), ZERO) if first else ZERO
        installation = sum((line.installation for line in lines), ZERO) if first else ZERO
        prestore = sum((s.prestore_total for s in schemes), ZERO) if first else ZERO
        free = sum((s.free_credit * s.members for s in schemes), ZERO) if first else ZERO
        active = [s for s in schemes if s.term_months >= m]
        rebate = sum((s.rebate_monthly * s.members for s in active), ZERO)
        minimum = sum(((s.minimum_monthly_spend or ZERO) * s.members for s in active), ZERO)
        due = recurring + one_off + installation + prestore
        out.append(ScheduleMonth(m, recurring, one_off, installation, prestore, free, rebate, minimum, due, due - rebate))
    return tuple(out)
