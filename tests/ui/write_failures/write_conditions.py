"""Real disk failures on a store the window has open (no mocks): full (SQLite's own page
limit on the window's write connection), read-only (``chattr +i``, which holds even for root)
and held by another process (a second program in ``BEGIN EXCLUSIVE``)."""

from __future__ import annotations

import shutil
import sqlite3
import subprocess
import sys
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import pytest
from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication, QMessageBox

from workbench.store.engine import Store

KINDS = ("full", "read_only", "locked")
#: A write of a few hundred bytes (a stage move, mark sent, a decision) fits the room the
#: store's pages still have when SQLite may add no page: a full disk cannot be made to refuse
#: it here (it takes the same StoreError path as the others).
SMALL_WRITE_KINDS = ("read_only", "locked")
MAX_PAGES = 1073741823  # SQLite's default max_page_count


def _write_pragma(store: Store, sql: str) -> list[object]:
    # The write engine holds one connection: a pragma set here is the window's own.
    # Raw, outside any transaction (the engine's "begin" event would open one).
    raw = store.write_engine.raw_connection()
    try:
        return [r[0] for r in raw.driver_connection.execute(sql)]  # type: ignore[union-attr]
    finally:
        raw.close()


@contextmanager
def disk_full(store: Store) -> Iterator[None]:
    [pages] = _write_pragma(store, "PRAGMA page_count")
    [free] = _write_pragma(store, "PRAGMA freelist_count")
    _write_pragma(store, f"PRAGMA max_page_count={int(pages) - int(free) + 1}")  # type: ignore[call-overload]
    try:
        yield
    finally:
        _write_pragma(store, f"PRAGMA max_page_count={MAX_PAGES}")


@contextmanager
def read_only(store: Store) -> Iterator[None]:
    if shutil.which("chattr") is None:
        pytest.skip("no chattr")
    files = [str(p) for p in (store.path, store.path.with_name(store.path.name + "-wal")) if p.exists()]
    done = subprocess.run(["chattr", "+i", *files], capture_output=True, text=True)
    if done.returncode:
        pytest.skip(f"chattr +i not supported here: {done.stderr.strip()}")
    try:
        yield
    finally:
        subprocess.run(["chattr", "-i", *files], check=True)


HOLDER = """
import sqlite3, sys
con = sqlite3.connect(sys.argv[1], isolation_level=None)
con.execute("BEGIN EXCLUSIVE")
print("holding", flush=True)
sys.stdin.readline()
con.execute("ROLLBACK")
"""


@contextmanager
def locked(store: Store) -> Iterator[None]:
    [old] = _write_pragma(store, "PRAGMA busy_timeout")
    _write_pragma(store, "PRAGMA busy_timeout=300")  # the window waits 10 s; the holder holds longer
    proc = subprocess.Popen([sys.executable, "-c", HOLDER, str(store.path)], stdin=subprocess.PIPE,
                            stdout=subprocess.PIPE, text=True)
    try:
        assert proc.stdout is not None and proc.stdout.readline().strip() == "holding"
        yield
    finally:
        assert proc.stdin is not None
        proc.stdin.write("\n")
        proc.stdin.flush()
        proc.wait(10)
        _write_pragma(store, f"PRAGMA busy_timeout={old}")


@contextmanager
def failing(kind: str, store: Store) -> Iterator[None]:
    with {"full": disk_full, "read_only": read_only, "locked": locked}[kind](store):
        yield


WORDS = {"full": "disk is full", "read_only": "store is read-only", "locked": "another program holds the store"}
KEPT = "still here"  # errors.write_problem: what was typed is kept
LONG = "分院断网频繁, 需要专线备份与网络管家。" * 200  # 4,000 characters (at most 5,000), 12 kB: needs new pages: a full disk refuses it


class Boxes:
    """Message boxes that appear (closed at once, their text kept): no test hangs on one."""

    def __init__(self) -> None:
        self.texts: list[str] = []
        self._timer = QTimer()
        self._timer.setInterval(20)
        self._timer.timeout.connect(self._close)
        self._timer.start()

    def _close(self) -> None:
        for w in QApplication.topLevelWidgets():
            if isinstance(w, QMessageBox) and w.isVisible():
                self.texts.append(w.text())
                w.done(0)

    def stop(self) -> None:
        self._timer.stop()


def said(boxes: Boxes, kind: str) -> str:
    """The one box that appeared, saying the disk problem ``kind``: no cascade of boxes."""
    [text] = boxes.texts
    assert WORDS[kind] in text and KEPT in text, text
    return text


def says(text: str, kind: str) -> None:
    """A label beside the work says the disk problem ``kind`` and that nothing was lost."""
    assert WORDS[kind] in text and KEPT in text, text


def fresh_count(path: Path, table: str, where: str = "NOT deleted") -> int:
    """Rows in ``table`` seen by a connection of its own (what is on disk, not in a cache)."""
    con = sqlite3.connect(path)
    try:
        return int(con.execute(f"SELECT count(*) FROM {table} WHERE {where}").fetchone()[0])
    finally:
        con.close()
