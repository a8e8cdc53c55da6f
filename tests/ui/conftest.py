"""UI fixtures: a UiEnv over a fresh store with a fixed clock (2026-11-24)."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest
from PySide6.QtCore import QSettings
from PySide6.QtGui import QUndoStack

from workbench.services.context import Context
from workbench.ui.env import UiEnv
from workbench.ui.runner import Runner
from workbench.ui.settings import Settings

TODAY = date(2026, 11, 24)


@pytest.fixture
def settings(tmp_path: Path) -> Settings:
    return Settings(QSettings(str(tmp_path / "settings.ini"), QSettings.Format.IniFormat))


@pytest.fixture
def ui_env(qapp, ctx: Context, settings: Settings):  # noqa: ANN001 - qapp comes from pytest-qt
    runner = Runner()
    env = UiEnv(ctx=ctx, runner=runner, undo=QUndoStack(), settings=settings, today=lambda: TODAY)
    yield env
    runner.wait_idle()


@pytest.fixture
def demo_env(qapp, demo_store_path: Path, settings: Settings, tmp_path: Path):  # noqa: ANN001
    """A UiEnv over a private copy of the generated demo store (400 customers)."""
    import shutil

    from workbench.services.users import current_user
    from workbench.store.engine import open_store

    path = tmp_path / "demo-copy.sqlite"
    shutil.copy(demo_store_path, path)
    store = open_store(path)
    user = current_user(store)
    runner = Runner()
    env = UiEnv(ctx=Context(store, user.id, user.name), runner=runner, undo=QUndoStack(), settings=settings,
                today=lambda: TODAY)
    yield env
    runner.wait_idle()
    store.close()
