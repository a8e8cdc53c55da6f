"""Pricing engine: catalogue + policy + offer -> a priced quote in which every figure is explained.

Pure Python: no Qt, no SQL, no I/O except :func:`load_catalogue` / :func:`load_policy`,
which read the JSON data (by default the illustrative defaults shipped in
``workbench.resources/catalogue/``).

Usage::

    catalogue, policy = load_catalogue(), load_policy()
    quote = price(catalogue, policy, parse_offer(json_data), role="manager", today=date.today())

Money and rounding
------------------
All money is ``decimal.Decimal`` in 元 with fen (0.01) precision — never a binary float.
Discounts are percentages of the list price and add up (term 6 % + quantity 2 % +
bundle 3 % = 11 % off). **Rounding happens exactly once per line**: the line's net unit
price, ``list x (100 - summed percent) / 100``, is quantized to the fen with
``ROUND_HALF_UP`` (四舍五入: 0.005 goes up). Every other figure is that fen amount times an
integer (quantity, months, members) or a sum of such figures, hence exact: a line's monthly
amount is ``net unit x quantity``, its term total ``monthly x term + one-off +
installation``, and each total of the quote is the plain sum of its lines' figures, equal to
it to the fen.

Refusals
--------
:func:`price` refuses, with :class:`workbench.domain.errors.ValidationError` carrying one
:class:`~workbench.domain.errors.FieldError` per problem (``lines[2].quantity``,
``schemes[0].member_joined``...), a line below its price floor, a discount beyond HQ's
authority, unknown products or schemes, implausible quantities, terms shorter than the
product's minimum, expired or ineligible schemes, missing prerequisites; nothing partial is
returned (a refusal after the lines were priced, :class:`LinesRefused`, carries those lines
for a form to keep showing). :func:`parse_offer` refuses malformed offer documents the same way.
"""

from workbench.pricing.authority import classify
from workbench.pricing.engine import LinesRefused, price
from workbench.pricing.loader import (
    consistency_errors,
    load_catalogue,
    load_policy,
    parse_catalogue,
    parse_policy,
)
from workbench.pricing.model import Catalogue, Policy, Product, Scheme, Text
from workbench.pricing.offer import CustomerFacts, Offer, OfferLine, SchemeChoice, parse_offer
from workbench.pricing.quote import (
    AUTHORITY_LEVELS,
    NEEDS_HQ,
    NEEDS_TEAM_LEAD,
    WITHIN,
    Authority,
    Discount,
    Explanation,
    Gift,
    Quote,
    QuoteLine,
    ScheduleMonth,
    SchemeQuote,
    Totals,
)
from workbench.pricing.render import quote_to_dict, render_table

__all__ = [
    "AUTHORITY_LEVELS",
    "NEEDS_HQ",
    "NEEDS_TEAM_LEAD",
    "WITHIN",
    "Authority",
    "Catalogue",
    "CustomerFacts",
    "Discount",
    "Explanation",
    "Gift",
    "LinesRefused",
    "Offer",
    "OfferLine",
    "Policy",
    "Product",
    "Quote",
    "QuoteLine",
    "ScheduleMonth",
    "Scheme",
    "SchemeChoice",
    "SchemeQuote",
    "Text",
    "Totals",
    "classify",
    "consistency_errors",
    "load_catalogue",
    "load_policy",
    "parse_catalogue",
    "parse_offer",
    "parse_policy",
    "price",
    "quote_to_dict",
    "render_table",
]
