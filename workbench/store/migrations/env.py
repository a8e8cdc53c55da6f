"""Alembic environment: one SQLite file, batch mode for ALTERs, FKs checked after."""

from __future__ import annotations

from pathlib import Path

from alembic import context
from sqlalchemy import pool

from workbench.store.connect import engine_for
from workbench.store.models import Base

target_metadata = Base.metadata


def run() -> None:
    path = context.config.attributes.get("store_path")
    assert isinstance(path, Path), "run migrations through workbench.store.migrations.runner"
    engine = engine_for(path, poolclass=pool.NullPool)  # plain or encrypted (store/connect.py)
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
