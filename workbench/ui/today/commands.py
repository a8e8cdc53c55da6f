"""Marking a follow-up done, undoably (Ctrl+Z brings the reminder back)."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication

from workbench.services.today import FollowUp
from workbench.ui.env import UiEnv, apply
from workbench.ui.undo import ServiceCommand


def mark_follow_up_done(env: UiEnv, follow_up: FollowUp) -> None:
    """Write it now (errors reach the caller), then put the undo on the stack.

    The first write does not check the visit's version: whatever else changed on the
    visit meanwhile, the follow-up is done. The undo does check it, so it never
    overwrites a later edit.
    """
    from workbench.services.visits import update_visit

    saved = apply(env, lambda: update_visit(env.ctx, visit_id=follow_up.visit_id, changes={"follow_up_done": True}))
    MarkFollowUpDone(env, follow_up=follow_up, version=saved.version).push_made()


class MarkFollowUpDone(ServiceCommand):
    def __init__(self, env: UiEnv, *, follow_up: FollowUp, version: int) -> None:
        text = QCoreApplication.translate("undo", "Follow-up done: {0}").format(follow_up.customer_name)
        super().__init__(env, text, follow_up.customer_id)
        self.visit_id, self.version = follow_up.visit_id, version

    def _set(self, done: bool) -> None:
        from workbench.services.visits import update_visit

        self.version = update_visit(self.env.ctx, visit_id=self.visit_id, changes={"follow_up_done": done},
                                    expected_version=self.version).version

    def _do(self) -> None:  # a redo: the first write was made before push_made
        self._set(True)

    def _undo(self) -> None:
        self._set(False)
