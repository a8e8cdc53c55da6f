"""The conflicts screen: what the server could not merge, field by field, both values with who
wrote them and when, the provisional winner marked; choosing one settles it (a journaled
write that syncs, so the whole team sees the same answer). Duplicate customers are merged
from here.

Keys: the arrows move through the list, Enter opens the customer (``customer_requested``),
Ctrl+K keeps the provisional value, Ctrl+O takes the other one.
"""

from __future__ import annotations

import logging
from typing import Any

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt, Signal
from PySide6.QtGui import QAction, QKeyEvent, QKeySequence
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QGridLayout,
    QGroupBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QStackedWidget,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from workbench.services import conflicts as conflict_service
from workbench.services import customers, merge, stages
from workbench.services.merge import ConflictLine
from workbench.ui.env import UiEnv, apply
from workbench.ui.errors import describe
from workbench.ui.i18n import Retranslating
from workbench.ui.sync.conflict_text import ConflictTexts

log = logging.getLogger(__name__)
OPEN, RESOLVED, ALL = "open", "resolved", None
FILTERS = (OPEN, RESOLVED, ALL)
LINE = Qt.ItemDataRole.UserRole
CUSTOMER, RECORD, FIELD, KEPT, OTHER, WHO, WHEN, STATUS = range(8)


class ConflictsModel(QAbstractTableModel):
    def __init__(self, texts: ConflictTexts) -> None:
        super().__init__()
        self.texts = texts
        self.lines: list[ConflictLine] = []

    def set_lines(self, lines: list[ConflictLine]) -> None:
        self.beginResetModel()
        self.lines = lines
        self.endResetModel()

    def rowCount(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> int:  # noqa: B008, N802
        return 0 if parent.isValid() else len(self.lines)

    def columnCount(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> int:  # noqa: B008, N802
        return 8

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole) -> Any:  # noqa: N802
        if orientation != Qt.Orientation.Horizontal or role != Qt.ItemDataRole.DisplayRole:
            return None
        return self.texts.headers()[section]

    def data(self, index: QModelIndex | QPersistentModelIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        line, t, col = self.lines[index.row()], self.texts, index.column()
        if role == LINE:
            return line
        if role not in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole):
            return None
        short = role == Qt.ItemDataRole.DisplayRole
        if col == CUSTOMER:
            return t.customer(line)
        if col == RECORD:
            return t.record(line)
        if col == FIELD:
            return t.field(line)
        if col == KEPT:
            return "★ " + t.value(line, line.kept.value, short=short, side=line.kept.customer)
        if col == OTHER:
            return t.value(line, line.other.value, short=short, side=line.other.customer)
        if col == WHO:
            return f"{t.who(line.kept.by)} / {t.who(line.other.by)}"
        if col == WHEN:
            return f"{t.when(line.kept.at)} / {t.when(line.other.at)}"
        return t.status(line)


class ConflictsTable(QTableView):
    activated_line = Signal()

    def keyPressEvent(self, event: QKeyEvent) -> None:  # noqa: N802 - Qt's name
        if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
            self.activated_line.emit()
            return
        super().keyPressEvent(event)


class ConflictsView(Retranslating, QWidget):
    """``ConflictsView(env)``: the team's conflicts this laptop holds, reloaded when a
    change to conflicts (or to the customers they name) is published on ``env.bus``."""

    customer_requested = Signal(str)  # Enter or a double click: open this customer
    resolved = Signal(str)  # a conflict was settled here (its id)
    loaded = Signal()  # a load arrived and is shown
    open_count_changed = Signal(int)  # open conflicts, for a badge or the status bar

    def __init__(self, env: UiEnv, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.env = env
        self.texts = ConflictTexts()
        self.model = ConflictsModel(self.texts)
        self._open_count = -1

        self.filter_label = QLabel()
        self.filter = QComboBox()
        self.filter.setObjectName("conflicts_filter")
        self.filter.addItems(["", "", ""])
        self.filter_label.setBuddy(self.filter)
        self.count = QLabel()
        top = QHBoxLayout()
        top.addWidget(self.filter_label)
        top.addWidget(self.filter)
        top.addStretch(1)
        top.addWidget(self.count)

        self.table = ConflictsTable()
        self.table.setObjectName("conflicts_table")
        self.table.setModel(self.model)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setWordWrap(False)
        self.table.verticalHeader().hide()
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        header.setStretchLastSection(True)
        for col, width in ((CUSTOMER, 180), (RECORD, 80), (FIELD, 130), (KEPT, 210), (OTHER, 190),
                           (WHO, 110), (WHEN, 220)):
            header.resizeSection(col, width)
        self.empty = QLabel()
        self.empty.setObjectName("conflicts_empty")
        self.empty.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.stack = QStackedWidget()
        self.stack.addWidget(self.table)
        self.stack.addWidget(self.empty)

        self.detail = QGroupBox()
        grid = QGridLayout(self.detail)
        self.kept_title, self.other_title = QLabel(), QLabel()
        self.kept_value, self.other_value = QLabel(), QLabel()
        self.kept_who, self.other_who = QLabel(), QLabel()
        for n, (title, value, who) in enumerate(((self.kept_title, self.kept_value, self.kept_who),
                                                 (self.other_title, self.other_value, self.other_who))):
            title.setStyleSheet("font-weight: bold")
            value.setWordWrap(True)
            value.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
            grid.addWidget(title, 0, n)
            grid.addWidget(value, 1, n)
            grid.addWidget(who, 2, n)
        self.keep_button, self.other_button = QPushButton(), QPushButton()
        self.keep_button.setObjectName("keep_kept")
        self.other_button.setObjectName("take_other")
        self.keep_button.clicked.connect(lambda: self.choose(conflict_service.KEPT))
        self.other_button.clicked.connect(lambda: self.choose(conflict_service.OTHER))
        grid.addWidget(self.keep_button, 3, 0)
        grid.addWidget(self.other_button, 3, 1)
        self.state = QLabel()
        self.state.setWordWrap(True)
        grid.addWidget(self.state, 4, 0, 1, 2)
        grid.setColumnStretch(0, 1)
        grid.setColumnStretch(1, 1)

        self.act_keep, self.act_other = QAction(self), QAction(self)
        for act, keys, keep in ((self.act_keep, "Ctrl+K", conflict_service.KEPT),
                                (self.act_other, "Ctrl+O", conflict_service.OTHER)):
            act.setShortcut(QKeySequence(keys))
            act.setShortcutContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
            act.triggered.connect(lambda _=False, k=keep: self.choose(k))
            self.addAction(act)

        lay = QVBoxLayout(self)
        lay.addLayout(top)
        lay.addWidget(self.stack, 3)
        lay.addWidget(self.detail, 2)

        self.filter.currentIndexChanged.connect(lambda _i: self.reload())
        self.table.selectionModel().currentRowChanged.connect(lambda *_: self._show_detail())
        self.table.activated_line.connect(self._open_customer)
        self.table.doubleClicked.connect(lambda _i: self._open_customer())
        env.bus.changed.connect(self._changed)
        self.retranslate()
        self.reload()

    # -- texts ---------------------------------------------------------------------------

    def retranslate(self) -> None:
        self.filter_label.setText(self.tr("&Show:"))
        for i, text in enumerate((self.tr("Open conflicts"), self.tr("Resolved"), self.tr("All"))):
            self.filter.setItemText(i, text)
        self.empty.setText(self.tr("No conflicts: everything the team typed merged cleanly."))
        self.act_keep.setToolTip(self.tr("Keep the provisional value (Ctrl+K)"))
        self.act_other.setToolTip(self.tr("Take the other value (Ctrl+O)"))
        self.model.headerDataChanged.emit(Qt.Orientation.Horizontal, 0, 7)
        self.model.set_lines(list(self.model.lines))
        self._show_count()
        self._show_detail()

    # -- loading ---------------------------------------------------------------------------

    @property
    def status_filter(self) -> str | None:
        return FILTERS[max(0, self.filter.currentIndex())]

    def _changed(self, changes: Any) -> None:
        if changes.touches("conflicts", "customers", "contacts"):
            self.reload()

    def reload(self) -> None:
        ctx, status = self.env.ctx, self.status_filter

        def load(_op: Any) -> tuple[list[ConflictLine], int, dict[str, Any], dict[str, Any]]:
            lines = merge.describe_conflicts(ctx, status=status)
            open_count = len(lines) if status == OPEN else len(conflict_service.list_conflicts(ctx))
            industries = {i.code: i for i in customers.industries(ctx)}
            stage_infos = {s.code: s for s in stages.list_stages(ctx, include_inactive=True)}
            return lines, open_count, industries, stage_infos

        self.env.runner.latest(self, "conflicts", load, self._loaded)

    def _loaded(self, result: tuple[list[ConflictLine], int, dict[str, Any], dict[str, Any]]) -> None:
        lines, open_count, self.texts.industries, self.texts.stages = result
        current = self.current_line()
        row = max(0, self.table.currentIndex().row())
        self.model.set_lines(lines)
        if lines:
            ids = [x.id for x in lines]
            row = ids.index(current.id) if current is not None and current.id in ids else min(row, len(lines) - 1)
            self.table.setCurrentIndex(self.model.index(row, 0))
        self.stack.setCurrentWidget(self.table if lines else self.empty)
        if open_count != self._open_count:
            self._open_count = open_count
            self.open_count_changed.emit(open_count)
        self._show_count()
        self._show_detail()
        self.loaded.emit()

    def _show_count(self) -> None:
        self.count.setText(self.tr("{0} open").format(max(0, self._open_count)))

    # -- the current conflict ---------------------------------------------------------------

    def current_line(self) -> ConflictLine | None:
        index = self.table.currentIndex()
        if not index.isValid() or index.row() >= len(self.model.lines):
            return None
        return self.model.lines[index.row()]

    def _open_customer(self) -> None:
        line = self.current_line()
        if line is not None:
            target = line.customer_id
            if line.kind == "duplicate_customer" and line.kept.customer is not None and not line.kept.customer.deleted:
                target = line.kept.customer.id
            if target:
                self.customer_requested.emit(target)

    def _choices(self, line: ConflictLine) -> tuple[str, str | None]:
        """The two buttons' texts (None: no second choice)."""
        if line.kind == "duplicate_customer":
            if not line.mergeable:
                return self.tr("Mark as seen"), None
            assert line.kept.customer is not None and line.other.customer is not None
            return (self.tr("Keep “{0}”, merge the other into it").format(line.kept.customer.name),
                    self.tr("Keep “{0}”, merge the other into it").format(line.other.customer.name))
        if line.kind == "edit_delete":
            return self.tr("Keep the record, with the edit"), self.tr("Delete it")
        if line.kind == "version_no":
            return self.tr("Mark as seen"), None
        return self.tr("Keep this value"), self.tr("Take this value instead")

    def _show_detail(self) -> None:
        line, t = self.current_line(), self.texts
        self.detail.setVisible(line is not None)
        if line is None:
            return
        self.detail.setTitle(f"{t.customer(line)} · {t.record(line)} · {t.field(line)}")
        self.kept_title.setText(self.tr("★ Provisional winner (in force now)"))
        self.other_title.setText(self.tr("The other value"))
        self.kept_value.setText(t.value(line, line.kept.value, side=line.kept.customer))
        self.other_value.setText(t.value(line, line.other.value, side=line.other.customer))
        self.kept_who.setText(self.tr("by {0}, {1}").format(t.who(line.kept.by), t.when(line.kept.at)))
        self.other_who.setText(self.tr("by {0}, {1}").format(t.who(line.other.by), t.when(line.other.at)))
        keep, other = self._choices(line)
        is_open = line.status == OPEN
        self.keep_button.setText(keep + "  (Ctrl+K)")
        self.other_button.setText((other or self.tr("Take the other")) + "  (Ctrl+O)")
        self.keep_button.setEnabled(is_open)
        self.other_button.setEnabled(is_open and other is not None)
        if is_open:
            self.state.setText(self.tr("Until someone chooses, the provisional value is in force on every laptop."))
        else:
            self.state.setText(self.tr("Resolved by {0}, {1}").format(t.who(line.resolved_by), t.when(line.resolved_at)))

    def choose(self, keep: str) -> bool:
        """Settle the current conflict: ``kept`` (the provisional value, the record kept, the
        first customer) or ``other``. Returns whether it was settled."""
        line = self.current_line()
        if line is None or line.status != OPEN:
            return False
        if keep == conflict_service.OTHER and not self.other_button.isEnabled():
            return False
        ctx = self.env.ctx
        try:
            if line.kind == "duplicate_customer" and line.mergeable:
                assert line.kept.customer is not None and line.other.customer is not None
                a, b = line.kept.customer.id, line.other.customer.id
                keep_id, other_id = (a, b) if keep == conflict_service.KEPT else (b, a)
                apply(self.env, lambda: merge.merge_customers(ctx, keep_id=keep_id, other_id=other_id,
                                                              conflict_id=line.id))
            elif line.kind == "edit_delete" and keep == conflict_service.OTHER:
                apply(self.env, lambda: merge.accept_delete(ctx, conflict_id=line.id))
            else:
                apply(self.env, lambda: conflict_service.resolve_conflict(ctx, conflict_id=line.id, keep=keep))
        except Exception as exc:  # shown in the pane; the list reloads as it is stored
            message, expected = describe(exc)
            if not expected:
                log.error("settling a conflict failed", exc_info=exc)
            self.state.setText(self.tr("Could not settle it: {0}").format(message))
            self.reload()
            return False
        self.resolved.emit(line.id)
        return True
