"""What a page needs, passed in explicitly (no global application object)."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import date
from typing import TYPE_CHECKING, TypeVar

from PySide6.QtCore import QObject, Signal
from PySide6.QtGui import QUndoStack

from workbench.ui.runner import Runner
from workbench.ui.settings import Settings

if TYPE_CHECKING:
    from workbench.services.changes import Changes
    from workbench.services.context import Context


T = TypeVar("T")


class DataBus(QObject):
    """Announces committed changes so that every open view can refresh what it shows.

    ``publish(changes)`` is the one way in, for a write made here and for a sync pull alike
    (services.changes.Changes); ``changed`` carries it whole, and the two coarse signals
    follow from it: ``customer_changed`` for each customer touched, ``customers_changed``
    when customers appeared or disappeared or too many changed to name."""

    changed = Signal(object)  # a services.changes.Changes
    customer_changed = Signal(str)  # a customer, its contacts, visits or stage changed
    customers_changed = Signal()  # many at once (demo data, sync), or the list's members changed

    def publish(self, changes: Changes) -> None:
        if changes.empty:
            return
        self.changed.emit(changes)
        if not changes.many:
            for customer_id in sorted(changes.customers):
                self.customer_changed.emit(customer_id)
        if changes.membership("customers"):
            self.customers_changed.emit()


@dataclass
class UiEnv:
    ctx: Context
    runner: Runner
    undo: QUndoStack
    settings: Settings
    bus: DataBus = field(default_factory=DataBus)
    today: Callable[[], date] = field(default=date.today)  # a clock tests can set


def apply(env: UiEnv, fn: Callable[[], T]) -> T:
    """The write operation: run a short write (saving one form, an undoable edit) on the
    single write worker, wait for it with the window painting (``Runner.write_now``), then
    publish what it changed; exceptions reach the caller, and nothing is published for a
    failed write. ``fn`` runs off the GUI thread: it calls services with values already read
    from the widgets, never the widgets themselves."""
    from workbench.services.changes import collecting

    def work() -> tuple[T, Changes]:
        with collecting() as got:
            result = fn()
        return result, got.changes

    result, changes = env.runner.write_now(work)
    env.bus.publish(changes)
    return result
