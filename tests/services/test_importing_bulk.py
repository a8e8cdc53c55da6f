"""The import's bulk write (rows straight to the driver, not through the ORM's unit of work)
writes what the services would: every journal entry's payload is the stored row's, customer
numbers continue after the stored ones, the search index finds the new rows; and the helpers
that keep the window responsive meanwhile (collector_paused, in_slices, pinyin_load)."""

from __future__ import annotations

import gc
import json
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import select

from tests.services.import_sheets import codes, write_xlsx
from workbench.services import customers, importing
from workbench.services.context import Context
from workbench.services.search import search_customers
from workbench.store import models as m
from workbench.store import pinyin_load
from workbench.store.base import collector_paused, dispose, in_slices
from workbench.store.payload import row_payload

_MODELS: dict[str, Any] = {"customers": m.Customer, "contacts": m.Contact, "stage_events": m.StageEvent,
           "contact_scores": m.ContactScore}


def test_journal_payloads_are_the_stored_rows_and_numbers_follow_the_stored_ones(tmp_path: Path, ctx: Context) -> None:
    first = customers.create_customer(ctx, values={"name": "先有单位", "industry_code": "other"})
    cc = codes(30)
    rows = [[f"浙江重庆银行{i}号支行", cc[i], "银行", "杭州", f"文三路{i}号", f"张{i}", "行长", f"1381234{i:04d}"]
            for i in range(30)]
    rows.append(["浙江重庆银行0号支行", cc[0], "", "", "", "李四", "主任", ""])  # a second contact
    result = importing.commit_import(ctx, importing.preview_import(ctx, importing.read_sheet(
        write_xlsx(tmp_path / "in.xlsx", rows))))
    assert (result.customers_created, result.contacts_created) == (30, 31)
    with ctx.store.read() as s:
        entries = s.scalars(select(m.JournalEntry).where(m.JournalEntry.tx_id == result.tx_id)
                            .order_by(m.JournalEntry.seq)).all()
        assert len(entries) == 30 * 2 + 31 * 4  # customer + stage event, contact + 3 score readings
        for e in entries:
            model = _MODELS[e.table_name]
            stored = s.scalar(select(model).where(model.id == e.row_id))
            assert stored is not None and json.loads(e.fields) == row_payload(stored), e.table_name
            assert (e.op, e.base_version, e.new_version, e.actor_id, e.device_id) == (
                "insert", 0, 1, ctx.user_id, ctx.store.device_id)
        tables = [e.table_name for e in entries]
        assert tables.index("contacts") > tables.index("customers")  # parents first
        nums = sorted(s.scalars(select(m.Customer.num).where(m.Customer.id != first.id)))
        old = s.scalar(select(m.Customer.num).where(m.Customer.id == first.id))
        contact = s.scalar(select(m.Contact).where(m.Contact.name == "张7"))
        assert contact is not None and (contact.closeness, contact.is_key_person, contact.deleted) == (0, False, False)
    assert old is not None and nums == list(range(old + 1, old + 31))
    # indexed as a form's customer is: pinyin of the phrase (重庆 -> chongqing), contacts, phones
    assert search_customers(ctx, query="zhejiangchongqingyinhang").total == 30
    assert search_customers(ctx, query="李四").total == 1
    assert search_customers(ctx, query="12340007").total == 1


def test_collector_paused_nests_and_keeps_the_thresholds_it_found() -> None:
    before = gc.get_threshold()
    with collector_paused():
        assert gc.get_threshold()[2] > 1_000_000 and gc.get_threshold()[:2] == before[:2]
        with collector_paused():
            assert gc.get_threshold()[2] > 1_000_000
        assert gc.get_threshold()[2] > 1_000_000  # the outer one still holds it
    assert gc.get_threshold() == before
    with pytest.raises(RuntimeError), collector_paused():
        raise RuntimeError("boom")
    assert gc.get_threshold() == before
    assert gc.isenabled()


def test_while_paused_young_collections_go_on_and_the_frozen_heap_stays_frozen() -> None:
    # All made meanwhile left young would be walked by one collection after the pause (the
    # GUI waits); unfreezing would hand the window's frozen start-up heap back to every full
    # collection (tests/ui/shell/test_runtime.py).
    frozen_before = gc.get_freeze_count()  # a window opened earlier in this process froze its heap
    gc.freeze()
    try:
        frozen = gc.get_freeze_count()
        with collector_paused():
            made = [[i] for i in range(50_000)]  # 50,000 objects the collector tracks
            assert gc.get_count()[0] < 10_000  # the young ones were collected as they came
        assert gc.get_freeze_count() > frozen - 1_000  # (some die meanwhile; unfrozen: 0)
        young = {id(o) for o in gc.get_objects(generation=0)}
        assert id(made[0]) not in young
    finally:
        if not frozen_before:  # never hand a window's frozen heap back (test_runtime.py)
            gc.unfreeze()
    cycle: list[object] = []
    with collector_paused():
        cycle.append(cycle)
    del cycle
    assert gc.collect() >= 1  # garbage made meanwhile is still collected by a full collection


def test_dispose_empties_the_list_it_is_given() -> None:
    rows = [object() for _ in range(1_001)]
    dispose(rows, size=100)
    assert rows == []
    dispose(rows)
    assert rows == []


def test_in_slices_yields_every_row_in_order() -> None:
    rows = list(range(105))
    parts = list(in_slices(rows))
    assert [len(p) for p in parts] == [20] * 5 + [5] and [r for p in parts for r in p] == rows
    assert list(in_slices([])) == []


def test_phrases_read_in_slices_equal_pypinyins_own(tmp_path: Path) -> None:
    path = pinyin_load.phrases_path()
    assert path is not None
    whole = json.loads(path.read_text(encoding="utf-8"))
    sliced = pinyin_load.read_phrases(path)
    assert sliced == whole and list(sliced) == list(whole) and len(sliced) > 40_000
    laid_out = tmp_path / "p.json"  # the file's layout, with cuts in every window
    laid_out.write_text(json.dumps({"银行": [["yín"], ["háng"]], "重庆": [["chóng"], ["qìng"]], "a,\n\"b\": [": [["x"]]},
                                   ensure_ascii=False, indent=0), encoding="utf-8")
    assert pinyin_load.read_phrases(laid_out, window=1) == json.loads(laid_out.read_text(encoding="utf-8"))
    laid_out.write_text("[1, 2]", encoding="utf-8")
    with pytest.raises(ValueError):
        pinyin_load.read_phrases(laid_out)


def test_pinyin_after_load_follows_the_phrases() -> None:
    pinyin_load.load()
    pinyin_load.load()  # once loaded, nothing more
    from pypinyin import lazy_pinyin

    assert lazy_pinyin("重庆银行") == ["chong", "qing", "yin", "hang"]
