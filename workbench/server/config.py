"""Where the server's database lives: ``--db URL``, env ``WORKBENCH_SERVER_DB``, or a SQLite
file under the user data directory (``WORKBENCH_HOME`` moves it, as for the desktop app)."""

from __future__ import annotations

import os
from pathlib import Path

DB_ENV = "WORKBENCH_SERVER_DB"
APP_NAME = "workbench-server"


def data_dir() -> Path:
    home = os.environ.get("WORKBENCH_HOME")
    if home:
        return Path(home) / "server"
    import platformdirs

    return Path(platformdirs.user_data_dir(APP_NAME, "workbench"))


def default_db_url() -> str:
    path = data_dir() / "server.sqlite"
    return f"sqlite:///{path}"


def resolve_db_url(explicit: str | None = None) -> str:
    """The database URL to use: the explicit one, the environment's, or the default file.
    A bare ``postgresql://`` URL gets the psycopg 3 driver."""
    url = explicit or os.environ.get(DB_ENV) or default_db_url()
    if url.startswith("postgresql://") or url.startswith("postgres://"):
        url = "postgresql+psycopg://" + url.split("://", 1)[1]
    return url
