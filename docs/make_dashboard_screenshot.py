"""Render the Dashboard screen to docs/screenshots/dashboard-zh.png (offscreen Qt, 1366x768).

    python docs/make_dashboard_screenshot.py [--lang zh_CN|en] [--out FILE.png]

Builds a 2,000-customer demo store in a temporary home, gives 40 of the user's customers an
offer each (priced by the engine; drafts, sent, won and lost), opens the real main window
with the bundled font on the Dashboard page at the demo's day and grabs it.
"""

from __future__ import annotations

import argparse
import os
import sqlite3
import tempfile
from datetime import date
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

DEMO_DAY = date(2026, 11, 24)  # the demo generator's "today"


def add_offers(path: Path) -> None:
    from workbench.services import offers
    from workbench.services.users import user_context
    from workbench.store.engine import open_store

    store = open_store(path)
    ctx = user_context(store)
    con = sqlite3.connect(path)
    ids = [r[0] for r in con.execute(
        "SELECT id FROM customers WHERE owner_id = ? AND stage_code IN ('approach', 'build', 'deepen', 'fill',"
        " 'leverage') ORDER BY num LIMIT 40", (ctx.user_id,))]
    con.close()
    for i, cid in enumerate(ids):
        doc = {"customer": {"industry": "banking"}, "lines": [
            {"product": "MOB-58", "quantity": 10 + 7 * i, "term_months": 24, "manual_discount_percent": "0"}]}
        info = offers.create_offer(ctx, customer_id=cid, title="综合通信方案", offer=doc, today=DEMO_DAY)
        if i % 5:
            offers.mark_sent(ctx, offer_id=info.id)
        if i % 5 == 2:
            offers.mark_won(ctx, offer_id=info.id)
        elif i % 5 == 3 and i % 2:
            offers.mark_lost(ctx, offer_id=info.id)
    store.close()


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--lang", default="zh_CN")
    parser.add_argument("--out", default=str(Path(__file__).resolve().parent / "screenshots" / "dashboard-zh.png"))
    args = parser.parse_args()
    home = Path(tempfile.mkdtemp(prefix="wb-dash-"))
    os.environ["WORKBENCH_HOME"] = str(home)

    from PySide6.QtCore import QSettings
    from screenshot_wait import wait

    from workbench.services.demo import build_demo_store
    from workbench.ui import i18n
    from workbench.ui.app import create_app
    from workbench.ui.fonts import apply_app_font, register_fonts
    from workbench.ui.main_window import MainWindow
    from workbench.ui.settings import Settings

    path = home / "demo.sqlite"
    build_demo_store(path, customers=2000)
    add_offers(path)
    app = create_app()
    register_fonts()
    apply_app_font(app)
    i18n.install(args.lang)
    settings = Settings(QSettings(str(home / "settings.ini"), QSettings.Format.IniFormat))
    window = MainWindow(settings)
    window.resize(1366, 768)
    window.show()

    window.open_store(path)
    while window.env is None or window.runner.busy:
        wait(100)
    window.env.today = lambda: DEMO_DAY
    page = window.show_page("dashboard")
    page.refresh()  # type: ignore[union-attr]
    wait(200)
    while window.runner.busy:
        wait(100)
    wait(300)
    window.grab().save(args.out)
    print(args.out)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
