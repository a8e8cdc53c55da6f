"""The solution section: the quote's products as FABE items (特征 / 优势 / 利益 / 证据)."""

from __future__ import annotations

from typing import Any

from workbench.pricing import Catalogue
from workbench.pricing.model import UNITS, Text
from workbench.proposals.content import SolutionItem


def solution_items(catalogue: Catalogue, quote: dict[str, Any], industry: str,
                   lang: str = "zh") -> tuple[SolutionItem, ...]:
    """One FABE item per distinct product of the quote's lines, in the order of first use;
    the evidence cases of the customer's ``industry`` first; the texts in ``lang`` ("zh",
    "en": the catalogue's English)."""
    def say(text: Text) -> str:
        return text.en if lang == "en" and text.en else text.zh

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
            name = line["name"]
            items.append(SolutionItem(code, (name.get("en") if lang == "en" else None) or name["zh"],
                                      int(line["quantity"]), say(UNITS[line["unit"]]), "", "", "", ()))
        else:
            cases = sorted(product.fabe.evidence, key=lambda e: e.industry != industry)
            evidence = tuple(f"{say(e.customer)}: {say(e.story)}" for e in cases)
            fabe = product.fabe
            items.append(SolutionItem(code, say(product.name), int(line["quantity"]), say(UNITS[product.unit]),
                                      say(fabe.feature), say(fabe.advantage), say(fabe.benefit), evidence))
        seen[code] = len(items) - 1
    return tuple(items)
