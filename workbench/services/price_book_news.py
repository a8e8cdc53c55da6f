"""Price books that a sync brought, for the window to announce (docs/sync.md, "Price books").

HQ publishes a new catalogue or pricing policy on the server, signed with the server's key; a
laptop enrolled with that server prices only with books whose signature verifies
(services.catalogue). ``arrivals`` says, for the price-book rows a pull wrote, which books they
are and whether each verified (one that did not is never used: the last verified books stay in
force), and how many open offers are priced on other books than the ones now in force (they
are re-priced when next opened and saved).
"""

from __future__ import annotations

import json
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date

from sqlalchemy import false, select

from workbench.services.catalogue import CATALOGUE, POLICY, _trusted, current_price_books
from workbench.services.context import Context
from workbench.store import models as m
from workbench.store.engine import Store

OPEN_STATES = ("draft", "needs_approval", "approved", "rejected")


@dataclass(frozen=True, slots=True)
class BookNews:
    kind: str  # catalogue / policy
    book_version: str
    valid_from: date
    verified: bool  # False: refused, never priced with


@dataclass(frozen=True, slots=True)
class Arrivals:
    books: tuple[BookNews, ...]
    in_force: tuple[str, str]  # (catalogue version, policy version) priced with today
    offers_on_older: int  # open offers priced on other books than those in force


def _pinned(store: Store) -> str | None:
    from workbench.services.catalogue import POLICY_KEY

    with store.read() as s:
        return s.scalar(select(m.Meta.value).where(m.Meta.key == POLICY_KEY))


def arrivals(ctx: Context, book_ids: Iterable[str], *, today: date) -> Arrivals | None:
    """What the pulled price-book rows ``book_ids`` are (None when there are none)."""
    ids = sorted(set(book_ids))
    if not ids:
        return None
    pinned = _pinned(ctx.store)
    with ctx.store.read() as s:
        rows = list(s.scalars(select(m.PriceBook).where(m.PriceBook.id.in_(ids), m.PriceBook.deleted == false())
                              .order_by(m.PriceBook.kind, m.PriceBook.valid_from)))
        books = tuple(BookNews(r.kind, r.book_version, r.valid_from,
                               _trusted(s, r.kind, (r.id, r.book_version, r.version), pinned)) for r in rows)
    if not books:
        return None
    catalogue, policy = current_price_books(ctx, today=today)
    in_force = (catalogue.version, policy.version)
    return Arrivals(books, in_force, _offers_on_older(ctx, in_force))


def _offers_on_older(ctx: Context, in_force: tuple[str, str]) -> int:
    n = 0
    with ctx.store.read() as s:
        q = (select(m.OfferVersion.quote_json)
             .join(m.Offer, (m.Offer.id == m.OfferVersion.offer_id) & (m.Offer.current_version == m.OfferVersion.version_no))
             .where(m.Offer.deleted == false(), m.Offer.state.in_(OPEN_STATES)))
        for (quote_json,) in s.execute(q):
            quote = json.loads(quote_json or "{}")
            if (quote.get("catalogue_version"), quote.get("policy_version")) != in_force:
                n += 1
    return n


__all__ = ["CATALOGUE", "POLICY", "Arrivals", "BookNews", "arrivals"]
