"""Undoable edits (Qt's undo framework, rule 7 of the daily-screens issue).

Each command's redo and undo is one service call, so an undo is itself a journaled write
that syncs like any other: undoing a stage move records a move back (the history keeps
both), undoing a delete restores the tombstoned row. Short one-row writes run on the GUI
thread (a few milliseconds), serialized by the store's single write connection. A command
whose row was changed meanwhile (another window, a sync) reports it and becomes obsolete
rather than overwrite the newer value.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from typing import Any

from PySide6.QtCore import QCoreApplication
from PySide6.QtGui import QUndoCommand

from workbench.ui.env import UiEnv


class ServiceCommand(QUndoCommand):
    """Runs ``do`` on redo and ``undo_fn`` on undo; errors are shown, never raised into Qt."""

    def __init__(self, env: UiEnv, text: str, customer_id: str) -> None:
        super().__init__(text)
        self.env, self.customer_id = env, customer_id
        self.error: BaseException | None = None

    def _guard(self, fn: Callable[[], object]) -> None:
        from workbench.ui.errors import show_error

        try:
            fn()
        except Exception as exc:  # the edit could not be (un)done: say so, drop the command
            self.error = exc
            self.setObsolete(True)
            show_error(None, exc)
        finally:
            self.env.bus.customer_changed.emit(self.customer_id)


class EditCustomer(ServiceCommand):
    def __init__(self, env: UiEnv, *, customer_id: str, version: int, old: Mapping[str, Any],
                 new: Mapping[str, Any]) -> None:
        super().__init__(env, QCoreApplication.translate("undo", "Edit customer"), customer_id)
        self.version, self.old, self.new = version, dict(old), dict(new)

    def redo(self) -> None:
        from workbench.services.customers import update_customer

        def do() -> None:
            self.version = update_customer(self.env.ctx, customer_id=self.customer_id, changes=self.new,
                                           expected_version=self.version).version
        self._guard(do)

    def undo(self) -> None:
        from workbench.services.customers import update_customer

        def do() -> None:
            self.version = update_customer(self.env.ctx, customer_id=self.customer_id, changes=self.old,
                                           expected_version=self.version).version
        self._guard(do)


class DeleteCustomer(ServiceCommand):
    def __init__(self, env: UiEnv, *, customer_id: str, version: int, name: str) -> None:
        super().__init__(env, QCoreApplication.translate("undo", "Delete {0}").format(name), customer_id)
        self.version = version

    def redo(self) -> None:
        from workbench.services.customers import delete_customer

        def do() -> None:
            self.version = delete_customer(self.env.ctx, customer_id=self.customer_id, expected_version=self.version)
        self._guard(do)
        self.env.bus.customers_changed.emit()

    def undo(self) -> None:
        from workbench.services.customers import restore_customer

        def do() -> None:
            self.version = restore_customer(self.env.ctx, customer_id=self.customer_id,
                                            expected_version=self.version).version
        self._guard(do)
        self.env.bus.customers_changed.emit()


class MoveStage(ServiceCommand):
    """A stage move; its undo is a move back, recorded as such (history is never erased)."""

    def __init__(self, env: UiEnv, *, customer_id: str, from_code: str, to_code: str,
                 reason: str | None = None) -> None:
        super().__init__(env, QCoreApplication.translate("undo", "Move stage"), customer_id)
        self.from_code, self.to_code, self.reason = from_code, to_code, reason
        self._first = True

    def redo(self) -> None:
        from workbench.services.stages import move_stage

        reason = self.reason if self._first else QCoreApplication.translate("undo", "Redo")
        self._first = False
        self._guard(lambda: move_stage(self.env.ctx, customer_id=self.customer_id, to_code=self.to_code,
                                       reason=reason))

    def undo(self) -> None:
        from workbench.services.stages import move_stage

        self._guard(lambda: move_stage(self.env.ctx, customer_id=self.customer_id, to_code=self.from_code,
                                       reason=QCoreApplication.translate("undo", "Undo")))


class EditContact(ServiceCommand):
    def __init__(self, env: UiEnv, *, customer_id: str, contact_id: str, version: int,
                 old: Mapping[str, Any], new: Mapping[str, Any]) -> None:
        super().__init__(env, QCoreApplication.translate("undo", "Edit contact"), customer_id)
        self.contact_id, self.version, self.old, self.new = contact_id, version, dict(old), dict(new)

    def _apply(self, changes: dict[str, Any]) -> None:
        from workbench.services.contacts import update_contact

        def do() -> None:
            self.version = update_contact(self.env.ctx, contact_id=self.contact_id, changes=changes,
                                          expected_version=self.version).version
        self._guard(do)

    def redo(self) -> None:
        self._apply(self.new)

    def undo(self) -> None:
        self._apply(self.old)


class DeleteContact(ServiceCommand):
    def __init__(self, env: UiEnv, *, customer_id: str, contact_id: str, version: int, name: str) -> None:
        super().__init__(env, QCoreApplication.translate("undo", "Delete {0}").format(name), customer_id)
        self.contact_id, self.version = contact_id, version

    def _set(self, deleted: bool) -> None:
        from workbench.services.contacts import set_contact_deleted

        def do() -> None:
            self.version = set_contact_deleted(self.env.ctx, contact_id=self.contact_id, deleted=deleted,
                                               expected_version=self.version)
        self._guard(do)

    def redo(self) -> None:
        self._set(True)

    def undo(self) -> None:
        self._set(False)
