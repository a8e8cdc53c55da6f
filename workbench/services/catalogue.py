"""The catalogue and the pricing policy as versioned rows of the store (``price_books``).

Price books are **HQ data**: the illustrative defaults shipped in ``resources/catalogue/``
are loaded by :func:`ensure_defaults`, later versions will come down from the sync server.
They are deliberately **not journaled**: a device never edits them, so there is nothing to
push; the server is their source.

:func:`current_price_books` returns the newest books valid on a date, parsed once per
``(id, book version, row version)`` and then served from a module-level cache, so the
offer builder's keystroke path (re-pricing as the user types) never re-parses the JSON.
"""

from __future__ import annotations

import json
from datetime import date
from decimal import Decimal
from importlib.resources import files

from sqlalchemy import false, or_, select
from sqlalchemy.orm import Session

from workbench.domain.errors import NotFoundError
from workbench.pricing import Catalogue, Policy, parse_catalogue, parse_policy
from workbench.services.context import Context
from workbench.store import models as m
from workbench.store.models import utcnow

CATALOGUE = "catalogue"
POLICY = "policy"
_DEFAULT_FILES = {CATALOGUE: "catalogue.json", POLICY: "policy.json"}

#: Parsed books by (row id, book version, row version): a changed row is a new key.
_CACHE: dict[tuple[str, str, int], Catalogue | Policy] = {}


def _default_text(kind: str) -> str:
    """The shipped document, verbatim (stored as is: what HQ published, byte for byte)."""
    return files("workbench.resources").joinpath("catalogue", _DEFAULT_FILES[kind]).read_text("utf-8")


def ensure_defaults_in(session: Session) -> int:
    """Within the caller's transaction: insert each shipped book whose kind and version is
    not stored yet (not journaled: HQ data). Returns how many rows were inserted."""
    inserted = 0
    for kind in (CATALOGUE, POLICY):
        text = _default_text(kind)
        data = json.loads(text, parse_float=Decimal)
        parsed = parse_catalogue(data) if kind == CATALOGUE else parse_policy(data)
        exists = session.scalar(
            select(m.PriceBook.id).where(m.PriceBook.kind == kind, m.PriceBook.book_version == parsed.version)
        )
        if exists is not None:
            continue
        now = utcnow()
        session.add(m.PriceBook(
            kind=kind, book_version=parsed.version, valid_from=parsed.valid_from, valid_to=parsed.valid_to,
            body=text, published_at=now, created_at=now, updated_at=now, version=1,
        ))
        inserted += 1
    session.flush()
    return inserted


def ensure_defaults(ctx: Context) -> None:
    """Load the shipped catalogue and policy into the store unless that kind and version is
    there already (idempotent; one transaction; not journaled — see the module notes)."""
    with ctx.store.write() as s:
        ensure_defaults_in(s)


def _newest(session: Session, kind: str, today: date) -> tuple[str, str, int] | None:
    row = session.execute(
        select(m.PriceBook.id, m.PriceBook.book_version, m.PriceBook.version)
        .where(m.PriceBook.kind == kind, m.PriceBook.deleted == false(), m.PriceBook.valid_from <= today,
               or_(m.PriceBook.valid_to.is_(None), m.PriceBook.valid_to >= today))
        .order_by(m.PriceBook.valid_from.desc(), m.PriceBook.published_at.desc())
        .limit(1)
    ).first()
    return None if row is None else (row[0], row[1], row[2])


def _parsed(session: Session, kind: str, key: tuple[str, str, int]) -> Catalogue | Policy:
    book = _CACHE.get(key)
    if book is None:
        body = session.scalar(select(m.PriceBook.body).where(m.PriceBook.id == key[0]))
        assert body is not None
        data = json.loads(body, parse_float=Decimal)
        book = parse_catalogue(data) if kind == CATALOGUE else parse_policy(data)
        _CACHE[key] = book
    return book


def price_books_in(session: Session, *, today: date) -> tuple[Catalogue, Policy] | None:
    """Within the caller's session: the newest valid catalogue and policy, None if either is
    missing (a fresh store before :func:`ensure_defaults_in`)."""
    keys = {kind: _newest(session, kind, today) for kind in (CATALOGUE, POLICY)}
    cat_key, pol_key = keys[CATALOGUE], keys[POLICY]
    if cat_key is None or pol_key is None:
        return None
    catalogue, policy = _parsed(session, CATALOGUE, cat_key), _parsed(session, POLICY, pol_key)
    assert isinstance(catalogue, Catalogue) and isinstance(policy, Policy)
    return catalogue, policy


def _any_stored(session: Session) -> bool:
    return session.scalar(select(m.PriceBook.id).limit(1)) is not None


def books_for_writing(session: Session, *, today: date) -> tuple[Catalogue, Policy]:
    """Within a write transaction: the current books; on a store that has none at all the
    shipped defaults are loaded first. Raises NotFoundError when none is valid on ``today``."""
    books = price_books_in(session, today=today)
    if books is None and not _any_stored(session):
        ensure_defaults_in(session)
        books = price_books_in(session, today=today)
    if books is None:
        raise NotFoundError("price_book", today.isoformat())
    return books


def current_price_books(ctx: Context, *, today: date) -> tuple[Catalogue, Policy]:
    """The newest catalogue and policy valid on ``today``, parsed once and cached.

    A store holding no price book at all gets the shipped defaults first; when books exist
    but none is valid on ``today``, ``NotFoundError("price_book", today)`` is raised.
    """
    with ctx.store.read() as s:
        books = price_books_in(s, today=today)
        empty = books is None and not _any_stored(s)
    if books is None and empty:
        ensure_defaults(ctx)
        with ctx.store.read() as s:
            books = price_books_in(s, today=today)
    if books is None:
        raise NotFoundError("price_book", today.isoformat())
    return books


def clear_cache() -> None:
    """Forget every parsed book (tests; memory after a large sync)."""
    _CACHE.clear()
