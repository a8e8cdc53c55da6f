"""The device side of a push, without a server: batches, answers, a new identity, legacy
entries, and adopting the server's user at enrolment."""

from __future__ import annotations

import json
import shutil
from datetime import datetime
from pathlib import Path

from sqlalchemy import func, select

from workbench.services import contacts, customers, visits
from workbench.services.context import Context
from workbench.services.users import user_context
from workbench.store import models as m
from workbench.store.engine import open_store
from workbench.sync.engine import adopt_user
from workbench.sync.outbox import (
    Answer,
    next_batch,
    pending_count,
    record_answers,
    supersede_legacy,
    take_new_identity,
)

BANK = {"name": "中国工商银行杭州西湖支行", "industry_code": "banking"}


def test_a_batch_never_splits_a_transaction(ctx: Context) -> None:
    c = customers.create_customer(ctx, values=BANK)  # 2 entries in one transaction
    contacts.add_contact(ctx, customer_id=c.id, values={"name": "王喆"})  # 4 entries in one
    batch = next_batch(ctx.store, limit=3)
    assert len(batch) == 6 and len({e["tx"] for e in batch}) == 2
    assert [e["seq"] for e in batch] == sorted(e["seq"] for e in batch)
    assert batch[0]["fields"]["name"] == BANK["name"] and batch[0]["at"].endswith("+00:00")


def test_answers_end_pending_and_record_the_server_version(ctx: Context) -> None:
    c = customers.create_customer(ctx, values=BANK)
    batch = next_batch(ctx.store)
    reason = {"code": "invalid", "message": "bad", "message_zh": "错"}
    record_answers(ctx.store, [Answer(batch[0]["seq"], "applied", 4), Answer(batch[1]["seq"], "refused", None, reason)])
    assert pending_count(ctx.store) == 0 and next_batch(ctx.store) == []
    with ctx.store.read() as s:
        assert s.get(m.RowSync, ("customers", c.id)).server_version == 4
        refused = s.get(m.JournalEntry, batch[1]["seq"])
        assert refused.push_status == "refused" and json.loads(refused.push_reason) == reason
    customers.update_customer(ctx, customer_id=c.id, changes={"region": "杭州"})
    assert next_batch(ctx.store)[0]["base_version"] == 4


def test_a_restored_copy_takes_a_new_identity_and_keeps_its_pending_entries(ctx: Context, tmp_path: Path) -> None:
    c = customers.create_customer(ctx, values=BANK)
    record_answers(ctx.store, [Answer(e["seq"], "applied", 1) for e in next_batch(ctx.store)])
    ctx.store.close()
    copy = tmp_path / "restored.sqlite"
    shutil.copy(ctx.store.path, copy)
    restored = open_store(copy)
    rctx = user_context(restored)
    old = restored.device_id
    customers.update_customer(rctx, customer_id=c.id, changes={"region": "杭州"})
    visits.log_visit(rctx, customer_id=c.id, values={"occurred_at": datetime(2026, 11, 20, 9), "kind": "phone"})
    before = [(e["seq"], e["fields"]) for e in next_batch(restored)]
    new = take_new_identity(restored)
    assert new != old and restored.device_id == new
    after = next_batch(restored)
    assert [(e["seq"], e["fields"]) for e in after] == before  # the same work, nothing lost
    with restored.read() as s:
        devices = dict(s.execute(select(m.JournalEntry.pushed_at.is_(None), m.JournalEntry.device_id)
                                 .group_by(m.JournalEntry.pushed_at.is_(None))).all())
        assert devices == {True: new, False: old}  # what went up under the old id stays so
    reopened = open_store(copy)
    assert reopened.device_id == new  # the identity is kept in the store
    reopened.close()
    restored.close()


def test_legacy_entries_are_replaced_by_the_rows_current_state(ctx: Context) -> None:
    c = customers.create_customer(ctx, values=BANK)
    k = contacts.add_contact(ctx, customer_id=c.id, values={"name": "王喆"})
    v = visits.log_visit(ctx, customer_id=c.id, values={"occurred_at": datetime(2026, 11, 20, 9), "kind": "phone",
                                                        "contact_ids": [k.id]})
    with ctx.store.write() as s:  # as migration 0006 leaves a store journaled before it
        s.execute(m.JournalEntry.__table__.update().values(push_status="legacy", tx_id="legacy"))
    assert supersede_legacy(ctx) == 7  # customer, stage event, contact, 3 scores, visit
    batch = next_batch(ctx.store)
    assert {e["op"] for e in batch} == {"insert"} and len({e["tx"] for e in batch}) == 1
    assert [e["table"] for e in batch][:2] == ["customers", "contacts"]
    assert ("visit_contacts", f"{v.id}:{k.id}") in {(e["table"], e["row"]) for e in batch}
    assert supersede_legacy(ctx) == 0


def test_enrolment_adopts_the_server_user_everywhere(ctx: Context) -> None:
    c = customers.create_customer(ctx, values=BANK)
    old = ctx.user_id
    server_user = {"id": "0f0e0d0c-0000-4000-8000-000000000001", "name": "王经理", "role": "manager", "team": "西湖"}
    adopt_user(ctx.store, old_user_id=old, user=server_user)
    now = user_context(ctx.store)
    assert now.user_id == server_user["id"] and now.user_name == "王经理"
    assert customers.get_customer(now, customer_id=c.id).owner_id == server_user["id"]
    with ctx.store.read() as s:
        assert all(old not in e.fields and e.actor_id == server_user["id"] for e in s.scalars(select(m.JournalEntry)))
        assert s.scalar(select(func.count()).select_from(m.StageEvent).where(m.StageEvent.by_user_id == old)) == 0
