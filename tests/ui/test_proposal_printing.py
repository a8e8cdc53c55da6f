"""Printing the proposal is saving it: Print to File (PDF) writes the proposal's own pages
(fonts embedded, text kept), and a real printer's page images are said to be images
(issue 13, item 12). Real PDFs, parsed back with pypdf and poppler."""

from __future__ import annotations

import io
import subprocess
from pathlib import Path

import pypdf
import pytest
from PySide6.QtPrintSupport import QPrinter

from tests.proposals.pdftext import flat, pdf_text
from workbench.proposals.render import render_proposal
from workbench.proposals.sample import sample_content
from workbench.ui.proposals import preview as preview_module
from workbench.ui.proposals.preview import ProposalPreview


@pytest.fixture(scope="module")
def proposal_pdf() -> bytes:
    return render_proposal(sample_content(40)).pdf  # long enough for several pages


def open_preview(qtbot, env, pdf: bytes) -> ProposalPreview:  # noqa: ANN001
    dlg = ProposalPreview(env, pdf, title="FA-20261124-0001", suggested_name="FA-20261124-0001.pdf")
    qtbot.addWidget(dlg)
    dlg.show()
    qtbot.waitExposed(dlg)
    assert dlg.view is not None
    qtbot.waitUntil(dlg.view.idle, timeout=10_000)
    return dlg


def file_printer(path: Path) -> QPrinter:
    """The printer the print dialog hands back for "Print to File (PDF)"."""
    printer = QPrinter(QPrinter.PrinterMode.HighResolution)
    printer.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
    printer.setOutputFileName(str(path))
    return printer


def fonts(path: Path) -> str:
    return subprocess.run(["pdffonts", str(path)], check=True, capture_output=True, text=True).stdout


def test_print_to_file_writes_the_saved_document(qtbot, ui_env, proposal_pdf: bytes, tmp_path: Path,
                                                 monkeypatch: pytest.MonkeyPatch) -> None:
    dlg = open_preview(qtbot, ui_env, proposal_pdf)
    printed, saved = tmp_path / "printed.pdf", tmp_path / "saved.pdf"
    monkeypatch.setattr(dlg, "_ask_printer", lambda: file_printer(printed))
    with qtbot.waitSignal(dlg.printed, timeout=20_000) as sig:
        dlg.print_button.click()
    assert "text and fonts kept" in dlg.status.text() and str(printed) in dlg.status.text()
    monkeypatch.setattr(dlg, "_ask_save_path", lambda: saved)
    dlg.save_button.click()
    assert printed.read_bytes() == saved.read_bytes() == proposal_pdf  # print equals save
    assert sig.args == [dlg.page_total]
    assert "WorkbenchSansSC" in fonts(printed) and "方案建议书" in flat(pdf_text(printed))
    assert dlg.print_button.isEnabled()


def test_print_to_file_of_a_page_range_keeps_those_pages_as_they_are(
        qtbot, ui_env, proposal_pdf: bytes, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    dlg = open_preview(qtbot, ui_env, proposal_pdf)
    assert dlg.page_total >= 3
    out = tmp_path / "pages-2-3.pdf"
    printer = file_printer(out)
    printer.setPrintRange(QPrinter.PrintRange.PageRange)
    printer.setFromTo(2, 3)
    monkeypatch.setattr(dlg, "_ask_printer", lambda: printer)
    with qtbot.waitSignal(dlg.printed, timeout=20_000) as sig:
        dlg.print_button.click()
    assert sig.args == [2]
    whole = tmp_path / "whole.pdf"
    whole.write_bytes(proposal_pdf)
    assert len(pypdf.PdfReader(out).pages) == 2
    for n, original in ((1, 2), (2, 3)):
        assert flat(pdf_text(out, n)) == flat(pdf_text(whole, original))  # the very text, not a picture
    reader = pypdf.PdfReader(io.BytesIO(out.read_bytes()))
    box = reader.pages[0].mediabox
    assert (round(float(box.width)), round(float(box.height))) == (595, 842)  # the proposal's A4
    assert "WorkbenchSansSC" in fonts(out)
    assert not [p for p in tmp_path.iterdir() if p.suffix == ".tmp"]


def test_a_real_printer_gets_images_and_the_dialog_says_so(qtbot, ui_env, proposal_pdf: bytes,
                                                         monkeypatch: pytest.MonkeyPatch) -> None:
    dlg = open_preview(qtbot, ui_env, proposal_pdf)
    assert "images" in dlg.print_button.toolTip() and "Print to File (PDF)" in dlg.print_button.toolTip()
    printer = QPrinter(QPrinter.PrinterMode.HighResolution)  # a printer: no output file
    assert not printer.outputFileName()
    asked: list[tuple[int, int | None]] = []

    def to_the_printer(pdf: bytes, target: QPrinter, first: int, last: int | None, **_kw: object) -> int:
        assert target is printer and pdf == proposal_pdf  # the raster path, not the file copy
        asked.append((first, last))
        return 3

    monkeypatch.setattr(preview_module, "print_pdf", to_the_printer)  # no physical printer here
    monkeypatch.setattr(dlg, "_ask_printer", lambda: printer)
    with qtbot.waitSignal(dlg.printed, timeout=20_000):
        dlg.print_button.click()
    assert asked == [(1, None)]
    assert "as images" in dlg.status.text() and "no text layer" in dlg.status.text()
