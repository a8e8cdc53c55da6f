"""Run by test_small_screens.py in a process whose offscreen screen is a small laptop's:
opens the main window, the customer list, the visit dialog, the offer builder and the import
dialog, and prints one JSON line of what it measured."""

from __future__ import annotations

import json
import sys
import time
from pathlib import Path

from PySide6.QtCore import QRect, QSettings
from PySide6.QtWidgets import QAbstractButton, QAbstractScrollArea, QComboBox, QWidget

from workbench.ui import i18n
from workbench.ui.app import create_app
from workbench.ui.fonts import apply_app_font, register_fonts
from workbench.ui.main_window import MainWindow
from workbench.ui.settings import Settings


def _scrolls(button: QWidget, top: QWidget) -> bool:
    parent = button.parentWidget()
    while parent is not None and parent is not top:
        if isinstance(parent, QAbstractScrollArea):
            return True
        parent = parent.parentWidget()
    return False


def main(home: str, lang: str, saved: str) -> None:
    app = create_app()
    register_fonts()
    apply_app_font(app)
    i18n.install(lang)
    settings = Settings(QSettings(str(Path(home) / "settings.ini"), QSettings.Format.IniFormat))
    if saved:  # a geometry remembered on another, bigger screen
        settings.set_blob("geometry/main_window", __import__("PySide6.QtCore").QtCore.QByteArray.fromHex(saved.encode()))
    w = MainWindow(settings)
    w.show()

    def spin(cond: object, limit: float = 120) -> None:
        start = time.time()
        while not cond():  # type: ignore[operator]
            app.processEvents()
            time.sleep(0.01)
            assert time.time() - start < limit
        for _ in range(20):
            app.processEvents()

    w.open_store(Path(home) / "demo.sqlite", demo=True, demo_customers=120)
    spin(lambda: w.env is not None and not w.runner.busy)
    screen = app.primaryScreen().availableGeometry()
    out: dict[str, object] = {"screen": screen.getRect()}

    def inside(widget: QWidget) -> dict[str, object]:
        outer = widget.frameGeometry()
        # a button in a scroll area is reached by scrolling: the others must be on the screen
        buttons = [b for b in widget.findChildren(QAbstractButton) if b.isVisibleTo(widget) and b.text()
                   and not _scrolls(b, widget)]
        off = [b.text() for b in buttons
               if not screen.contains(QRect(b.mapToGlobal(b.rect().topLeft()), b.size()))]
        return {"rect": outer.getRect(), "inside": screen.contains(outer), "buttons_off": off}

    from workbench.services.customers import get_customer
    from workbench.services.demo_offers import demo_customer_id, demo_offer

    ctx = w.env.ctx
    bank = demo_customer_id(ctx)
    offer_id = demo_offer(ctx, today=w.env.today())
    page = w.show_page("customers")
    w.open_customer(bank)
    spin(lambda: not w.runner.busy)
    out["main"] = inside(w)
    out["combos"] = [(c.currentText(), c.width(), c.sizeHint().width())
                     for c in page.findChildren(QComboBox) if c.objectName().endswith("_filter")]
    out["split"] = page.splitter.sizes()
    visit = page.open_visit(bank)
    spin(lambda: True)
    out["visit"] = inside(visit)
    visit.done(0)
    from workbench.ui.offers.dialog import OfferDialog

    offer = OfferDialog(w.env, get_customer(ctx, customer_id=bank), offer_id=offer_id, parent=w)
    offer.show()
    spin(lambda: True)
    out["offer"] = inside(offer)
    summary = offer.builder.summary
    out["totals"] = [(v.text(), v.height(), v.sizeHint().height(), v.width(), v.sizeHint().width())
                     for v in summary.values.values()]
    offer.done(0)
    from workbench.ui.importing.dialog import ImportDialog

    importer = ImportDialog(w.env, w)
    importer.show()
    spin(lambda: True)
    out["import"] = inside(importer)
    importer.done(0)
    print(json.dumps(out))
    w.close()


if __name__ == "__main__":
    main(sys.argv[1], sys.argv[2], sys.argv[3] if len(sys.argv) > 3 else "")
