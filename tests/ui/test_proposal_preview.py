"""The proposal preview dialog, print_pdf and save_pdf, on real PDFs (offscreen Qt)."""

from __future__ import annotations

import errno
import io
import os
from pathlib import Path

import pypdf
import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QPageLayout, QPageSize
from PySide6.QtPrintSupport import QPrinter
from PySide6.QtWidgets import QDialog

from workbench.ui.proposals import preview as preview_module
from workbench.ui.proposals import printing
from workbench.ui.proposals.pages import MARGIN, DocumentClosed, PdfPages, page_scale
from workbench.ui.proposals.preview import ProposalPreview
from workbench.ui.proposals.printing import page_range, print_pdf, save_pdf

A4 = (595.2756, 841.8898)
LANDSCAPE = (841.8898, 595.2756)


def reportlab_pdf(sizes: list[tuple[float, float]]) -> bytes:
    """A PDF with one page per size (points), each saying its number."""
    from reportlab.pdfgen import canvas

    buf = io.BytesIO()
    c = canvas.Canvas(buf)
    for n, size in enumerate(sizes, 1):
        c.setPageSize(size)
        c.setFont("Helvetica", 28)
        c.drawString(72, size[1] - 100, f"Page {n}")
        c.rect(36, 36, size[0] - 72, size[1] - 72)
        c.showPage()
    c.save()
    return buf.getvalue()


@pytest.fixture(scope="module")
def proposal_pdf() -> bytes:
    """The 8-line sample proposal from the real renderer (reportlab pages if it is not there)."""
    try:
        from workbench.proposals.render import render_proposal
        from workbench.proposals.sample import sample_content
    except ImportError:
        return reportlab_pdf([A4] * 4)
    return render_proposal(sample_content(8)).pdf


@pytest.fixture(scope="module")
def three_pages() -> bytes:
    return reportlab_pdf([A4, LANDSCAPE, A4])


def pdf_pages(data: bytes) -> int:
    return len(pypdf.PdfReader(io.BytesIO(data)).pages)


def open_preview(qtbot, env, pdf: bytes, **kw) -> ProposalPreview:  # noqa: ANN001
    kw.setdefault("title", "FA-20261124-0001")
    kw.setdefault("suggested_name", "FA-20261124-0001.pdf")
    dlg = ProposalPreview(env, pdf, **kw)
    qtbot.addWidget(dlg)
    dlg.show()
    qtbot.waitExposed(dlg)
    wait_rendered(qtbot, dlg)
    return dlg


def wait_rendered(qtbot, dlg: ProposalPreview) -> None:  # noqa: ANN001
    assert dlg.view is not None
    qtbot.waitUntil(dlg.view.idle, timeout=10_000)


def pdf_printer(path: Path) -> QPrinter:
    printer = QPrinter(QPrinter.PrinterMode.HighResolution)
    printer.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
    printer.setOutputFileName(str(path))
    return printer


# -- the dialog ------------------------------------------------------------------------------
def test_page_count_shown_is_the_pdfs(qtbot, ui_env, proposal_pdf: bytes) -> None:
    dlg = open_preview(qtbot, ui_env, proposal_pdf)
    n = pdf_pages(proposal_pdf)
    assert dlg.page_total == n
    assert dlg.page_count.text() == f"{n} pages"
    assert dlg.current_label.text() == f"Page 1 / {n}"
    assert dlg.view is not None and dlg.view.images[0].image.width() > 300  # page 1 is drawn
    assert not dlg.missing_banner.isVisible() and not dlg.frozen_label.isVisible()


def test_pages_laid_out_at_their_own_size(qtbot, ui_env, three_pages: bytes) -> None:
    dlg = open_preview(qtbot, ui_env, three_pages)
    assert dlg.view is not None
    dlg.view.set_zoom(1.0)
    rects = dlg.view.page_rects()
    sizes = [(r.width(), r.height()) for r in rects]
    for (w, h), (pw, ph) in zip(sizes, [A4, LANDSCAPE, A4], strict=True):
        assert abs(w - pw * 96 / 72) <= 1 and abs(h - ph * 96 / 72) <= 1  # 100 % = paper size at 96 dpi
    assert rects[0].bottom() < rects[1].top() < rects[1].bottom() < rects[2].top()  # stacked, with a gap


def test_zoom_renders_images_proportionally(qtbot, ui_env, three_pages: bytes) -> None:
    dlg = open_preview(qtbot, ui_env, three_pages)
    view = dlg.view
    assert view is not None
    view.set_zoom(0.5)
    wait_rendered(qtbot, dlg)
    small = view.images[0].image.width()
    assert dlg.zoom_label.text() == "50%" and not dlg.fit_button.isChecked()
    view.set_zoom(1.5)
    wait_rendered(qtbot, dlg)
    large = view.images[0].image.width()
    dpr = view.devicePixelRatioF()
    assert abs(small - A4[0] * page_scale(0.5) * dpr) <= 1
    assert abs(large / small - 3.0) < 0.01
    assert dlg.zoom_label.text() == "150%"


def test_zoom_buttons_and_shortcuts(qtbot, ui_env, three_pages: bytes) -> None:
    dlg = open_preview(qtbot, ui_env, three_pages)
    view = dlg.view
    assert view is not None and dlg.fit_button.isChecked()
    view.set_zoom(1.0)
    dlg.zoom_in_button.click()
    assert view.zoom == pytest.approx(1.1) and dlg.zoom_label.text() == "110%"
    qtbot.keyClick(view, Qt.Key.Key_Minus, Qt.KeyboardModifier.ControlModifier)
    qtbot.keyClick(view, Qt.Key.Key_Minus, Qt.KeyboardModifier.ControlModifier)
    assert view.zoom == pytest.approx(0.9) and dlg.zoom_label.text() == "90%"
    qtbot.keyClick(view, Qt.Key.Key_Plus, Qt.KeyboardModifier.ControlModifier)
    assert view.zoom == pytest.approx(1.0)
    qtbot.keyClick(view, Qt.Key.Key_0, Qt.KeyboardModifier.ControlModifier)
    assert view.fit_width and dlg.fit_button.isChecked()
    for _ in range(30):
        dlg.zoom_in_button.click()
    assert view.zoom == 4.0  # bounded


def test_fit_width_fills_the_view_and_follows_resizing(qtbot, ui_env, three_pages: bytes) -> None:
    dlg = open_preview(qtbot, ui_env, three_pages)
    view = dlg.view
    assert view is not None
    view.set_zoom(0.5)
    dlg.fit_button.click()
    widest = max(r.width() for r in view.page_rects())  # the landscape page
    assert abs(widest - (view.viewport().width() - 2 * MARGIN)) <= 1
    dlg.resize(dlg.width() - 200, dlg.height())
    qtbot.waitUntil(lambda: abs(max(r.width() for r in view.page_rects())
                                - (view.viewport().width() - 2 * MARGIN)) <= 1)
    assert view.horizontalScrollBar().maximum() == 0  # nothing to scroll sideways


def test_only_pages_near_the_view_are_rendered(qtbot, ui_env, proposal_pdf: bytes) -> None:
    dlg = open_preview(qtbot, ui_env, proposal_pdf)
    view = dlg.view
    assert view is not None
    view.set_zoom(3.0)
    wait_rendered(qtbot, dlg)
    assert set(view.images) == set(view.wanted_pages())
    assert len(view.images) < dlg.page_total
    last = dlg.page_total - 1
    view.verticalScrollBar().setValue(view.verticalScrollBar().maximum())
    wait_rendered(qtbot, dlg)
    assert last in view.images and 0 not in view.images  # memory stays bounded
    assert dlg.current_label.text() == f"Page {dlg.page_total} / {dlg.page_total}"


def test_missing_characters_banner_only_when_missing(qtbot, ui_env, three_pages: bytes) -> None:
    plain = open_preview(qtbot, ui_env, three_pages)
    assert not plain.missing_banner.isVisible()
    warned = open_preview(qtbot, ui_env, three_pages, missing=("𠀀", "䶮"),
                          frozen_note="已提交客户的版本, 内容不会改变")
    assert warned.missing_banner.isVisible()
    assert "𠀀 (U+20000)" in warned.missing_banner.text() and "䶮 (U+4DAE)" in warned.missing_banner.text()
    assert "boxes" in warned.missing_banner.text()
    assert warned.frozen_label.isVisible() and warned.frozen_label.text() == "已提交客户的版本, 内容不会改变"


def test_save_as_writes_the_exact_bytes(qtbot, ui_env, proposal_pdf: bytes, tmp_path: Path,
                                        monkeypatch: pytest.MonkeyPatch) -> None:
    dlg = open_preview(qtbot, ui_env, proposal_pdf)
    target = tmp_path / "out" / "提案.pdf"
    target.parent.mkdir()
    monkeypatch.setattr(dlg, "_ask_save_path", lambda: target)
    with qtbot.waitSignal(dlg.saved) as sig:
        dlg.save_button.click()
    assert sig.args == [str(target)]
    assert target.read_bytes() == proposal_pdf
    assert os.listdir(target.parent) == ["提案.pdf"]  # no temporary file left
    assert "Saved" in dlg.status.text()
    monkeypatch.setattr(dlg, "_ask_save_path", lambda: None)  # cancelled: nothing happens
    dlg.save_button.click()


def test_failed_save_keeps_the_old_file_and_reports(qtbot, ui_env, three_pages: bytes, tmp_path: Path,
                                                    monkeypatch: pytest.MonkeyPatch) -> None:
    dlg = open_preview(qtbot, ui_env, three_pages)
    target = tmp_path / "old.pdf"
    target.write_bytes(b"the previous proposal")
    shown: list[BaseException] = []
    monkeypatch.setattr(preview_module, "show_error", lambda parent, exc: shown.append(exc))
    monkeypatch.setattr(dlg, "_ask_save_path", lambda: target)

    def disk_full(fd: int) -> None:
        raise OSError(errno.ENOSPC, "No space left on device")

    monkeypatch.setattr(printing.os, "fsync", disk_full)
    dlg.save_button.click()
    assert len(shown) == 1 and shown[0].errno == errno.ENOSPC  # type: ignore[attr-defined]
    assert target.read_bytes() == b"the previous proposal"
    assert not [p for p in os.listdir(tmp_path) if p.endswith(".tmp")]
    assert dlg.status.text() == "Not saved." and dlg.isVisible()


def test_save_into_a_missing_or_read_only_folder_reports(qtbot, ui_env, three_pages: bytes, tmp_path: Path,
                                                         monkeypatch: pytest.MonkeyPatch) -> None:
    dlg = open_preview(qtbot, ui_env, three_pages)
    shown: list[BaseException] = []
    monkeypatch.setattr(preview_module, "show_error", lambda parent, exc: shown.append(exc))
    monkeypatch.setattr(dlg, "_ask_save_path", lambda: tmp_path / "no-such-folder" / "p.pdf")
    dlg.save_button.click()
    assert len(shown) == 1 and isinstance(shown[0], OSError)
    if os.geteuid() != 0:  # root writes anywhere
        locked = tmp_path / "locked"
        locked.mkdir()
        (locked / "p.pdf").write_bytes(b"old")
        locked.chmod(0o555)
        try:
            monkeypatch.setattr(dlg, "_ask_save_path", lambda: locked / "p.pdf")
            dlg.save_button.click()
            assert len(shown) == 2 and isinstance(shown[1], PermissionError)
            assert (locked / "p.pdf").read_bytes() == b"old"
        finally:
            locked.chmod(0o755)


def test_print_button_prints_the_chosen_range(qtbot, ui_env, three_pages: bytes, tmp_path: Path,
                                              monkeypatch: pytest.MonkeyPatch) -> None:
    dlg = open_preview(qtbot, ui_env, three_pages)
    out = tmp_path / "printed.pdf"
    printer = pdf_printer(out)
    printer.setPrintRange(QPrinter.PrintRange.PageRange)
    printer.setFromTo(2, 3)
    monkeypatch.setattr(dlg, "_ask_printer", lambda: printer)
    with qtbot.waitSignal(dlg.printed, timeout=20_000) as sig:
        dlg.print_button.click()  # Print to File: the pages themselves (tests/ui/test_proposal_printing.py)
    assert sig.args == [2]
    assert pdf_pages(out.read_bytes()) == 2
    assert dlg.print_button.isEnabled() and "2 pages" in dlg.status.text()


def test_escape_closes(qtbot, ui_env, three_pages: bytes) -> None:
    dlg = open_preview(qtbot, ui_env, three_pages)
    qtbot.keyClick(dlg, Qt.Key.Key_Escape)
    assert not dlg.isVisible() and dlg.result() == QDialog.DialogCode.Rejected
    assert dlg.pages is not None and dlg.pages.closed


def test_damaged_pdf_is_reported_but_can_still_be_saved(qtbot, ui_env, tmp_path: Path,
                                                        monkeypatch: pytest.MonkeyPatch) -> None:
    dlg = ProposalPreview(ui_env, b"%PDF-1.4 broken", title="x", suggested_name="x.pdf")
    qtbot.addWidget(dlg)
    dlg.show()
    assert dlg.view is None and dlg.error_label.isVisible() and not dlg.print_button.isEnabled()
    monkeypatch.setattr(dlg, "_ask_save_path", lambda: tmp_path / "x.pdf")
    dlg.save_button.click()
    assert (tmp_path / "x.pdf").read_bytes() == b"%PDF-1.4 broken"


# -- print_pdf and save_pdf ------------------------------------------------------------------
def test_print_pdf_prints_every_page_on_the_printers_paper(qapp, proposal_pdf: bytes, tmp_path: Path) -> None:
    out = tmp_path / "all.pdf"
    printer = pdf_printer(out)
    printer.setPageSize(QPageSize(QPageSize.PageSizeId.Letter))
    n = print_pdf(proposal_pdf, printer, dpi=100)
    reader = pypdf.PdfReader(out)
    assert n == len(reader.pages) == pdf_pages(proposal_pdf)
    box = reader.pages[0].mediabox
    assert (round(float(box.width)), round(float(box.height))) == (612, 792)  # Letter, not the PDF's A4


def test_print_pdf_respects_the_page_range(qapp, three_pages: bytes, tmp_path: Path) -> None:
    out = tmp_path / "range.pdf"
    assert print_pdf(three_pages, pdf_printer(out), 2, 2, dpi=100) == 1
    assert pdf_pages(out.read_bytes()) == 1
    out2 = tmp_path / "tail.pdf"
    printer = pdf_printer(out2)
    printer.setPageOrientation(QPageLayout.Orientation.Landscape)
    assert print_pdf(three_pages, printer, 2, None, dpi=100) == 2
    assert pdf_pages(out2.read_bytes()) == 2
    with pytest.raises(ValueError):
        print_pdf(three_pages, pdf_printer(tmp_path / "bad.pdf"), 4)


def test_page_range() -> None:
    assert page_range(8) == range(0, 8)
    assert page_range(8, 3, 5) == range(2, 5)
    assert page_range(8, 7, 99) == range(6, 8)
    for first, last in ((0, 2), (9, None), (5, 4)):
        with pytest.raises(ValueError):
            page_range(8, first, last)


def test_save_pdf_replaces_atomically(tmp_path: Path) -> None:
    target = tmp_path / "p.pdf"
    target.write_bytes(b"old")
    target.chmod(0o640)
    save_pdf(b"%PDF new", target)
    assert target.read_bytes() == b"%PDF new"
    assert target.stat().st_mode & 0o777 == 0o640
    assert os.listdir(tmp_path) == ["p.pdf"]


def test_pdf_pages_render_and_close(three_pages: bytes) -> None:
    pages = PdfPages(three_pages)
    assert pages.count == 3
    image = pages.render(1, 1.0)
    assert abs(image.width() - 842) <= 1 and abs(image.height() - 595) <= 1
    pages.close()
    with pytest.raises(DocumentClosed):
        pages.render(0, 1.0)


def test_the_document_is_released_when_the_parent_goes_first(qtbot, ui_env, three_pages: bytes) -> None:  # noqa: ANN001
    import shiboken6
    from PySide6.QtCore import QCoreApplication, QEvent
    from PySide6.QtWidgets import QWidget

    parent = QWidget()
    dlg = ProposalPreview(ui_env, three_pages, title="t", suggested_name="t.pdf", parent=parent)
    dlg.show()
    wait_rendered(qtbot, dlg)
    pages = dlg.pages
    assert pages is not None and not pages.closed
    parent.deleteLater()  # e.g. the customer page closed under the open preview: done() never runs
    QCoreApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)
    assert not shiboken6.isValid(dlg)
    assert pages.closed
