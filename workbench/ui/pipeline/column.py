"""One stage column of the board: its header with the true count, its cards, "N more…".

The column (not the list inside it) is the drop target, so a card can be dropped anywhere
on it, header included.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence

from PySide6.QtCore import QLocale, Qt, Signal
from PySide6.QtGui import QDragEnterEvent, QDragLeaveEvent, QDragMoveEvent, QDropEvent, QFontMetrics
from PySide6.QtWidgets import QFrame, QHBoxLayout, QLabel, QVBoxLayout, QWidget

from workbench.services.dto import StageInfo
from workbench.services.pipeline import PipelineCard
from workbench.ui.i18n import Retranslating
from workbench.ui.labels import label
from workbench.ui.pipeline.cards import CardDelegate, CardModel, CardView, read_mime

#: The board sets it once; columns carry the properties it matches (side, dropTarget).
COLUMN_STYLE = """
QFrame#stageColumn { background: palette(alternate-base); border: 1px solid palette(midlight); border-radius: 6px; }
QFrame#stageColumn[side="true"] { background: #f1ede7; }
QFrame#stageColumn[dropTarget="true"] { border: 2px dashed palette(highlight); }
QLabel#stageTitle { font-weight: bold; }
QLabel#stageCount { color: palette(highlighted-text); background: palette(highlight); border-radius: 8px;
                    padding: 1px 7px; font-weight: bold; }
QLabel#stageMore, QLabel#stageEmpty { color: palette(placeholder-text); padding: 6px; }
QLabel#stageGroup { color: palette(placeholder-text); border-bottom: 2px solid palette(mid); padding: 0 4px 2px 4px; }
"""


class StageColumn(Retranslating, QFrame):
    card_dropped = Signal(str, str, str)  # customer id, from stage code, to stage code

    def __init__(self, stage: StageInfo, model: CardModel, delegate: CardDelegate,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.stage = stage
        self.count = 0
        self.setObjectName("stageColumn")
        self.setProperty("side", stage.side)
        self.setProperty("dropTarget", False)
        self.setAcceptDrops(True)
        self.setMinimumWidth(150 if stage.side else 175)
        self.setMaximumWidth(320)

        self.title = QLabel()
        self.title.setObjectName("stageTitle")
        self.title.setWordWrap(True)
        self.title.setAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter)
        bold = self.title.font()
        bold.setBold(True)
        self.title.setMinimumHeight(2 * QFontMetrics(bold).height())  # headers line up, one line or two
        self.count_label = QLabel("0")
        self.count_label.setObjectName("stageCount")
        self.count_label.setAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        head = QHBoxLayout()
        head.setContentsMargins(8, 6, 8, 2)
        head.addWidget(self.title, 1)
        head.addWidget(self.count_label)

        self.view = CardView(model, delegate, self)
        self.more = QLabel()
        self.more.setObjectName("stageMore")
        self.more.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.more.hide()
        self.empty = QLabel()
        self.empty.setObjectName("stageEmpty")
        self.empty.setAlignment(Qt.AlignmentFlag.AlignHCenter | Qt.AlignmentFlag.AlignTop)

        layout = QVBoxLayout(self)
        layout.setContentsMargins(2, 2, 2, 4)
        layout.setSpacing(2)
        layout.addLayout(head)
        layout.addWidget(self.empty)
        layout.addWidget(self.view, 1)
        layout.addWidget(self.more)
        self.retranslate()

    @property
    def code(self) -> str:
        return self.stage.code

    def cards(self) -> CardModel:
        return self.view.cards()

    def shown(self) -> int:
        return len(self.cards().cards)

    def set_cards(self, cards: Sequence[PipelineCard]) -> None:
        keep = self.view.current_card()
        self.cards().set_cards(cards)
        if keep is not None:
            self.view.select_customer(keep.id)
        self._update_hints()

    def set_count(self, count: int) -> None:
        self.count = count
        self.count_label.setText(QLocale().toString(count))
        self._update_hints()

    def _update_hints(self) -> None:
        hidden = max(self.count - self.shown(), 0)
        self.more.setVisible(hidden > 0)
        self.more.setText(self.tr("{0} more…").format(QLocale().toString(hidden)))
        self.more.setToolTip(self.tr("The most recently moved customers are shown; "
                                     "filter by owner or industry to narrow the column."))
        self.empty.setVisible(self.count == 0)
        self.view.setVisible(self.count > 0)

    def retranslate(self) -> None:
        name = label(self.stage)
        self.title.setText(name)
        self.setAccessibleName(name)
        self.count_label.setToolTip(self.tr("Customers in this stage"))
        self.empty.setText(self.tr("No customers"))
        self._update_hints()


    # --- drop target ------------------------------------------------------------------------
    def _set_target(self, on: bool) -> None:
        self.setProperty("dropTarget", on)
        self.style().unpolish(self)
        self.style().polish(self)

    def _wanted(self, event: QDragEnterEvent | QDragMoveEvent | QDropEvent) -> tuple[str, str] | None:
        found = read_mime(event.mimeData())
        return found if found is not None and found[1] != self.code else None

    def dragEnterEvent(self, event: QDragEnterEvent) -> None:
        if self._wanted(event) is None:
            event.ignore()
            return
        event.setDropAction(Qt.DropAction.MoveAction)
        event.accept()
        self._set_target(True)

    def dragMoveEvent(self, event: QDragMoveEvent) -> None:
        if self._wanted(event) is None:
            event.ignore()
            return
        event.setDropAction(Qt.DropAction.MoveAction)
        event.accept()

    def dragLeaveEvent(self, event: QDragLeaveEvent) -> None:
        self._set_target(False)
        super().dragLeaveEvent(event)

    def dropEvent(self, event: QDropEvent) -> None:
        self._set_target(False)
        found = self._wanted(event)
        if found is None:
            event.ignore()
            return
        event.setDropAction(Qt.DropAction.MoveAction)
        event.accept()
        self.card_dropped.emit(found[0], found[1], self.code)


def focus_neighbour(columns: Sequence[StageColumn], current: StageColumn, step: int,
                    visible: Callable[[StageColumn], bool]) -> StageColumn | None:
    """The next column left or right (skipping hidden or empty ones) with its first card selected."""
    order = list(columns)
    i = order.index(current) + step
    while 0 <= i < len(order):
        col = order[i]
        if visible(col) and col.shown():
            return col
        i += step
    return None
