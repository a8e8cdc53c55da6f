"""The dashboard's charts, painted with QPainter: bars that are buttons.

Why painted here and not a chart library: QtCharts is GPLv3 or commercial (the rest of
PySide6 is LGPL) and ships only in the 171 MB PySide6-Addons wheel; pyqtgraph (MIT) needs
numpy, a 20 MB dependency imported before the first chart paints. The dashboard needs bars,
their numbers and a click on each: a few hundred lines of QPainter, no dependency, nothing
to import beyond QtGui, LGPL-clean, and the first paint as fast as any other widget's.

A :class:`BarChart` is horizontal (one row per bar: the label, the bar, the figure; with
``centered`` the bars grow from the middle, a funnel) or vertical (columns, the label
beneath). Every bar is clickable (``activated(index)``) and reachable from the keyboard:
arrows move the current bar, Enter or Space opens it. ``bar_rect(i)`` is where a bar is
drawn (tests click there).
"""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtCore import QPoint, QRect, QRectF, QSize, Qt, Signal
from PySide6.QtGui import (
    QColor,
    QFocusEvent,
    QFontMetrics,
    QKeyEvent,
    QMouseEvent,
    QPainter,
    QPaintEvent,
    QPen,
)
from PySide6.QtWidgets import QSizePolicy, QWidget


@dataclass(frozen=True, slots=True)
class Bar:
    label: str
    value: float  # the bar's length, against the largest value of the chart
    figure: str  # the number written beside (or above) it
    note: str = ""  # a second line in smaller type: an amount, a share
    tooltip: str = ""
    color: QColor | None = None  # default: the chart's colour


class BarChart(QWidget):
    activated = Signal(int)  # a bar was clicked, or Enter was pressed on it

    ROW = 30  # height of one horizontal bar's row
    PAD = 6

    def __init__(self, *, vertical: bool = False, centered: bool = False, color: str = "#2f6fb3",
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.vertical = vertical
        self.centered = centered
        self.color = QColor(color)
        self.bars: list[Bar] = []
        self.current = -1
        self._hover = -1
        self._rects: list[QRect] = []
        self.setMouseTracking(True)
        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        self.setSizePolicy(QSizePolicy.Policy.Expanding,
                           QSizePolicy.Policy.Expanding if vertical else QSizePolicy.Policy.Preferred)

    # --- data -----------------------------------------------------------------------------
    def set_bars(self, bars: list[Bar]) -> None:
        self.bars = list(bars)
        if self.current >= len(self.bars):
            self.current = len(self.bars) - 1
        self.updateGeometry()
        self.update()

    def bar_rect(self, index: int) -> QRect:
        """The clickable area of bar ``index`` (its row, or its column)."""
        self._layout()
        return self._rects[index]

    # --- geometry -------------------------------------------------------------------------
    def sizeHint(self) -> QSize:
        if self.vertical:
            return QSize(420, 190)
        return QSize(420, max(len(self.bars), 3) * self.ROW + 2 * self.PAD)

    def minimumSizeHint(self) -> QSize:
        return QSize(160, 90 if self.vertical else max(len(self.bars), 3) * 14)

    def _label_width(self) -> int:
        fm = QFontMetrics(self.font())
        return min(max((fm.horizontalAdvance(b.label) for b in self.bars), default=0) + 12, self.width() // 3)

    def _figure_width(self) -> int:
        fm = QFontMetrics(self.font())
        widths = [max(fm.horizontalAdvance(b.figure), fm.horizontalAdvance(b.note) * 9 // 10) for b in self.bars]
        return min(max(widths, default=0) + 12, self.width() // 3)

    def _layout(self) -> None:
        n, r = len(self.bars), self.rect().adjusted(self.PAD, self.PAD, -self.PAD, -self.PAD)
        if not n:
            self._rects = []
            return
        if self.vertical:
            w = r.width() / n
            self._rects = [QRect(int(r.left() + i * w), r.top(), int(w), r.height()) for i in range(n)]
        else:
            h = min(self.ROW, r.height() // n)
            self._rects = [QRect(r.left(), r.top() + i * h, r.width(), h) for i in range(n)]

    def _index_at(self, pos: QPoint) -> int:
        self._layout()
        return next((i for i, rect in enumerate(self._rects) if rect.contains(pos)), -1)

    # --- painting -------------------------------------------------------------------------
    def paintEvent(self, _event: QPaintEvent) -> None:
        self._layout()
        p = QPainter(self)
        p.setRenderHint(QPainter.RenderHint.Antialiasing)
        top = max((b.value for b in self.bars), default=0) or 1
        for i, (bar, rect) in enumerate(zip(self.bars, self._rects, strict=True)):
            if i == self._hover or (i == self.current and self.hasFocus()):
                p.fillRect(rect, self.palette().alternateBase())
            (self._paint_column if self.vertical else self._paint_row)(p, bar, rect, bar.value / top)
            if i == self.current and self.hasFocus():
                p.setPen(QPen(self.palette().highlight().color(), 1, Qt.PenStyle.DotLine))
                p.setBrush(Qt.BrushStyle.NoBrush)
                p.drawRect(rect.adjusted(0, 0, -1, -1))
        p.end()

    def _paint_row(self, p: QPainter, bar: Bar, rect: QRect, share: float) -> None:
        text = self.palette().text().color()
        lw, fw = self._label_width(), self._figure_width()
        p.setPen(text)
        p.drawText(QRect(rect.left(), rect.top(), lw - 6, rect.height()),
                   int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter), bar.label)
        area = QRectF(rect.left() + lw, rect.top() + 4, rect.width() - lw - fw, rect.height() - 8)
        width = max(area.width() * share, 2.0 if bar.value else 0.0)
        left = area.left() + (area.width() - width) / 2 if self.centered else area.left()
        p.setPen(Qt.PenStyle.NoPen)
        p.setBrush(bar.color or self.color)
        p.drawRoundedRect(QRectF(left, area.top(), width, area.height()), 3, 3)
        fig = QRect(rect.right() - fw + 6, rect.top(), fw - 6, rect.height())
        p.setPen(text)
        if bar.note:
            self._two_lines(p, fig, bar, Qt.AlignmentFlag.AlignLeft)
        else:
            p.drawText(fig, int(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter), bar.figure)

    def _two_lines(self, p: QPainter, rect: QRect, bar: Bar, align: Qt.AlignmentFlag) -> None:
        half = rect.height() // 2
        p.drawText(QRect(rect.left(), rect.top(), rect.width(), half + 2),
                   int(align | Qt.AlignmentFlag.AlignBottom), bar.figure)
        small = p.font()
        small.setPointSizeF(max(small.pointSizeF() * 0.82, 6.0))
        keep = p.font()
        p.setFont(small)
        p.setPen(self.palette().placeholderText().color())
        p.drawText(QRect(rect.left(), rect.top() + half, rect.width(), rect.height() - half),
                   int(align | Qt.AlignmentFlag.AlignTop), bar.note)
        p.setFont(keep)
        p.setPen(self.palette().text().color())

    def _paint_column(self, p: QPainter, bar: Bar, rect: QRect, share: float) -> None:
        fm = QFontMetrics(self.font())
        line = fm.height()
        chart = QRectF(rect.left() + rect.width() * 0.18, rect.top() + line + 2,
                       rect.width() * 0.64, rect.height() - 2 * line - 8)
        height = max(chart.height() * share, 2.0 if bar.value else 0.0)
        p.setPen(Qt.PenStyle.NoPen)
        p.setBrush(bar.color or self.color)
        p.drawRoundedRect(QRectF(chart.left(), chart.bottom() - height, chart.width(), height), 2, 2)
        p.setPen(self.palette().text().color())
        p.drawText(QRect(rect.left(), int(chart.bottom() - height) - line - 1, rect.width(), line),
                   int(Qt.AlignmentFlag.AlignHCenter | Qt.AlignmentFlag.AlignBottom), bar.figure)
        p.setPen(self.palette().placeholderText().color())
        p.drawText(QRect(rect.left(), int(chart.bottom()) + 3, rect.width(), line + 2),
                   int(Qt.AlignmentFlag.AlignHCenter | Qt.AlignmentFlag.AlignTop), bar.label)

    # --- mouse and keys -------------------------------------------------------------------
    def mouseMoveEvent(self, event: QMouseEvent) -> None:
        i = self._index_at(event.position().toPoint())
        if i != self._hover:
            self._hover = i
            self.setCursor(Qt.CursorShape.PointingHandCursor if i >= 0 else Qt.CursorShape.ArrowCursor)
            self.setToolTip(self.bars[i].tooltip if i >= 0 else "")
            self.update()

    def leaveEvent(self, _event: object) -> None:
        self._hover = -1
        self.update()

    def mouseReleaseEvent(self, event: QMouseEvent) -> None:
        i = self._index_at(event.position().toPoint())
        if event.button() == Qt.MouseButton.LeftButton and i >= 0:
            self.current = i
            self.update()
            self.activated.emit(i)

    def keyPressEvent(self, event: QKeyEvent) -> None:
        key, n = event.key(), len(self.bars)
        back = (Qt.Key.Key_Left, Qt.Key.Key_Up)
        ahead = (Qt.Key.Key_Right, Qt.Key.Key_Down)
        if n and key in back + ahead:
            step = -1 if key in back else 1
            self.current = min(max(self.current + step, 0), n - 1) if self.current >= 0 else 0
            self.setToolTip(self.bars[self.current].tooltip)
            self.update()
        elif n and self.current >= 0 and key in (Qt.Key.Key_Return, Qt.Key.Key_Enter, Qt.Key.Key_Space):
            self.activated.emit(self.current)
        else:
            super().keyPressEvent(event)

    def focusInEvent(self, event: QFocusEvent) -> None:
        if self.current < 0 and self.bars:
            self.current = 0
        super().focusInEvent(event)
        self.update()

    def focusOutEvent(self, event: QFocusEvent) -> None:
        super().focusOutEvent(event)
        self.update()
