"""Alembic environment: one SQLite file, batch mode for ALTERs, FKs checked after."""

from __future__ import annotations

from pathlib import Path

from alembic import context
from sqlalchemy import create_engine, pool

from workbench.store.engine import sqlite_url
from workbench.store.models import Base

target_metadata = Base.metadata


def run() -> None:
    path = context.config.attributes.get("store_path")
    assert isinstance(path, Path), "run migrations through workbench.store.migrations.runner"
    engine = create_engine(sqlite_url(path), poolclass=pool.NullPool)
    with engine.connect() as connection:
        connection.exec_driver_sql("PRAGMA journal_mode=WAL")
        context.configure(
            connection=connection,
            target_metadata=target_metadata,
            render_as_batch=True,
            transaction_per_migration=True,
        )
        with context.begin_transaction():
            context.run_migrations()
        connection.commit()
    engine.dispose()


run()
