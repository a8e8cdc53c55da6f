"""Sync in the real main window against a real `workbench-server serve` process on loopback:
enrolment by keyboard (a wrong code said beside the code, nothing typed lost), F9 pulls a
colleague's customer into the open list, the status bar says where it stands, and a server
that went away is "offline" with the local work kept."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialogButtonBox
from pytestqt.qtbot import QtBot

from tests.sync.conftest import make_team  # noqa: F401 - the fixture, shared with the sync tests
from tests.sync.team import Team
from workbench.services import customers
from workbench.ui.main_window import MainWindow
from workbench.ui.settings import Settings
from workbench.ui.sync.controller import IDLE, OFFLINE
from workbench.ui.sync.enrol_dialog import EnrolDialog

BANK = {"name": "中国工商银行杭州西湖支行", "industry_code": "banking", "shared": True}


def _window(qtbot: QtBot, settings: Settings, path: Path) -> MainWindow:
    w = MainWindow(settings)
    qtbot.addWidget(w)
    w.show()
    with qtbot.waitSignal(w.store_opened, timeout=30_000):
        w.open_store(path)
    return w


def test_enrol_sync_with_f9_and_go_offline(qtbot: QtBot, settings: Settings, tmp_path: Path,
                                           make_team: Callable[..., Team]) -> None:  # noqa: F811
    team = make_team(f"sqlite:///{tmp_path / 'server.sqlite'}", workers=1)
    code = team.user("王经理")
    w = _window(qtbot, settings, tmp_path / "laptop.sqlite")
    sync = w.sync
    qtbot.waitUntil(lambda: sync.controller.status is not None, timeout=10_000)
    assert "Not connected" in sync.status.label.text()
    assert not sync.status.button.isVisible()

    dialog = EnrolDialog(w.env, w)
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.keyClicks(dialog.url, team.url)
    qtbot.keyClicks(dialog.code, "WRONG-CODE")
    dialog.buttons.button(QDialogButtonBox.StandardButton.Ok).click()
    qtbot.waitUntil(dialog.code_error.isVisible, timeout=15_000)
    assert dialog.url_error.isHidden() and dialog.isVisible()
    assert dialog.url.text() == team.url  # nothing typed is lost
    dialog.code.clear()
    qtbot.keyClicks(dialog.code, code)
    with qtbot.waitSignal(dialog.accepted, timeout=15_000):
        qtbot.keyClick(dialog.code, Qt.Key.Key_Return)
    with qtbot.waitSignal(sync.controller.synced, timeout=30_000):
        sync.enrolled()
    qtbot.waitUntil(lambda: sync.controller.status is not None and sync.controller.status.enrolled, timeout=10_000)
    assert sync.controller.state == IDLE
    qtbot.waitUntil(lambda: "last sync" in sync.status.label.text() and "never" not in sync.status.label.text(),
                    timeout=10_000)

    colleague = team.laptop("李经理")
    made = customers.create_customer(colleague.ctx, values=BANK)
    colleague.sync()
    page = w.show_page("customers")
    assert page is not None
    assert sync.act_sync.shortcut().toString() == "F9"  # offscreen has no active window for keys
    with qtbot.waitSignal(sync.controller.synced, timeout=30_000):
        sync.act_sync.trigger()
    qtbot.waitUntil(lambda: any((r := page.model.row_at(i)) is not None and r.id == made.id  # type: ignore[attr-defined]
                                for i in range(page.model.rowCount())), timeout=10_000)  # type: ignore[attr-defined]

    mine = customers.create_customer(w.env.ctx, values={**BANK, "name": "中国银行杭州分行"})
    team.server.kill()
    sync.controller.sync_now()
    qtbot.waitUntil(lambda: sync.controller.state == OFFLINE, timeout=30_000)
    qtbot.waitUntil(lambda: "Offline" in sync.status.label.text() and sync.controller.status.pending > 0,
                    timeout=10_000)  # the status read after the failed attempt counts the new customer
    pending = sync.controller.status.pending
    assert pending > 0 and f"{pending} to send" in sync.status.label.text()  # the new customer waits
    assert customers.get_customer(w.env.ctx, customer_id=mine.id).name == "中国银行杭州分行"
    team.server.start()
    with qtbot.waitSignal(sync.controller.synced, timeout=30_000):
        sync.status.button.click()  # the status bar's own "Sync now"
    qtbot.waitUntil(lambda: "0 to send" in sync.status.label.text(), timeout=10_000)
    w.close()


def test_refused_changes_are_listed_and_sent_again_from_the_window(qtbot: QtBot, settings: Settings, tmp_path: Path,
                                                                   make_team: Callable[..., Team]) -> None:  # noqa: F811
    team = make_team(f"sqlite:///{tmp_path / 'server.sqlite'}", workers=1)
    owner = team.laptop("王经理")
    code = team.user("李经理")
    w = _window(qtbot, settings, tmp_path / "laptop.sqlite")
    sync = w.sync
    qtbot.waitUntil(lambda: sync.controller.status is not None, timeout=10_000)
    from workbench.services import team_sync

    team_sync.enrol_device(w.env.ctx, url=team.url, code=code)
    c = customers.create_customer(owner.ctx, values=BANK)
    owner.sync()
    with qtbot.waitSignal(sync.controller.synced, timeout=30_000):
        sync.enrolled()
    customers.update_customer(owner.ctx, customer_id=c.id, changes={"shared": False})  # made private...
    owner.sync()
    from workbench.ui.env import apply

    apply(w.env, lambda: customers.update_customer(w.env.ctx, customer_id=c.id, changes={"notes": "乙的备注"}))
    with qtbot.waitSignal(sync.controller.synced, timeout=30_000):
        sync.act_sync.trigger()  # ...while this laptop edited it: refused
    qtbot.waitUntil(lambda: sync.status.refused_button.isVisible(), timeout=10_000)
    assert "1 refused" in sync.status.label.text()

    dialog = sync.open_refusals()
    qtbot.addWidget(dialog)
    qtbot.waitUntil(lambda: dialog.table.rowCount() == 1, timeout=10_000)
    assert dialog.table.item(0, 1).text() == BANK["name"] and dialog.resend_button.isEnabled()
    customers.update_customer(owner.ctx, customer_id=c.id, changes={"shared": True})  # the owner shares it again
    owner.sync()
    dialog.resend_button.click()
    qtbot.waitUntil(lambda: dialog.table.rowCount() == 0, timeout=10_000)
    with qtbot.waitSignal(sync.controller.synced, timeout=30_000):
        sync.act_sync.trigger()
    qtbot.waitUntil(lambda: not sync.status.refused_button.isVisible(), timeout=10_000)
    owner.sync()
    assert customers.get_customer(owner.ctx, customer_id=c.id).notes == "乙的备注"
    dialog.show_done.setChecked(True)
    qtbot.waitUntil(lambda: dialog.table.rowCount() == 1, timeout=10_000)  # kept, marked sent again
    w.close()


def test_a_revoked_laptop_is_told_and_keeps_its_work(qtbot: QtBot, settings: Settings, tmp_path: Path,
                                                     make_team: Callable[..., Team]) -> None:  # noqa: F811
    from workbench.server.admin import list_devices, revoke_device
    from workbench.services import team_sync
    from workbench.ui.sync.controller import REVOKED

    team = make_team(f"sqlite:///{tmp_path / 'server.sqlite'}", workers=1)
    w = _window(qtbot, settings, tmp_path / "laptop.sqlite")
    sync = w.sync
    team_sync.enrol_device(w.env.ctx, url=team.url, code=team.user("王经理"))
    with qtbot.waitSignal(sync.controller.synced, timeout=30_000):
        sync.enrolled()
    made = customers.create_customer(w.env.ctx, values=BANK)
    [device] = [d for d in list_devices(team.db_url) if d["id"] == w.env.ctx.store.device_id]
    revoke_device(team.db_url, device["id"])  # the laptop was reported lost... or IT made a mistake
    qtbot.waitUntil(lambda: sync.controller.status is not None and sync.controller.status.enrolled,
                    timeout=10_000)
    sync.act_sync.trigger()
    try:
        qtbot.waitUntil(lambda: sync.controller.state == REVOKED, timeout=30_000)
    except Exception:
        raise AssertionError((sync.controller.state, sync.controller.message)) from None
    qtbot.waitUntil(lambda: "revoked" in sync.status.label.text(), timeout=10_000)
    assert customers.get_customer(w.env.ctx, customer_id=made.id).name == BANK["name"]  # nothing wiped
    assert team_sync.status(w.env.ctx).pending > 0  # still waiting to be sent under a new code
    w.close()
