"""HQ publishes a price book; the server signs it; a manager's laptop prices with it, and an
edited copy on that laptop is passed over."""

from __future__ import annotations

import sqlite3
from datetime import date

from sqlalchemy import select

from tests.services.test_publish_price_book import shipped
from tests.sync.team import Team
from workbench.pricing.signing import book_message, verify
from workbench.services import catalogue
from workbench.store import models as m

TODAY = date(2027, 2, 1)


def price(laptop, code: str) -> str:
    catalogue.clear_cache()
    cat, _ = catalogue.current_price_books(laptop.ctx, today=TODAY)
    return str(next(p for p in cat.products if p.code == code).list_price)


def test_a_signed_book_travels_and_an_edited_copy_is_not_used(team: Team) -> None:
    hq, manager = team.laptop("总部定价", role="hq", team="总部"), team.laptop("王经理")
    shipped_price = price(manager, "MOB-58")
    body = shipped("catalogue") | {"version": "2027.3"}
    next(p for p in body["products"] if p["code"] == "MOB-58")["list_price"] = "66.00"
    catalogue.publish_price_book(hq.ctx, kind="catalogue", body=body, valid_from=date(2027, 1, 1))
    assert hq.sync().applied >= 1
    manager.sync()
    with manager.store.read() as s:
        book = s.scalar(select(m.PriceBook).where(m.PriceBook.book_version == "2027.3"))
        key = s.scalar(select(m.Meta.value).where(m.Meta.key == catalogue.POLICY_KEY))
    assert key and verify(key, book_message(kind=book.kind, book_version=book.book_version,
                                            valid_from=book.valid_from, valid_to=book.valid_to,
                                            body=book.body), book.signature)
    assert price(manager, "MOB-58") == "66.00"  # signed by the team server: used
    con = sqlite3.connect(manager.store.path)
    con.execute("UPDATE price_books SET body = replace(body, '66.00', '60.00') WHERE book_version = '2027.3'")
    con.commit()
    con.close()
    assert price(manager, "MOB-58") == shipped_price  # the edited copy is not priced with
