"""Importing customers and contacts: mapping, validation, update-not-duplicate, one journaled
transaction, all or nothing, progress and cancel (real .xlsx files, a real store)."""

from __future__ import annotations

from pathlib import Path

import pytest
from sqlalchemy import func, select

from tests.services.import_sheets import codes, write_xlsx
from workbench.domain.errors import StaleEditError
from workbench.services import customers, importing
from workbench.services.context import Context
from workbench.store import models as m


def _count(ctx: Context, model: type) -> int:
    with ctx.store.read() as s:
        return int(s.scalar(select(func.count()).select_from(model)) or 0)


def _import(ctx: Context, path: Path, **kw: object) -> tuple[importing.ImportPreview, importing.ImportResult]:
    sheet = importing.read_sheet(path)
    preview = importing.preview_import(ctx, sheet)
    return preview, importing.commit_import(ctx, preview, **kw)  # type: ignore[arg-type]


def test_mapping_is_guessed_from_chinese_and_english_headers() -> None:
    headers = ("*客户名称", "统一社会信用代码", "所属行业", "Address", "联系人", "职务", "手机号码(必填)", "E-mail", "客户经理")
    mapping = importing.ColumnMapping.guess(headers)
    assert mapping.targets == ("name", "credit_code", "industry", "address", "contact_name", "contact_title",
                               "contact_mobile", "contact_email", None)
    moved = mapping.with_target(8, "contact_mobile")
    assert moved.targets[6] is None and moved.targets[8] == "contact_mobile"
    assert mapping.with_json('{"客户经理": "notes", "A": null}').targets[:1] == (None,)
    assert mapping.with_json('{"A": null}').problems()  # no name column: a commit is refused
    with pytest.raises(importing.ImportFileError):
        mapping.with_json('{"nope": "name"}')


def test_rows_become_customers_with_contacts_in_one_journaled_transaction(tmp_path: Path, ctx: Context) -> None:
    a, b = codes(2)
    path = write_xlsx(tmp_path / "in.xlsx", [
        ["杭州甲科技有限公司", a, "银行", "杭州", "文一路1号", "张三", "总经理", 13812345678.0],
        ["杭州甲科技有限公司", a, "", "杭州", "", "李四", "主任", "139 1234 5678"],
        ["宁波乙学校", b, "Education", "宁波", "", "王五", "", ""],
        ["丁医院", "", "healthcare", "", "", "", "", ""],
    ], above=[["2024 客户名单"]])
    journal_before = _count(ctx, m.JournalEntry)
    preview, result = _import(ctx, path)
    assert preview.errors == () and preview.counts()["customers_new"] == 3
    assert (result.customers_created, result.contacts_created) == (3, 3)
    with ctx.store.read() as s:
        entries = s.scalars(select(m.JournalEntry).where(m.JournalEntry.seq > journal_before)).all()
        stored = {c.name: c for c in s.scalars(select(m.Customer))}
        people = {p.name: p for p in s.scalars(select(m.Contact))}
    assert {e.tx_id for e in entries} == {result.tx_id}
    tables = [e.table_name for e in entries]
    assert tables.count("customers") == 3 and tables.count("stage_events") == 3
    assert tables.count("contacts") == 3 and tables.count("contact_scores") == 9
    assert all(e.op == "insert" and e.base_version == 0 for e in entries)
    assert stored["杭州甲科技有限公司"].industry_code == "banking" and stored["丁医院"].industry_code == "healthcare"
    assert people["张三"].mobile == "13812345678" and people["李四"].mobile == "13912345678"
    assert people["张三"].customer_id == people["李四"].customer_id == stored["杭州甲科技有限公司"].id
    # searchable like a customer made in a form
    from workbench.services.search import search_customers
    assert search_customers(ctx, query="张三").total == 1


def test_existing_customers_are_updated_not_duplicated(tmp_path: Path, ctx: Context) -> None:
    (a,) = codes(1)
    by_code = customers.create_customer(ctx, values={"name": "旧名称公司", "credit_code": a, "industry_code": "banking"})
    by_name = customers.create_customer(ctx, values={"name": "无码单位", "region": "杭州", "industry_code": "other"})
    path = write_xlsx(tmp_path / "in.xlsx", [
        ["新名称公司", a, "银行", "", "新地址", "", "", ""],
        ["无码单位", "", "", "杭州", "", "周七", "", "13700000000"],
        ["无码单位", "", "", "宁波", "", "", "", ""],  # another region: a new customer (needs an industry)
    ])
    preview, result = _import(ctx, path)
    plans = {p.rows[0]: p for p in preview.customers}
    assert plans[2].action == "update" and plans[2].existing_id == by_code.id
    assert dict(plans[2].values) == {"name": "新名称公司", "address": "新地址"}
    assert plans[3].action == "unchanged" and plans[3].contacts[0].action == "create"
    assert [(e.row, e.header) for e in preview.errors] == [(4, "行业")]
    assert (result.customers_created, result.customers_updated, result.contacts_created) == (0, 1, 1)
    assert _count(ctx, m.Customer) == 2
    assert customers.get_customer(ctx, customer_id=by_code.id).name == "新名称公司"
    again = importing.preview_import(ctx, importing.read_sheet(path))
    assert again.counts()["customers_to_update"] == 0 and again.counts()["contacts_new"] == 0
    assert by_name.id in {p.existing_id for p in again.customers}


def test_each_kind_of_bad_cell_is_reported_and_the_rest_imported(tmp_path: Path, ctx: Context) -> None:
    a, b = codes(2)
    path = write_xlsx(tmp_path / "in.xlsx", [
        ["好公司", a, "银行", "", "", "", "", ""],
        ["坏代码", b[:-1] + ("0" if b[-1] != "0" else "1"), "银行", "", "", "", "", ""],
        ["坏电话", "", "银行", "", "", "某人", "", "12345"],
        ["坏行业", "", "面包店", "", "", "", "", ""],
        ["长" * 101, "", "银行", "", "", "", "", ""],
        ["", "", "银行", "", "", "", "", ""],
        ["好公司", a, "教育", "", "", "", "", ""],  # the same customer, another industry
    ])
    preview, result = _import(ctx, path)
    got = {(e.row, e.column, e.header) for e in preview.errors}
    assert got == {(3, "B", "统一社会信用代码"), (4, "H", "手机"), (5, "C", "行业"), (6, "A", "客户名称"),
                   (7, "A", "客户名称"), (8, "C", "行业")}
    assert all(e.zh and e.en and e.zh != e.en for e in preview.errors)
    assert "校验" in next(e.zh for e in preview.errors if e.row == 3)
    assert result.customers_created == 1


def test_stale_preview_refuses_the_whole_import(tmp_path: Path, ctx: Context) -> None:
    (a,) = codes(1)
    old = customers.create_customer(ctx, values={"name": "甲", "credit_code": a, "industry_code": "banking"})
    path = write_xlsx(tmp_path / "in.xlsx", [["甲", a, "", "", "新址", "", "", ""], ["乙", "", "银行", "", "", "", "", ""]])
    preview = importing.preview_import(ctx, importing.read_sheet(path))
    customers.update_customer(ctx, customer_id=old.id, changes={"notes": "meanwhile"})
    before = _count(ctx, m.JournalEntry)
    with pytest.raises(StaleEditError):
        importing.commit_import(ctx, preview)
    assert _count(ctx, m.JournalEntry) == before and _count(ctx, m.Customer) == 1


def test_a_failure_mid_commit_writes_nothing(tmp_path: Path, ctx: Context, monkeypatch: pytest.MonkeyPatch) -> None:
    from workbench.services import importing_commit

    cc = codes(450)
    path = write_xlsx(tmp_path / "in.xlsx", [[f"公司{i}", cc[i], "银行", "", "", f"人{i}", "", ""] for i in range(450)])
    preview = importing.preview_import(ctx, importing.read_sheet(path))
    real, calls = importing_commit.insert_rows, []

    def failing(*args: object) -> None:
        calls.append(1)
        if len(calls) == 3:  # the third chunk of 200 customers
            raise RuntimeError("disk full")
        real(*args)  # type: ignore[arg-type]

    monkeypatch.setattr(importing_commit, "insert_rows", failing)
    before = (_count(ctx, m.Customer), _count(ctx, m.Contact), _count(ctx, m.JournalEntry))
    with pytest.raises(RuntimeError):
        importing.commit_import(ctx, preview)
    assert (_count(ctx, m.Customer), _count(ctx, m.Contact), _count(ctx, m.JournalEntry)) == before


def test_progress_and_cancel(tmp_path: Path, ctx: Context) -> None:
    cc = codes(3)
    path = write_xlsx(tmp_path / "in.xlsx", [[f"公司{i}", cc[i], "银行", "", "", "", "", ""] for i in range(3)])
    sheet = importing.read_sheet(path)
    seen: list[tuple[int, int]] = []
    preview = importing.preview_import(ctx, sheet, progress=lambda d, t: seen.append((d, t)))
    assert seen[0] == (0, 3) and seen[-1] == (3, 3)
    with pytest.raises(importing.ImportCancelled):
        importing.preview_import(ctx, sheet, cancelled=lambda: True)
    stop: list[bool] = []  # cancelled once the first chunk is written, before the commit
    before = _count(ctx, m.JournalEntry)
    with pytest.raises(importing.ImportCancelled):
        importing.commit_import(ctx, preview, progress=lambda d, t: stop.append(True), cancelled=lambda: bool(stop))
    assert _count(ctx, m.Customer) == 0 and _count(ctx, m.JournalEntry) == before
    assert importing.commit_import(ctx, preview).customers_created == 3


def test_no_updates_and_excluded_rows(tmp_path: Path, ctx: Context) -> None:
    a, b = codes(2)
    customers.create_customer(ctx, values={"name": "甲", "credit_code": a, "industry_code": "banking"})
    path = write_xlsx(tmp_path / "in.xlsx", [["甲", a, "", "", "新址", "", "", ""],
                                              ["乙", b, "银行", "", "", "", "", ""], ["丙", "", "银行", "", "", "", "", ""]])
    preview = importing.preview_import(ctx, importing.read_sheet(path))
    result = importing.commit_import(ctx, preview, updates=False, exclude_rows={4})
    assert (result.customers_created, result.customers_updated) == (1, 0)
    assert {c.name for c in customers.customer_rows(ctx, nums=list(range(1, 10)))} == {"甲", "乙"}
