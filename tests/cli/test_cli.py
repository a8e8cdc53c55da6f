"""The command line: every sub-command answers --help, and each works on a real store."""

from __future__ import annotations

import argparse
import json
import subprocess
import sys
from pathlib import Path

import pytest

from workbench.cli import build_parser, main

COMMANDS = ("demo", "search", "migrate", "check", "reindex", "price", "proposal", "sync", "import", "export",
            "backup", "restore", "encrypt")


def run(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-m", "workbench", *args], capture_output=True, text=True, timeout=120)


@pytest.mark.parametrize("command", ["", *COMMANDS])
def test_every_command_answers_help(command: str) -> None:
    out = run(*([command] if command else []), "--help")
    assert out.returncode == 0, out.stderr
    assert "usage: workbench" in out.stdout


def test_parser_knows_every_command() -> None:
    sub = next(a for a in build_parser()._actions if isinstance(a, argparse._SubParsersAction))
    assert set(sub.choices) == set(COMMANDS)


def test_demo_then_search_check_reindex(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    db = str(tmp_path / "cli.sqlite")
    assert main(["demo", "--db", db, "--customers", "60", "--quiet"]) == 0
    made = json.loads(capsys.readouterr().out)
    assert made["customers"] == 60 and made["contacts"] >= 60 and made["visits"] > 0
    assert main(["check", "--db", db]) == 0
    assert json.loads(capsys.readouterr().out)["ok"] is True
    assert main(["search", "--db", db, "银行", "--limit", "5"]) == 0
    found = json.loads(capsys.readouterr().out)
    assert found["total"] >= len(found["rows"]) and all("银行" in r["name"] + (r["short_name"] or "") for r in found["rows"])
    assert main(["reindex", "--db", db]) == 0
    assert json.loads(capsys.readouterr().out)["customers_indexed"] == 60
    assert main(["search", "--db", db, "银行", "--limit", "5"]) == 0
    assert json.loads(capsys.readouterr().out) == found  # a rebuilt index answers the same


def test_demo_is_deterministic(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    import sqlite3

    dumps = []
    for name in ("a", "b"):
        db = tmp_path / f"{name}.sqlite"
        main(["demo", "--db", str(db), "--customers", "30", "--quiet", "--seed", "5"])
        con = sqlite3.connect(db)
        dumps.append(con.execute("SELECT id, name, credit_code FROM customers ORDER BY num").fetchall())
        con.close()
    capsys.readouterr()
    assert dumps[0] == dumps[1] and len(dumps[0]) == 30


def test_negative_customer_count_is_refused(tmp_path: Path) -> None:
    out = run("demo", "--db", str(tmp_path / "x.sqlite"), "--customers", "-5")
    assert out.returncode == 2 and "--customers" in out.stderr


def test_store_options_before_the_command_are_kept(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    db = tmp_path / "global.sqlite"
    assert main(["--db", str(db), "demo", "--customers", "5", "--quiet"]) == 0
    assert json.loads(capsys.readouterr().out)["db"] == str(db)


def test_demo_refuses_a_store_holding_user_work(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    from workbench.services import customers
    from workbench.services.context import Context
    from workbench.services.users import current_user
    from workbench.store.engine import open_store

    db = tmp_path / "mine.sqlite"
    store = open_store(db)
    me = current_user(store)
    customers.create_customer(Context(store, me.id), values={"name": "杭州海关", "industry_code": "customs"})
    store.close()
    assert main(["demo", "--db", str(db), "--customers", "5", "--quiet"]) == 2
    assert "change journal" in capsys.readouterr().err
    assert main(["demo", "--db", str(db), "--customers", "5", "--quiet", "--force"]) == 0
    store = open_store(db)
    assert current_user(store).id == me.id  # demo data does not take over the store's user
    store.close()
