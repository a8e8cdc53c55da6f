"""Print and save a proposal's PDF exactly as it was produced.

Printing to a file (the print dialog's "Print to File (PDF)") is saving: ``print_to_file``
writes the stored PDF itself (vector pages, fonts and text kept), the chosen pages cut out by
PDFium when not all of them were asked for, so a printout to file is the document Save as
writes. Only a real printer gets images: ``print_pdf`` paints each page on a ``QPrinter`` as an image rendered by PDFium at print
resolution (capped at ``PRINT_DPI``: a 1200-dpi A4 bitmap would take half a gigabyte), fitted
to the printer's printable area keeping the page's aspect ratio, so the paper chosen in the
print dialog is respected. It may run on a worker thread (QPainter on a QPrinter is allowed
off the GUI thread; PDFium calls are serialised by ``PDFIUM_LOCK``).

``save_pdf`` writes the very bytes given (the frozen record stays byte-identical), through a
temporary file in the same folder and ``os.replace``: a failed write leaves any previous file
at that path untouched.
"""

from __future__ import annotations

import contextlib
import io
import os
import tempfile
from collections.abc import Callable
from pathlib import Path

import pypdfium2 as pdfium
from PySide6.QtCore import QRectF
from PySide6.QtGui import QPainter
from PySide6.QtPrintSupport import QPrinter

from workbench.ui.proposals.pages import PDFIUM_LOCK, POINTS_PER_INCH, PdfPages

PRINT_DPI = 300


class PrintError(OSError):
    """The printer refused to start or to take another page."""


def page_range(count: int, first: int = 1, last: int | None = None) -> range:
    """0-based indexes of pages ``first``..``last`` (1-based, inclusive; ``last`` None or past
    the end = the last page). ValueError when the range is empty or starts past the end."""
    end = count if last is None or last <= 0 else min(last, count)
    if first < 1 or first > count or end < first:
        raise ValueError(f"page range {first}-{last} is outside 1-{count}")
    return range(first - 1, end)


def fit_rect(page_w: float, page_h: float, area_w: float, area_h: float) -> QRectF:
    """The largest rectangle of the page's aspect ratio centred in the area."""
    scale = min(area_w / page_w, area_h / page_h)
    w, h = page_w * scale, page_h * scale
    return QRectF((area_w - w) / 2, (area_h - h) / 2, w, h)


def print_pdf(pdf: bytes, printer: QPrinter, first: int = 1, last: int | None = None, *,
              dpi: int = PRINT_DPI, progress: Callable[[int, int], None] | None = None) -> int:
    """Print pages ``first``..``last`` (1-based, inclusive; ``last`` None = to the end) of
    ``pdf`` on ``printer``; returns the number of pages printed (copies included when the
    printer cannot make copies itself). ``progress(done, total)`` is called after each page
    and may raise (e.g. ``Cancelled``) to abort the job."""
    pages = PdfPages(pdf)
    try:
        indexes = list(page_range(pages.count, first, last))
        if printer.pageOrder() == QPrinter.PageOrder.LastPageFirst:
            indexes.reverse()
        copies = 1 if printer.supportsMultipleCopies() else max(printer.copyCount(), 1)
        if copies > 1:
            indexes = indexes * copies if printer.collateCopies() else [i for i in indexes for _ in range(copies)]
        painter = QPainter()
        if not painter.begin(printer):
            raise PrintError(f"the printer {printer.printerName() or printer.outputFileName()!r} "
                             "could not start the job")
        done = 0
        try:
            device_per_point = printer.resolution() / POINTS_PER_INCH
            for n, index in enumerate(indexes):
                if n and not printer.newPage():
                    raise PrintError("the printer refused a new page")
                width, height = pages.sizes[index]
                target = fit_rect(width, height, printer.width(), printer.height())
                shrink = target.width() / (width * device_per_point)  # < 1 when fitted smaller
                scale = min(target.width() / width, dpi / POINTS_PER_INCH * shrink)
                image = pages.render(index, scale)
                painter.drawImage(target, image)
                done += 1
                if progress is not None:
                    progress(done, len(indexes))
        except BaseException:
            printer.abort()
            raise
        finally:
            painter.end()
        return done
    finally:
        pages.close()


def prints_to_file(printer: QPrinter) -> bool:
    """Whether the printer writes a PDF file (the print dialog's "Print to File (PDF)")."""
    return printer.outputFormat() == QPrinter.OutputFormat.PdfFormat and bool(printer.outputFileName())


def pdf_pages_of(pdf: bytes, first: int = 1, last: int | None = None) -> tuple[bytes, int]:
    """Pages ``first``..``last`` (1-based, inclusive) of ``pdf`` as a PDF of their own, and
    their count: ``pdf`` itself, byte for byte, when that is every page; else the pages copied
    by PDFium (content streams and embedded fonts as they are, so the text layer stays)."""
    with PDFIUM_LOCK:
        source = pdfium.PdfDocument(pdf)
        try:
            indexes = list(page_range(len(source), first, last))
            if len(indexes) == len(source):
                return bytes(pdf), len(indexes)
            part = pdfium.PdfDocument.new()
            try:
                part.import_pages(source, indexes)
                out = io.BytesIO()
                part.save(out)
            finally:
                part.close()
        finally:
            source.close()
    return out.getvalue(), len(indexes)


def print_to_file(pdf: bytes, printer: QPrinter, first: int = 1, last: int | None = None) -> int:
    """Print to the printer's output file by writing the PDF's pages ``first``..``last``
    themselves (atomically, as ``save_pdf``); returns the number of pages written."""
    data, count = pdf_pages_of(pdf, first, last)
    save_pdf(data, Path(printer.outputFileName()))
    return count


def save_pdf(pdf: bytes, path: Path) -> None:
    """Write exactly ``pdf`` to ``path`` atomically (temporary file + ``os.replace``)."""
    path = Path(path)
    fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=path.parent)
    try:
        with os.fdopen(fd, "wb") as out:
            out.write(pdf)
            out.flush()
            os.fsync(out.fileno())
        try:
            mode = path.stat().st_mode & 0o777  # replacing a file keeps its permissions
        except FileNotFoundError:
            mode = 0o644  # mkstemp's 0600 would hide the file from other users
        os.chmod(tmp, mode)
        os.replace(tmp, path)
    except BaseException:
        with contextlib.suppress(OSError):
            os.unlink(tmp)
        raise
