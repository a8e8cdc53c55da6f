"""Issue 12, item 3, in the window: a store damaged in each way the command line is tested
with (tests/store/damage.py) gets the dialog that says what is wrong and what to do, the file
is left as it was and nothing is created beside it; a page of garbage in the middle of a store
that still opens is found by the daily backup's check and said at once, with the newest
backup offered (the damaged file kept beside) or work going on; the demo store is built again
over an empty file."""

from __future__ import annotations

import os
from datetime import datetime, timedelta
from pathlib import Path

import pytest
from PySide6.QtWidgets import QFileDialog
from pytestqt.qtbot import QtBot

from tests.store.damage import DAMAGES, overwrite_page, root_page
from workbench.services import backups, customers
from workbench.services.search import search_customers
from workbench.services.users import user_context
from workbench.store.engine import open_store
from workbench.store.opening import StoreError, check_store
from workbench.ui.main_window import MainWindow
from workbench.ui.settings import Settings

#: What the dialog must say for each damage (the English UI: tests/ui/conftest.py).
SAID = {
    "not_sqlite": "is not a workbench store",
    "truncated": "the file is cut short",
    "garbage_schema": "is damaged",
    "empty": "is an empty file (0 bytes)",
    "directory": "is a folder, not a store",
    "symlink_loop": "cannot be read",
}


def _store(tmp_path: Path, *names: str) -> Path:
    path = tmp_path / "workbench.sqlite"
    store = open_store(path)
    for name in names:
        customers.create_customer(user_context(store), values={"name": name, "industry_code": "banking"})
    store.close()
    return path


def _window(qtbot: QtBot, settings: Settings) -> MainWindow:
    w = MainWindow(settings)
    qtbot.addWidget(w)
    w.show()
    return w


def _snapshot(folder: Path) -> dict[str, bytes | None]:
    """Every entry of the folder and its bytes (None for a folder or a link)."""
    return {p.name: (p.read_bytes() if p.is_file() and not p.is_symlink() else None) for p in folder.iterdir()}


def _names(window: MainWindow) -> list[str]:
    return sorted(r.name for r in search_customers(window.env.ctx, query="").rows)


@pytest.mark.parametrize("damage", sorted(SAID))
def test_each_damage_gets_the_dialog_and_the_file_is_left_alone(qtbot: QtBot, settings: Settings,
                                                                tmp_path: Path, damage: str) -> None:
    folder = tmp_path / "stores"
    folder.mkdir()
    path = _store(folder, "中国银行杭州分行")
    if damage == "symlink_loop":
        path.unlink()
        path.symlink_to(path.name)  # ELOOP: there, but no program can read it
    else:
        DAMAGES[damage](path)
    before = _snapshot(folder)
    w = _window(qtbot, settings)
    with qtbot.waitSignal(w.store_failed, timeout=30_000):
        w.open_store(path)
    dialog = w.store_problem
    assert dialog is not None and dialog.isVisible()
    text = dialog.message.text()
    assert SAID[damage] in text and str(path) in text, text
    assert "Traceback" not in text and "Error:" not in text
    assert dialog.other_button.isVisible() and dialog.quit_button.isVisible()
    assert _snapshot(folder) == before  # nothing replaced, nothing created beside it
    assert w.isVisible() and w.env is None  # the program runs, on no store
    dialog.quit_button.click()
    qtbot.waitUntil(lambda: not w.isVisible(), timeout=5_000)


def test_another_store_can_be_opened_from_the_dialog(qtbot: QtBot, settings: Settings, tmp_path: Path,
                                                     monkeypatch: pytest.MonkeyPatch) -> None:
    path = _store(tmp_path, "中国银行杭州分行")
    DAMAGES["truncated"](path)
    (tmp_path / "other").mkdir()
    other = _store(tmp_path / "other", "招商银行杭州分行")
    w = _window(qtbot, settings)
    with qtbot.waitSignal(w.store_failed, timeout=30_000):
        w.open_store(path)
    monkeypatch.setattr(QFileDialog, "getOpenFileName", lambda *a, **k: (str(other), ""))  # the OS's picker
    with qtbot.waitSignal(w.store_opened, timeout=30_000):
        w.store_problem.other_button.click()
    assert _names(w) == ["招商银行杭州分行"] and w.env.ctx.store.path == other
    w.close()


def _damaged_in_the_middle(tmp_path: Path) -> tuple[Path, Path]:
    """A store with yesterday's good backup, then a page of garbage over a table the window
    does not read on opening: it opens, and only a walk of every page finds the damage."""
    path = _store(tmp_path, "中国银行杭州分行", "招商银行杭州分行")
    yesterday = datetime.now() - timedelta(days=1)
    good = backups.take_backup(path, now=lambda: yesterday)
    overwrite_page(path, root_page(path, "offer_events"))
    return path, good.path


def test_a_garbage_page_in_the_middle_is_said_when_the_daily_backup_checks_it(
        qtbot: QtBot, settings: Settings, tmp_path: Path) -> None:
    path, good = _damaged_in_the_middle(tmp_path)
    damaged = path.read_bytes()
    w = _window(qtbot, settings)
    with qtbot.waitSignal(w.store_opened, timeout=30_000):
        w.open_store(path)
    qtbot.waitUntil(lambda: w.backups.damage is not None and w.backups.damage.isVisible(), timeout=30_000)
    dialog = w.backups.damage
    text = dialog.message.text()
    assert "is damaged" in text and "quick check" in text and good.name in text, text
    assert dialog.windowTitle() == "The store is damaged" and dialog.restore_button.isVisible()
    assert dialog.quit_button.text().replace("&", "") == "Keep working"
    assert w.backups.status.text() == "Backup failed"
    assert [b.path for b in backups.list_backups(path)] == [good]  # no damaged copy taken as a backup
    dialog.quit_button.click()  # keep working: the window as it was
    assert not dialog.isVisible() and w.isVisible() and "customers" in w.pages
    assert _names(w) == ["中国银行杭州分行", "招商银行杭州分行"]
    w.close()
    assert path.read_bytes()[:4096] == damaged[:4096]  # nothing replaced without being asked


def test_restoring_from_the_damage_dialog_reopens_on_the_backup(qtbot: QtBot, settings: Settings,
                                                                 tmp_path: Path) -> None:
    path, good = _damaged_in_the_middle(tmp_path)
    w = _window(qtbot, settings)
    with qtbot.waitSignal(w.store_opened, timeout=30_000):
        w.open_store(path)
    qtbot.waitUntil(lambda: w.backups.damage is not None and w.backups.damage.isVisible(), timeout=30_000)
    w.backups.damage.restore_button.click()
    qtbot.waitUntil(lambda: w.backups.successor is not None, timeout=10_000)
    fresh = w.backups.successor
    qtbot.addWidget(fresh)
    qtbot.waitUntil(lambda: fresh.env is not None, timeout=30_000)
    assert not w.isVisible() and fresh.isVisible()
    assert _names(fresh) == ["中国银行杭州分行", "招商银行杭州分行"]
    fresh.runner.wait_idle()
    assert check_store(path) == (["ok"], 0)
    aside = [p for p in tmp_path.iterdir() if ".damaged-" in p.name and not p.name.endswith(("-wal", "-shm"))]
    assert len(aside) == 1  # kept beside, never deleted: still the damaged file
    with pytest.raises(StoreError, match="damaged"):
        check_store(aside[0])
    fresh.close()


def test_the_demo_store_is_built_again_over_an_empty_file(qtbot: QtBot, settings: Settings, tmp_path: Path) -> None:
    path = tmp_path / "demo.sqlite"
    path.write_bytes(b"")  # an interrupted first build
    w = _window(qtbot, settings)
    with qtbot.waitSignal(w.store_opened, timeout=120_000):
        w.open_store(path, demo=True, demo_customers=50)
    assert len(search_customers(w.env.ctx, query="", limit=500).rows) == 50
    assert os.path.getsize(path) > 0
    w.close()


def test_a_read_only_store_opens_for_reading_and_says_so(qtbot: QtBot, settings: Settings, tmp_path: Path) -> None:
    import shutil
    import subprocess

    path = _store(tmp_path, "中国银行杭州分行")
    if shutil.which("chattr") is None or subprocess.run(["chattr", "+i", str(path)]).returncode:
        pytest.skip("chattr +i (read-only even for root) not available here")
    try:
        w = _window(qtbot, settings)
        with qtbot.waitSignal(w.store_opened, timeout=30_000):
            w.open_store(path)
        assert w.env.ctx.store.read_only and w.status_label.text().endswith(" · read-only")
        assert _names(w) == ["中国银行杭州分行"]
        w.close()
    finally:
        subprocess.run(["chattr", "-i", str(path)], check=True)
