"""Publishing price books (issue 4): HQ only, validated, journaled, served at once."""

from __future__ import annotations

import json
from datetime import date
from decimal import Decimal
from importlib.resources import files
from typing import Any

import pytest
from sqlalchemy import func, select

from workbench.domain.errors import PermissionDenied, ValidationError
from workbench.services import catalogue
from workbench.services.context import Context
from workbench.services.users import create_user
from workbench.store import models as m

TODAY = date(2026, 12, 1)


def shipped(kind: str) -> dict[str, Any]:
    text = files("workbench.resources").joinpath("catalogue", f"{kind}.json").read_text("utf-8")
    data: dict[str, Any] = json.loads(text)
    return data


def hq(ctx: Context) -> Context:
    user = create_user(ctx.store, name="总部定价", role="hq")
    return Context(ctx.store, user.id, user.name)


def count(ctx: Context, model: type) -> int:
    with ctx.store.read() as s:
        return s.scalar(select(func.count()).select_from(model)) or 0


def test_a_manager_cannot_publish(ctx: Context) -> None:
    body = shipped("policy") | {"version": "2026.2"}
    with pytest.raises(PermissionDenied):
        catalogue.publish_price_book(ctx, kind="policy", body=body, valid_from=TODAY)
    assert not catalogue.can_publish(ctx)
    assert "2026.2" not in {b.book_version for b in catalogue.list_price_books(ctx)}


def test_hq_publishes_a_policy_that_is_served_at_once(ctx: Context) -> None:
    boss = hq(ctx)
    assert catalogue.can_publish(boss)
    _, before = catalogue.current_price_books(boss, today=TODAY)  # cached old policy
    assert before.version == "2026.1"
    body = shipped("policy") | {"version": "2026.2"}
    body["term_tiers"]["tiers"][1]["percent"] = "7"
    journal_before = count(ctx, m.JournalEntry)

    info = catalogue.publish_price_book(boss, kind="policy", body=json.dumps(body), valid_from=TODAY)

    assert (info.kind, info.book_version, info.valid_from) == ("policy", "2026.2", TODAY)
    _, policy = catalogue.current_price_books(boss, today=TODAY)
    assert policy.version == "2026.2"
    assert [t.percent for t in policy.term_tiers.tiers] == [Decimal(3), Decimal(7)]
    _, older = catalogue.current_price_books(boss, today=date(2026, 11, 30))
    assert older.version == "2026.1"
    assert count(ctx, m.JournalEntry) == journal_before + 1
    with ctx.store.read() as s:
        entry = s.scalars(select(m.JournalEntry).order_by(m.JournalEntry.created_at.desc())).first()
        assert entry is not None and (entry.table_name, entry.op, entry.row_id) == ("price_books", "insert", info.id)
    listed = [b for b in catalogue.list_price_books(boss) if b.kind == "policy"]
    assert [b.book_version for b in listed] == ["2026.2", "2026.1"]
    detail = catalogue.price_book_detail(boss, book_id=info.id)
    assert detail.schemes == len(body["schemes"]) and detail.products is None
    assert json.loads(detail.body)["valid_from"] == TODAY.isoformat()


def test_malformed_json_is_refused_and_nothing_saved(ctx: Context) -> None:
    boss = hq(ctx)
    catalogue.ensure_defaults(boss)
    rows = count(ctx, m.PriceBook)
    with pytest.raises(ValidationError) as exc:
        catalogue.publish_price_book(boss, kind="policy", body='{"version": "2026.2",', valid_from=TODAY)
    assert exc.value.fields == ("body",)
    body = shipped("catalogue") | {"version": "2026.2"}
    body["products"][0]["list_price"] = "cheap"
    with pytest.raises(ValidationError) as exc:
        catalogue.publish_price_book(boss, kind="catalogue", body=body, valid_from=TODAY)
    assert "products[0].list_price" in exc.value.fields
    assert count(ctx, m.PriceBook) == rows


def test_an_inconsistent_or_duplicate_book_is_refused(ctx: Context) -> None:
    boss = hq(ctx)
    catalogue.ensure_defaults(boss)
    rows, journal = count(ctx, m.PriceBook), count(ctx, m.JournalEntry)
    body = shipped("policy") | {"version": "2026.2"}
    body["gifts"][0]["gives"][0]["product"] = "NO-SUCH-PRODUCT"
    with pytest.raises(ValidationError) as exc:
        catalogue.publish_price_book(boss, kind="policy", body=body, valid_from=TODAY)
    assert exc.value.fields == ("gifts[0]",)
    assert "NO-SUCH-PRODUCT" in exc.value.errors[0].en
    with pytest.raises(ValidationError) as exc:
        catalogue.publish_price_book(boss, kind="policy", body=shipped("policy"), valid_from=TODAY)
    assert exc.value.fields == ("version",)
    assert (count(ctx, m.PriceBook), count(ctx, m.JournalEntry)) == (rows, journal)
