"""Screenshots on small laptop screens: docs/screenshots/small-<W>x<H>-<lang>[-<what>].png

    python docs/make_small_screenshots.py [--sizes 1366x768,1024x600] [--langs zh,en]

Each size and language runs in its own process on an offscreen screen of exactly that size
(Qt's offscreen platform takes its screens from a JSON file: ``offscreen:configfile=``). The
window opens as on a first start there (no remembered geometry). Every picture is the whole
screen: grey where nothing is, the main window where it opened, and a dialog over it where it
opened, so what would fall off the screen is missing from the picture too. Pictures: the
customer list with a customer (``small-…-zh.png``), the visit dialog (``-visit``), the offer
builder on an offer (``-offer``), the import dialog (``-import``), the proposal preview
(``-proposal``).
"""

from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
import tempfile
from functools import partial
from pathlib import Path

LANGS = {"zh": "zh_CN", "en": "en"}


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--sizes", default="1366x768,1024x600")
    parser.add_argument("--langs", default="zh,en")
    parser.add_argument("--out", default=str(Path(__file__).resolve().parent / "screenshots"))
    parser.add_argument("--customers", type=int, default=600)
    parser.add_argument("--one", help=argparse.SUPPRESS)  # WxH:lang, the child process
    args = parser.parse_args()
    out = Path(args.out)
    out.mkdir(parents=True, exist_ok=True)
    if args.one:
        size, _, lang = args.one.partition(":")
        return shoot(size, lang, out, args.customers)
    for size in args.sizes.split(","):
        width, height = (int(n) for n in size.split("x"))
        config = Path(tempfile.mkdtemp(prefix="wb-screen-")) / "screen.json"
        config.write_text(json.dumps({"screens": [{"name": f"laptop-{size}", "x": 0, "y": 0, "width": width,
                                                   "height": height, "logicalDpi": 96, "dpr": 1}]}))
        env = {**os.environ, "QT_QPA_PLATFORM": f"offscreen:configfile={config}",
               "WORKBENCH_HOME": tempfile.mkdtemp(prefix="wb-small-")}
        for lang in args.langs.split(","):
            subprocess.run([sys.executable, __file__, "--out", str(out), "--customers", str(args.customers),
                            "--one", f"{size}:{lang}"], env=env, check=True)
    return 0


def shoot(size: str, lang: str, out: Path, customers: int) -> int:
    from PySide6.QtCore import QSettings
    from PySide6.QtGui import QColor, QPainter, QPixmap
    from PySide6.QtWidgets import QApplication, QWidget
    from screenshot_wait import until as shared_until
    from screenshot_wait import wait

    until = partial(shared_until, timeout_s=180)

    from workbench.ui import i18n
    from workbench.ui.app import create_app
    from workbench.ui.fonts import apply_app_font, register_fonts
    from workbench.ui.main_window import MainWindow
    from workbench.ui.settings import Settings

    home = Path(os.environ["WORKBENCH_HOME"])
    app = create_app()
    register_fonts()
    apply_app_font(app)
    i18n.install(LANGS[lang])
    (home / f"settings-{lang}.ini").unlink(missing_ok=True)  # a first start: no remembered geometry
    settings = Settings(QSettings(str(home / f"settings-{lang}.ini"), QSettings.Format.IniFormat))
    window = MainWindow(settings)
    window.show()

    window.open_store(home / "demo.sqlite", demo=True, demo_customers=customers)
    until(lambda: window.env is not None)
    runner = window.runner
    until(lambda: not runner.busy)
    screen = app.primaryScreen().geometry()

    def shot(what: str, *over: QWidget) -> None:
        until(lambda: not runner.busy)
        wait(400)
        picture = QPixmap(screen.size())
        picture.fill(QColor("#9aa0a6"))
        painter = QPainter(picture)
        for widget in (window, *over):
            painter.drawPixmap(widget.geometry().topLeft() - screen.topLeft(), widget.grab())
        painter.end()
        name = out / f"small-{size}-{lang}{'-' + what if what else ''}.png"
        picture.save(str(name))
        print(name, "window", window.geometry().getRect(), *(w.geometry().getRect() for w in over))

    from workbench.services.demo_offers import demo_customer_id, demo_offer

    ctx, today = window.env.ctx, window.env.today()
    bank = demo_customer_id(ctx)
    offer_id = demo_offer(ctx, today=today)
    customers_page = window.show_page("customers")
    assert customers_page is not None
    customers_page.search.setText("zgyh")  # type: ignore[attr-defined]
    until(lambda: customers_page.model.rowCount() > 0)  # type: ignore[attr-defined]
    window.open_customer(bank)
    wait(800)
    shot("")

    dialog = customers_page.open_visit(bank)  # type: ignore[attr-defined]
    shot("visit", dialog)
    dialog.done(0)

    from workbench.services.customers import get_customer
    from workbench.ui.offers.dialog import OfferDialog

    offer = OfferDialog(window.env, get_customer(ctx, customer_id=bank), offer_id=offer_id, parent=window)
    offer.show()
    shot("offer", offer)
    offer.done(0)

    from workbench.ui.importing.dialog import ImportDialog

    importer = ImportDialog(window.env, window)
    importer.show()
    shot("import", importer)
    importer.done(0)

    detail = customers_page.detail  # type: ignore[attr-defined]
    detail.tabs.setCurrentWidget(detail.offers)
    until(lambda: detail.offers.table.rowCount() > 0)
    detail.offers.table.selectRow(0)
    detail.offers.show_proposal()
    until(lambda: detail.offers.proposal_shown is not None and detail.offers.proposal_shown.isVisible())
    preview = detail.offers.proposal_shown
    wait(1200)
    shot("proposal", preview)
    preview.close()
    window.close()
    QApplication.quit()
    return 0


if __name__ == "__main__":
    sys.exit(main())
