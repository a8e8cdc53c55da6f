"""Models of bundle offers: price books (HQ data), offers, their versions, their history and
their proposal sheets. Part of the store's models (re-exported by ``workbench.store.models``)."""

from __future__ import annotations

from datetime import date, datetime

from sqlalchemy import (
    Boolean,
    CheckConstraint,
    Date,
    DateTime,
    ForeignKey,
    Index,
    Integer,
    LargeBinary,
    String,
    Text,
)
from sqlalchemy.orm import Mapped, mapped_column

from workbench.domain import limits
from workbench.store.base import LOCAL_CLOCK, Base, SyncColumns, localnow, new_id, utcnow

# --- Bundle offers: price books (HQ data), offers, their versions and their history ---

PRICE_BOOK_KINDS = ("catalogue", "policy")
OFFER_STATES = ("draft", "needs_approval", "approved", "rejected", "sent", "won", "lost")
_OFFER_STATE_SQL = ", ".join(f"'{s}'" for s in OFFER_STATES)


class PriceBook(SyncColumns, Base):
    """One version of the catalogue or of the pricing policy: the JSON document in ``body``.

    The spec's ``version text`` column is ``book_version``: ``version`` is the sync version.
    HQ data: the shipped defaults are loaded locally without journal entries, later ones come
    down from the server; a device never edits them. ``valid_to`` NULL means open-ended.
    """

    __tablename__ = "price_books"
    __table_args__ = (
        CheckConstraint("kind IN ('catalogue', 'policy')", name="kind_allowed"),
        Index("ix_price_books_kind_book_version", "kind", "book_version", unique=True),
        Index("ix_price_books_kind_valid", "kind", "valid_from"),
    )
    id: Mapped[str] = mapped_column(String(36), primary_key=True, default=new_id)
    kind: Mapped[str] = mapped_column(String(12))
    # the book's own version ("2026.1"); ``version`` (SyncColumns) is the row's sync version
    book_version: Mapped[str] = mapped_column(String(40))
    valid_from: Mapped[date] = mapped_column(Date)
    valid_to: Mapped[date | None] = mapped_column(Date)
    body: Mapped[str] = mapped_column(Text)
    published_at: Mapped[datetime] = mapped_column(DateTime, default=utcnow)
    # The sync server's Ed25519 signature (base64) of workbench.pricing.signing.book_message.
    signature: Mapped[str | None] = mapped_column(Text)


class Offer(SyncColumns, Base):
    """A bundle offer (组合方案) for one customer; its content lives in :class:`OfferVersion`.

    ``current_version`` is the ``version_no`` shown and edited; ``state`` mirrors that
    version's state so lists need no join.
    """

    __tablename__ = "offers"
    __table_args__ = (
        CheckConstraint(f"state IN ({_OFFER_STATE_SQL})", name="state_allowed"),
        CheckConstraint("current_version >= 1", name="current_version_pos"),
        Index("ix_offers_customer", "customer_id", "updated_at"),
    )
    id: Mapped[str] = mapped_column(String(36), primary_key=True, default=new_id)
    customer_id: Mapped[str] = mapped_column(String(36), ForeignKey("customers.id"))
    number: Mapped[str] = mapped_column(String(24), unique=True)
    title: Mapped[str] = mapped_column(String(limits.MEDIUM_TEXT))
    current_version: Mapped[int] = mapped_column(Integer, default=1)
    state: Mapped[str] = mapped_column(String(16))


class OfferVersion(SyncColumns, Base):
    """One version of an offer: the offer document and its quote as priced.

    A frozen version (sent, won, lost) is never changed again: a new edit makes a new version.
    ``priced_on`` and ``priced_role`` are the date and role the quote was priced with.
    """

    __tablename__ = "offer_versions"
    __table_args__ = (
        CheckConstraint(f"state IN ({_OFFER_STATE_SQL})", name="state_allowed"),
        CheckConstraint("version_no >= 1", name="version_no_pos"),
        # Not unique: two laptops revising one offer offline both make the next number; the
        # server renumbers the later one (a version_no conflict) and the pull brings it back.
        Index("ix_offer_versions_offer_version_no", "offer_id", "version_no"),
    )
    id: Mapped[str] = mapped_column(String(36), primary_key=True, default=new_id)
    offer_id: Mapped[str] = mapped_column(String(36), ForeignKey("offers.id"))
    version_no: Mapped[int] = mapped_column(Integer)
    offer_json: Mapped[str] = mapped_column(Text)
    quote_json: Mapped[str | None] = mapped_column(Text)
    state: Mapped[str] = mapped_column(String(16))
    frozen: Mapped[bool] = mapped_column(Boolean, default=False)
    priced_on: Mapped[date | None] = mapped_column(Date)
    priced_role: Mapped[str | None] = mapped_column(String(12))


class OfferEvent(SyncColumns, Base):
    """A change of an offer's state (created, revised, approved, sent...). Insert-only history."""

    __tablename__ = "offer_events"
    __table_args__ = (Index("ix_offer_events_offer", "offer_id", "occurred_at"),)
    id: Mapped[str] = mapped_column(String(36), primary_key=True, default=new_id)
    offer_id: Mapped[str] = mapped_column(String(36), ForeignKey("offers.id"))
    version_no: Mapped[int] = mapped_column(Integer)
    from_state: Mapped[str | None] = mapped_column(String(16))
    to_state: Mapped[str] = mapped_column(String(16))
    by_user_id: Mapped[str | None] = mapped_column(String(36), ForeignKey("users.id"))
    comment: Mapped[str | None] = mapped_column(String(limits.MEDIUM_TEXT))
    occurred_at: Mapped[datetime] = mapped_column(DateTime, default=localnow, info=LOCAL_CLOCK)


class Proposal(SyncColumns, Base):
    """A proposal sheet (方案建议书) as produced: the PDF bytes and what made them.

    One row per offer version. ``content_json`` is the ``workbench.proposals`` content (with
    the quote it printed) and ``pdf`` the exact bytes; while the version is open a new
    production replaces them, once it is frozen (sent) they never change again.
    """

    __tablename__ = "proposals"
    __table_args__ = (
        CheckConstraint("pages >= 1", name="pages_pos"),
        Index("ix_proposals_offer_version", "offer_id", "version_no"),  # not unique: as versions
    )
    id: Mapped[str] = mapped_column(String(36), primary_key=True, default=new_id)
    offer_id: Mapped[str] = mapped_column(String(36), ForeignKey("offers.id"))
    version_no: Mapped[int] = mapped_column(Integer)
    number: Mapped[str] = mapped_column(String(32))
    issued_on: Mapped[date] = mapped_column(Date)
    content_json: Mapped[str] = mapped_column(Text)
    pdf: Mapped[bytes] = mapped_column(LargeBinary)
    pdf_sha256: Mapped[str] = mapped_column(String(64))
    pages: Mapped[int] = mapped_column(Integer)
    missing_chars: Mapped[str] = mapped_column(Text, default="")
