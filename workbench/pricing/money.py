"""Exact money and percentages: ``Decimal`` only, and the one rounding rule of the engine.

Money is in 元 with fen (0.01) precision. The engine rounds exactly once per offer line:
the line's net unit price is quantized to the fen with ``ROUND_HALF_UP`` (四舍五入). Every
other money figure is a fen amount multiplied by an integer (quantity, months, members) or
a sum of such figures, so it is exact and needs no rounding.
"""

from __future__ import annotations

from decimal import ROUND_HALF_UP, Decimal

FEN = Decimal("0.01")
ZERO = Decimal("0.00")
HUNDRED = Decimal(100)


def to_fen(amount: Decimal) -> Decimal:
    """Quantize to the fen, half up (0.005 -> 0.01): the engine's only money rounding."""
    return amount.quantize(FEN, rounding=ROUND_HALF_UP)


def percent(value: Decimal) -> Decimal:
    """A percentage for display and comparison, to two decimals, half up."""
    return value.quantize(FEN, rounding=ROUND_HALF_UP)


def discounted(list_price: Decimal, percent_off: Decimal) -> Decimal:
    """``list_price`` less ``percent_off`` per cent, rounded once to the fen."""
    return to_fen(list_price * (HUNDRED - percent_off) / HUNDRED)


def share_off(list_price: Decimal, net: Decimal) -> Decimal:
    """The discount actually given, in per cent of the list price (0 for a free item)."""
    if list_price <= 0:
        return ZERO
    return percent((list_price - net) * HUNDRED / list_price)


def places(value: Decimal) -> int:
    """Number of decimal places written in ``value`` (``Decimal("12.50")`` -> 2)."""
    exponent = value.as_tuple().exponent
    return -exponent if isinstance(exponent, int) and exponent < 0 else 0


def pct_text(value: Decimal) -> str:
    """A percentage for sentences: ``6``, ``2.5`` (no trailing zeros, never an exponent)."""
    return f"{value.normalize():f}" if value else "0"
