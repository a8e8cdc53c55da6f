"""The proposal from the Offers tab: printing (or saving) an open version's proposal asks
whether it went to the client, and a yes marks the offer sent (undoable), freezing that very
proposal; a no leaves the offer as it was."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from PySide6.QtPrintSupport import QPrinter

from workbench.services import customers, offers, proposals

TODAY_OFFER = {"lines": [{"product": "MOB-58", "quantity": 30, "term_months": 24}]}


@pytest.fixture
def tab(ui_env: Any, offers_page: Any) -> Any:
    c = customers.create_customer(ui_env.ctx, values={"name": "某市人民医院", "industry_code": "healthcare"})
    offers.create_offer(ui_env.ctx, customer_id=c.id, title="员工通信方案", offer=TODAY_OFFER,
                        today=ui_env.today())
    return offers_page(c.id).offers


def preview_of(qtbot: Any, tab: Any) -> Any:
    tab.proposal_shown = None
    tab.proposal_button.click()
    qtbot.waitUntil(lambda: tab.proposal_shown is not None and tab.proposal_shown.isVisible(), timeout=20_000)
    return tab.proposal_shown


def test_printing_asks_and_a_yes_marks_the_offer_sent(qtbot: Any, ui_env: Any, tab: Any, tmp_path: Path,
                                                      monkeypatch: pytest.MonkeyPatch) -> None:
    offer = tab.current_offer()
    preview = preview_of(qtbot, tab)
    asked: list[str] = []
    monkeypatch.setattr(tab, "ask_mark_sent", lambda _parent, o: asked.append(o.number) or True)
    printer = QPrinter(QPrinter.PrinterMode.HighResolution)
    printer.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
    printer.setOutputFileName(str(tmp_path / "printed.pdf"))
    monkeypatch.setattr(preview, "_ask_printer", lambda: printer)
    with qtbot.waitSignal(tab.loaded, timeout=20_000):
        preview.print_button.click()
    assert asked == [offer.number]
    info = offers.get_offer(ui_env.ctx, offer_id=offer.id)
    assert (info.state, info.frozen) == ("sent", True)
    record = proposals.get_proposal(ui_env.ctx, offer_id=offer.id)
    assert record is not None and record.frozen and record.pdf == preview.pdf  # what was printed is kept
    assert ui_env.undo.canUndo() and "sent" in ui_env.undo.undoText()
    monkeypatch.setattr(preview, "_ask_save_path", lambda: tmp_path / "copy.pdf")
    preview.save_button.click()  # a second hand-over from the same preview does not ask again
    assert asked == [offer.number] and (tmp_path / "copy.pdf").read_bytes() == record.pdf
    preview.close()


def test_a_no_leaves_the_offer_open(qtbot: Any, ui_env: Any, tab: Any, tmp_path: Path,
                                    monkeypatch: pytest.MonkeyPatch) -> None:
    offer = tab.current_offer()
    preview = preview_of(qtbot, tab)
    monkeypatch.setattr(tab, "ask_mark_sent", lambda _parent, _o: False)
    monkeypatch.setattr(preview, "_ask_save_path", lambda: tmp_path / "draft.pdf")
    with qtbot.waitSignal(preview.saved, timeout=5000):
        preview.save_button.click()
    info = offers.get_offer(ui_env.ctx, offer_id=offer.id)
    assert (info.state, info.frozen) == ("draft", False) and not ui_env.undo.canUndo()
    preview.close()


def test_no_prompt_when_the_offer_changed_while_the_preview_was_open(qtbot: Any, ui_env: Any, tab: Any,
                                                                     tmp_path: Path,
                                                                     monkeypatch: pytest.MonkeyPatch) -> None:
    offer = tab.current_offer()
    preview = preview_of(qtbot, tab)
    offers.revise_offer(ui_env.ctx, offer_id=offer.id, today=ui_env.today(), expected_version=1,
                        offer={"lines": [{"product": "MOB-58", "quantity": 80, "term_months": 24}]})
    asked: list[str] = []
    monkeypatch.setattr(tab, "ask_mark_sent", lambda _parent, o: asked.append(o.number) or True)
    monkeypatch.setattr(preview, "_ask_save_path", lambda: tmp_path / "old.pdf")
    with qtbot.waitSignal(preview.saved, timeout=5000):
        preview.save_button.click()
    assert asked == []  # the printed sheet is no longer the offer: it must not freeze the new quote
    assert offers.get_offer(ui_env.ctx, offer_id=offer.id).state == "draft"
    preview.close()


def test_the_suggested_file_name_carries_the_sheets_date_in_the_locales_format(qtbot: Any, tab: Any) -> None:
    from PySide6.QtCore import QLocale

    QLocale.setDefault(QLocale("zh_CN"))
    try:
        preview = preview_of(qtbot, tab)
    finally:
        QLocale.setDefault(QLocale.system())
    assert preview.suggested_name.endswith(" 某市人民医院 方案建议书 2026年11月24日.pdf")  # the fixed clock's day
    preview.close()
