"""services.changes: what a write changed, gathered from what it journaled, with the customers
the rows hang from; nothing from a transaction that rolled back."""

from __future__ import annotations

from datetime import datetime

import pytest

from workbench.domain.errors import ValidationError
from workbench.services import contacts, customers, offers, visits
from workbench.services.changes import MANY, Changes, collecting
from workbench.services.context import Context

BANK = {"name": "中国工商银行杭州西湖支行", "industry_code": "banking"}


def test_a_service_write_names_its_tables_rows_kinds_and_customer(ctx: Context) -> None:
    with collecting() as got:
        c = customers.create_customer(ctx, values=BANK)
    assert got.changes.rows["customers"] == {c.id} and got.changes.customers == {c.id}
    assert got.changes.kinds["customers"] == {"insert"} and got.changes.membership("customers")
    assert not got.changes.many
    with collecting() as got:
        customers.update_customer(ctx, customer_id=c.id, changes={"notes": "改"})
    assert got.changes.touches("customers") and not got.changes.membership("customers")
    with collecting() as got:
        customers.delete_customer(ctx, customer_id=c.id)
        customers.restore_customer(ctx, customer_id=c.id)
    assert got.changes.kinds["customers"] == {"delete", "update", "restore"}
    with collecting() as got:
        k = contacts.add_contact(ctx, customer_id=c.id, values={"name": "王喆"})
        visits.log_visit(ctx, customer_id=c.id, move_to_stage="approach", values={
            "occurred_at": datetime(2026, 11, 20, 9, 30), "kind": "onsite", "contact_ids": [k.id]})
    ch = got.changes
    assert {"contacts", "visits", "visit_contacts", "stage_events", "customers"} <= set(ch.rows)
    assert ch.customers == {c.id} and ch.touches("visits") and not ch.touches("offers")
    assert ch.touches_customer(c.id) and not ch.touches_customer("someone else")


def test_rows_hanging_from_an_offer_or_a_contact_name_their_customer(ctx: Context) -> None:
    c = customers.create_customer(ctx, values=BANK)
    other = customers.create_customer(ctx, values={**BANK, "name": "中国银行杭州分行"})
    offer = {"lines": [{"product": "MOB-58", "quantity": 10}]}
    with collecting() as got:
        offers.create_offer(ctx, customer_id=c.id, title="专线", offer=offer, today=datetime(2026, 11, 24).date())
    assert got.changes.customers == {c.id} and other.id not in got.changes.customers
    assert got.changes.touches("offers", "offer_versions")


def test_a_refused_write_changes_nothing(ctx: Context) -> None:
    with collecting() as got, pytest.raises(ValidationError):
        customers.create_customer(ctx, values={**BANK, "credit_code": "91110000600037341X"})
    assert got.changes.empty


def test_outside_a_collector_nothing_is_kept_and_many_is_many(ctx: Context) -> None:
    customers.create_customer(ctx, values=BANK)  # no collector: no cost, nothing kept
    assert Changes.everything().touches("anything") and Changes.everything().touches_customer("x")
    many = Changes(customers=frozenset(str(i) for i in range(MANY + 1)))
    assert many.merged(Changes()).many
