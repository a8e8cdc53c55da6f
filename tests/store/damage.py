"""Damaging real store files on disk, the ways a store breaks in the field (shared by
tests/store/test_opening.py and tests/cli/test_store_errors.py).

Tests run as root, where chmod takes nothing away. :func:`unprivileged` runs a command
with the two capabilities that let root ignore file permissions (CAP_DAC_OVERRIDE,
CAP_DAC_READ_SEARCH) removed, so the kernel really refuses to read or write.
"""

from __future__ import annotations

import os
import random
import shutil
import sqlite3
import subprocess
from pathlib import Path

import pytest

PAGE = 4096


def page_size(path: Path) -> int:
    size = int.from_bytes(path.read_bytes()[16:18], "big")
    return 65536 if size == 1 else size


def root_page(path: Path, table: str) -> int:
    con = sqlite3.connect(path)
    try:
        con.execute("PRAGMA wal_checkpoint(TRUNCATE)")
        (page,) = con.execute("SELECT rootpage FROM sqlite_master WHERE name = ?", (table,)).fetchone()
    finally:
        con.close()
    return int(page)


def overwrite_page(path: Path, page: int, *, skip: int = 0, seed: int = 7) -> None:
    """Fill page ``page`` (1-based) with garbage bytes, keeping its first ``skip`` bytes."""
    size = page_size(path)
    garbage = random.Random(seed).randbytes(size - skip)
    with path.open("r+b") as f:
        f.seek((page - 1) * size + skip)
        f.write(garbage)


def truncate(path: Path) -> None:
    """Cut the file to its first half (a whole number of pages: only its header tells)."""
    size = page_size(path)
    os.truncate(path, (path.stat().st_size // 2) // size * size)


def garbage_schema(path: Path) -> None:
    """Overwrite page 1 after the 100-byte file header: the schema every command reads."""
    overwrite_page(path, 1, skip=100)


def not_sqlite(path: Path) -> None:
    path.write_text("名称,信用代码\n中国银行,911100007109351\n" * 200, "utf-8")


def empty(path: Path) -> None:
    path.write_bytes(b"")


def directory(path: Path) -> None:
    path.unlink()
    path.mkdir()


DAMAGES = {
    "not_sqlite": not_sqlite,
    "truncated": truncate,
    "garbage_schema": garbage_schema,
    "empty": empty,
    "directory": directory,
}


def copy_store(src: Path, dst: Path) -> Path:
    shutil.copy(src, dst)
    return dst


def unprivileged(cmd: list[str]) -> list[str]:
    """``cmd`` such that file permissions bind it: as is for a normal user; as root, under
    setpriv without the capabilities that override them (skipped if that cannot be done)."""
    if os.geteuid() != 0:
        return cmd
    setpriv = shutil.which("setpriv")
    drop = "--bounding-set=-dac_override,-dac_read_search"
    if setpriv is None or subprocess.run([setpriv, drop, "true"], capture_output=True).returncode != 0:
        pytest.skip("running as root, and setpriv cannot drop CAP_DAC_OVERRIDE: chmod would not bind")
    return [setpriv, drop, *cmd]
