"""The sheet's language on the real proposal preview (opened as the Offers tab opens it): Chinese
by default even with the window in English, English on request; Save and Print hand over the
sheet shown; the PDF's CreationDate is the making moment with its offset (a fixed clock)."""

from __future__ import annotations

import io
from datetime import datetime, timedelta, timezone
from pathlib import Path
from typing import Any

import pytest
from pypdf import PdfReader
from PySide6.QtPrintSupport import QPrinter
from PySide6.QtWidgets import QWidget

from tests.proposals.pdftext import flat, pdf_text
from workbench.services import customers, offers, proposals
from workbench.ui import i18n
from workbench.ui.proposals.launch import open_proposal

MADE = datetime(2026, 11, 24, 9, 41, 7, tzinfo=timezone(timedelta(hours=8)))
LINES = {"lines": [{"product": "MOB-58", "quantity": 30, "term_months": 24},
                   {"product": "BB-1000M", "quantity": 1, "term_months": 24}]}
#: the sheet's own labels, (Chinese, English)
LABELS = (("合约期总额", "Totaloverthe"), ("方案编号", "Proposalno."), ("需求分析", "Needs"),
          ("解决方案", "Solution"), ("合作条款", "Terms"), ("第1页/共", "Page1of"), ("客户经理", "Accountmanager"),
          ("草稿", "Draft"), ("行业银行", "IndustryBanking"))


class Clock:
    """The making moment: MADE, then a minute later at each reading."""

    def __init__(self) -> None:
        self.readings: list[datetime] = []

    def __call__(self) -> datetime:
        moment = MADE + timedelta(minutes=len(self.readings))
        self.readings.append(moment)
        return moment


@pytest.fixture
def offer(ui_env: Any) -> Any:
    c = customers.create_customer(ui_env.ctx, values={"name": "招商银行深圳科技园支行", "industry_code": "banking"})
    return offers.create_offer(ui_env.ctx, customer_id=c.id, title="员工通信方案", offer=LINES, today=ui_env.today())


_PARENTS: list[QWidget] = []  # the previews' parent, alive while they are


def open_preview(qtbot: Any, ui_env: Any, offer: Any, clock: Clock) -> Any:
    parent = QWidget()
    qtbot.addWidget(parent)
    _PARENTS[:] = [parent]
    shown: list[Any] = []
    refused: list[str] = []
    open_proposal(ui_env, parent, offer_id=offer.id, on_refused=refused.append,
                  on_shown=lambda preview, _record: shown.append(preview), now=clock)
    qtbot.waitUntil(lambda: bool(shown or refused), timeout=20_000)
    assert not refused
    preview = shown[0]
    assert preview.view is not None
    qtbot.waitUntil(preview.view.idle, timeout=10_000)
    return preview


def choose(qtbot: Any, preview: Any, lang: str) -> None:
    combo = preview.language.combo
    combo.setCurrentIndex(combo.findData(lang))  # as a pick from the list does
    assert preview.switching and not preview.save_button.isEnabled()
    qtbot.waitUntil(lambda: not preview.switching, timeout=20_000)
    assert preview.view is not None
    qtbot.waitUntil(preview.view.idle, timeout=10_000)


def labels_in(text: str) -> tuple[list[str], list[str]]:
    """The sheet's Chinese labels and its English labels found in ``text`` (flattened)."""
    return [zh for zh, _ in LABELS if zh in text], [en for _, en in LABELS if en in text]


def test_chinese_by_default_with_the_window_in_english(qtbot: Any, ui_env: Any, offer: Any, tmp_path: Path,
                                                      english_after: None, monkeypatch: pytest.MonkeyPatch) -> None:
    i18n.install("en")
    preview = open_preview(qtbot, ui_env, offer, Clock())
    assert preview.lang == "zh" and preview.language.combo.currentText() == "中文"
    assert preview.language.combo.isEnabled() and preview.save_button.text() == "&Save as…"  # the window: English
    monkeypatch.setattr(preview, "_ask_save_path", lambda: tmp_path / "zh.pdf")
    preview.save_button.click()
    zh, en = labels_in(flat(pdf_text(tmp_path / "zh.pdf")))
    assert zh == [label for label, _ in LABELS] and en == []
    assert "方案建议书" in preview.suggested_name
    preview.close()


def test_english_is_saved_and_printed_as_shown(qtbot: Any, ui_env: Any, offer: Any, tmp_path: Path,
                                               english_after: None, monkeypatch: pytest.MonkeyPatch) -> None:
    i18n.install("en")
    clock = Clock()
    preview = open_preview(qtbot, ui_env, offer, clock)
    chinese = preview.pdf
    choose(qtbot, preview, "en")
    assert preview.lang == "en" and preview.pdf != chinese and preview.save_button.isEnabled()
    assert preview.status.text() == "The sheet is in English."
    assert " Proposal " in preview.suggested_name and "方案建议书" not in preview.suggested_name
    preview.grab().save(str(tmp_path / "preview-en.png"))

    monkeypatch.setattr(preview, "_ask_save_path", lambda: tmp_path / "en.pdf")
    preview.save_button.click()
    saved = (tmp_path / "en.pdf").read_bytes()
    text = flat(pdf_text(tmp_path / "en.pdf"))
    zh, en = labels_in(text)
    assert en == [label for _, label in LABELS] and zh == []
    assert "招商银行深圳科技园支行" in text and "员工通信方案" in text  # typed: as typed
    meta = PdfReader(io.BytesIO(saved)).metadata
    assert meta is not None and meta["/CreationDate"] == "D:20261124094207+08'00'"  # the second reading
    assert meta.creation_date == clock.readings[1]
    record = proposals.get_proposal(ui_env.ctx, offer_id=offer.id)
    assert record is not None and record.pdf == saved and record.content.lang == "en"

    printer = QPrinter(QPrinter.PrinterMode.HighResolution)
    printer.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
    printer.setOutputFileName(str(tmp_path / "printed.pdf"))
    monkeypatch.setattr(preview, "_ask_printer", lambda: printer)
    preview.print_button.click()
    assert labels_in(flat(pdf_text(tmp_path / "printed.pdf"))) == ([], [label for _, label in LABELS])

    choose(qtbot, preview, "zh")  # and back
    assert preview.lang == "zh" and labels_in(flat(_text_of(preview.pdf, tmp_path)))[1] == []
    preview.close()


def _text_of(pdf: bytes, tmp_path: Path) -> str:
    path = tmp_path / "shown.pdf"
    path.write_bytes(pdf)
    return pdf_text(path)


def test_the_chinese_sheets_creation_date_is_the_making_moment(qtbot: Any, ui_env: Any, offer: Any) -> None:
    preview = open_preview(qtbot, ui_env, offer, Clock())
    meta = PdfReader(io.BytesIO(preview.pdf)).metadata
    assert meta is not None and meta["/CreationDate"] == "D:20261124094107+08'00'"
    assert meta.creation_date == MADE and meta.creation_date.utcoffset() == timedelta(hours=8)
    preview.close()


def test_a_sent_sheet_keeps_its_language(qtbot: Any, ui_env: Any, offer: Any) -> None:
    preview = open_preview(qtbot, ui_env, offer, Clock())
    choose(qtbot, preview, "en")
    preview.close()
    offers.mark_sent(ui_env.ctx, offer_id=offer.id)
    again = open_preview(qtbot, ui_env, offer, Clock())
    assert again.lang == "en" and not again.language.combo.isEnabled()
    assert again.language.combo.currentText() == "English"
    again.close()
