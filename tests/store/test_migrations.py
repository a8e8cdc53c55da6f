from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest

from workbench.store import engine
from workbench.store.engine import current_revision, migrate, open_store
from workbench.store.migrations import HEAD_REVISION
from workbench.store.migrations.runner import script_head


def test_head_constant_matches_the_scripts() -> None:
    # start-up compares the file's revision with this constant to skip importing Alembic
    assert script_head() == HEAD_REVISION


def test_new_store_is_created_at_head_with_wal_fk_and_defaults(tmp_path: Path) -> None:
    store = open_store(tmp_path / "new.sqlite")
    assert current_revision(store.path) == HEAD_REVISION
    with store.read() as s:
        con = s.connection().connection.driver_connection
        assert con.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
        assert con.execute("PRAGMA foreign_keys").fetchone()[0] == 1
        assert con.execute("SELECT count(*) FROM industries WHERE is_key").fetchone()[0] == 12
        ladder = [r[0] for r in con.execute("SELECT code FROM stage_defs WHERE NOT side ORDER BY position")]
    assert ladder == ["target_market", "prospect", "background", "approach", "build", "deepen", "fill", "leverage"]
    device = store.device_id
    store.close()
    again = open_store(tmp_path / "new.sqlite")
    assert again.device_id == device  # the identity of this copy is kept
    again.close()


def test_a_copy_is_taken_before_migrating(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    path = tmp_path / "old.sqlite"
    store = open_store(path)
    with store.write() as s:
        s.connection().exec_driver_sql("INSERT INTO meta (key, value) VALUES ('marker', 'kept')")
    store.close()
    assert migrate(path) is None  # at head: nothing to do, no copy
    monkeypatch.setattr(engine, "HEAD_REVISION", "9999")  # pretend the program is newer
    backup = migrate(path)
    assert backup is not None and Path(backup).exists()
    con = sqlite3.connect(backup)
    assert con.execute("SELECT value FROM meta WHERE key='marker'").fetchone() == ("kept",)
    assert con.execute("PRAGMA integrity_check").fetchone() == ("ok",)
    con.close()


def test_old_backups_are_pruned(tmp_path: Path) -> None:
    path = tmp_path / "s.sqlite"
    open_store(path).close()
    for n in range(engine.BACKUPS_KEPT + 2):
        engine.backup_copy(path, f"b{n}")
    assert len(list(tmp_path.glob("s.sqlite.*.bak"))) == engine.BACKUPS_KEPT


def test_migrations_build_exactly_the_models_schema(tmp_path: Path) -> None:
    from alembic.autogenerate import compare_metadata
    from alembic.migration import MigrationContext
    from sqlalchemy import create_engine

    from workbench.store.models import Base

    open_store(tmp_path / "m.sqlite").close()
    engine = create_engine(f"sqlite:///{tmp_path / 'm.sqlite'}")
    with engine.connect() as conn:
        diff = compare_metadata(MigrationContext.configure(conn), Base.metadata)
    engine.dispose()
    search_tables = ("search_", "keys_fts", "alembic_version")
    diff = [d for d in diff if not (d[0] == "remove_table" and d[1].name.startswith(search_tables))
            and not (d[0] == "remove_index" and d[1].table.name.startswith(search_tables))]
    assert diff == []
