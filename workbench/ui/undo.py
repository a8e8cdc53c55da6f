"""Undoable edits (Qt's undo framework).

Each command's redo and undo is one service call, so an undo is itself a journaled write
that syncs like any other: undoing a stage move records a move back (the history keeps
both), undoing a delete restores the tombstoned row. Each redo and undo runs through
``ui.env.apply``: on the single write worker, the window painting while it waits.

Conflicts are judged by value, not by the row's version: a command may be undone when the
fields it wrote still hold what it wrote (other commands on the same row in between, undone
in order, are fine). When they do not (another window, a visit that moved the stage, a
sync), the command says so and becomes obsolete rather than overwrite the newer value.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from typing import Any

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtGui import QUndoCommand

from workbench.domain.errors import DomainError
from workbench.services.changes import Changes
from workbench.ui.env import UiEnv, apply


class ChangedMeanwhile(DomainError):
    def __init__(self, what: str) -> None:
        super().__init__(QCoreApplication.translate(
            "undo", "{0} was changed meanwhile; the newer value is kept.").format(what))


class ServiceCommand(QUndoCommand):
    """A service call on each redo (``_do``) and undo (``_undo``); errors are shown, never
    raised into Qt.

    ``push()`` makes the change before it goes on the stack: a failure reaches the caller (the
    form says it and stays open) and nothing is pushed, so the stack, its redo side included,
    stays as it was; push's redo then finds the change made. (``env.undo.push(command)`` also
    works: a first redo that fails drops the command, which never claims to be done.)

    A later undo or redo that fails on the disk (``errors.write_problem``: full, read-only,
    held by another program) is said and leaves the command where it was: QUndoStack moves its
    index past the command whatever happened, so the command puts it back at once (a step the
    other way that writes nothing), and Undo / Redo tries again once the disk is fine. Any
    other failure (changed meanwhile, gone) drops the command rather than overwrite the newer
    value.
    """

    def __init__(self, env: UiEnv, text: str, customer_id: str) -> None:
        super().__init__(text)
        self.env, self.customer_id = env, customer_id
        self.error: BaseException | None = None
        self._made = False  # made before the push: push's redo writes nothing
        self._skip = False  # the stack's next step only puts its index back

    def _do(self) -> object:
        """The change, as one service call (run by ``apply``: it must not touch widgets)."""
        raise NotImplementedError

    def _undo(self) -> object:
        raise NotImplementedError

    def push(self) -> None:
        """Make the change now, then put it on the stack; raises (nothing pushed) if it fails."""
        apply(self.env, self._do)  # publishes what it changed
        self.push_made()

    def push_made(self) -> None:
        """Put a change already made on the stack."""
        self._made = True
        self.env.undo.push(self)

    def redo(self) -> None:
        if self._made or self._skip:
            self._made = self._skip = False
            return
        self._guard(self._do, undoing=False)

    def undo(self) -> None:
        if self._skip:
            self._skip = False
            return
        self._guard(self._undo, undoing=True)

    def _guard(self, fn: Callable[[], object], *, undoing: bool) -> None:
        from workbench.ui.errors import show_error, write_problem

        stack = self.env.undo
        here = stack.index() - 1 if undoing else stack.index()  # a step the stack is making, or -1
        on_stack = 0 <= here < stack.count() and stack.command(here) is self
        try:
            apply(self.env, fn)  # publishes what it changed
        except Exception as exc:
            self.error = exc
            keep = on_stack and write_problem(exc) is not None  # the disk: try again later
            if not keep:  # could not be (un)done as recorded: drop the command
                self.setObsolete(True)
            show_error(None, exc)
            self.env.bus.publish(Changes.of_customer(self.customer_id))  # show what is stored
            if keep:
                self._stay(here, undoing=undoing)
        else:
            self.error = None

    def _stay(self, here: int, *, undoing: bool) -> None:
        """Once the stack has stepped past this command (it does after a failed step), step back."""
        stack = self.env.undo

        def back(index: int) -> None:
            if index != (here if undoing else here + 1) or stack.command(here) is not self:
                return  # the stack went elsewhere meanwhile
            self._skip = True
            if undoing:
                stack.redo()
            else:
                stack.undo()

        stack.indexChanged.connect(back, Qt.ConnectionType.SingleShotConnection)


def _holds(current: Any, values: Mapping[str, Any]) -> bool:
    return all(getattr(current, k) == v for k, v in values.items())


class EditRow(ServiceCommand):
    """An edit of one row's fields. The first redo writes only while the row is at the version
    the form read; later redos and undos only while the row still holds what the other side
    wrote. Subclasses say how to read the row and how to save values into it."""

    def __init__(self, env: UiEnv, text: str, customer_id: str, *, version: int, old: Mapping[str, Any],
                 new: Mapping[str, Any]) -> None:
        super().__init__(env, text, customer_id)
        self.version, self.old, self.new = version, dict(old), dict(new)
        self._first = True

    def _current(self) -> Any:
        """The row as it is now (None when gone)."""
        raise NotImplementedError

    def _save(self, values: dict[str, Any], version: int) -> Any:
        """Save ``values`` into the row at ``version``; returns the row as saved."""
        raise NotImplementedError

    def _apply(self, expect: dict[str, Any], values: dict[str, Any]) -> dict[str, Any]:
        current = self._current()
        if current is None or (current.version != self.version if self._first else not _holds(current, expect)):
            raise ChangedMeanwhile(current.name if current else "")
        saved = self._save(values, current.version)
        self._first = False
        return {k: getattr(saved, k) for k in values}  # as the store normalized them

    def _do(self) -> None:
        self.new = self._apply(self.old, self.new)

    def _undo(self) -> None:
        self._apply(self.new, self.old)


class EditCustomer(EditRow):
    def __init__(self, env: UiEnv, *, customer_id: str, version: int, old: Mapping[str, Any],
                 new: Mapping[str, Any]) -> None:
        super().__init__(env, QCoreApplication.translate("undo", "Edit customer"), customer_id, version=version,
                         old=old, new=new)

    def _current(self) -> Any:
        from workbench.services.customers import get_customer

        return get_customer(self.env.ctx, customer_id=self.customer_id)

    def _save(self, values: dict[str, Any], version: int) -> Any:
        from workbench.services.customers import update_customer

        return update_customer(self.env.ctx, customer_id=self.customer_id, changes=values, expected_version=version)


class DeleteCustomer(ServiceCommand):
    def __init__(self, env: UiEnv, *, customer_id: str, version: int, name: str) -> None:
        super().__init__(env, QCoreApplication.translate("undo", "Delete {0}").format(name), customer_id)
        self.version = version

    def _do(self) -> None:
        from workbench.services.customers import delete_customer

        delete_customer(self.env.ctx, customer_id=self.customer_id)

    def _undo(self) -> None:
        from workbench.services.customers import restore_customer

        restore_customer(self.env.ctx, customer_id=self.customer_id)


class MoveStage(ServiceCommand):
    """A stage move; its undo is a move back, recorded as such (history is never erased)."""

    def __init__(self, env: UiEnv, *, customer_id: str, from_code: str, to_code: str,
                 reason: str | None = None) -> None:
        super().__init__(env, QCoreApplication.translate("undo", "Move stage"), customer_id)
        self.from_code, self.to_code, self.reason = from_code, to_code, reason
        self._first = True
        self._words = (QCoreApplication.translate("undo", "Redo"), QCoreApplication.translate("undo", "Undo"))

    def _move(self, expect: str, to: str, reason: str | None) -> None:
        from workbench.services.customers import get_customer
        from workbench.services.stages import move_stage

        current = get_customer(self.env.ctx, customer_id=self.customer_id)
        if current.stage_code != expect:  # someone else moved it meanwhile
            raise ChangedMeanwhile(current.name)
        move_stage(self.env.ctx, customer_id=self.customer_id, to_code=to, reason=reason,
                   expected_version=current.version)

    def _do(self) -> None:
        self._move(self.from_code, self.to_code, self.reason if self._first else self._words[0])
        self._first = False

    def _undo(self) -> None:
        self._move(self.to_code, self.from_code, self._words[1])


class EditContact(EditRow):
    def __init__(self, env: UiEnv, *, customer_id: str, contact_id: str, version: int,
                 old: Mapping[str, Any], new: Mapping[str, Any]) -> None:
        super().__init__(env, QCoreApplication.translate("undo", "Edit contact"), customer_id, version=version,
                         old=old, new=new)
        self.contact_id = contact_id

    def _current(self) -> Any:
        from workbench.services.contacts import list_contacts

        return next((k for k in list_contacts(self.env.ctx, customer_id=self.customer_id)
                     if k.id == self.contact_id), None)

    def _save(self, values: dict[str, Any], version: int) -> Any:
        from workbench.services.contacts import update_contact

        return update_contact(self.env.ctx, contact_id=self.contact_id, changes=values, expected_version=version)


class DeleteContact(ServiceCommand):
    def __init__(self, env: UiEnv, *, customer_id: str, contact_id: str, version: int, name: str) -> None:
        super().__init__(env, QCoreApplication.translate("undo", "Delete {0}").format(name), customer_id)
        self.contact_id, self.version = contact_id, version

    def _set(self, deleted: bool) -> None:
        from workbench.services.contacts import set_contact_deleted

        set_contact_deleted(self.env.ctx, contact_id=self.contact_id, deleted=deleted)

    def _do(self) -> None:
        self._set(True)

    def _undo(self) -> None:
        self._set(False)
