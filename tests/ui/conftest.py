"""UI fixtures: a UiEnv over a fresh store with a fixed clock (2026-11-24)."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date
from pathlib import Path

import pytest
from PySide6.QtCore import QSettings
from PySide6.QtGui import QUndoStack

from workbench.services.context import Context
from workbench.ui import i18n
from workbench.ui.env import UiEnv
from workbench.ui.runner import Runner
from workbench.ui.settings import Settings

TODAY = date(2026, 11, 24)


@pytest.fixture(scope="session", autouse=True)
def _english_ui(qapp) -> None:  # noqa: ANN001 - qapp comes from pytest-qt
    """The English UI as the program installs it (i18n.install): its plural forms too ("1 visit",
    "2 visits"), whichever test runs first."""
    i18n.install("en")


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


@pytest.fixture
def window(qtbot, settings: Settings, demo_store_path: Path, tmp_path: Path):  # noqa: ANN001
    """The whole main window, shown, on a private copy of the demo store once it is open."""
    import shutil

    from workbench.ui.main_window import MainWindow

    path = tmp_path / "store.sqlite"
    shutil.copy(demo_store_path, path)
    w = MainWindow(settings)
    qtbot.addWidget(w)
    w.show()
    with qtbot.waitSignal(w.store_opened, timeout=30_000):
        w.open_store(path)
    yield w
    w.runner.wait_idle()


@pytest.fixture
def english_after(qapp) -> Iterator[None]:  # noqa: ANN001 - qapp comes from pytest-qt
    """Back to English after a test that switches the language."""
    try:
        yield
    finally:
        i18n.install("en")
        qapp.processEvents()  # the LanguageChange events QApplication posts to top-level widgets


@pytest.fixture
def hospital(ui_env: UiEnv):
    """A customer to write to: 杭州市第一人民医院 (healthcare)."""
    from workbench.services import customers

    return customers.create_customer(ui_env.ctx, values={"name": "杭州市第一人民医院", "industry_code": "healthcare"})


@pytest.fixture
def visit_dialog(qtbot, ui_env: UiEnv, hospital):  # noqa: ANN001
    """A new visit for ``hospital`` in its dialog, shown and active (focus and shortcuts need it);
    closed at the end unless the test closed it."""
    import shiboken6

    from workbench.ui.visits.dialog import VisitDialog

    dlg = VisitDialog(ui_env, customer_id=hospital.id)
    with qtbot.waitActive(dlg):
        dlg.show()
        dlg.activateWindow()
    yield dlg
    if shiboken6.isValid(dlg):
        dlg.done(0)
        dlg.deleteLater()
