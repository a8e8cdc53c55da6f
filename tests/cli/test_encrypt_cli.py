"""``workbench encrypt`` and the other commands on an encrypted store, through the program's
entry point, as on a headless Linux: no OS keyring, the passphrase in WORKBENCH_PASSPHRASE."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from workbench.cli import main
from workbench.services import customers
from workbench.services.users import user_context
from workbench.store import keys
from workbench.store.connect import SQLITE_MAGIC, is_encrypted
from workbench.store.engine import open_store

NAME = "澜沧翡翠矿业集团有限公司"


@pytest.fixture
def db(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    path = tmp_path / "cli.sqlite"
    store = open_store(path)  # plain (tests/conftest.py)
    customers.create_customer(user_context(store), values={"name": NAME, "industry_code": "banking"})
    store.close()
    monkeypatch.setenv("WORKBENCH_NO_KEYRING", "1")
    monkeypatch.setenv("WORKBENCH_PASSPHRASE", "月落乌啼 霜满天")
    keys.forget()
    yield path
    keys.forget()


def test_encrypt_then_use_the_store(db: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str],
                                    monkeypatch: pytest.MonkeyPatch) -> None:
    assert main(["encrypt", "--db", str(db)]) == 0
    out = json.loads(capsys.readouterr().out)
    assert out["key"] == "passphrase" and out["plain_copy"] in out["plain_backups"]
    assert is_encrypted(db) and NAME.encode() not in db.read_bytes()
    assert Path(out["plain_copy"]).read_bytes().startswith(SQLITE_MAGIC)
    keys.forget()
    assert main(["check", "--db", str(db)]) == 0
    assert json.loads(capsys.readouterr().out)["ok"] is True
    assert main(["search", "--db", str(db), "lcfc"]) == 0
    assert NAME in capsys.readouterr().out
    usb = tmp_path / "usb"
    usb.mkdir()
    assert main(["backup", "--db", str(db), "--to", str(usb)]) == 0
    backup = Path(json.loads(capsys.readouterr().out)["backup"]["path"])
    assert is_encrypted(backup) and NAME.encode() not in backup.read_bytes()

    keys.forget()
    monkeypatch.setenv("WORKBENCH_PASSPHRASE", "月落乌啼 霜满地")
    assert main(["search", "--db", str(db), "lcfc"]) == 2
    err = capsys.readouterr().err
    assert "wrong key" in err and "密钥错误" in err and "not a database" not in err
    assert main(["check", "--db", str(db)]) == 1  # check reports, as for any store it cannot read
    assert json.loads(capsys.readouterr().out)["problem"] == "wrong_key"
    monkeypatch.delenv("WORKBENCH_PASSPHRASE")
    assert main(["search", "--db", str(db), "lcfc"]) == 2  # no terminal to ask on: said, not hung
    assert "WORKBENCH_PASSPHRASE" in capsys.readouterr().err


def test_encrypt_refusals(db: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch) -> None:
    assert main(["encrypt", "--db", str(db.with_name("none.sqlite"))]) == 2
    assert "no store" in capsys.readouterr().err
    assert main(["encrypt", "--db", str(db)]) == 0
    capsys.readouterr()
    assert main(["encrypt", "--db", str(db)]) == 2
    assert "already encrypted" in capsys.readouterr().err
