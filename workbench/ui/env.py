"""What a page needs, passed in explicitly (no global application object)."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import date
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, Signal
from PySide6.QtGui import QUndoStack

from workbench.ui.runner import Runner
from workbench.ui.settings import Settings

if TYPE_CHECKING:
    from workbench.services.context import Context


class DataBus(QObject):
    """Announces committed changes so that every open view can refresh what it shows."""

    customer_changed = Signal(str)  # a customer, its contacts, visits or stage changed
    customers_changed = Signal()  # many at once (demo data, sync)


@dataclass
class UiEnv:
    ctx: Context
    runner: Runner
    undo: QUndoStack
    settings: Settings
    bus: DataBus = field(default_factory=DataBus)
    today: Callable[[], date] = field(default=date.today)  # a clock tests can set
