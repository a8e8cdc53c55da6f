"""The change journal as a sync outbox: transaction ids, whole-row payloads in the wire
encoding, tombstones through one helper, instants with their offset across time zones."""

from __future__ import annotations

import json
import os
import time
from collections.abc import Iterator
from datetime import UTC, date, datetime

import pytest
from sqlalchemy import select

from workbench.services import contacts, customers, offers, visits
from workbench.services.context import Context
from workbench.store import models as m
from workbench.store.payload import (
    DEVICE_LOCAL,
    decode_fields,
    encode_fields,
    model_for,
    synced_columns,
)

BANK = {"name": "中国银行股份有限公司杭州分行", "industry_code": "banking", "credit_code": "91110000600037341L"}
OFFER = {"lines": [{"product": "MOB-58", "quantity": 10}]}


def entries(ctx: Context) -> list[m.JournalEntry]:
    with ctx.store.read() as s:
        return list(s.scalars(select(m.JournalEntry).order_by(m.JournalEntry.seq)))


@pytest.fixture
def tz() -> Iterator[object]:
    """Switch the process's local time zone for a test (TZ + tzset), restored afterwards."""
    before = os.environ.get("TZ")

    def use(name: str) -> None:
        os.environ["TZ"] = name
        time.tzset()

    yield use
    if before is None:
        os.environ.pop("TZ", None)
    else:
        os.environ["TZ"] = before
    time.tzset()


def test_one_service_call_is_one_transaction_id(ctx: Context) -> None:
    c = customers.create_customer(ctx, values=BANK)
    k = contacts.add_contact(ctx, customer_id=c.id, values={"name": "王喆"})
    visits.log_visit(ctx, customer_id=c.id, move_to_stage="approach",
                     values={"occurred_at": datetime(2026, 11, 20, 9), "kind": "onsite", "contact_ids": [k.id]})
    log = entries(ctx)
    by_tx: dict[str, list[str]] = {}
    for e in log:
        assert e.tx_id
        by_tx.setdefault(e.tx_id, []).append(e.table_name)
    assert list(by_tx.values()) == [
        ["customers", "stage_events"],
        ["contacts", "contact_scores", "contact_scores", "contact_scores"],
        ["visits", "visit_contacts", "stage_events", "customers"],
    ]


def test_insert_payloads_hold_every_synced_column_and_no_device_local_one(ctx: Context) -> None:
    c = customers.create_customer(ctx, values=BANK)
    k = contacts.add_contact(ctx, customer_id=c.id, values={"name": "王喆"})
    visits.log_visit(ctx, customer_id=c.id, values={"occurred_at": datetime(2026, 11, 20, 9), "kind": "phone",
                                                    "contact_ids": [k.id], "follow_up_date": date(2026, 11, 27)})
    offers.create_offer(ctx, customer_id=c.id, title="方案", offer=OFFER, today=date(2026, 11, 20))
    inserts = [e for e in entries(ctx) if e.op == "insert" and e.table_name != "visit_contacts"]
    assert {e.table_name for e in inserts} >= {"customers", "contacts", "contact_scores", "visits", "stage_events",
                                               "offers", "offer_versions", "offer_events"}
    for e in inserts:
        model = model_for(e.table_name)
        payload = json.loads(e.fields)
        assert set(payload) == set(synced_columns(model)), e.table_name
        decode_fields(model, payload)  # every value decodes back
    customer = json.loads(next(e.fields for e in inserts if e.table_name == "customers"))
    assert customer["stage_changed_at"] is not None and customer["shared"] is False
    assert customer["version"] == 1 and customer["deleted"] is False and customer["owner_id"] == ctx.user_id
    assert not DEVICE_LOCAL["customers"] & set(customer)


def test_derived_columns_never_travel(ctx: Context) -> None:
    c = customers.create_customer(ctx, values=BANK)
    visits.log_visit(ctx, customer_id=c.id, values={"occurred_at": datetime(2026, 11, 20, 9), "kind": "phone",
                                                    "follow_up_date": date(2026, 11, 27)})
    assert customers.get_customer(ctx, customer_id=c.id).next_follow_up == date(2026, 11, 27)
    for e in entries(ctx):
        assert not {"next_follow_up", "last_visit_at", "sort_key", "num"} & set(json.loads(e.fields))


def test_tombstones_and_restores_go_through_one_helper(ctx: Context) -> None:
    c = customers.create_customer(ctx, values=BANK)
    k = contacts.add_contact(ctx, customer_id=c.id, values={"name": "王喆"})
    contacts.set_contact_deleted(ctx, contact_id=k.id, deleted=True)
    customers.delete_customer(ctx, customer_id=c.id)
    customers.restore_customer(ctx, customer_id=c.id)
    tail = [(e.table_name, e.op, json.loads(e.fields), e.new_version) for e in entries(ctx)[-3:]]
    assert tail == [("contacts", "delete", {"deleted": True}, 2), ("customers", "delete", {"deleted": True}, 2),
                    ("customers", "update", {"deleted": False}, 3)]


def test_updates_carry_only_what_changed_never_bookkeeping(ctx: Context) -> None:
    c = customers.create_customer(ctx, values=BANK)
    customers.update_customer(ctx, customer_id=c.id, changes={"region": "杭州", "name": BANK["name"]})
    assert json.loads(entries(ctx)[-1].fields) == {"region": "杭州"}


def test_base_version_is_the_server_version_last_seen(ctx: Context) -> None:
    c = customers.create_customer(ctx, values=BANK)
    with ctx.store.write() as s:
        s.add(m.RowSync(table_name="customers", row_id=c.id, server_version=7))
    customers.update_customer(ctx, customer_id=c.id, changes={"region": "杭州"})
    last = entries(ctx)[-1]
    assert (last.base_version, last.new_version) == (7, 2)  # the server's 7, the local 2


def test_instants_carry_their_offset_and_decode_to_each_columns_convention(ctx: Context, tz) -> None:
    tz("Asia/Shanghai")
    visit_model, stamp_model = model_for("visits"), model_for("contact_scores")
    wire = encode_fields(visit_model, {"occurred_at": datetime(2026, 11, 20, 14, 30)})
    assert wire == {"occurred_at": "2026-11-20T14:30:00+08:00"}  # local wall-clock, with its offset
    utc = encode_fields(stamp_model, {"recorded_at": datetime(2026, 11, 20, 6, 30)})
    assert utc == {"recorded_at": "2026-11-20T06:30:00+00:00"}  # bookkeeping is UTC
    # Another laptop in the same zone reads the visit at 14:30; one in New York reads the same
    # instant as its own wall-clock time; UTC columns stay UTC everywhere.
    assert decode_fields(visit_model, wire)["occurred_at"] == datetime(2026, 11, 20, 14, 30)
    tz("America/New_York")
    assert decode_fields(visit_model, wire)["occurred_at"] == datetime(2026, 11, 20, 1, 30)
    assert decode_fields(stamp_model, utc)["recorded_at"] == datetime(2026, 11, 20, 6, 30)
    assert datetime(2026, 11, 20, 1, 30).astimezone(UTC) == datetime(2026, 11, 20, 6, 30, tzinfo=UTC)


def test_a_visit_journaled_in_one_zone_is_the_same_instant_in_another(ctx: Context, tz) -> None:
    tz("Asia/Shanghai")
    c = customers.create_customer(ctx, values=BANK)
    visits.log_visit(ctx, customer_id=c.id, values={"occurred_at": datetime(2026, 11, 20, 14, 30), "kind": "phone"})
    payload = json.loads(next(e.fields for e in entries(ctx) if e.table_name == "visits"))
    assert payload["occurred_at"] == "2026-11-20T14:30:00+08:00"
    assert payload["created_at"].endswith("+00:00")
    tz("Europe/London")
    decoded = decode_fields(model_for("visits"), payload)
    assert decoded["occurred_at"] == datetime(2026, 11, 20, 6, 30)


@pytest.mark.parametrize("bad", ["2026-11-20T14:30:00", 17, "not a time"])
def test_a_time_without_its_offset_or_malformed_is_refused(bad: object) -> None:
    with pytest.raises((ValueError, TypeError)):
        decode_fields(model_for("visits"), {"occurred_at": bad})


def test_unknown_columns_are_refused() -> None:
    with pytest.raises(KeyError):
        decode_fields(model_for("customers"), {"num": 5})  # device-local: never accepted
