"""Render the main views on a demo store to docs/screenshots/*.png (offscreen Qt).

    python docs/make_screenshots.py [--lang zh_CN|en] [--out docs/screenshots]

Builds a 2,000-customer demo store in a temporary home, opens the real main window at
1280x800 with the bundled font, and grabs: Today, Customers (a pinyin search), a customer
page with its buying centre, the visit dialog, the offer builder, an approved offer on the
Offers tab, its proposal preview and the proposal's pages (pdftoppm), and the pipeline board.
"""

from __future__ import annotations

import argparse
import os
import sys
import tempfile
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--lang", default="zh_CN")
    parser.add_argument("--out", default=str(Path(__file__).resolve().parent / "screenshots"))
    parser.add_argument("--customers", type=int, default=2000)
    args = parser.parse_args()
    out = Path(args.out)
    out.mkdir(parents=True, exist_ok=True)
    home = tempfile.mkdtemp(prefix="wb-shots-")
    os.environ["WORKBENCH_HOME"] = home

    from PySide6.QtCore import QSettings
    from PySide6.QtWidgets import QApplication
    from screenshot_wait import until, wait

    from workbench.ui import i18n
    from workbench.ui.app import create_app
    from workbench.ui.fonts import apply_app_font, register_fonts
    from workbench.ui.main_window import MainWindow
    from workbench.ui.settings import Settings

    app = create_app()
    register_fonts()
    apply_app_font(app)
    i18n.install(args.lang)
    settings = Settings(QSettings(str(Path(home) / "settings.ini"), QSettings.Format.IniFormat))
    window = MainWindow(settings)
    window.resize(1280, 800)
    window.show()

    window.open_store(Path(home) / "demo.sqlite", demo=True, demo_customers=args.customers)
    until(lambda: window.env is not None)
    runner = window.runner
    until(lambda: not runner.busy)
    wait(500)

    def shot(name: str, widget=None) -> None:  # noqa: ANN001
        until(lambda: not runner.busy)
        wait(300)
        (widget or window).grab().save(str(out / f"{name}.png"))
        print(out / f"{name}.png")

    window.show_page("today")
    shot("today")

    customers = window.show_page("customers")
    assert customers is not None
    customers.search.setText("zgyh")  # type: ignore[attr-defined]
    wait(400)
    until(lambda: customers.model.rowCount() > 0)  # type: ignore[attr-defined]
    customers.table.selectRow(0)  # type: ignore[attr-defined]
    wait(500)
    shot("customers")

    detail = customers.detail  # type: ignore[attr-defined]
    model = customers.model  # type: ignore[attr-defined]
    from workbench.services.contacts import list_contacts

    best = max(range(min(model.rowCount(), 40)),
               key=lambda r: len(list_contacts(window.env.ctx, customer_id=model.row_at(r).id)))
    customers.table.selectRow(best)  # type: ignore[attr-defined]
    wait(500)
    detail.tabs.setCurrentIndex(1)
    shot("customer_buying_centre")
    detail.tabs.setCurrentIndex(2)
    shot("customer_timeline")
    detail.tabs.setCurrentIndex(0)
    shot("customer_profile")

    dialog = customers.open_visit(detail.current_customer_id)  # type: ignore[attr-defined]
    wait(500)
    shot("visit_dialog", dialog)
    dialog.done(0)

    import json

    from workbench.pricing import load_catalogue, load_policy
    from workbench.services.customers import get_customer
    from workbench.ui.offers.builder import OfferBuilder

    example = json.loads((Path(__file__).resolve().parent / "examples" / "bank-branch-bundle.json").read_text())
    builder = OfferBuilder(window.env, customer=get_customer(window.env.ctx, customer_id=detail.current_customer_id),
                           catalogue=load_catalogue(), policy=load_policy(), today=window.env.today(), offer=example)
    builder.resize(1440, 900)
    builder.show()
    wait(500)
    shot("offer_builder", builder)
    builder.close()

    # offers and the proposal: the demo offer on the demo banking customer; its Offers tab,
    # the preview, and the PDF's pages
    import subprocess

    from workbench.services.demo_offers import demo_customer_id, demo_offer

    ctx, today = window.env.ctx, window.env.today()
    bank = demo_customer_id(ctx)
    demo_offer(ctx, today=today)  # beyond the manager's authority, approved by the team lead
    window.open_customer(bank)
    wait(800)
    detail.tabs.setCurrentWidget(detail.offers)
    until(lambda: detail.offers.table.rowCount() > 0)
    detail.offers.table.selectRow(0)
    wait(300)
    shot("customer_offers")
    detail.offers.show_proposal()
    until(lambda: detail.offers.proposal_shown is not None and detail.offers.proposal_shown.isVisible())
    preview = detail.offers.proposal_shown
    preview.resize(1000, 800)
    wait(1200)
    shot("proposal_preview", preview)
    pdf = Path(home) / "proposal.pdf"
    pdf.write_bytes(preview.pdf)
    preview.close()
    subprocess.run(["pdftoppm", "-r", "80", "-png", str(pdf), str(out / "proposal_page")], check=True)
    print(*sorted(out.glob("proposal_page*.png")), sep="\n")

    window.show_page("pipeline")
    wait(800)
    shot("pipeline")
    window.close()
    QApplication.quit()
    return 0


if __name__ == "__main__":
    sys.exit(main())
