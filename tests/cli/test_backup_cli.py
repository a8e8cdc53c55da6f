"""``workbench backup`` and ``workbench restore`` through the program's entry point, on real
stores: a round trip, the refusals (exit 2, a message, nothing changed) and --force."""

from __future__ import annotations

import json
import sqlite3
from pathlib import Path

import pytest

from workbench.cli import main
from workbench.services import customers
from workbench.services.users import user_context
from workbench.store.engine import open_store


def _count(path: Path) -> int:
    con = sqlite3.connect(path)
    try:
        return int(con.execute("SELECT count(*) FROM customers").fetchone()[0])
    finally:
        con.close()


def _add(path: Path, name: str) -> None:
    store = open_store(path)
    customers.create_customer(user_context(store), values={"name": name, "industry_code": "banking"})
    store.close()


@pytest.fixture
def db(tmp_path: Path) -> Path:
    path = tmp_path / "cli.sqlite"
    _add(path, "中国银行杭州分行")
    return path


def test_backup_then_restore_round_trip(db: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    usb = tmp_path / "usb"
    usb.mkdir()
    assert main(["backup", "--db", str(db), "--to", str(usb)]) == 0
    out = json.loads(capsys.readouterr().out)
    backup = Path(out["backup"]["path"])
    assert backup.parent == usb and out["backup"]["customers"] == 1 and out["backup"]["size"] == backup.stat().st_size
    assert main(["backup", "--db", str(db), "--to", str(usb), "--list"]) == 0
    listed = json.loads(capsys.readouterr().out)["backups"]
    assert [b["path"] for b in listed] == [str(backup)] and listed[0]["customers"] == 1

    _add(db, "招商银行杭州分行")  # typed after the backup, never synced
    assert main(["restore", str(backup), "--db", str(db)]) == 2
    err = capsys.readouterr().err
    assert "not synced" in err and "未同步" in err and _count(db) == 2  # refused, untouched

    assert main(["restore", str(backup), "--db", str(db), "--force"]) == 0
    out = json.loads(capsys.readouterr().out)
    kept = Path(out["replaced_kept"])
    assert _count(db) == 1 and _count(kept) == 2 and kept.parent == db.parent
    assert main(["check", "--db", str(db)]) == 0  # the restored store opens and checks


def test_backup_goes_to_the_data_folder_by_default(db: Path, capsys: pytest.CaptureFixture[str]) -> None:
    from workbench.config import paths

    assert main(["backup", "--db", str(db)]) == 0
    backup = Path(json.loads(capsys.readouterr().out)["backup"]["path"])
    assert backup.parent == paths().data / "backups" and backup.name.startswith("cli-")


def test_refusals_say_what_and_exit_2(db: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["backup", "--db", str(tmp_path / "nope.sqlite")]) == 2
    assert "no store at" in capsys.readouterr().err and not (tmp_path / "nope.sqlite").exists()
    assert main(["backup", "--db", str(db), "--to", str(tmp_path / "unplugged")]) == 2
    assert "not there" in capsys.readouterr().err and not (tmp_path / "unplugged").exists()
    text = tmp_path / "notes.txt"
    text.write_text("not a backup")
    before = db.read_bytes()
    assert main(["restore", str(text), "--db", str(db), "--force"]) == 2
    assert "cannot be restored" in capsys.readouterr().err and db.read_bytes() == before
