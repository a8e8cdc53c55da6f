"""Every setting declared once, typed, with its default, over QSettings (rule 6).

The file is an INI in the data directory (so WORKBENCH_HOME moves it with everything else
and tests get their own). Window geometry and splitter positions are kept by
:class:`GeometryMixin`.
"""

from __future__ import annotations

from typing import Any, Generic, TypeVar, cast, overload

from PySide6.QtCore import QByteArray, QSettings
from PySide6.QtWidgets import QSplitter, QWidget

from workbench.ui.screen_fit import keep_on_screen

T = TypeVar("T")


class Setting(Generic[T]):
    """A typed setting: ``Settings.language`` reads and writes ``general/language``."""

    def __init__(self, key: str, default: T, kind: type) -> None:
        self.key, self.default, self.kind = key, default, kind

    @overload
    def __get__(self, obj: None, owner: type) -> Setting[T]: ...
    @overload
    def __get__(self, obj: Settings, owner: type) -> T: ...
    def __get__(self, obj: Settings | None, owner: type) -> Any:
        if obj is None:
            return self
        value = obj.qsettings.value(self.key, self.default)
        if self.kind is bool and isinstance(value, str):  # INI files store text
            return value.lower() in ("true", "1", "yes")
        try:
            return cast(T, self.kind(value))
        except (TypeError, ValueError):
            return self.default

    def __set__(self, obj: Settings, value: T) -> None:
        obj.qsettings.setValue(self.key, value)


class Settings:
    language = Setting[str]("general/language", "", str)  # "" = follow the system
    search_debounce_ms = Setting[int]("customers/search_debounce_ms", 120, int)
    contract_end_horizon_days = Setting[int]("today/contract_end_horizon_days", 60, int)
    last_page = Setting[int]("window/last_page", 0, int)
    today_whole_team = Setting[bool]("today/whole_team", False, bool)
    pipeline_show_side = Setting[bool]("pipeline/show_dormant_lost", True, bool)
    sync_interval_minutes = Setting[int]("sync/interval_minutes", 15, int)  # 0 = only when asked
    proposal_folder = Setting[str]("proposals/save_folder", "", str)  # "" = Documents

    def __init__(self, qsettings: QSettings | None = None) -> None:
        if qsettings is None:
            from workbench.config import paths

            path = paths().data / "settings.ini"
            path.parent.mkdir(parents=True, exist_ok=True)
            qsettings = QSettings(str(path), QSettings.Format.IniFormat)
        self.qsettings = qsettings

    def blob(self, key: str) -> QByteArray | None:
        value = self.qsettings.value(key)
        return value if isinstance(value, QByteArray) else None

    def set_blob(self, key: str, value: QByteArray) -> None:
        self.qsettings.setValue(key, value)

    def sync(self) -> None:
        self.qsettings.sync()


class GeometryMixin:
    """Restores and saves a top-level widget's geometry and its splitters, by object name."""

    def restore_geometry(self, settings: Settings) -> None:
        widget = cast(QWidget, self)
        if (geo := settings.blob(f"geometry/{widget.objectName()}")) is not None:
            widget.restoreGeometry(geo)
            keep_on_screen(widget)  # saved on a bigger screen, or on one that is gone
        for splitter in widget.findChildren(QSplitter):
            if splitter.objectName() and (state := settings.blob(f"splitters/{splitter.objectName()}")):
                splitter.restoreState(state)

    def save_geometry(self, settings: Settings) -> None:
        widget = cast(QWidget, self)
        settings.set_blob(f"geometry/{widget.objectName()}", widget.saveGeometry())
        for splitter in widget.findChildren(QSplitter):
            if splitter.objectName():
                settings.set_blob(f"splitters/{splitter.objectName()}", splitter.saveState())
