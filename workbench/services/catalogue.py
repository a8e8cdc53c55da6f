"""The catalogue and the pricing policy as versioned rows of the store (``price_books``).

Price books are **HQ data**: the illustrative defaults shipped in ``resources/catalogue/``
are loaded by :func:`ensure_defaults`, later versions will come down from the sync server.
The shipped defaults are deliberately **not journaled** (every device loads the same files;
the server is their source). A version published on this device by an HQ user
(:func:`publish_price_book`) is journaled like any other write, so that it goes up.

:func:`current_price_books` returns the newest books valid on a date, parsed once per
``(id, book version, row version)`` and then served from a module-level cache, so the
offer builder's keystroke path (re-pricing as the user types) never re-parses the JSON.
"""

from __future__ import annotations

import json
import logging
from dataclasses import dataclass
from datetime import date, datetime
from decimal import Decimal
from importlib.resources import files
from typing import Any

from sqlalchemy import false, or_, select
from sqlalchemy.orm import Session

from workbench.domain.enums import Role
from workbench.domain.errors import (
    FieldError,
    NotFoundError,
    PermissionDenied,
    ValidationError,
    fail,
)
from workbench.pricing import Catalogue, Policy, consistency_errors, parse_catalogue, parse_policy
from workbench.pricing.signing import book_message, verify
from workbench.services.context import Context, insert_row
from workbench.store import models as m
from workbench.store.models import utcnow

log = logging.getLogger(__name__)

CATALOGUE = "catalogue"
POLICY = "policy"
_DEFAULT_FILES = {CATALOGUE: "catalogue.json", POLICY: "policy.json"}

#: Parsed books by (row id, book version, row version): a changed row is a new key.
_CACHE: dict[tuple[str, str, int], Catalogue | Policy] = {}


def _default_text(kind: str) -> str:
    """The shipped document, verbatim (stored as is: what HQ published, byte for byte)."""
    return files("workbench.resources").joinpath("catalogue").joinpath(_DEFAULT_FILES[kind]).read_text("utf-8")


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


POLICY_KEY = "sync_policy_key"  # Meta: the team server's public key, pinned at enrolment

#: Whether a stored book may be priced with, by (row id, book version, row version, key).
_TRUSTED: dict[tuple[str, str, int, str], bool] = {}


def _trusted(session: Session, kind: str, key: tuple[str, str, int], pinned: str | None) -> bool:
    """A store enrolled with a server prices only with books that server signed, the shipped
    defaults, or one its own HQ user published and has not synced yet (workbench.pricing.signing).
    An unenrolled store trusts its books: nothing it prices leaves the laptop unchecked, since
    the server re-prices what it receives."""
    if pinned is None:
        return True
    cache_key = (*key, pinned)
    known = _TRUSTED.get(cache_key)
    if known is not None:
        return known
    row = session.get(m.PriceBook, key[0])
    assert row is not None
    message = book_message(kind=row.kind, book_version=row.book_version, valid_from=row.valid_from,
                           valid_to=row.valid_to, body=row.body)
    ok = (verify(pinned, message, row.signature) or row.body == _default_text(kind)
          or session.scalar(select(m.JournalEntry.seq).where(
              m.JournalEntry.table_name == "price_books", m.JournalEntry.row_id == row.id,
              m.JournalEntry.pushed_at.is_(None)).limit(1)) is not None)
    if not ok:
        log.warning("price book %s %s is not signed by the team server: not used", kind, row.book_version)
    _TRUSTED[cache_key] = ok
    return ok


def _newest(session: Session, kind: str, today: date) -> tuple[str, str, int] | None:
    """The newest book of ``kind`` valid on ``today`` that may be priced with."""
    rows = session.execute(
        select(m.PriceBook.id, m.PriceBook.book_version, m.PriceBook.version)
        .where(m.PriceBook.kind == kind, m.PriceBook.deleted == false(), m.PriceBook.valid_from <= today,
               or_(m.PriceBook.valid_to.is_(None), m.PriceBook.valid_to >= today))
        .order_by(m.PriceBook.valid_from.desc(), m.PriceBook.published_at.desc())
    )
    pinned = session.scalar(select(m.Meta.value).where(m.Meta.key == POLICY_KEY))
    for row in rows:
        key = (row[0], row[1], row[2])
        if _trusted(session, kind, key, pinned):
            return key
    return None


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
    """Forget every parsed book and every trust verdict (tests; memory after a large sync)."""
    _CACHE.clear()
    _TRUSTED.clear()


# --- HQ editing (issue 4): listing and publishing versions ---------------------------------

@dataclass(frozen=True, slots=True)
class PriceBookInfo:
    """One stored version of a book (without its body)."""

    id: str
    kind: str
    book_version: str
    valid_from: date
    valid_to: date | None
    published_at: datetime


@dataclass(frozen=True, slots=True)
class PriceBookDetail:
    """A stored book with its JSON text and a summary (None where the kind has no such list)."""

    info: PriceBookInfo
    body: str
    products: int | None
    schemes: int | None


def _info(row: m.PriceBook) -> PriceBookInfo:
    return PriceBookInfo(row.id, row.kind, row.book_version, row.valid_from, row.valid_to, row.published_at)


def list_price_books(ctx: Context) -> list[PriceBookInfo]:
    """Every stored version, by kind then newest start first (loads the shipped defaults
    into a store that holds none, so there is always something to copy)."""
    with ctx.store.read() as s:
        empty = not _any_stored(s)
    if empty:
        ensure_defaults(ctx)
    with ctx.store.read() as s:
        rows = s.scalars(
            select(m.PriceBook).where(m.PriceBook.deleted == false())
            .order_by(m.PriceBook.kind, m.PriceBook.valid_from.desc(), m.PriceBook.published_at.desc())
        )
        return [_info(r) for r in rows]


def price_book_detail(ctx: Context, *, book_id: str) -> PriceBookDetail:
    with ctx.store.read() as s:
        row = s.get(m.PriceBook, book_id)
        if row is None or row.deleted:
            raise NotFoundError("price_book", book_id)
        info, body = _info(row), row.body
    products = schemes = None
    try:
        data = json.loads(body)
        if isinstance(data, dict):
            if info.kind == CATALOGUE:
                products = len(data.get("products") or [])
            else:
                schemes = len(data.get("schemes") or [])
    except ValueError:
        pass
    return PriceBookDetail(info, body, products, schemes)


def can_publish(ctx: Context) -> bool:
    """Whether the acting user may publish price books (the HQ role only)."""
    with ctx.store.read() as s:
        user = s.get(m.User, ctx.user_id)
        return user is not None and not user.deleted and user.role == Role.HQ.value


def _decimal_as_text(value: object) -> str:
    if isinstance(value, Decimal):
        return str(value)
    raise TypeError(f"not JSON serializable: {type(value).__name__}")


def _document(body: dict[str, Any] | str, valid_from: date, valid_to: date | None) -> str:
    """The body as stored: the JSON text with its validity set to the publication's."""
    if isinstance(body, str):
        try:
            data = json.loads(body, parse_float=Decimal)
        except ValueError as exc:
            line, col = getattr(exc, "lineno", 0), getattr(exc, "colno", 0)
            fail("body", f"JSON 格式错误 (第 {line} 行第 {col} 列): {exc}",
                 f"malformed JSON (line {line}, column {col}): {exc}")
    else:
        data = dict(body)
    if not isinstance(data, dict):
        fail("body", "文档须为 JSON 对象", "the document must be a JSON object")
    data["valid_from"] = valid_from.isoformat()
    if valid_to is not None:
        data["valid_to"] = valid_to.isoformat()
    return json.dumps(data, ensure_ascii=False, indent=1, default=_decimal_as_text) + "\n"


def publish_price_book(ctx: Context, *, kind: str, body: dict[str, Any] | str, valid_from: date,
                       valid_to: date | None = None) -> PriceBookInfo:
    """Publish a new version of the catalogue or the policy (HQ only, else PermissionDenied).

    ``body`` is the whole document (decoded or as JSON text); its ``version`` names the new
    version, its validity is set to ``valid_from`` (and ``valid_to`` when given; otherwise the
    document's own end date is kept). The book is parsed, checked against the current book of
    the other kind (valid on ``valid_from``), and a duplicate (kind, version) refused — every
    problem as a :class:`ValidationError` naming the field. Unlike the shipped defaults, HQ's
    own edits are journaled so that they sync up. One transaction.
    """
    if not can_publish(ctx):
        raise PermissionDenied("only HQ may publish price books / 仅总部可发布价格目录")
    if kind not in (CATALOGUE, POLICY):
        fail("kind", f"未知类型 {kind}", f"unknown kind {kind}")
    if valid_to is not None and valid_to < valid_from:
        fail("valid_to", "有效期结束早于开始", "ends before it starts")
    text = _document(body, valid_from, valid_to)
    parsed = parse_catalogue(json.loads(text, parse_float=Decimal)) if kind == CATALOGUE \
        else parse_policy(json.loads(text, parse_float=Decimal))
    with ctx.store.write() as s:
        user = s.get(m.User, ctx.user_id)
        if user is None or user.deleted or user.role != Role.HQ.value:
            raise PermissionDenied("only HQ may publish price books / 仅总部可发布价格目录")
        if not _any_stored(s):
            ensure_defaults_in(s)
        duplicate = s.scalar(select(m.PriceBook.id).where(
            m.PriceBook.kind == kind, m.PriceBook.book_version == parsed.version))
        if duplicate is not None:
            fail("version", f"版本 {parsed.version} 已存在", f"version {parsed.version} already exists")
        other_kind = POLICY if kind == CATALOGUE else CATALOGUE
        other_key = _newest(s, other_kind, valid_from)
        if other_key is not None:
            other = _parsed(s, other_kind, other_key)
            if isinstance(parsed, Catalogue):
                assert isinstance(other, Policy)
                problems = [FieldError(f"policy.{e.field}" if e.field.startswith("gifts") else e.field, e.zh, e.en)
                            for e in consistency_errors(parsed, other)]
            else:
                assert isinstance(other, Catalogue)
                problems = consistency_errors(other, parsed)
            if problems:
                raise ValidationError(problems)
        now = utcnow()
        row = m.PriceBook(kind=kind, book_version=parsed.version, valid_from=parsed.valid_from,
                          valid_to=parsed.valid_to, body=text, published_at=now)
        insert_row(s, ctx, row, "price_books")
        return _info(row)


def catalogue_by_version(session: Session, version: str) -> Catalogue | None:
    """The catalogue published as ``version`` (what a stored quote was priced with), if kept."""
    row = session.execute(select(m.PriceBook.id, m.PriceBook.book_version, m.PriceBook.version)
                          .where(m.PriceBook.kind == CATALOGUE, m.PriceBook.book_version == version)).first()
    if row is None:
        return None
    book = _parsed(session, CATALOGUE, (row[0], row[1], row[2]))
    assert isinstance(book, Catalogue)
    return book
