"""A store whose path holds ``%``, ``?``, ``#``, ``%20``, spaces or Chinese is that very file
(issue 12: ``--db 100%.db`` crashed the migrations runner in Alembic's config interpolation,
and a URL string built from the path read ``?`` as a query and ``%20`` as a space, so the
engine opened another file)."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from alembic import command

from workbench.cli import main
from workbench.store.engine import current_revision, open_store, sqlite_url
from workbench.store.migrations import HEAD_REVISION
from workbench.store.migrations.runner import config

ODD_NAMES = ["100%.db", "a%20b.db", "s%1?x.db", "q?mode=memory.db", "h#1.db", "客户 库%.db", "%(here)s.db"]


@pytest.mark.parametrize("name", ODD_NAMES)
def test_open_store_creates_migrates_and_reopens_that_very_file(tmp_path: Path, name: str) -> None:
    folder = tmp_path / "odd%dir?#"
    path = folder / name
    store = open_store(path)
    try:
        assert store.path == path
    finally:
        store.close()
    assert current_revision(path) == HEAD_REVISION
    made = {p.name for p in folder.iterdir()} - {f"{name}-wal", f"{name}-shm"}
    assert made == {name}  # no "a b.db", no "s%1", no in-memory database
    again = open_store(path)  # already at head: nothing to migrate, the same device
    try:
        assert again.device_id == store.device_id
    finally:
        again.close()


@pytest.mark.parametrize("name", ["100%.db", "s%1?x.db"])
def test_the_runner_upgrades_a_store_with_percent_in_its_path(tmp_path: Path, name: str) -> None:
    path = tmp_path / name
    command.upgrade(config(path), "0001")
    assert current_revision(path) == "0001"
    command.upgrade(config(path), "head")
    assert current_revision(path) == HEAD_REVISION


def test_sqlite_url_keeps_the_path_as_it_is() -> None:
    assert sqlite_url(Path("/tmp/a%b?c#d/s%1?x.db")).database == "/tmp/a%b?c#d/s%1?x.db"


def test_the_store_commands_work_on_such_a_path(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    path = tmp_path / "odd%" / "s%1?x #2.db"
    assert main(["demo", "--db", str(path), "--customers", "3", "--quiet"]) == 0
    capsys.readouterr()
    for args in (["check"], ["migrate"], ["reindex"], ["search", "银行"]):
        assert main([*args[:1], "--db", str(path), *args[1:]]) == 0, args
        out = capsys.readouterr()
        assert "Traceback" not in out.err and "unexpected" not in out.err
        reply = json.loads(out.out)
        assert reply.get("db", str(path)) == str(path)
    assert {p.name for p in path.parent.iterdir()} <= {path.name, f"{path.name}-wal", f"{path.name}-shm"}
