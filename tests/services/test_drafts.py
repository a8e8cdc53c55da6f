"""Drafts: device-local, never journaled, replaced in place, and the 0001 -> 0002 migration."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest
from alembic import command
from alembic.autogenerate import compare_metadata
from alembic.migration import MigrationContext
from sqlalchemy import func, select

from workbench.domain.errors import ValidationError
from workbench.services import drafts
from workbench.services.context import Context
from workbench.store import models as m
from workbench.store.engine import current_revision, open_store
from workbench.store.migrations import HEAD_REVISION
from workbench.store.migrations.runner import config


def journal_count(ctx: Context) -> int:
    with ctx.store.read() as s:
        return s.scalar(select(func.count()).select_from(m.JournalEntry)) or 0


def test_save_load_replace_and_discard_without_journal(ctx: Context) -> None:
    before = journal_count(ctx)
    payload = {"spin_situation": "三个院区,两条专线", "contact_ids": ["a", "b"], "duration_min": 45}
    draft_id = drafts.save_draft(ctx, draft_id=None, kind="visit", customer_id="c1", payload=payload)
    first = drafts.load_draft(ctx, draft_id=draft_id)
    assert first is not None and first.payload == payload
    assert (first.kind, first.customer_id) == ("visit", "c1")

    again = drafts.save_draft(ctx, draft_id=draft_id, kind="visit", customer_id="c1",
                              payload={**payload, "outcome": "同意演示"})
    assert again == draft_id  # replaced in place, not a second draft
    second = drafts.load_draft(ctx, draft_id=draft_id)
    assert second is not None and second.payload["outcome"] == "同意演示"
    assert second.updated_at >= first.updated_at
    assert [d.id for d in drafts.drafts_for(ctx, kind="visit", customer_id="c1")] == [draft_id]

    assert drafts.discard_draft(ctx, draft_id=draft_id) is True
    assert drafts.load_draft(ctx, draft_id=draft_id) is None
    assert drafts.discard_draft(ctx, draft_id=draft_id) is False  # twice is harmless
    assert journal_count(ctx) == before  # device-local: nothing goes to the sync journal


def test_a_chosen_id_is_created_when_missing(ctx: Context) -> None:
    assert drafts.save_draft(ctx, draft_id="my-id", kind="visit", customer_id="c1", payload={}) == "my-id"
    assert drafts.load_draft(ctx, draft_id="my-id") is not None


def test_drafts_for_filters_and_orders_newest_first(ctx: Context) -> None:
    a = drafts.save_draft(ctx, draft_id=None, kind="visit", customer_id="c1", payload={"n": 1})
    b = drafts.save_draft(ctx, draft_id=None, kind="visit", customer_id="c2", payload={"n": 2})
    c = drafts.save_draft(ctx, draft_id=None, kind="visit", customer_id="c1", payload={"n": 3})
    drafts.save_draft(ctx, draft_id=None, kind="offer", customer_id="c1", payload={"n": 4})
    assert [d.id for d in drafts.drafts_for(ctx, kind="visit", customer_id="c1")] == [c, a]
    assert {d.id for d in drafts.drafts_for(ctx, kind="visit")} == {a, b, c}
    drafts.save_draft(ctx, draft_id=a, kind="visit", customer_id="c1", payload={"n": 5})
    assert drafts.drafts_for(ctx, kind="visit", customer_id="c1")[0].id == a  # touched: newest again


def test_unstorable_payload_and_kind_are_refused(ctx: Context) -> None:
    with pytest.raises(ValidationError) as err:
        drafts.save_draft(ctx, draft_id=None, kind="visit", customer_id="c1", payload={"x": object()})
    assert err.value.fields == ("payload",)
    with pytest.raises(ValidationError):
        drafts.save_draft(ctx, draft_id=None, kind="", customer_id="c1", payload={})
    assert drafts.drafts_for(ctx, kind="visit") == []


def test_a_damaged_payload_is_handed_back_not_lost(ctx: Context) -> None:
    with ctx.store.write() as s:
        s.add(m.Draft(id="d1", kind="visit", customer_id="c1", payload="{not json"))
    draft = drafts.load_draft(ctx, draft_id="d1")
    assert draft is not None and draft.payload == {"_raw": "{not json"}


def test_store_at_0001_is_upgraded_to_0002_after_a_copy(tmp_path: Path) -> None:
    path = tmp_path / "old.sqlite"
    command.upgrade(config(path), "0001")
    assert current_revision(path) == "0001"
    con = sqlite3.connect(path)
    con.execute("INSERT INTO meta (key, value) VALUES ('marker', 'kept')")
    con.commit()
    assert con.execute("SELECT name FROM sqlite_master WHERE name='drafts'").fetchone() is None
    con.close()

    store = open_store(path)
    try:
        assert current_revision(path) == HEAD_REVISION
        backups = list(tmp_path.glob(f"old.sqlite.before-{HEAD_REVISION}-*.bak"))
        assert len(backups) == 1
        con = sqlite3.connect(backups[0])
        assert con.execute("SELECT value FROM meta WHERE key='marker'").fetchone() == ("kept",)
        assert con.execute("SELECT name FROM sqlite_master WHERE name='drafts'").fetchone() is None
        con.close()
        ctx = Context(store, "u")
        draft_id = drafts.save_draft(ctx, draft_id=None, kind="visit", customer_id="c1", payload={"a": "甲"})
        assert drafts.drafts_for(ctx, kind="visit")[0].id == draft_id
        with store.read() as s:  # the migrated table is exactly what the model declares
            diffs = compare_metadata(MigrationContext.configure(s.connection()), m.Base.metadata)
        assert [d for d in diffs if "drafts" in repr(d)] == []
    finally:
        store.close()


def test_saving_the_visit_removes_its_draft_in_the_same_transaction(ctx) -> None:
    from datetime import datetime

    from workbench.services import customers, drafts, visits

    cid = customers.create_customer(ctx, values={"name": "杭州海关", "industry_code": "customs"}).id
    draft = drafts.save_draft(ctx, draft_id=None, kind="visit", customer_id=cid, payload={"place": "x"})
    visits.log_visit(ctx, customer_id=cid, draft_id=draft,
                     values={"occurred_at": datetime(2026, 11, 24, 9), "kind": "phone"})
    assert drafts.load_draft(ctx, draft_id=draft) is None
