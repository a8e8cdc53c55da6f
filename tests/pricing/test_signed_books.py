"""Price books signed by the team server: an enrolled laptop prices only with what the server
signed, the shipped defaults, or its own HQ publication not yet synced; an edited copy is not
used, whatever it says."""

from __future__ import annotations

import sqlite3
from datetime import date

from sqlalchemy import select

from tests.services.test_catalogue_store import add_book
from workbench.pricing.signing import book_message, new_key_pair, sign, verify
from workbench.services import catalogue
from workbench.services.context import Context
from workbench.store import models as m

TODAY = date(2027, 2, 1)


def pin(ctx: Context, public: str) -> None:
    with ctx.store.write() as s:
        s.merge(m.Meta(key=catalogue.POLICY_KEY, value=public))
    catalogue.clear_cache()


def sign_stored(ctx: Context, version: str, private: str) -> None:
    with ctx.store.write() as s:
        row = s.scalar(select(m.PriceBook).where(m.PriceBook.book_version == version))
        row.signature = sign(private, book_message(kind=row.kind, book_version=row.book_version,
                                                   valid_from=row.valid_from, valid_to=row.valid_to, body=row.body))


def price_of(ctx: Context, code: str) -> str:
    cat, _ = catalogue.current_price_books(ctx, today=TODAY)
    return str(next(p for p in cat.products if p.code == code).list_price)


def test_signatures_verify_only_the_exact_book() -> None:
    private, public = new_key_pair()
    message = book_message(kind="policy", book_version="1", valid_from="2027-01-01", valid_to=None, body="{}")
    signature = sign(private, message)
    assert verify(public, message, signature)
    assert not verify(public, message.replace(b'"1"', b'"2"'), signature)
    assert not verify(new_key_pair()[1], message, signature)
    assert not verify(public, message, None) and not verify(public, message, "not base64!")


def test_an_enrolled_laptop_uses_a_signed_book_and_ignores_an_edited_one(ctx: Context) -> None:
    catalogue.ensure_defaults(ctx)
    shipped = price_of(ctx, "MOB-58")
    private, public = new_key_pair()
    add_book(ctx, "catalogue", "2027.1", date(2027, 1, 1), {"MOB-58": "68.00"})
    sign_stored(ctx, "2027.1", private)
    pin(ctx, public)
    assert price_of(ctx, "MOB-58") == "68.00"  # signed by the server: used
    # Someone edits the stored book with sqlite3 to lower the price: the signature no longer holds.
    con = sqlite3.connect(ctx.store.path)
    con.execute("UPDATE price_books SET body = replace(body, '68.00', '1.00') WHERE book_version = '2027.1'")
    con.commit()
    con.close()
    catalogue.clear_cache()
    assert price_of(ctx, "MOB-58") == shipped  # the edited book is passed over for a trusted one


def test_an_unsigned_book_from_elsewhere_is_not_used_once_enrolled(ctx: Context) -> None:
    catalogue.ensure_defaults(ctx)
    shipped = price_of(ctx, "MOB-58")
    add_book(ctx, "catalogue", "2027.9", date(2027, 1, 1), {"MOB-58": "99.00"})
    assert price_of(ctx, "MOB-58") == "99.00"  # not enrolled: the laptop's own books are its own
    pin(ctx, new_key_pair()[1])
    assert price_of(ctx, "MOB-58") == shipped


def test_hq_prices_with_its_own_publication_before_it_is_synced(ctx: Context) -> None:
    from tests.services.test_publish_price_book import hq, shipped

    catalogue.ensure_defaults(ctx)
    pin(ctx, new_key_pair()[1])
    body = shipped("catalogue") | {"version": "2027.2"}
    next(p for p in body["products"] if p["code"] == "MOB-58")["list_price"] = "77.00"
    catalogue.publish_price_book(hq(ctx), kind="catalogue", body=body, valid_from=date(2027, 1, 1))
    catalogue.clear_cache()
    assert price_of(ctx, "MOB-58") == "77.00"  # pending in this laptop's outbox: its own work
    with ctx.store.write() as s:  # once the server has answered, only its signature counts
        for e in s.scalars(select(m.JournalEntry).where(m.JournalEntry.table_name == "price_books")):
            e.pushed_at = e.created_at
    catalogue.clear_cache()
    assert price_of(ctx, "MOB-58") != "77.00"
