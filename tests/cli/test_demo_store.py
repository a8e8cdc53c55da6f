"""The demo store is built whenever it is missing, empty or incomplete (its build marks
itself complete in its last transaction), and never taken as the demo half-built."""

from __future__ import annotations

import json
import os
import signal
import sqlite3
import subprocess
import sys
import time
from pathlib import Path

import pytest

from workbench.cli import main
from workbench.config import paths
from workbench.services import demo


@pytest.fixture
def small_demo(monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.setattr(demo, "DEMO_CUSTOMERS", 40, raising=False)  # raising: the old code had none
    return paths().demo_store


def customers(path: Path) -> int:
    con = sqlite3.connect(path)
    try:
        return int(con.execute("SELECT count(*) FROM customers").fetchone()[0])
    finally:
        con.close()


def test_search_demo_on_a_fresh_machine_builds_the_demo(small_demo: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["search", "--demo", "银行"]) == 0
    captured = capsys.readouterr()
    assert json.loads(captured.out)["total"] > 0 and "built the demo store" in captured.err
    assert demo.demo_complete(small_demo) and customers(small_demo) == 40
    assert main(["check", "--demo"]) == 0 and json.loads(capsys.readouterr().out)["ok"] is True
    assert main(["search", "--demo", "银行"]) == 0
    assert "built" not in capsys.readouterr().err  # complete: used as it is


def test_an_empty_demo_store_left_by_an_old_version_is_rebuilt(small_demo: Path,
                                                               capsys: pytest.CaptureFixture[str]) -> None:
    from workbench.store.engine import open_store

    open_store(small_demo).close()  # what `search --demo` used to leave: migrated, no customers
    assert main(["search", "--demo", "银行"]) == 0
    assert json.loads(capsys.readouterr().out)["total"] > 0
    assert demo.demo_complete(small_demo)
    kept = small_demo.with_name("demo.sqlite.incomplete.bak")
    assert kept.exists() and customers(kept) == 0  # set aside, not lost


def test_a_half_built_demo_store_is_rebuilt(small_demo: Path, capsys: pytest.CaptureFixture[str]) -> None:
    from workbench.store.engine import open_store

    store = open_store(small_demo)
    demo.generate(store, customers=7)  # filled in place but never marked: an interrupted build
    store.close()
    assert not demo.demo_complete(small_demo)
    assert main(["search", "--demo", "银行"]) == 0
    capsys.readouterr()
    assert demo.demo_complete(small_demo) and customers(small_demo) == 40


def test_a_store_given_with_db_is_never_rebuilt_as_the_demo(tmp_path: Path, small_demo: Path,
                                                            capsys: pytest.CaptureFixture[str]) -> None:
    from workbench.store.engine import open_store

    mine = tmp_path / "mine.sqlite"
    store = open_store(mine)
    demo.generate(store, customers=5)
    store.close()
    assert main(["search", "--demo", "--db", str(mine), "银行"]) == 0
    capsys.readouterr()
    assert customers(mine) == 5 and not small_demo.exists()


def test_a_demo_build_killed_midway_is_not_taken_as_the_demo(small_demo: Path,
                                                             capsys: pytest.CaptureFixture[str]) -> None:
    child = subprocess.Popen([sys.executable, "-m", "workbench", "demo", "--demo", "--customers", "200000", "--quiet"],
                             stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    try:
        deadline = time.monotonic() + 60
        building = small_demo.with_name("demo.sqlite.building")
        while not (building.exists() and building.stat().st_size > 2_000_000):
            assert time.monotonic() < deadline and child.poll() is None, "the build did not start"
            time.sleep(0.05)
    finally:
        os.kill(child.pid, signal.SIGKILL)
        child.wait()
    assert not small_demo.exists() or not demo.demo_complete(small_demo)
    assert main(["search", "--demo", "银行"]) == 0
    assert json.loads(capsys.readouterr().out)["total"] > 0
    assert demo.demo_complete(small_demo) and customers(small_demo) == 40
    assert not building.exists()  # the killed build's side file is gone


def test_demo_into_the_demo_store_builds_it_complete(small_demo: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["demo", "--demo", "--customers", "12", "--quiet"]) == 0
    assert json.loads(capsys.readouterr().out)["customers"] == 12
    assert demo.demo_complete(small_demo) and customers(small_demo) == 12
    assert main(["demo", "--demo", "--customers", "3", "--quiet"]) == 0  # complete: more are added
    capsys.readouterr()
    assert demo.demo_complete(small_demo) and customers(small_demo) == 15
