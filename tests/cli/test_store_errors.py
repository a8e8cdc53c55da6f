"""Every sub-command on a missing, damaged, unreadable or read-only store: one clear line on
stderr and exit 2 (``check``: ``"ok": false`` and exit 1), never a traceback, and nothing
created or changed."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from datetime import date
from pathlib import Path

import pytest

from tests.store.damage import DAMAGES, copy_store, overwrite_page, root_page, unprivileged
from workbench.cli import main

NEEDS_A_STORE = ("check", "search", "migrate", "reindex", "proposal")


def argv(command: str, tmp_path: Path, *, offer: str = "FA-NONE") -> list[str]:
    extra = {"search": ["银行"], "import": [str(tmp_path / "sheet.csv")], "proposal": ["--offer", offer, "-o", str(tmp_path / "out.pdf")]}
    return [command, *extra.get(command, [])]


def one_line(err: str) -> str:
    assert "Traceback" not in err and err.endswith("\n") and err.count("\n") == 1, err
    return err


def snapshot(path: Path) -> object:
    return sorted(os.listdir(path)) if path.is_dir() else path.read_bytes()


@pytest.mark.parametrize("where", ["missing.sqlite", "typo/folder/missing.sqlite"])
@pytest.mark.parametrize("command", NEEDS_A_STORE)
def test_a_missing_store_is_never_created(tmp_path: Path, capsys: pytest.CaptureFixture[str],
                                          command: str, where: str) -> None:
    path = tmp_path / where
    assert main([*argv(command, tmp_path), "--db", str(path)]) == 2
    captured = capsys.readouterr()
    assert one_line(captured.err).startswith(f"no store at {path}") and captured.out == ""
    assert list(tmp_path.rglob("*")) == []  # no file, no folder, no -wal, no PDF


@pytest.mark.parametrize("command", ["check", "migrate", "reindex"])
def test_a_missing_demo_store_is_not_made_empty_by_maintenance(tmp_path: Path, capsys: pytest.CaptureFixture[str],
                                                               command: str) -> None:
    from workbench.config import paths

    assert main([command, "--demo"]) == 2
    assert one_line(capsys.readouterr().err).startswith(f"no store at {paths().demo_store}")
    assert not paths().data.exists()


@pytest.mark.parametrize("damage", sorted(DAMAGES))
@pytest.mark.parametrize("command", [*NEEDS_A_STORE, "sync", "import"])
def test_a_damaged_store_gets_a_message_from_every_command(tmp_path: Path, demo_store_path: Path,
                                                           capsys: pytest.CaptureFixture[str],
                                                           command: str, damage: str) -> None:
    path = copy_store(demo_store_path, tmp_path / "s.sqlite")
    DAMAGES[damage](path)
    before = snapshot(path)
    code = main([*argv(command, tmp_path), "--db", str(path)])
    captured = capsys.readouterr()
    line = one_line(captured.err)
    assert str(path) in line and " / " in line  # what is wrong, in English and Chinese
    if command == "check":
        report = json.loads(captured.out)
        assert code == 1 and report["ok"] is False and report["reason"] and report["reason_zh"]
    else:
        assert code == 2 and captured.out == ""
    assert snapshot(path) == before  # neither repaired nor made worse
    assert not (tmp_path / "out.pdf").exists() and not list(tmp_path.glob("*.bak"))


def test_a_garbage_page_fails_the_check_and_migrate_refuses(tmp_path: Path, demo_store_path: Path,
                                                            capsys: pytest.CaptureFixture[str]) -> None:
    path = copy_store(demo_store_path, tmp_path / "s.sqlite")
    overwrite_page(path, root_page(path, "customers"))
    before = path.read_bytes()
    assert main(["check", "--db", str(path)]) == 1
    captured = capsys.readouterr()
    report = json.loads(captured.out)
    assert report["ok"] is False and "is damaged" in report["reason"] and report["problem"] == "damaged"
    assert main(["migrate", "--db", str(path)]) == 2  # it used to print success
    line = one_line(capsys.readouterr().err)
    assert "is damaged (integrity check:" in line and "已损坏" in line
    assert path.read_bytes() == before and not list(tmp_path.glob("*.bak"))


CHILD = r"""
import contextlib, io, json, sys
from workbench.cli import main
out = {}
for name, argv in json.loads(sys.argv[1]).items():
    o, e = io.StringIO(), io.StringIO()
    with contextlib.redirect_stdout(o), contextlib.redirect_stderr(e):
        try:
            code = main(argv)
        except BaseException as exc:
            code = f"raised {type(exc).__name__}: {exc}"
    out[name] = {"code": code, "out": o.getvalue(), "err": e.getvalue()}
print(json.dumps(out))
"""


def run_unprivileged(commands: dict[str, list[str]]) -> dict[str, dict[str, object]]:
    cmd = unprivileged([sys.executable, "-c", CHILD, json.dumps(commands)])
    done = subprocess.run(cmd, capture_output=True, text=True, timeout=300)
    assert done.returncode == 0, done.stderr
    return json.loads(done.stdout)  # type: ignore[no-any-return]


@pytest.fixture
def offer_store(tmp_path: Path, demo_store_path: Path) -> tuple[Path, str]:
    """A copy of the demo store in its own folder, with one offer (its number)."""
    from workbench.services import offers
    from workbench.services.context import Context
    from workbench.services.demo_offers import demo_offer
    from workbench.services.users import current_user
    from workbench.store.engine import open_store

    (tmp_path / "folder").mkdir()
    path = copy_store(demo_store_path, tmp_path / "folder" / "s.sqlite")
    store = open_store(path)
    ctx = Context(store, current_user(store).id)
    number = offers.get_offer(ctx, offer_id=demo_offer(ctx, today=date(2026, 11, 24))).number
    store.close()
    return path, number


def test_an_unreadable_store(tmp_path: Path, offer_store: tuple[Path, str]) -> None:
    path, number = offer_store
    path.chmod(0)
    try:
        results = run_unprivileged({c: [*argv(c, tmp_path, offer=number), "--db", str(path)]
                                    for c in NEEDS_A_STORE})
    finally:
        path.chmod(0o644)
    for command, r in results.items():
        line = one_line(str(r["err"]))
        assert "cannot be read (Permission denied)" in line and "无法读取" in line, command
        assert r["code"] == (1 if command == "check" else 2), (command, r)
    assert json.loads(str(results["check"]["out"]))["problem"] == "unreadable"


@pytest.mark.parametrize("read_only", ["file", "folder"])
def test_a_read_only_store_reads_and_refuses_writes(tmp_path: Path, offer_store: tuple[Path, str],
                                                    read_only: str) -> None:
    path, number = offer_store
    target = path if read_only == "file" else path.parent
    before = snapshot(path.parent)
    target.chmod(0o444 if read_only == "file" else 0o555)
    try:
        results = run_unprivileged({c: [*argv(c, tmp_path, offer=number), "--db", str(path)]
                                    for c in NEEDS_A_STORE})
    finally:
        target.chmod(0o644 if read_only == "file" else 0o755)
    reads = {name: results.pop(name) for name in ("check", "search", "migrate")}
    assert all(r["code"] == 0 for r in reads.values()), reads
    assert json.loads(str(reads["check"]["out"]))["ok"] is True
    assert json.loads(str(reads["search"]["out"]))["total"] > 0
    for command, r in results.items():  # reindex and proposal write
        line = one_line(str(r["err"]))
        assert r["code"] == 2 and f"{path} is read-only" in line and "只读" in line, (command, r)
    if read_only == "folder":
        assert snapshot(path.parent) == before  # no -wal, no -shm, no copy in a folder one may not write
    assert not (tmp_path / "out.pdf").exists()
