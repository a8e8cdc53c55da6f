"""The offer builder's product search: a product's keys built as the customer search builds a
name's (pure Python, no store, no Qt).

Every searchable text of a product (its code, Chinese and English names, its category's code
and labels) gives the three keys the customer search gives a name
(``workbench.store.search_terms``): the normalized text, its full pinyin and its initials.
So ``kd`` and ``kuandai`` find 企业宽带 as ``zgyh`` finds 中国银行, and ``MOB 58``, ``mob-58``
and ``MOB58`` find the same plan. A query's words (split on spaces, like the customer
search's) must each occur inside one of the product's keys; the catalogue's order is kept,
the catalogue being a few dozen products searched in memory on every keystroke.
"""

from __future__ import annotations

from collections.abc import Iterable

from workbench.pricing import Catalogue, Product
from workbench.pricing.model import CATEGORIES
from workbench.store.search_terms import normalize, pinyin


def product_keys(product: Product) -> tuple[str, ...]:
    """The normalized texts of ``product`` with their pinyin and initials, distinct, in order."""
    texts = [product.code, product.name.zh, product.name.en, product.category]
    if (category := CATEGORIES.get(product.category)) is not None:
        texts += [category.zh, category.en]
    keys: list[str] = []
    for text in texts:
        folded = normalize(text)
        if folded:
            keys.extend((folded, *pinyin(folded)))
    return tuple(dict.fromkeys(k for k in keys if k))


def query_words(query: str) -> list[str]:
    """The words of a typed query, each normalized as the keys are; none for a blank query."""
    return [w for w in (normalize(part) for part in query.split()) if w]


def matches(keys: Iterable[str], words: Iterable[str]) -> bool:
    keys = tuple(keys)
    return all(any(w in k for k in keys) for w in words)


class ProductSearch:
    """The keys of every product of a catalogue, computed once; :meth:`codes` answers a query."""

    def __init__(self, catalogue: Catalogue) -> None:
        self._keys = {p.code: product_keys(p) for p in catalogue.products}

    def matches(self, code: str, query: str) -> bool:
        return matches(self._keys.get(code, ()), query_words(query))

    def codes(self, query: str) -> list[str]:
        """The codes of the products matching ``query``, in catalogue order (all of them for a blank one)."""
        words = query_words(query)
        return [code for code, keys in self._keys.items() if matches(keys, words)]
