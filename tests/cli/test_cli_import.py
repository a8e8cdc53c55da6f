"""``workbench import`` through its own parser (workbench/cli_import.py), on a real store."""

from __future__ import annotations

import argparse
import json
from pathlib import Path

import pytest
import python_calamine as pc

from tests.services.import_sheets import codes, write_xlsx
from workbench.cli import main
from workbench.cli_import import add_parser
from workbench.store.engine import open_store


def run(argv: list[str]) -> int:
    """`workbench import ...` through the program's own entry point (its error boundary too)."""
    return main(["import", *argv])


@pytest.fixture
def db(tmp_path: Path) -> str:
    path = tmp_path / "cli.sqlite"
    open_store(path).close()
    return str(path)


def _sheet(tmp_path: Path) -> Path:
    a, b = codes(2)
    return write_xlsx(tmp_path / "in.xlsx", [["甲", a, "银行", "", "", "张三", "", "13812345678"],
                                             ["乙", b, "银行", "", "", "李四", "", "123"]])


def test_parser_registers_import() -> None:
    parser = argparse.ArgumentParser()
    add_parser(parser.add_subparsers())
    args = parser.parse_args(["import", "--db", "x.sqlite", "f.xlsx", "--dry-run", "--map", "{}", "--errors", "e.xlsx"])
    assert (args.db, args.file, args.dry_run, args.mapping, args.errors) == ("x.sqlite", "f.xlsx", True, "{}", "e.xlsx")


def test_dry_run_then_import_with_errors_report(tmp_path: Path, db: str, capsys: pytest.CaptureFixture[str]) -> None:
    path = _sheet(tmp_path)
    assert run(["--db", db, str(path), "--dry-run", "--quiet"]) == 1
    out = json.loads(capsys.readouterr().out)
    assert out["dry_run"] and out["written"] is None and out["customers_new"] == 1 and out["errors"] == 1
    assert out["mapping"]["A"] == {"header": "客户名称", "field": "name"}
    report = tmp_path / "errors.xlsx"
    assert run(["--db", db, str(path), "--errors", str(report), "--quiet"]) == 1
    out = json.loads(capsys.readouterr().out)
    assert out["written"]["customers_created"] == 1 and out["errors_file"] == str(report)
    assert out["first_errors"][0]["row"] == 3 and out["first_errors"][0]["column"] == "H"
    with pc.CalamineWorkbook.from_path(str(report)) as book:
        assert "电话号码无效" in book.get_sheet_by_index(0).to_python()[2][-1]
    assert run(["--db", db, str(path), "--quiet", "--map", '{"H": null}']) == 0  # no phones: all rows fine
    out = json.loads(capsys.readouterr().out)
    assert out["written"]["customers_created"] == 1 and out["customers_unchanged"] == 1


def test_failures_are_messages_not_tracebacks(tmp_path: Path, db: str, capsys: pytest.CaptureFixture[str]) -> None:
    (tmp_path / "x.xlsx").write_bytes(b"nonsense")
    assert run(["--db", db, str(tmp_path / "x.xlsx"), "--quiet"]) == 2
    assert "不是有效的表格" in capsys.readouterr().err
    assert run(["--db", db, str(_sheet(tmp_path)), "--quiet", "--map", '{"客户名称": null}']) == 2
    assert "客户名称" in capsys.readouterr().err
    assert run(["--db", str(tmp_path / "none.sqlite"), str(tmp_path / "x.xlsx")]) == 2
    assert "no store" in capsys.readouterr().err
