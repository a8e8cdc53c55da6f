"""The cards of one stage column: a list model, a painted card, a view that drags cards.

A column holds at most a hundred cards, so the model keeps them in a plain list; the
delegate paints each card (no widget per card).
"""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass
from datetime import date
from typing import Any

from PySide6.QtCore import (
    QAbstractListModel,
    QByteArray,
    QCoreApplication,
    QMimeData,
    QModelIndex,
    QPersistentModelIndex,
    QPoint,
    QRect,
    QSize,
    Qt,
    Signal,
)
from PySide6.QtGui import QColor, QDrag, QFont, QFontMetrics, QKeyEvent, QPainter, QPalette, QPen
from PySide6.QtWidgets import (
    QAbstractItemView,
    QListView,
    QStyle,
    QStyledItemDelegate,
    QStyleOptionViewItem,
    QWidget,
)

from workbench.services.pipeline import PipelineCard

#: What a dragged card carries: "customer id\nfrom stage code" (UTF-8).
MIME_TYPE = "application/x-workbench-pipeline-card"
CARD_ROLE = Qt.ItemDataRole.UserRole + 1
OVERDUE = QColor("#c62828")
DUE_TODAY = QColor("#e65100")

Index = QModelIndex | QPersistentModelIndex


@dataclass(frozen=True, slots=True)
class CardText:
    """The words of one card: painted in short, read out (and tested) in full by ``spoken``."""

    name: str
    detail: str  # industry, and the owner when the board shows everyone's
    days: str  # "12 d in stage"
    days_short: str  # "12 d", painted
    due: str  # short, painted at the right: "due 11-20"; "" without a follow-up
    follow: str  # long: "follow-up 2026-11-20 (overdue)", "no follow-up"
    overdue: bool
    due_today: bool

    @property
    def spoken(self) -> str:
        return " · ".join(part for part in (self.name, self.detail, self.days, self.follow) if part)


Describe = Callable[[PipelineCard], CardText]


def card_mime(customer_id: str, from_code: str) -> QMimeData:
    mime = QMimeData()
    mime.setData(MIME_TYPE, QByteArray(f"{customer_id}\n{from_code}".encode()))
    return mime


def read_mime(mime: QMimeData | None) -> tuple[str, str] | None:
    """(customer id, from stage code) of a dragged card, or None for anything else."""
    if mime is None or not mime.hasFormat(MIME_TYPE):
        return None
    customer_id, _, from_code = bytes(mime.data(MIME_TYPE).data()).decode().partition("\n")
    return (customer_id, from_code) if customer_id and from_code else None


class CardModel(QAbstractListModel):
    """The cards of one stage; ``describe`` turns a card into its lines of text."""

    def __init__(self, stage_code: str, describe: Describe, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.stage_code = stage_code
        self.describe = describe
        self.cards: list[PipelineCard] = []

    def set_cards(self, cards: Sequence[PipelineCard]) -> None:
        self.beginResetModel()
        self.cards = list(cards)
        self.endResetModel()

    def row_of(self, customer_id: str) -> int:
        return next((i for i, c in enumerate(self.cards) if c.id == customer_id), -1)

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008 - Qt's signature
        return 0 if parent.isValid() else len(self.cards)

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self.cards):
            return None
        card = self.cards[index.row()]
        if role == CARD_ROLE:
            return card
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.AccessibleTextRole):
            return self.describe(card).spoken
        if role == Qt.ItemDataRole.ToolTipRole:
            return card.name if card.short_name else None
        return None

    def flags(self, index: Index) -> Qt.ItemFlag:
        base = super().flags(index)
        return base | Qt.ItemFlag.ItemIsDragEnabled if index.isValid() else base


class CardDelegate(QStyledItemDelegate):
    """Paints a card: the name in bold, industry and owner, days in stage, next follow-up."""

    PAD = 8

    def __init__(self, describe: Describe, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.describe = describe

    def _fonts(self, option: QStyleOptionViewItem) -> tuple[QFont, QFont]:
        bold = QFont(option.font)  # type: ignore[attr-defined]
        bold.setBold(True)
        small = QFont(option.font)  # type: ignore[attr-defined]
        small.setPointSizeF(max(small.pointSizeF() * 0.9, 7.0))
        return bold, small

    def sizeHint(self, option: QStyleOptionViewItem, index: Index) -> QSize:
        bold, small = self._fonts(option)
        height = QFontMetrics(bold).height() + 2 * QFontMetrics(small).height() + 2 * self.PAD + 4
        return QSize(160, height)

    def paint(self, painter: QPainter, option: QStyleOptionViewItem, index: Index) -> None:
        card: PipelineCard | None = index.data(CARD_ROLE)
        if card is None:
            return
        rect: QRect = option.rect.adjusted(2, 2, -2, -2)  # type: ignore[attr-defined]
        palette: QPalette = option.palette  # type: ignore[attr-defined]
        state = option.state  # type: ignore[attr-defined]
        selected = bool(state & QStyle.StateFlag.State_Selected)
        focused = bool(state & QStyle.StateFlag.State_HasFocus)
        painter.save()
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        painter.setBrush(palette.color(QPalette.ColorRole.Base))
        border = palette.color(QPalette.ColorRole.Highlight) if selected else palette.color(QPalette.ColorRole.Mid)
        painter.setPen(QPen(border, 2 if selected else 1))
        painter.drawRoundedRect(rect, 5, 5)
        if selected and focused:
            painter.fillRect(QRect(rect.left() + 1, rect.top() + 4, 3, rect.height() - 8), border)

        bold, small = self._fonts(option)
        inner = rect.adjusted(self.PAD, self.PAD - 2, -self.PAD, -self.PAD + 2)
        words = self.describe(card)
        text = palette.color(QPalette.ColorRole.Text)
        muted = palette.color(QPalette.ColorRole.PlaceholderText)
        y = inner.top()
        for font, line, color in ((bold, words.name, text), (small, words.detail, muted)):
            painter.setFont(font)
            painter.setPen(color)
            fm = QFontMetrics(font)
            painter.drawText(QPoint(inner.left(), y + fm.ascent()),
                             fm.elidedText(line, Qt.TextElideMode.ElideRight, inner.width()))
            y += fm.height() + 2
        # Last line: days in stage at the left, the next follow-up at the right (red when overdue).
        due_font = QFont(small)
        due_font.setBold(words.overdue or words.due_today)
        due_fm = QFontMetrics(due_font)
        due_width = due_fm.horizontalAdvance(words.due) if words.due else 0
        if words.due:
            painter.setFont(due_font)
            painter.setPen(OVERDUE if words.overdue else DUE_TODAY if words.due_today else muted)
            painter.drawText(QPoint(inner.right() - due_width, y + due_fm.ascent()), words.due)
        fm = QFontMetrics(small)
        painter.setFont(small)
        painter.setPen(muted)
        room = inner.width() - due_width - (8 if due_width else 0)
        painter.drawText(QPoint(inner.left(), y + fm.ascent()),
                         fm.elidedText(words.days_short, Qt.TextElideMode.ElideRight, room))
        painter.restore()


class CardView(QListView):
    """One column's list of cards: drags cards out; keys open, move and change column."""

    open_requested = Signal(str)  # customer id (Enter, double-click)
    menu_requested = Signal(QPoint)  # global position (Menu key, Shift+F10, right click)
    step_requested = Signal(str, int)  # customer id, -1 previous / +1 next stage (Alt+Left/Right)
    column_requested = Signal(int)  # -1 / +1: move the focus to the neighbouring column

    def __init__(self, model: CardModel, delegate: CardDelegate, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setModel(model)
        self.setItemDelegate(delegate)
        self.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.setDragEnabled(True)
        self.setDragDropMode(QAbstractItemView.DragDropMode.DragOnly)
        self.setDefaultDropAction(Qt.DropAction.MoveAction)
        self.setUniformItemSizes(True)
        self.setVerticalScrollMode(QAbstractItemView.ScrollMode.ScrollPerPixel)
        self.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
        self.setFrameShape(QListView.Shape.NoFrame)
        self.viewport().setAutoFillBackground(False)  # the column's colour shows between cards
        self.customContextMenuRequested.connect(lambda pos: self.menu_requested.emit(self.viewport().mapToGlobal(pos)))
        self.doubleClicked.connect(self._open)

    def cards(self) -> CardModel:
        model = self.model()
        assert isinstance(model, CardModel)
        return model

    def current_card(self) -> PipelineCard | None:
        index = self.currentIndex()
        return index.data(CARD_ROLE) if index.isValid() and self.selectionModel().isSelected(index) else None

    def select_customer(self, customer_id: str) -> bool:
        row = self.cards().row_of(customer_id)
        if row < 0:
            return False
        self.setCurrentIndex(self.cards().index(row))
        return True

    def _open(self, index: QModelIndex) -> None:
        card = index.data(CARD_ROLE)
        if card is not None:
            self.open_requested.emit(card.id)

    def keyPressEvent(self, event: QKeyEvent) -> None:
        key, mods = event.key(), event.modifiers()
        card = self.current_card()
        if key in (Qt.Key.Key_Return, Qt.Key.Key_Enter) and card is not None:
            self.open_requested.emit(card.id)
        elif key == Qt.Key.Key_Menu or (key == Qt.Key.Key_F10 and mods & Qt.KeyboardModifier.ShiftModifier):
            rect = self.visualRect(self.currentIndex()) if card is not None else self.viewport().rect()
            self.menu_requested.emit(self.viewport().mapToGlobal(rect.center()))
        elif key in (Qt.Key.Key_Left, Qt.Key.Key_Right):
            step = -1 if key == Qt.Key.Key_Left else 1
            if mods & Qt.KeyboardModifier.AltModifier:
                if card is not None:
                    self.step_requested.emit(card.id, step)
            else:
                self.column_requested.emit(step)
        else:
            super().keyPressEvent(event)
            return
        event.accept()

    def startDrag(self, supportedActions: Qt.DropAction) -> None:
        index = self.currentIndex()
        card: PipelineCard | None = index.data(CARD_ROLE) if index.isValid() else None
        if card is None:
            return
        drag = QDrag(self)
        drag.setMimeData(card_mime(card.id, self.cards().stage_code))
        rect = self.visualRect(index)
        drag.setPixmap(self.viewport().grab(rect))
        drag.setHotSpot(QPoint(rect.width() // 2, rect.height() // 2))
        drag.exec(Qt.DropAction.MoveAction)


def describer(industry_labels: Mapping[str, str], owner_names: Mapping[str, str], show_owner: Callable[[], bool],
              today: Callable[[], date]) -> Describe:
    """How a card reads: name; industry (and owner); days in stage; next follow-up."""

    def describe(card: PipelineCard) -> CardText:
        detail = industry_labels.get(card.industry_code, card.industry_code)
        if show_owner() and card.owner_id:
            detail = QCoreApplication.translate("pipeline", "{0} · {1}").format(detail, owner_names.get(card.owner_id, "?"))
        now = today()
        days = days_short = ""
        if card.stage_changed_at is not None:
            n = max((now - card.stage_changed_at.date()).days, 0)
            days, days_short = QCoreApplication.translate("pipeline", "{0} d in stage").format(n), QCoreApplication.translate("pipeline", "{0} d").format(n)
        follow_up = card.next_follow_up
        if follow_up is None:
            return CardText(card.display_name, detail, days, days_short, "", QCoreApplication.translate("pipeline", "no follow-up"), False, False)
        short = follow_up.strftime("%m-%d" if follow_up.year == now.year else "%Y-%m-%d")
        if follow_up < now:
            follow, due = QCoreApplication.translate("pipeline", "follow-up {0} (overdue)"), QCoreApplication.translate("pipeline", "overdue {0}")
        elif follow_up == now:
            follow, due = QCoreApplication.translate("pipeline", "follow-up {0} (today)"), QCoreApplication.translate("pipeline", "due today")
        else:
            follow, due = QCoreApplication.translate("pipeline", "follow-up {0}"), QCoreApplication.translate("pipeline", "due {0}")
        return CardText(card.display_name, detail, days, days_short, due.format(short),
                        follow.format(follow_up.isoformat()), follow_up < now, follow_up == now)

    return describe
