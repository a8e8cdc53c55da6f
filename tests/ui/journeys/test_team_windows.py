"""Three real main windows (two managers and their team lead) against a real
`workbench-server serve` process on loopback, synced with F9's action as a user would:

- the approval journey: a manager's offer beyond their authority waits on the lead's
  Approvals screen, the lead approves it there with a comment, the manager's laptop announces
  the decision in the status bar, its Offers tab shows it approved, and the proposal then
  prints the approval (parsed back from the PDF);
- the conflict journey: two managers edit one shared customer offline; different fields merge
  silently, the same field shows one conflict on both laptops and the lead's; the lead
  settles it on their Conflicts screen and it clears everywhere, with one value on all three.
"""

from __future__ import annotations

import subprocess
from collections.abc import Callable
from datetime import date
from pathlib import Path

import pytest
from PySide6.QtWidgets import QDialogButtonBox
from pytestqt.qtbot import QtBot

from tests.sync.conftest import make_team  # noqa: F401 - the fixture, shared with the sync tests
from tests.sync.team import Team
from workbench.services import customers, offers, proposals, team_sync
from workbench.ui.env import apply
from workbench.ui.main_window import MainWindow
from workbench.ui.settings import Settings

TODAY = date(2026, 12, 1)
pytestmark = pytest.mark.filterwarnings("ignore::DeprecationWarning")


def one_line(percent: str) -> dict[str, object]:
    return {"customer": {"industry": "banking"},
            "lines": [{"product": "MOB-58", "quantity": 10, "term_months": 12, "manual_discount_percent": percent}]}


def laptop_window(qtbot: QtBot, settings: Settings, path: Path, team: Team, code: str) -> MainWindow:
    w = MainWindow(settings)
    qtbot.addWidget(w)
    w.show()
    with qtbot.waitSignal(w.store_opened, timeout=30_000):
        w.open_store(path)
    qtbot.waitUntil(lambda: w.sync.controller.status is not None, timeout=10_000)
    team_sync.enrol_device(w.env.ctx, url=team.url, code=code)
    with qtbot.waitSignal(w.sync.controller.synced, timeout=30_000):
        w.sync.enrolled()
    return w


def sync(qtbot: QtBot, w: MainWindow) -> team_sync.SyncResult:
    assert w.sync.act_sync.shortcut().toString() == "F9"  # offscreen: no active window for keys
    with qtbot.waitSignal(w.sync.controller.synced, timeout=60_000) as got:
        w.sync.act_sync.trigger()
    result: team_sync.SyncResult = got.args[0]
    assert result.refused == 0
    return result


@pytest.fixture
def team(make_team: Callable[..., Team], pg_db_url: str) -> Team:  # noqa: F811
    """The team's server as it runs at the operator: a real server process with two workers
    on loopback over its own PostgreSQL database."""
    return make_team(pg_db_url, workers=2)


def test_a_discount_asked_at_the_client_is_approved_on_the_leads_laptop(
        qtbot: QtBot, settings: Settings, tmp_path: Path, team: Team) -> None:
    manager = laptop_window(qtbot, settings, tmp_path / "wang.sqlite", team, team.user("王经理"))
    lead = laptop_window(qtbot, settings, tmp_path / "zhao.sqlite", team, team.user("赵主管", role="team_lead"))
    assert lead.env.ctx.user_name == "赵主管"  # the window acts as the enrolled user
    assert "赵主管" in lead.status_label.text()

    # at the client's site: an offer beyond the manager's 20 %
    bank = apply(manager.env, lambda: customers.create_customer(
        manager.env.ctx, values={"name": "某市商业银行西湖支行", "industry_code": "banking"}))
    asked = apply(manager.env, lambda: offers.create_offer(
        manager.env.ctx, customer_id=bank.id, title="西湖支行综合方案", offer=one_line("22"), today=TODAY))
    assert asked.state == "needs_approval"
    mine = manager.show_page("approvals")
    qtbot.waitUntil(lambda: len(mine.items) == 1, timeout=10_000)  # type: ignore[union-attr]
    assert not mine.approve_button.isEnabled()  # type: ignore[union-attr]
    assert "team lead" in mine.message.text()  # type: ignore[union-attr]
    sync(qtbot, manager)

    # that evening, on the lead's laptop
    sync(qtbot, lead)
    page = lead.show_page("approvals")
    assert page is not None
    qtbot.waitUntil(lambda: page.table.rowCount() == 1, timeout=10_000)  # type: ignore[attr-defined]
    keys = [k for k, _ in __import__("workbench.ui.main_window", fromlist=["PAGES"]).PAGES]
    assert lead.nav.item(keys.index("approvals")).text().endswith("(1)")
    assert page.table.item(0, 0).text() == asked.number  # type: ignore[attr-defined]
    assert page.table.item(0, 1).text() == "某市商业银行西湖支行"  # type: ignore[attr-defined]
    assert page.table.item(0, 2).text() == "王经理"  # type: ignore[attr-defined]
    assert "22.00%" in page.verdict.text() and "20.00%" in page.verdict.text()  # type: ignore[attr-defined]
    assert page.rule.text().strip() != "Rule:"  # type: ignore[attr-defined]
    page.approve_button.click()  # type: ignore[attr-defined]
    dialog = page.dialog  # type: ignore[attr-defined]
    assert dialog is not None and dialog.isVisible()
    dialog.comment.insertPlainText("同意，重点客户")  # typed through the input method
    dialog.buttons.button(QDialogButtonBox.StandardButton.Ok).click()
    qtbot.waitUntil(lambda: page.table.rowCount() == 0, timeout=10_000)  # type: ignore[attr-defined]
    assert asked.number in page.message.text()  # type: ignore[attr-defined]
    sync(qtbot, lead)

    # the next morning: the manager's laptop learns it
    customers_page = manager.show_page("customers")
    detail = customers_page.detail  # type: ignore[union-attr]
    tab = detail.offers
    with qtbot.waitSignal(tab.loaded, timeout=10_000):
        manager.open_customer(bank.id)
    detail.tabs.setCurrentWidget(tab)
    with qtbot.waitSignal(tab.loaded, timeout=30_000):  # the pull's changes refresh the tab
        sync(qtbot, manager)
    qtbot.waitUntil(lambda: asked.number in manager.statusBar().currentMessage(), timeout=10_000)
    message = manager.statusBar().currentMessage()
    assert "approved by 赵主管" in message and "同意，重点客户" in message
    assert tab.row_texts(0)[0] == asked.number and tab.row_texts(0)[3].lower() == "approved"
    qtbot.waitUntil(lambda: len(mine.items) == 0, timeout=10_000)  # type: ignore[union-attr]

    record = proposals.produce_proposal(manager.env.ctx, offer_id=asked.id, today=TODAY)
    pdf = tmp_path / "proposal.pdf"
    pdf.write_bytes(record.pdf)
    text = subprocess.run(["pdftotext", "-layout", str(pdf), "-"], capture_output=True, text=True,
                          check=True).stdout
    assert "赵主管" in text and "审批通过" in text and "尚未审批" not in text
    apply(manager.env, lambda: offers.mark_sent(manager.env.ctx, offer_id=asked.id))
    sync(qtbot, manager)  # the server takes it: approved by the lead, so it may go to the client


def test_one_shared_customer_edited_on_two_laptops_offline(
        qtbot: QtBot, settings: Settings, tmp_path: Path, team: Team) -> None:
    a = laptop_window(qtbot, settings, tmp_path / "wang.sqlite", team, team.user("王经理"))
    b = laptop_window(qtbot, settings, tmp_path / "li.sqlite", team, team.user("李经理"))
    lead = laptop_window(qtbot, settings, tmp_path / "zhao.sqlite", team, team.user("赵主管", role="team_lead"))
    shared = apply(a.env, lambda: customers.create_customer(
        a.env.ctx, values={"name": "西湖区人民医院", "industry_code": "healthcare", "shared": True}))
    sync(qtbot, a)
    sync(qtbot, b)

    # offline, both
    apply(a.env, lambda: customers.update_customer(a.env.ctx, customer_id=shared.id,
                                                   changes={"address": "杭州市西湖区曙光路1号", "notes": "院长关注远程会诊"}))
    apply(b.env, lambda: customers.update_customer(b.env.ctx, customer_id=shared.id,
                                                   changes={"mobile_lines": 320, "notes": "信息科主任换人"}))
    sync(qtbot, a)
    assert sync(qtbot, b).conflicts == 1  # the same field: one conflict, the rest merged
    sync(qtbot, a)
    sync(qtbot, lead)

    views = {w: w.show_page("conflicts") for w in (a, b, lead)}
    for w, view in views.items():
        qtbot.waitUntil(lambda v=view: v.model.rowCount() == 1, timeout=10_000)  # type: ignore[union-attr]
        c = customers.get_customer(w.env.ctx, customer_id=shared.id)
        assert (c.address, c.mobile_lines) == ("杭州市西湖区曙光路1号", 320)  # merged silently
        assert view.count.text().startswith("1")  # type: ignore[union-attr]
        # the status is read in the background after each sync: wait for the newest reading
        qtbot.waitUntil(lambda w=w: w.sync.controller.status is not None
                        and w.sync.controller.status.open_conflicts == 1, timeout=10_000)
        assert "1 conflicts" in w.sync.status.label.text()
    line = views[lead].current_line()  # type: ignore[union-attr]
    assert line is not None and line.field == "notes"

    assert views[lead].choose("other")  # type: ignore[union-attr]  # the lead takes the other value
    qtbot.waitUntil(lambda: views[lead].model.rowCount() == 0, timeout=10_000)  # type: ignore[union-attr]
    sync(qtbot, lead)
    for w in (a, b):
        sync(qtbot, w)
        qtbot.waitUntil(lambda v=views[w]: v.model.rowCount() == 0, timeout=10_000)  # type: ignore[union-attr]
    notes = {customers.get_customer(w.env.ctx, customer_id=shared.id).notes for w in (a, b, lead)}
    assert len(notes) == 1 and notes <= {"院长关注远程会诊", "信息科主任换人"}
    assert line.other.value in notes


def test_new_price_books_from_hq_are_announced_and_a_tampered_one_refused_loudly(
        qtbot: QtBot, settings: Settings, tmp_path: Path, team: Team) -> None:
    import sqlite3

    from tests.services.test_publish_price_book import shipped
    from workbench.services import catalogue
    from workbench.services.price_book_news import arrivals
    from workbench.ui.offers.dialog import OfferDialog

    manager = laptop_window(qtbot, settings, tmp_path / "wang.sqlite", team, team.user("王经理"))
    bank = apply(manager.env, lambda: customers.create_customer(
        manager.env.ctx, values={"name": "某市商业银行西湖支行", "industry_code": "banking"}))
    today = manager.env.today()
    draft = apply(manager.env, lambda: offers.create_offer(
        manager.env.ctx, customer_id=bank.id, title="方案", offer=one_line("5"), today=today))
    hq = team.laptop("总部定价", role="hq", team="总部")
    body = shipped("catalogue") | {"version": "2099.1"}
    next(p for p in body["products"] if p["code"] == "MOB-58")["list_price"] = "66.00"
    catalogue.publish_price_book(hq.ctx, kind="catalogue", body=body, valid_from=today)
    hq.sync()

    result = sync(qtbot, manager)
    qtbot.waitUntil(lambda: "2099.1" in manager.statusBar().currentMessage(), timeout=10_000)
    message = manager.statusBar().currentMessage()
    assert "New price books from HQ" in message and "1 open offers" in message
    assert manager.sync.refused_box is None  # nothing to refuse
    catalogue.clear_cache()
    dialog = OfferDialog(manager.env, customers.get_customer(manager.env.ctx, customer_id=bank.id), offer_id=draft.id)
    qtbot.addWidget(dialog)
    note = dialog.version_label.text()
    assert "2099.1" in note and "re-priced now" in note  # what changes if it is saved

    # a copy that no longer verifies (edited on the laptop): refused, loudly, never priced with
    con = sqlite3.connect(manager.env.ctx.store.path)
    con.execute("UPDATE price_books SET body = replace(body, '66.00', '60.00') WHERE book_version = '2099.1'")
    con.commit()
    con.close()
    catalogue.clear_cache()
    news = arrivals(manager.env.ctx, result.changes.rows["price_books"], today=today)
    assert news is not None and [b.verified for b in news.books] == [False]
    assert news.in_force[0] != "2099.1"  # the last verified catalogue stays in force
    manager.sync._books_arrived(news)
    box = manager.sync.refused_box
    assert box is not None and box.isVisible() and "signature" in box.text()
    assert "Refused" in manager.statusBar().currentMessage()
