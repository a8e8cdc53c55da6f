from __future__ import annotations

import json

import pytest
from sqlalchemy import select

from workbench.domain.errors import NotFoundError, StaleEditError, ValidationError
from workbench.services import customers
from workbench.services.context import Context
from workbench.store import models as m

BANK = {"name": "中国银行股份有限公司杭州分行", "short_name": "中行杭分", "industry_code": "banking",
        "credit_code": "91110000600037341L"}


def journal(ctx: Context) -> list[m.JournalEntry]:
    with ctx.store.read() as s:
        return list(s.scalars(select(m.JournalEntry).order_by(m.JournalEntry.seq)))


def test_create_records_row_first_stage_and_journal(ctx: Context) -> None:
    c = customers.create_customer(ctx, values=BANK)
    assert c.version == 1 and c.stage_code == "target_market" and c.owner_id == ctx.user_id
    assert c.hints.decides_on_references and not c.hints.price_sensitive  # banking, from the seed
    entries = journal(ctx)
    assert [(e.table_name, e.op) for e in entries] == [("customers", "insert"), ("stage_events", "insert")]
    fields = json.loads(entries[0].fields)
    assert fields["credit_code"] == "91110000600037341L" and fields["name"] == BANK["name"]
    assert entries[0].device_id == ctx.store.device_id and entries[0].seq < entries[1].seq


def test_every_bad_field_is_named_and_nothing_is_written(ctx: Context) -> None:
    with pytest.raises(ValidationError) as err:
        customers.create_customer(ctx, values={"name": " ", "industry_code": "nope",
                                                "credit_code": "91110000600037341X", "employees": -3})
    assert set(err.value.fields) == {"name", "industry_code", "credit_code", "employees"}
    for e in err.value.errors:
        assert e.zh and e.en and e.zh != e.en
    with ctx.store.read() as s:
        assert s.scalar(select(m.Customer)) is None
    assert journal(ctx) == []


def test_update_bumps_version_journals_only_changes(ctx: Context) -> None:
    c = customers.create_customer(ctx, values=BANK)
    u = customers.update_customer(ctx, customer_id=c.id, expected_version=1,
                                  changes={"short_name": "中行杭州", "name": BANK["name"]})
    assert u.version == 2 and u.short_name == "中行杭州"
    last = journal(ctx)[-1]
    # base_version is the server version last seen: 0 for a row never synced
    assert (last.op, last.base_version, last.new_version) == ("update", 0, 2)
    assert json.loads(last.fields) == {"short_name": "中行杭州"}
    with pytest.raises(StaleEditError):
        customers.update_customer(ctx, customer_id=c.id, expected_version=1, changes={"notes": "x"})


def test_hint_overrides_win_over_industry_defaults(ctx: Context) -> None:
    c = customers.create_customer(ctx, values={**BANK, "price_sensitive": True, "loyalty": "high"})
    assert c.hints.price_sensitive and c.hints.loyalty == "high"


def test_credit_code_unique_among_live_customers(ctx: Context) -> None:
    first = customers.create_customer(ctx, values=BANK)
    with pytest.raises(ValidationError) as err:
        customers.create_customer(ctx, values={**BANK, "name": "另一家"})
    assert err.value.fields == ("credit_code",)
    customers.delete_customer(ctx, customer_id=first.id)
    second = customers.create_customer(ctx, values={**BANK, "name": "另一家"})
    with pytest.raises(ValidationError):  # restoring would duplicate the code
        customers.restore_customer(ctx, customer_id=first.id)
    assert second.credit_code == first.credit_code


def test_delete_is_a_tombstone_and_restore_undoes_it(ctx: Context) -> None:
    c = customers.create_customer(ctx, values=BANK)
    v = customers.delete_customer(ctx, customer_id=c.id, expected_version=1)
    assert v == 2
    with pytest.raises(NotFoundError):
        customers.get_customer(ctx, customer_id=c.id)
    with ctx.store.read() as s:
        assert s.scalar(select(m.Customer.deleted).where(m.Customer.id == c.id)) is True
    restored = customers.restore_customer(ctx, customer_id=c.id, expected_version=2)
    assert restored.version == 3
    assert [e.op for e in journal(ctx)][-2:] == ["delete", "update"]


def test_model_layer_refuses_invalid_rows_even_without_services(ctx: Context) -> None:
    with pytest.raises(ValidationError):
        m.Customer(name="x", industry_code="banking", stage_code="prospect", credit_code="123")
    with pytest.raises(ValidationError):
        m.Contact(name="x", customer_id="y", mobile="12345")
    from sqlalchemy import text
    from sqlalchemy.exc import IntegrityError

    with pytest.raises(IntegrityError), ctx.store.write() as s:  # CHECK constraints in SQLite
        s.execute(text("INSERT INTO customers (id, name, industry_code, stage_code, credit_code, created_at, "
                       "updated_at, version, deleted, shared, sort_key) VALUES ('a', 'x', 'banking', 'prospect', "
                       "'123', '2026-01-01', '2026-01-01', 1, 0, 0, '')"))
