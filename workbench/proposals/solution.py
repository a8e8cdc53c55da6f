"""The solution section: the quote's products as FABE items (特征 / 优势 / 利益 / 证据)."""

from __future__ import annotations

from typing import Any

from workbench.pricing import Catalogue
from workbench.pricing.model import UNITS
from workbench.proposals.content import SolutionItem


def solution_items(catalogue: Catalogue, quote: dict[str, Any], industry: str) -> tuple[SolutionItem, ...]:
    """One FABE item per distinct product of the quote's lines, in the order of first use;
    the evidence cases of the customer's ``industry`` first."""
    items: list[SolutionItem] = []
    seen: dict[str, int] = {}
    for line in quote["lines"]:
        code = line["product"]
        if code in seen:
            old = items[seen[code]]
            items[seen[code]] = SolutionItem(old.product, old.name, old.quantity + int(line["quantity"]), old.unit,
                                             old.feature, old.advantage, old.benefit, old.evidence)
            continue
        product = catalogue.product(code)
        if product is None:  # a product withdrawn since: the quote still names it
            items.append(SolutionItem(code, line["name"]["zh"], int(line["quantity"]),
                                      UNITS[line["unit"]].zh, "", "", "", ()))
        else:
            cases = sorted(product.fabe.evidence, key=lambda e: e.industry != industry)
            evidence = tuple(f"{e.customer.zh}: {e.story.zh}" for e in cases)
            items.append(SolutionItem(code, product.name.zh, int(line["quantity"]), UNITS[product.unit].zh,
                                      product.fabe.feature.zh, product.fabe.advantage.zh,
                                      product.fabe.benefit.zh, evidence))
        seen[code] = len(items) - 1
    return tuple(items)
