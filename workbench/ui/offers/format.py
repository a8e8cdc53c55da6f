"""Display helpers of the offer builder: money as ¥1,234.56 (Decimal only) and zh/en texts."""

from __future__ import annotations

from decimal import Decimal
from typing import Protocol

from workbench.ui.labels import label


class Bilingual(Protocol):
    @property
    def zh(self) -> str: ...

    @property
    def en(self) -> str: ...


def money(value: Decimal) -> str:
    """``Decimal("1234.5")`` -> ``¥1,234.50``; negative amounts as ``-¥12.00``. Never a float."""
    if not isinstance(value, Decimal):
        raise TypeError(f"money must be a Decimal, not {type(value).__name__}")
    sign = "-" if value < 0 else ""
    return f"{sign}¥{abs(value):,.2f}"


def pct(value: Decimal) -> str:
    """A percentage with two decimals: ``12.50%``."""
    return f"{value:.2f}%"


def text(item: Bilingual) -> str:
    """The Chinese or English side of a pricing ``Text``/``Explanation`` in the language in force."""
    return label(item)
