"""Render the sync screens to docs/screenshots/ (offscreen Qt, Chinese UI by default):

    python docs/make_sync_screenshots.py [--lang zh_CN|en] [--out docs/screenshots]

Starts a real `workbench-server serve` on loopback over a throwaway SQLite database, enrols a
manager's and a team lead's laptop, has the manager ask for two discounts beyond authority,
and grabs the lead's Approvals screen (approvals-zh.png) and the status bar's sync corner in
each state it really reaches: not connected, synced, offline (the server stopped), revoked
(the device revoked on the server), plus syncing with the progress bar
(status-*-zh.png).
"""

from __future__ import annotations

import argparse
import os
import sys
import tempfile
from datetime import date
from functools import partial
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))


def one_line(percent: str, product: str = "MOB-58", quantity: int = 10) -> dict[str, object]:
    return {"customer": {"industry": "banking"},
            "lines": [{"product": product, "quantity": quantity, "term_months": 12,
                       "manual_discount_percent": percent}]}


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--lang", default="zh_CN")
    parser.add_argument("--out", default=str(Path(__file__).resolve().parent / "screenshots"))
    args = parser.parse_args()
    out = Path(args.out)
    out.mkdir(parents=True, exist_ok=True)
    home = Path(tempfile.mkdtemp(prefix="wb-sync-shots-"))
    os.environ["WORKBENCH_HOME"] = str(home)
    os.environ["WORKBENCH_NO_KEYRING"] = "1"
    suffix = "zh" if args.lang.startswith("zh") else "en"

    from PySide6.QtCore import QSettings
    from PySide6.QtWidgets import QWidget
    from screenshot_wait import until as shared_until
    from screenshot_wait import wait

    until = partial(shared_until, timeout_s=60)

    from benchmarks.sync_setup import Served
    from workbench.server.admin import add_user, init_db, list_devices, revoke_device
    from workbench.services import customers, offers, team_sync
    from workbench.services.users import user_context
    from workbench.store.engine import open_store
    from workbench.sync.client import ServerClient
    from workbench.sync.engine import enrol, sync_once
    from workbench.sync.tokens import load_token
    from workbench.ui import i18n
    from workbench.ui.app import create_app
    from workbench.ui.fonts import apply_app_font, register_fonts
    from workbench.ui.main_window import MainWindow
    from workbench.ui.settings import Settings
    from workbench.ui.sync.controller import SYNCING

    db_url = f"sqlite:///{home / 'server.sqlite'}"
    init_db(db_url)
    server = Served(db_url, home / "serve.log", workers=1)
    try:
        _, manager_code = add_user(db_url, name="王经理", role="manager", team="西湖")
        _, lead_code = add_user(db_url, name="赵主管", role="team_lead", team="西湖")
        manager = open_store(home / "wang.sqlite")
        enrol(manager, url=server.url, code=manager_code, device_name="王经理的笔记本",
              client=ServerClient(server.url))
        ctx = user_context(manager)
        today = date.today()
        for name, percent, product in (("某市商业银行西湖支行", "22", "MOB-58"),
                                       ("西湖区人民医院", "24", "MOB-58"),
                                       ("杭州市第十四中学", "30", "MOB-58")):
            c = customers.create_customer(ctx, values={"name": name, "industry_code": "banking"})
            offers.create_offer(ctx, customer_id=c.id, title=f"{name}综合方案", offer=one_line(percent, product),
                                today=today)
        with ServerClient(server.url, load_token(manager.device_id)) as client:
            sync_once(manager, client)
        manager.close()

        app = create_app()
        register_fonts()
        apply_app_font(app)
        i18n.install(args.lang)
        settings = Settings(QSettings(str(home / "settings.ini"), QSettings.Format.IniFormat))
        window = MainWindow(settings)
        window.resize(1280, 800)
        window.show()

        def shot(name: str, widget: QWidget | None = None) -> None:
            wait(400)
            (widget or window).grab().save(str(out / f"{name}-{suffix}.png"))
            print(out / f"{name}-{suffix}.png")

        window.open_store(home / "zhao.sqlite")
        until(lambda: window.env is not None and window.sync.controller.status is not None)
        bar = window.statusBar()
        shot("status-unenrolled", bar)
        team_sync.enrol_device(window.env.ctx, url=server.url, code=lead_code, device_name="赵主管的笔记本")
        synced: list[object] = []
        window.sync.controller.synced.connect(synced.append)
        window.sync.enrolled()
        until(lambda: bool(synced))
        until(lambda: window.sync.controller.status is not None and window.sync.controller.status.enrolled)
        page = window.show_page("approvals")
        until(lambda: page is not None and page.table.rowCount() == 3)  # type: ignore[attr-defined]
        page.table.setCurrentCell(0, 0)  # type: ignore[union-attr]
        shot("approvals")
        shot("status-idle", bar)
        controller = window.sync.controller
        controller._set_state(SYNCING)  # the corner as it is during a long initial sync
        controller.progressed.emit(41_250, 334_021, 38.0)
        shot("status-syncing", bar)
        controller._set_state("idle")
        server.kill()
        controller.sync_now()
        until(lambda: controller.state == "offline")
        shot("status-offline", bar)
        server.start()
        device = next(d for d in list_devices(db_url) if d["name"] == "赵主管的笔记本")
        revoke_device(db_url, device["id"])
        controller.sync_now()
        until(lambda: controller.state == "revoked")
        shot("status-revoked", bar)
        window.close()
    finally:
        server.close()
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
