"""Windows and dialogs that fit the screen they are on (a 1366x768, 1280x720 or 1024x600 laptop).

Every top-level widget that opens at a size of its own calls one function instead of
``resize``: ``fit_to_screen(self, 1180, 720)`` sizes it to at most the available geometry
(``QScreen.availableGeometry``: the screen less the task bar) of the screen it will open on,
less room for the window frame, and never below what its layout needs; dialogs are then
centred over their parent by Qt, which keeps them on that screen. ``keep_on_screen`` is for
a remembered geometry (the main window, the proposal preview): a window saved on a bigger
screen, or on a screen that is gone, comes back inside a screen that is here.
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject, QPoint, QRect, QSize, Qt
from PySide6.QtGui import QCursor, QGuiApplication, QScreen
from PySide6.QtWidgets import QFrame, QScrollArea, QWidget

# Room for the frame (title bar, borders) before the window manager has drawn it: the frame
# is only known once a window is shown, its size is decided before.
FRAME = QSize(16, 40)
FILL_BELOW = 1.15
SCROLL_MIN_HEIGHT = 120  # the least a scrolling panel is given: a few lines of it


def screen_of(widget: QWidget) -> QScreen:
    """The screen ``widget`` opens on: its parent window's, its own once shown, else the
    screen under the mouse, else the primary one."""
    parent = widget.parentWidget()
    for candidate in (parent.window() if parent is not None else None, widget if widget.isVisible() else None):
        if candidate is not None and (screen := candidate.screen()) is not None:
            return screen
    screen = QGuiApplication.screenAt(QCursor.pos()) or QGuiApplication.primaryScreen()
    assert screen is not None, "no screen"
    return screen


def room(widget: QWidget) -> QRect:
    """The available geometry of ``widget``'s screen, less the frame's allowance: the most
    a window's inner geometry may take."""
    area = screen_of(widget).availableGeometry()
    frame = _frame(widget)
    return QRect(area.topLeft(), QSize(area.width() - frame.width(), area.height() - frame.height()))


def fitted(widget: QWidget, width: int, height: int) -> QSize:
    """``width`` x ``height`` bounded by the screen, and by the widget's minimum size."""
    space = room(widget)
    wanted = QSize(min(width, space.width()), min(height, space.height()))
    return wanted.expandedTo(widget.minimumSizeHint()).expandedTo(widget.minimumSize())


def fit_to_screen(widget: QWidget, width: int, height: int, *, fill: bool = False) -> QSize:
    """Resize ``widget`` (a top-level window or dialog) to ``width`` x ``height``, or to what of
    it the screen holds; returns the size given. With ``fill``, a screen with less than
    ``FILL_BELOW`` times that size in a direction is taken whole in that direction (a laptop's
    main window uses all of it) and the window goes to the screen's top-left corner."""
    if fill:
        space = room(widget)
        if space.width() < width * FILL_BELOW:
            width = space.width()
        if space.height() < height * FILL_BELOW:
            height = space.height()
    size = fitted(widget, width, height)
    widget.resize(size)
    if fill and size == room(widget).size():
        widget.move(room(widget).topLeft())
    if widget.isVisible():
        keep_on_screen(widget)
    return size


def keep_on_screen(widget: QWidget) -> None:
    """Bring a top-level widget's (restored) geometry inside the available geometry of a
    screen that is here: its own when it is mostly on one, else the primary screen; a
    geometry bigger than that screen is shrunk to it. A maximised or full-screen window is
    the window manager's to place."""
    if widget.isMaximized() or widget.isFullScreen():
        return
    geometry = widget.geometry()
    screen = _screen_holding(geometry)
    area = screen.availableGeometry()
    frame = _frame(widget)
    size = QSize(min(geometry.width(), area.width() - frame.width()),
                 min(geometry.height(), area.height() - frame.height()))
    if size != geometry.size():
        widget.resize(size)
    # the frame's top-left, kept so the whole frame is inside the area
    outer = QSize(size.width() + frame.width(), size.height() + frame.height())
    top_left = widget.frameGeometry().topLeft() if widget.isVisible() else geometry.topLeft()
    x = max(area.left(), min(top_left.x(), area.right() + 1 - outer.width()))
    y = max(area.top(), min(top_left.y(), area.bottom() + 1 - outer.height()))
    if QPoint(x, y) != top_left:
        widget.move(x, y)


def _screen_holding(geometry: QRect) -> QScreen:
    """The screen holding most of ``geometry``, or the primary screen when none holds much."""
    best, most = None, 0
    for screen in QGuiApplication.screens():
        part = screen.geometry().intersected(geometry)
        area = part.width() * part.height() if part.isValid() else 0
        if area > most:
            best, most = screen, area
    if best is None or most < min(geometry.width() * geometry.height(), 200 * 100):
        best = QGuiApplication.primaryScreen()  # the saved screen is gone, or only a sliver shows
    assert best is not None, "no screen"
    return best


def _frame(widget: QWidget) -> QSize:
    """The frame's size around the inner geometry: measured once shown, estimated before."""
    if widget.isVisible():
        outer, inner = widget.frameGeometry(), widget.geometry()
        if outer.size() != inner.size():
            return QSize(outer.width() - inner.width(), outer.height() - inner.height())
    return FRAME


class VerticalScroll(QScrollArea):
    """``panel`` in a scroll area that scrolls up and down, never sideways: on a short screen
    the panel scrolls instead of squashing its rows (or pushing a dialog's buttons off the
    screen); it is never narrower than the panel needs, so no value is squashed away."""

    def __init__(self, panel: QWidget, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName(f"{panel.objectName() or type(panel).__name__}_scroll")
        self.panel = panel
        self.setWidget(panel)
        self.setWidgetResizable(True)
        self.setFrameShape(QFrame.Shape.NoFrame)
        self.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)

    def _extra(self) -> int:
        return self.verticalScrollBar().sizeHint().width() + 2 * self.frameWidth()

    def minimumSizeHint(self) -> QSize:
        inner = self.panel.minimumSizeHint()
        return QSize(inner.width() + self._extra(), min(inner.height(), SCROLL_MIN_HEIGHT))

    def sizeHint(self) -> QSize:
        inner = self.panel.sizeHint()
        return QSize(inner.width() + self._extra(), inner.height() + 2 * self.frameWidth())

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if watched is self.panel and event.type() == QEvent.Type.LayoutRequest:
            self.updateGeometry()  # the panel's needs changed (a language, a longer figure)
        return super().eventFilter(watched, event)


def vertical_scroll(panel: QWidget) -> VerticalScroll:
    """``panel`` wrapped to scroll vertically when the screen is short (see ``VerticalScroll``)."""
    return VerticalScroll(panel)
