"""Applying pulled rows on a device: never journaled again, search and derived columns kept
current, local unpushed edits kept, one page one transaction with the cursor."""

from __future__ import annotations

import json
from datetime import date, datetime
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import func, select, text

from workbench.services import contacts, customers, search, visits
from workbench.services.context import Context
from workbench.services.users import user_context
from workbench.store import models as m
from workbench.store.engine import Store, open_store
from workbench.store.payload import SYNCED_TABLES, model_for, row_key, row_payload
from workbench.sync.apply import apply_page, cursor, index_pending

BANK = {"name": "中国工商银行杭州西湖支行", "short_name": "工行西湖", "industry_code": "banking"}


def as_pulled(store: Store, *, tables: tuple[str, ...] = SYNCED_TABLES) -> list[dict[str, Any]]:
    """Every row of ``store`` as a pull page would carry it (the server's current state)."""
    out: list[dict[str, Any]] = []
    with store.read() as s:
        for table in tables:
            if table in ("industries", "stage_defs", "users", "price_books"):
                continue
            for row in s.scalars(select(model_for(table))):
                out.append({"table": table, "row": row_key(table, row), "version": getattr(row, "version", 1),
                            "deleted": bool(getattr(row, "deleted", False)), "data": row_payload(row)})
    return out


@pytest.fixture
def other(tmp_path: Path) -> Context:
    """A second laptop's store, where the rows are typed."""
    s = open_store(tmp_path / "other.sqlite")
    yield user_context(s)
    s.close()


def journal_count(ctx: Context) -> int:
    with ctx.store.read() as s:
        return s.scalar(select(func.count()).select_from(m.JournalEntry))


def seed_other(other: Context) -> tuple[Any, Any, Any]:
    c = customers.create_customer(other, values=BANK)
    k = contacts.add_contact(other, customer_id=c.id, values={"name": "王喆", "mobile": "13812345678"})
    v = visits.log_visit(other, customer_id=c.id, values={
        "occurred_at": datetime(2026, 11, 20, 9, 30), "kind": "onsite", "contact_ids": [k.id],
        "follow_up_date": date(2026, 11, 27)})
    return c, k, v


def adopt_users(ctx: Context, other: Context) -> None:
    """The other laptop's user arrives by a pull too (users are the server's rows)."""
    with other.store.read() as s:
        user = s.get(m.User, other.user_id)
        page = [{"table": "users", "row": user.id, "version": 1, "deleted": False, "data": row_payload(user)}]
    apply_page(ctx.store, page, 1)


def test_pulled_rows_are_stored_searchable_derived_and_not_journaled(ctx: Context, other: Context) -> None:
    c, k, v = seed_other(other)
    adopt_users(ctx, other)
    before = journal_count(ctx)
    applied = apply_page(ctx.store, as_pulled(other.store), 42)
    assert journal_count(ctx) == before  # nothing pulled goes back up
    assert cursor(ctx.store) == 42 and applied.cursor == 42
    assert index_pending(ctx.store) == 1  # the pull's end indexes what its pages marked
    changes = applied.changes(ctx.store)  # what the screens are told, as for a local write
    assert changes.customers == {c.id} and changes.membership("customers") and changes.touches("visits")
    got = customers.get_customer(ctx, customer_id=c.id)
    assert got.name == BANK["name"] and got.stage_code == "target_market"
    assert got.next_follow_up == date(2026, 11, 27) and got.last_visit_at == datetime(2026, 11, 20, 9, 30)
    assert [r.id for r in search.search_customers(ctx, query="gsyh").rows] == [c.id]  # pinyin initials
    assert [r.id for r in search.search_customers(ctx, query="王喆").rows] == [c.id]  # a contact's name
    assert visits.list_visits(ctx, customer_id=c.id)[0].contact_ids == (k.id,)
    with ctx.store.read() as s:
        assert s.get(m.RowSync, ("customers", c.id)).server_version == 1


def test_a_pull_keeps_fields_with_unpushed_local_edits(ctx: Context, other: Context) -> None:
    c, _, _ = seed_other(other)
    adopt_users(ctx, other)
    page = as_pulled(other.store)
    apply_page(ctx.store, page, 10)
    customers.update_customer(ctx, customer_id=c.id, changes={"region": "西湖区"})  # typed here, not pushed
    customers.update_customer(other, customer_id=c.id, changes={"region": "上城区", "address": "延安路 1 号"})
    applied = apply_page(ctx.store, as_pulled(other.store, tables=("customers",)), 11)
    got = customers.get_customer(ctx, customer_id=c.id)
    assert got.region == "西湖区"  # the local edit stands until the server judges it
    assert got.address == "延安路 1 号"  # the other field arrives
    assert applied.kept_local == 1


def test_a_failing_page_applies_nothing_and_keeps_the_cursor(ctx: Context, other: Context) -> None:
    seed_other(other)
    adopt_users(ctx, other)
    page = as_pulled(other.store)
    bad = dict(page[-1], data={**page[-1]["data"], "created_at": "yesterday"})
    with pytest.raises(ValueError):
        apply_page(ctx.store, [*page[:-1], bad], 99)
    assert cursor(ctx.store) == 1
    with ctx.store.read() as s:
        assert s.scalar(select(func.count()).select_from(m.Customer)) == 0


def test_tombstones_and_removed_contacts_met_arrive(ctx: Context, other: Context) -> None:
    c, k, v = seed_other(other)
    adopt_users(ctx, other)
    apply_page(ctx.store, as_pulled(other.store), 5)
    visits.update_visit(other, visit_id=v.id, changes={"contact_ids": []})
    contacts.set_contact_deleted(other, contact_id=k.id, deleted=True)
    page = as_pulled(other.store, tables=("contacts",))
    page.append({"table": "visit_contacts", "row": f"{v.id}:{k.id}", "version": 2, "deleted": True,
                 "data": {"visit_id": v.id, "contact_id": k.id, "deleted": True}})
    apply_page(ctx.store, page, 6)
    assert visits.list_visits(ctx, customer_id=c.id)[0].contact_ids == ()
    assert contacts.list_contacts(ctx, customer_id=c.id) == []
    assert not search.search_customers(ctx, query="王喆").rows  # the index forgot the contact


def test_pulled_journal_payloads_round_trip(other: Context) -> None:
    """What a device journals is what another device can apply (same encoding both ways)."""
    seed_other(other)
    with other.store.read() as s:
        for entry in s.scalars(select(m.JournalEntry).where(m.JournalEntry.op == "insert",
                                                             m.JournalEntry.table_name != "visit_contacts")):
            payload = json.loads(entry.fields)
            row = s.get(model_for(entry.table_name), entry.row_id) if entry.table_name != "customers" else \
                s.scalar(select(m.Customer).where(m.Customer.id == entry.row_id))
            assert set(payload) <= set(row_payload(row))


def test_a_child_may_arrive_a_page_before_its_parent(ctx: Context, other: Context) -> None:
    """Pages follow the server's commit order: a customer edited after its contacts were
    written comes later than them, possibly in the next page."""
    c, k, _ = seed_other(other)
    adopt_users(ctx, other)
    rows = as_pulled(other.store)
    parents = [r for r in rows if r["table"] == "customers"]
    children = [r for r in rows if r["table"] != "customers"]
    apply_page(ctx.store, children, 7)  # committed on its own, parent still missing
    apply_page(ctx.store, parents, 8)
    assert index_pending(ctx.store) == 1  # marked by both pages, indexed once
    assert contacts.list_contacts(ctx, customer_id=c.id)[0].id == k.id
    assert [r.id for r in search.search_customers(ctx, query="王喆").rows] == [c.id]
    with ctx.store.read() as s:
        assert s.execute(text("PRAGMA foreign_keys")).scalar() == 1  # checks are back on after
    with pytest.raises(Exception, match="FOREIGN KEY"), ctx.store.write() as s:
        s.add(m.Contact(customer_id="nobody", name="孤儿"))


def test_a_pulled_rename_is_searchable_and_a_pulled_visit_moves_the_follow_up(ctx: Context, other: Context) -> None:
    c, k, _ = seed_other(other)
    adopt_users(ctx, other)
    apply_page(ctx.store, as_pulled(other.store), 3)
    index_pending(ctx.store)
    customers.update_customer(other, customer_id=c.id, changes={"name": "中国建设银行杭州分行"})
    contacts.update_contact(other, contact_id=k.id, changes={"name": "李堃"})
    visits.log_visit(other, customer_id=c.id, values={"occurred_at": datetime(2026, 11, 21, 9), "kind": "phone",
                                                      "follow_up_date": date(2026, 11, 22)})
    apply_page(ctx.store, as_pulled(other.store, tables=("customers", "contacts", "visits")), 4)
    assert index_pending(ctx.store) == 1
    assert [r.id for r in search.search_customers(ctx, query="jsyh").rows] == [c.id]
    assert [r.id for r in search.search_customers(ctx, query="李堃").rows] == [c.id]
    assert not search.search_customers(ctx, query="王喆").rows
    assert customers.get_customer(ctx, customer_id=c.id).next_follow_up == date(2026, 11, 22)


def test_marks_left_by_a_crash_are_indexed_when_the_next_sync_starts(ctx: Context, other: Context) -> None:
    """A pull cut off after its pages committed and before it indexed: the marks are in the
    file, the customer is not found yet, and the next sync indexes it before any request."""
    from workbench.sync.client import ServerClient, SyncError
    from workbench.sync.engine import sync_once

    c, _, _ = seed_other(other)
    adopt_users(ctx, other)
    apply_page(ctx.store, as_pulled(other.store), 9)
    path = ctx.store.path
    ctx.store.close()  # the laptop dies here
    again = open_store(path)
    try:
        assert search.search_customers(user_context(again), query="gsyh").rows == ()
        with pytest.raises(SyncError), ServerClient("http://127.0.0.1:9", "token", timeout=2) as client:
            sync_once(again, client)  # no server: offline, but the index is done first
        assert [r.id for r in search.search_customers(user_context(again), query="gsyh").rows] == [c.id]
        assert index_pending(again) == 0
    finally:
        again.close()
