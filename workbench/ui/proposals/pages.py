"""PDF pages as images, and a scrollable view of every page stacked like a PDF viewer.

Pages are rasterised by PDFium (``pypdfium2``, the engine QtPdf wraps; QtPdf itself is not
in the PySide6 wheels we ship). PDFium is not thread-safe, so every call into it holds
``PDFIUM_LOCK``: a page renders on one thread at a time, whichever thread that is.

``PagesView`` lays every page out at the current zoom at once (so the scroll bar is right
from the start) but renders only the pages in or near the viewport, one at a time, through
``env.runner`` when it has one; a page whose image is not ready yet (or is at the previous
zoom) is drawn blank or scaled from the old image until its render arrives.
"""

from __future__ import annotations

import threading
from dataclasses import dataclass

import pypdfium2 as pdfium
from PySide6.QtCore import QPoint, QRect, QRectF, QSize, Qt, QTimer, Signal
from PySide6.QtGui import QColor, QImage, QPainter, QPaintEvent, QResizeEvent, QWheelEvent
from PySide6.QtWidgets import QScrollArea, QWidget

from workbench.ui.runner import Op, Runner

PDFIUM_LOCK = threading.RLock()

POINTS_PER_INCH = 72.0
SCREEN_DPI = 96.0  # 100 % shows a page at its paper size on a 96-dpi screen
ZOOM_STEPS = (0.25, 0.33, 0.5, 0.67, 0.75, 0.9, 1.0, 1.1, 1.25, 1.5, 1.75, 2.0, 2.5, 3.0, 4.0)
MIN_ZOOM, MAX_ZOOM = ZOOM_STEPS[0], ZOOM_STEPS[-1]
MAX_PIXELS = 40_000_000  # a larger page image is rendered smaller and drawn scaled up
GAP, MARGIN = 14, 20
BACKGROUND = QColor("#525659")


class DocumentClosed(Exception):
    """A render was asked of a document closed meanwhile (the preview went away)."""


@dataclass(frozen=True, slots=True)
class PageImage:
    image: QImage
    scale: float  # image pixels per PDF point


class PdfPages:
    """One PDF in PDFium: its page sizes (points) and page images at a given scale."""

    def __init__(self, pdf: bytes) -> None:
        with PDFIUM_LOCK:
            self._doc: pdfium.PdfDocument | None = pdfium.PdfDocument(pdf)
            self.sizes: tuple[tuple[float, float], ...] = tuple(
                (float(w), float(h)) for w, h in (self._doc.get_page_size(i) for i in range(len(self._doc))))

    @property
    def count(self) -> int:
        return len(self.sizes)

    @property
    def closed(self) -> bool:
        return self._doc is None

    def render(self, index: int, scale: float) -> QImage:
        """Page ``index`` (0-based) at ``scale`` pixels per point; any thread."""
        width, height = self.sizes[index]
        if width * height * scale * scale > MAX_PIXELS:
            scale = (MAX_PIXELS / (width * height)) ** 0.5
        with PDFIUM_LOCK:
            if self._doc is None:
                raise DocumentClosed()
            page = self._doc[index]
            try:
                bitmap = page.render(scale=scale, prefer_bgrx=True, rev_byteorder=True,
                                     fill_color=(255, 255, 255, 255), may_draw_forms=False)
                try:
                    image = QImage(bitmap.buffer, bitmap.width, bitmap.height, bitmap.stride,
                                   QImage.Format.Format_RGBX8888).copy()  # own the pixels
                finally:
                    bitmap.close()
            finally:
                page.close()
        return image

    def close(self) -> None:
        with PDFIUM_LOCK:
            if self._doc is not None:
                self._doc.close()
                self._doc = None


def page_scale(zoom: float) -> float:
    """Logical screen pixels per PDF point at ``zoom`` (1.0 = paper size)."""
    return zoom * SCREEN_DPI / POINTS_PER_INCH


class _Canvas(QWidget):
    """Paints the pages, each white on the grey background with a soft shadow."""

    def __init__(self, view: PagesView) -> None:
        super().__init__()
        self.view = view
        self.setAutoFillBackground(False)

    def paintEvent(self, event: QPaintEvent) -> None:
        painter = QPainter(self)
        painter.fillRect(event.rect(), BACKGROUND)
        painter.setRenderHint(QPainter.RenderHint.SmoothPixmapTransform)
        for index, rect in enumerate(self.view.page_rects()):
            if not rect.adjusted(-8, -8, 8, 8).intersects(event.rect()):
                continue
            for spread, alpha in ((6, 10), (4, 18), (2, 30)):
                painter.fillRect(rect.adjusted(-spread + 2, -spread + 4, spread + 2, spread + 4),
                                 QColor(0, 0, 0, alpha))
            painter.fillRect(rect, Qt.GlobalColor.white)
            shown = self.view.images.get(index)
            if shown is not None:
                painter.drawImage(QRectF(rect), shown.image)
        painter.end()

    def wheelEvent(self, event: QWheelEvent) -> None:
        if event.modifiers() & Qt.KeyboardModifier.ControlModifier:
            self.view.zoom_in() if event.angleDelta().y() > 0 else self.view.zoom_out()
            event.accept()
            return
        super().wheelEvent(event)


class PagesView(QScrollArea):
    """Every page of a PDF, stacked vertically, rendered lazily at the current zoom."""

    zoom_changed = Signal(float)
    current_page_changed = Signal(int)  # 1-based, the page at the middle of the viewport
    page_rendered = Signal(int)  # 0-based index of a page whose image is now current

    def __init__(self, pages: PdfPages, runner: Runner | None = None, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("proposal_pages")
        self.pages, self.runner = pages, runner
        self.images: dict[int, PageImage] = {}
        self._zoom = 1.0
        self._fit_width = True
        self._busy = False  # one render in flight at a time (they serialise on PDFium anyway)
        self._current = 0
        self.canvas = _Canvas(self)
        self.setWidget(self.canvas)
        self.setWidgetResizable(True)
        self.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.setFrameShape(QScrollArea.Shape.NoFrame)
        self.setStyleSheet("QScrollArea { background: #525659; }")
        self.viewport().setStyleSheet("background: #525659;")
        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        self.setVerticalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOn)  # fit width stays put
        self._pump_timer = QTimer(self)
        self._pump_timer.setSingleShot(True)
        self._pump_timer.setInterval(0)
        self._pump_timer.timeout.connect(self._pump)
        self.verticalScrollBar().valueChanged.connect(self._scrolled)
        self.horizontalScrollBar().valueChanged.connect(self._scrolled)
        self._relayout()

    # -- zoom ---------------------------------------------------------------------------
    @property
    def zoom(self) -> float:
        return self._zoom

    @property
    def fit_width(self) -> bool:
        return self._fit_width

    def set_zoom(self, zoom: float, *, fit: bool = False) -> None:
        zoom = min(max(zoom, MIN_ZOOM), MAX_ZOOM)
        self._fit_width = fit
        if abs(zoom - self._zoom) < 1e-6:
            return
        bar = self.verticalScrollBar()
        at_top = bar.value() == 0  # stay at the top, else keep what is mid-view in the middle
        anchor = (bar.value() + self.viewport().height() / 2) / max(self.canvas.height(), 1)
        self._zoom = zoom
        self._relayout()
        bar.setValue(0 if at_top else round(anchor * self.canvas.height() - self.viewport().height() / 2))
        self.zoom_changed.emit(zoom)
        self._schedule()

    def zoom_in(self) -> None:
        self.set_zoom(next((z for z in ZOOM_STEPS if z > self._zoom + 1e-3), MAX_ZOOM))

    def zoom_out(self) -> None:
        self.set_zoom(next((z for z in reversed(ZOOM_STEPS) if z < self._zoom - 1e-3), MIN_ZOOM))

    def fit_to_width(self) -> None:
        widest = max((w for w, _ in self.pages.sizes), default=595.0)
        room = self.viewport().width() - 2 * MARGIN
        self.set_zoom(max(room, 100) / page_scale(1.0) / widest, fit=True)
        self._fit_width = True

    # -- layout -------------------------------------------------------------------------
    def page_rects(self) -> list[QRect]:
        """Where each page is drawn on the canvas (logical pixels)."""
        scale = page_scale(self._zoom)
        width = self.canvas.width()
        rects, y = [], MARGIN
        for w, h in self.pages.sizes:
            pw, ph = round(w * scale), round(h * scale)
            rects.append(QRect(max((width - pw) // 2, MARGIN), y, pw, ph))
            y += ph + GAP
        return rects

    def _content_size(self) -> QSize:
        scale = page_scale(self._zoom)
        widest = max((round(w * scale) for w, _ in self.pages.sizes), default=0)
        tall = sum(round(h * scale) for _, h in self.pages.sizes) + GAP * max(self.pages.count - 1, 0)
        return QSize(widest + 2 * MARGIN, tall + 2 * MARGIN)

    def _relayout(self) -> None:
        self.canvas.setMinimumSize(self._content_size())
        self.canvas.resize(self.canvas.size().expandedTo(self._content_size()))
        self.canvas.update()

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        if self._fit_width:
            self.fit_to_width()
        self._schedule()

    def showEvent(self, event) -> None:  # noqa: ANN001 - QShowEvent
        super().showEvent(event)
        if self._fit_width:
            self.fit_to_width()
        self._schedule()

    def _scrolled(self) -> None:
        self._update_current()
        self._schedule()

    def _visible_rect(self) -> QRect:
        top_left = self.canvas.mapFrom(self.viewport(), QPoint(0, 0))
        return QRect(top_left, self.viewport().size())

    def _update_current(self) -> None:
        middle = self._visible_rect().center().y()
        rects = self.page_rects()
        current = next((i for i, r in enumerate(rects) if r.bottom() + GAP >= middle), len(rects) - 1)
        if current != self._current:
            self._current = current
            self.current_page_changed.emit(current + 1)

    @property
    def current_page(self) -> int:
        return self._current + 1

    # -- lazy rendering -----------------------------------------------------------------
    def wanted_pages(self) -> list[int]:
        """Pages in the viewport, then those within one screen above and below."""
        visible = self._visible_rect()
        near = visible.adjusted(0, -visible.height(), 0, visible.height())
        rects = self.page_rects()
        inside = [i for i, r in enumerate(rects) if r.intersects(visible)]
        around = [i for i, r in enumerate(rects) if r.intersects(near) and i not in inside]
        return inside + around

    def _target_scale(self) -> float:
        return page_scale(self._zoom) * self.devicePixelRatioF()

    def is_current(self, index: int) -> bool:
        shown = self.images.get(index)
        return shown is not None and abs(shown.scale - self._target_scale()) < 1e-6

    def _schedule(self) -> None:
        self._pump_timer.start()

    def _pump(self) -> None:
        if self._busy or self.pages.closed or not self.isVisible():
            return
        wanted = self.wanted_pages()
        for index in list(self.images):  # keep memory bounded: only pages near the view
            if index not in wanted:
                del self.images[index]
        todo = next((i for i in wanted if not self.is_current(i)), None)
        if todo is None:
            return
        scale = self._target_scale()
        self._busy = True
        if self.runner is None:
            try:
                self._rendered((todo, scale, self.pages.render(todo, scale)))
            except Exception:
                self._busy = False
                raise
            return
        pages = self.pages

        def work(op: Op) -> tuple[int, float, QImage]:
            op.check()
            return todo, scale, pages.render(todo, scale)

        self.runner.run(work, on_success=self._rendered, on_failure=self._failed, owner=self,
                        label="render page")

    def _rendered(self, result: tuple[int, float, QImage]) -> None:
        self._busy = False
        index, scale, image = result
        image.setDevicePixelRatio(self.devicePixelRatioF())
        self.images[index] = PageImage(image, scale)
        self.canvas.update()
        if abs(scale - self._target_scale()) < 1e-6:
            self.page_rendered.emit(index)
        self._schedule()

    def _failed(self, exc: BaseException) -> None:
        self._busy = False
        if isinstance(exc, DocumentClosed):
            return
        from workbench.ui.errors import show_error

        show_error(self, exc)

    def idle(self) -> bool:
        """No render in flight and every wanted page current (tests wait on this)."""
        return not self._busy and not self._pump_timer.isActive() and all(
            self.is_current(i) for i in self.wanted_pages())
