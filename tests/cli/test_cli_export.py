"""``workbench export`` through the program's entry point (workbench/cli_export.py), on a real
store holding a known week (tests/services/export_store.py)."""

from __future__ import annotations

import argparse
import io
import json
from pathlib import Path
from typing import Any

import pytest
import python_calamine as pc
from pypdf import PdfReader

from tests.services.export_store import BANK, HOSPITAL, PORT, build_week, frozen_rows
from workbench.cli import main
from workbench.cli_export import add_parser
from workbench.store.engine import open_store


@pytest.fixture(scope="module")
def db(tmp_path_factory: pytest.TempPathFactory) -> dict[str, str]:
    path = tmp_path_factory.mktemp("export") / "week.sqlite"
    store = open_store(path)
    try:
        week = build_week(store)
    finally:
        store.close()
    return {"db": str(path), "me": week.me.user_id, "colleague": week.colleague.user_id}


def export(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, Any, str]:
    code = main(["export", *argv])
    out, err = capsys.readouterr()
    return code, json.loads(out) if code == 0 else out, err


def test_parser_registers_export() -> None:
    parser = argparse.ArgumentParser()
    add_parser(parser.add_subparsers())
    args = parser.parse_args(["export", "weekly", "--db", "x.sqlite", "--week", "2026-11-25", "-o", "w.pdf"])
    assert (args.what, args.db, args.week, args.owner, args.output) == ("weekly", "x.sqlite", "2026-11-25", "me", "w.pdf")
    args = parser.parse_args(["export", "customers", "--db", "x", "--query", "银行", "--industry", "banking",
                              "--stage", "build", "-o", "c.xlsx"])
    assert (args.what, args.query, args.industry, args.stage) == ("customers", "银行", "banking", "build")


def test_weekly_team_xlsx(db: dict[str, str], tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    out = tmp_path / "reports" / "周报.xlsx"
    code, summary, _ = export(capsys, "weekly", "--db", db["db"], "--week", "2026-11-25", "--owner", "team",
                              "--today", "2026-12-01", "-o", str(out))
    assert code == 0 and summary["file"] == str(out) and out.stat().st_size == summary["bytes"]
    assert (summary["week_start"], summary["week_end"], summary["owner"], summary["scope"]) == (
        "2026-11-23", "2026-11-29", "team", "全组")
    assert summary["visits"] == 4 and summary["per_manager"] == {"李明": 2, "王芳": 2}
    assert summary["per_day"]["2026-11-29"] == 1 and summary["stage_moves"] == 1
    assert summary["offers"]["won"] == {"count": 1, "monthly_total": "580.00", "term_total": "6960.00"}
    assert summary["overdue_follow_ups"] == 3 and "pages" not in summary
    with pc.CalamineWorkbook.from_path(str(out)) as book:
        rows = book.get_sheet_by_name("拜访明细").to_python()
    assert [r[3] for r in rows[1:]] == [HOSPITAL, BANK, HOSPITAL, PORT]
    assert frozen_rows(out, 2) == 1


def test_weekly_defaults_to_my_report_and_writes_a_pdf(db: dict[str, str], tmp_path: Path,
                                                       capsys: pytest.CaptureFixture[str]) -> None:
    out = tmp_path / "mine.pdf"
    code, summary, _ = export(capsys, "weekly", "--db", db["db"], "--week", "2026-11-29", "--today", "2026-12-01",
                              "-o", str(out))
    assert code == 0 and summary["owner"] == db["me"] and summary["scope"] == "李明"
    assert summary["visits"] == 2 and summary["pages"] == 1 and summary["missing"] == ""
    text = PdfReader(io.BytesIO(out.read_bytes())).pages[0].extract_text()
    assert HOSPITAL in text and BANK in text and PORT not in text and "第 1 页 / 共 1 页" in text


def test_weekly_for_a_colleague_by_id(db: dict[str, str], tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    code, summary, _ = export(capsys, "weekly", "--db", db["db"], "--week", "2026-11-23", "--owner", db["colleague"],
                              "--today", "2026-12-01", "-o", str(tmp_path / "w.xlsx"))
    assert code == 0 and summary["scope"] == "王芳" and summary["per_manager"] == {"王芳": 2}
    assert summary["offers"]["made"]["count"] == 1 and summary["overdue_follow_ups"] == 1


def test_customers_with_query_and_filters(db: dict[str, str], tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    out = tmp_path / "客户.xlsx"
    code, summary, _ = export(capsys, "customers", "--db", db["db"], "-o", str(out))
    assert code == 0 and summary["customers"] == 3
    code, summary, _ = export(capsys, "customers", "--db", db["db"], "--industry", "healthcare", "-o", str(out))
    assert code == 0 and summary["customers"] == 1 and summary["industry"] == "healthcare"
    with pc.CalamineWorkbook.from_path(str(out)) as book:
        rows = book.get_sheet_by_name("客户列表").to_python()
    assert rows[1][:4] == [HOSPITAL, "", "医院", "客户背景调查"]
    code, summary, _ = export(capsys, "customers", "--db", db["db"], "--query", "信用社", "--stage", "target_market",
                              "-o", str(out))
    assert code == 0 and summary["customers"] == 1 and summary["query"] == "信用社"


@pytest.mark.parametrize(("argv", "message"), [
    (["weekly", "--week", "25/11/2026", "-o", "w.xlsx"], "YYYY-MM-DD"),
    (["weekly", "-o", "w.csv"], ".xlsx 或 .pdf"),
    (["weekly", "--owner", "nobody", "-o", "w.xlsx"], "没有这个用户"),
    (["customers", "-o", "c.pdf"], ".xlsx"),
    (["customers", "--industry", "mining", "-o", "c.xlsx"], "没有这个行业代码"),
    (["customers", "--stage", "nope", "-o", "c.xlsx"], "没有这个阶段代码"),
])
def test_refused_arguments_write_nothing(db: dict[str, str], tmp_path: Path, capsys: pytest.CaptureFixture[str],
                                         argv: list[str], message: str) -> None:
    what, *rest = argv
    rest = [str(tmp_path / a) if a.startswith(("w.", "c.")) else a for a in rest]
    code, _, err = export(capsys, what, "--db", db["db"], *rest)
    assert code == 2 and message in err and list(tmp_path.iterdir()) == []


def test_a_missing_store_is_not_created(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    missing = tmp_path / "none.sqlite"
    code, _, err = export(capsys, "weekly", "--db", str(missing), "-o", str(tmp_path / "w.xlsx"))
    assert code != 0 and "no store" in err and not missing.exists() and not (tmp_path / "w.xlsx").exists()
