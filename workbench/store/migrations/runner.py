"""Running Alembic programmatically against one SQLite file."""

from __future__ import annotations

from pathlib import Path

from alembic import command
from alembic.config import Config
from alembic.script import ScriptDirectory

HERE = Path(__file__).resolve().parent


def config(path: Path) -> Config:
    """Alembic's configuration for the store at ``path``. The path travels as an object
    (``attributes["store_path"]``, read by env.py), not as an option string: Alembic's
    options go through ConfigParser interpolation, where a ``%`` in a path (``100%.db``)
    raised, and a URL string would misread ``?`` and ``#``."""
    cfg = Config()
    cfg.set_main_option("script_location", str(HERE).replace("%", "%%"))
    cfg.attributes["store_path"] = Path(path)
    return cfg


def script_head() -> str:
    head = ScriptDirectory.from_config(config(Path("unused.db"))).get_current_head()
    assert head is not None
    return head


def upgrade_to_head(path: Path) -> None:
    command.upgrade(config(path), "head")
