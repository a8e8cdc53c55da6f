"""The priced quote: every figure with the rule that made it (frozen dataclasses).

Money is ``Decimal`` in 元 to the fen; percentages are ``Decimal`` to 0.01 %. Totals are
sums of the lines' already-rounded figures, so they equal the sum of their lines exactly.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from decimal import Decimal

from workbench.pricing.model import Text

#: Authority levels, in increasing order of who must approve.
WITHIN, NEEDS_TEAM_LEAD, NEEDS_HQ = "within", "needs_team_lead", "needs_hq"
AUTHORITY_LEVELS = (WITHIN, NEEDS_TEAM_LEAD, NEEDS_HQ)


@dataclass(frozen=True, slots=True)
class Explanation:
    """Why a figure is what it is: the rule's id and a sentence in Chinese and English."""

    rule: str
    zh: str
    en: str


@dataclass(frozen=True, slots=True)
class Discount:
    """One discount applied to a line, in per cent of the list price."""

    percent: Decimal
    why: Explanation


@dataclass(frozen=True, slots=True)
class QuoteLine:
    """A priced line. ``index`` is its position in the offer (``lines[index]``).

    ``net_unit`` is the line's single rounding (list less the summed discounts, half up to
    the fen). For a recurring product ``monthly = net_unit x quantity``; for a one-off one
    ``one_off = net_unit x quantity``. ``term_total`` is everything the line costs over its
    term: ``monthly x term_months + one_off + installation``.
    """

    index: int
    product: str
    name: Text
    category: str
    unit: str
    quantity: int
    term_months: int
    list_unit: Decimal
    discounts: tuple[Discount, ...]
    discount_percent: Decimal  # the nominal sum of ``discounts``
    effective_discount_percent: Decimal  # (list - net) / list, after rounding
    net_unit: Decimal
    price_floor: Decimal
    monthly: Decimal
    one_off: Decimal
    installation: Decimal
    first_year: Decimal
    term_total: Decimal
    list_term_total: Decimal

    @property
    def savings(self) -> Decimal:
        return self.list_term_total - self.term_total


@dataclass(frozen=True, slots=True)
class Gift:
    """A free item: a product (bundle gift, valued at list for ``months``) or goods (5 L oil)."""

    kind: str  # "product" or "goods"
    code: str
    name: Text
    quantity: int
    months: int
    value: Decimal  # list value of the product gift over its months; 0 for goods
    why: Explanation


@dataclass(frozen=True, slots=True)
class SchemeQuote:
    """A prestore/rebate scheme as chosen: per-member figures and the totals for ``members``."""

    index: int
    code: str
    name: Text
    members: int
    member_joined: date | None
    prestore: Decimal
    rebate_monthly: Decimal
    term_months: int
    free_credit: Decimal
    minimum_monthly_spend: Decimal | None
    refundable: bool | None
    gift: Text
    prestore_total: Decimal
    rebate_total: Decimal
    why: Explanation


@dataclass(frozen=True, slots=True)
class ScheduleMonth:
    """One month of the payment schedule (month 1 is the first month of the offer).

    ``due = recurring + one_off + installation + prestore``; ``rebate`` is the prestored
    credit returned to the members' bills that month; ``net = due - rebate``.
    """

    month: int
    recurring: Decimal
    one_off: Decimal
    installation: Decimal
    prestore: Decimal
    free_credit: Decimal
    rebate: Decimal
    minimum_spend: Decimal
    due: Decimal
    net: Decimal


@dataclass(frozen=True, slots=True)
class Totals:
    """Sums over the lines (and, for the scheme figures, over the chosen schemes).

    ``first_year`` = monthly x min(term, 12) of each line + one-off + installation;
    ``over_term`` = the sum of the lines' ``term_total``; ``savings`` = list over the term
    less ``over_term``; ``effective_discount_percent`` = savings / the discountable list
    amount (installation excluded). Prestore is shown apart: it is credit, not a price.
    """

    monthly_recurring: Decimal
    one_off: Decimal
    installation: Decimal
    first_year: Decimal
    over_term: Decimal
    list_over_term: Decimal
    savings: Decimal
    effective_discount_percent: Decimal
    prestore: Decimal
    rebate: Decimal
    gift_value: Decimal


@dataclass(frozen=True, slots=True)
class Authority:
    """价格优惠权限: who must approve. ``measured_percent`` is the deepest effective discount
    of any line (``line_index``); ``limit_percent`` is the pricing role's own limit."""

    level: str  # one of AUTHORITY_LEVELS
    role: str
    approver: str  # the role that can approve: the pricing role itself when WITHIN
    measured_percent: Decimal
    limit_percent: Decimal
    line_index: int | None
    why: Explanation


@dataclass(frozen=True, slots=True)
class Quote:
    catalogue_version: str
    policy_version: str
    illustrative: bool
    today: date
    customer_name: str
    industry: str
    lines: tuple[QuoteLine, ...]
    gifts: tuple[Gift, ...]
    schemes: tuple[SchemeQuote, ...]
    schedule: tuple[ScheduleMonth, ...]
    totals: Totals
    authority: Authority
    notes: tuple[Explanation, ...]  # not refusals: the customer-level rules applied, data warnings
