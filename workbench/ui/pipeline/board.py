"""The pipeline board: customers as cards in stage columns, moved by drag, menu or keys.

Counts are exact over every matching customer; each column loads only its most recently
moved cards (``CARDS_PER_COLUMN``). Loads run through the runner; after a change announced
on the bus only the counts and the columns the changed cards were in and are in now are
reloaded. Every load request covers everything still pending, so a result that arrives
for a superseded request can be dropped without losing a change.
"""

from __future__ import annotations

from datetime import datetime
from typing import Any

from PySide6.QtCore import QLocale, QPoint, Qt, QTimer, Signal
from PySide6.QtGui import QAction, QShowEvent
from PySide6.QtWidgets import (
    QComboBox,
    QFrame,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QMenu,
    QScrollArea,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from workbench.services import pipeline
from workbench.services.customers import industries
from workbench.services.pipeline import BoardData, PipelineCard
from workbench.services.stages import list_stages
from workbench.services.users import list_users
from workbench.ui.env import UiEnv
from workbench.ui.i18n import Retranslating
from workbench.ui.labels import label, user_label
from workbench.ui.pipeline.cards import CardDelegate, CardModel, describer
from workbench.ui.pipeline.column import COLUMN_STYLE, StageColumn, focus_neighbour
from workbench.ui.pipeline.reason import ReasonDialog
from workbench.ui.runner import Op
from workbench.ui.undo import MoveStage

CARDS_PER_COLUMN = 100


class PipelinePage(Retranslating, QWidget):
    customer_requested = Signal(str)  # customer id: Enter or double-click on a card
    loaded = Signal()  # a load's result is on screen (tests wait for it)

    def __init__(self, env: UiEnv, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.env = env
        self.setObjectName("pipelinePage")
        self.setStyleSheet(COLUMN_STYLE)
        self.stages = list_stages(env.ctx)
        self._industries = industries(env.ctx)
        self._users = list_users(env.ctx.store)
        self.industry_labels: dict[str, str] = {}
        self.owner_names = {u.id: user_label(u.name) or "" for u in self._users}
        self.reason_dialog: ReasonDialog | None = None
        self._full_pending = False
        self._pending_ids: set[str] = set()
        self._pending_codes: set[str] = set()
        self._stale = False
        self._flush_timer = QTimer(self)
        self._flush_timer.setSingleShot(True)
        self._flush_timer.setInterval(30)  # a burst of changes costs one reload
        self._flush_timer.timeout.connect(self._flush)

        self._build_filters()
        self._build_columns()
        layout = QVBoxLayout(self)
        layout.setContentsMargins(8, 8, 8, 8)
        layout.addLayout(self.filter_bar)
        layout.addWidget(self.columns_area, 1)
        self.retranslate()

        env.bus.customer_changed.connect(self._on_customer_changed)
        env.bus.customers_changed.connect(self._on_customers_changed)
        self.refresh()

    # --- building -------------------------------------------------------------------------
    def _build_filters(self) -> None:
        self.owner_label, self.owner = QLabel(), QComboBox()
        self.owner.setObjectName("ownerFilter")
        self.owner_label.setBuddy(self.owner)
        self.industry_label, self.industry = QLabel(), QComboBox()
        self.industry.setObjectName("industryFilter")
        self.industry_label.setBuddy(self.industry)
        self.owner.addItem("", None)
        self.owner.addItem("", self.env.ctx.user_id)
        for user in self._users:
            if user.id != self.env.ctx.user_id:
                self.owner.addItem(user_label(user.name) or "", user.id)
        self.industry.addItem("", None)
        for info in self._industries:
            self.industry.addItem("", info.code)
        self.side_toggle = QToolButton()
        self.side_toggle.setObjectName("sideToggle")
        self.side_toggle.setCheckable(True)
        self.side_toggle.setChecked(self.env.settings.pipeline_show_side)
        self.side_toggle.toggled.connect(self._show_side)
        self.total = QLabel()
        self.total.setObjectName("pipelineTotal")
        self.owner.currentIndexChanged.connect(self._filters_changed)
        self.industry.currentIndexChanged.connect(self._filters_changed)
        bar = QHBoxLayout()
        for w in (self.owner_label, self.owner, self.industry_label, self.industry, self.side_toggle):
            bar.addWidget(w)
        bar.addStretch(1)
        bar.addWidget(self.total)
        self.filter_bar = bar

    def _build_columns(self) -> None:
        self.describe = describer(self.industry_labels, self.owner_names, lambda: self.owner_id is None,
                                  self.env.today)
        self.delegate = CardDelegate(self.describe, self)
        self.columns: dict[str, StageColumn] = {}
        self.group_labels: list[tuple[QLabel, Any]] = []
        grid = QGridLayout()
        grid.setHorizontalSpacing(8)
        grid.setVerticalSpacing(4)
        ladder = [s for s in self.stages if not s.side]
        side = [s for s in self.stages if s.side]
        self.side_widgets: list[QWidget] = []
        col = 0
        for group in (ladder, side):
            if group is side and side:
                sep = QFrame()
                sep.setFrameShape(QFrame.Shape.VLine)
                sep.setFrameShadow(QFrame.Shadow.Sunken)
                grid.addWidget(sep, 0, col, 2, 1)
                self.side_widgets.append(sep)
                col += 1
            start = col
            for stage in group:
                column = StageColumn(stage, CardModel(stage.code, self.describe, self), self.delegate)
                column.card_dropped.connect(lambda cid, _from, to: self.request_move(cid, to))
                view = column.view
                view.open_requested.connect(self.customer_requested)
                view.menu_requested.connect(lambda pos, c=column: self._show_menu(c, pos))
                view.step_requested.connect(self._step)
                view.column_requested.connect(lambda step, c=column: self._focus_column(c, step))
                grid.addWidget(column, 1, col)
                grid.setColumnStretch(col, 1)
                self.columns[stage.code] = column
                if stage.side:
                    self.side_widgets.append(column)
                col += 1
            self._add_group_headers(grid, group, start)
        body = QWidget()
        body.setLayout(grid)
        self.columns_area = QScrollArea()
        self.columns_area.setObjectName("pipelineColumns")
        self.columns_area.setWidgetResizable(True)
        self.columns_area.setFrameShape(QFrame.Shape.NoFrame)
        self.columns_area.setWidget(body)

    def _add_group_headers(self, grid: QGridLayout, group: list[Any], start: int) -> None:
        """A header over consecutive stages of one group (加强关系, 休眠/流失)."""
        i = 0
        while i < len(group):
            j = i
            while j + 1 < len(group) and group[j + 1].group_en == group[i].group_en:
                j += 1
            if j > i:
                head = QLabel()
                head.setObjectName("stageGroup")
                head.setAlignment(Qt.AlignmentFlag.AlignCenter)
                grid.addWidget(head, 0, start + i, 1, j - i + 1)
                self.group_labels.append((head, group[i]))
                if group[i].side:
                    self.side_widgets.append(head)
            i = j + 1
        for w in self.side_widgets:  # as the user left them last time
            w.setVisible(self.side_toggle.isChecked())

    # --- texts ----------------------------------------------------------------------------
    def retranslate(self) -> None:
        self.owner_label.setText(self.tr("&Owner:"))
        self.owner.setItemText(0, self.tr("All owners"))
        self.owner.setItemText(1, self.tr("Mine"))
        self.industry_label.setText(self.tr("&Industry:"))
        self.industry.setItemText(0, self.tr("All industries"))
        self.industry_labels.clear()
        for row, info in enumerate(self._industries, start=1):
            self.industry_labels[info.code] = label(info)
            self.industry.setItemText(row, label(info))
        for head, stage in self.group_labels:
            head.setText(stage.group_zh if label(stage) == stage.name_zh else stage.group_en)
        self.side_toggle.setToolTip(self.tr("Show or hide the dormant and lost customers"))
        self._update_totals()
        for column in self.columns.values():
            column.view.viewport().update()


    def _update_totals(self) -> None:
        ladder = sum(c.count for c in self.columns.values() if not c.stage.side)
        side = sum(c.count for c in self.columns.values() if c.stage.side)
        self.total.setText(self.tr("{0} customers in the pipeline").format(QLocale().toString(ladder)))
        self.side_toggle.setText(self.tr("&Dormant/lost ({0})").format(QLocale().toString(side)))

    # --- filters --------------------------------------------------------------------------
    @property
    def owner_id(self) -> str | None:
        data = self.owner.currentData()
        return str(data) if data else None

    @property
    def industry_code(self) -> str | None:
        data = self.industry.currentData()
        return str(data) if data else None

    def column(self, code: str) -> StageColumn:
        return self.columns[code]

    def _filters_changed(self) -> None:
        self.refresh()

    def _show_side(self, shown: bool) -> None:
        self.env.settings.pipeline_show_side = shown  # remembered for the next start
        for w in self.side_widgets:
            w.setVisible(shown)

    # --- loading --------------------------------------------------------------------------
    def refresh(self) -> None:
        """Reload counts and every column (filters changed, F5, many customers changed)."""
        self._full_pending = True
        self._request()

    def _request(self) -> None:
        ctx = self.env.ctx
        codes = list(self.columns) if self._full_pending else sorted(self._pending_codes)
        ids = sorted(self._pending_ids)
        owner_id, industry_code = self.owner_id, self.industry_code

        def work(_op: Op) -> BoardData:
            return pipeline.load_board(ctx, stage_codes=codes, owner_id=owner_id, industry_code=industry_code,
                                            limit=CARDS_PER_COLUMN, customer_ids=ids)

        # only the newest request is shown: it covers every change an older one was for
        self.env.runner.latest(self, "board", work, self._on_loaded, label=self.tr("Loading the pipeline"))

    def _on_loaded(self, data: BoardData) -> None:
        self._full_pending = False
        self._pending_ids.clear()
        self._pending_codes.clear()
        for code, column in self.columns.items():
            if code in data.cards:
                column.set_cards(data.cards[code])
            column.set_count(data.counts.get(code, 0))
        self._update_totals()
        self.loaded.emit()

    def _on_customer_changed(self, customer_id: str) -> None:
        self._pending_ids.add(customer_id)
        self._pending_codes.update(code for code, c in self.columns.items() if c.cards().row_of(customer_id) >= 0)
        self._schedule()

    def _on_customers_changed(self) -> None:
        self._full_pending = True
        self._schedule()

    def _schedule(self) -> None:
        if not self.isVisible():
            self._stale = True  # reloaded when shown: a hidden board costs nothing
            return
        self._flush_timer.start()

    def _flush(self) -> None:
        self._request()

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        if self._stale:
            self._stale = False
            self.refresh()

    # --- moving cards ---------------------------------------------------------------------
    def find_card(self, customer_id: str) -> PipelineCard | None:
        for column in self.columns.values():
            row = column.cards().row_of(customer_id)
            if row >= 0:
                return column.cards().cards[row]
        return None

    def request_move(self, customer_id: str, to_code: str) -> ReasonDialog | None:
        """Ask for the reason (the dialog is ``self.reason_dialog``); the move happens on OK."""
        card = self.find_card(customer_id) or pipeline.card(self.env.ctx, customer_id=customer_id)
        if card is None or card.stage_code == to_code or to_code not in self.columns:
            return None
        if self.reason_dialog is not None:
            self.reason_dialog.reject()
        names = {s.code: label(s) for s in self.stages}
        dialog = ReasonDialog(card.display_name, names.get(card.stage_code, card.stage_code), names[to_code], self)
        dialog.make_move = lambda reason: self._move(customer_id, to_code, reason)
        dialog.finished.connect(lambda _r: self._dialog_closed(dialog))
        self.reason_dialog = dialog
        dialog.open()
        return dialog

    def _dialog_closed(self, dialog: ReasonDialog) -> None:
        if self.reason_dialog is dialog:
            self.reason_dialog = None
        dialog.deleteLater()

    def move_card(self, customer_id: str, to_code: str, reason: str | None = None) -> bool:
        """Move now, without asking; a failure is shown in a box. False when not moved."""
        try:
            return self._move(customer_id, to_code, reason)
        except Exception as exc:  # noqa: BLE001 - every failure reaches the user
            from workbench.ui.errors import show_error

            show_error(self, exc)
            return False

    def _move(self, customer_id: str, to_code: str, reason: str | None) -> bool:
        """Make the move and record it as an undoable command (the drop, the menu and the keys
        end here, through the reason dialog); raises when it could not be made."""
        current = pipeline.card(self.env.ctx, customer_id=customer_id)
        if current is None or current.stage_code == to_code or to_code not in self.columns:
            return False
        shown = self.find_card(customer_id) is not None
        MoveStage(self.env, customer_id=customer_id, from_code=current.stage_code, to_code=to_code,
                  reason=reason).push()
        if shown:
            self._show_moved(current, to_code)
        return True

    def _show_moved(self, card: PipelineCard, to_code: str) -> None:
        """Move the card on screen at once; the reload the bus triggers confirms it."""
        source = self.columns.get(card.stage_code)
        if source is not None:
            cards = source.cards().cards
            source.set_cards([c for c in cards if c.id != card.id])
            source.set_count(max(source.count - 1, 0))
        target = self.columns[to_code]
        moved = PipelineCard(card.id, card.name, card.short_name, card.industry_code, card.owner_id, to_code,
                             datetime.now().replace(microsecond=0), card.next_follow_up)
        target.set_cards([moved, *target.cards().cards][:CARDS_PER_COLUMN])
        target.set_count(target.count + 1)
        self._update_totals()
        if target.isVisible():
            target.view.select_customer(card.id)
            target.view.setFocus()

    def _step_target(self, card: PipelineCard, step: int) -> str | None:
        """The neighbouring stage on the ladder (side states have none)."""
        ladder = [s.code for s in self.stages if not s.side]
        if card.stage_code not in ladder:
            return None
        i = ladder.index(card.stage_code) + step
        return ladder[i] if 0 <= i < len(ladder) else None

    def _step(self, customer_id: str, step: int) -> None:
        card = self.find_card(customer_id)
        target = self._step_target(card, step) if card is not None else None
        if target is not None:
            self.request_move(customer_id, target)

    def _focus_column(self, current: StageColumn, step: int) -> None:
        target = focus_neighbour(list(self.columns.values()), current, step, lambda c: c.isVisible())
        if target is not None:
            if target.view.current_card() is None:
                target.view.setCurrentIndex(target.cards().index(0))
            target.view.setFocus()

    # --- the card menu --------------------------------------------------------------------
    def card_menu(self, customer_id: str) -> QMenu | None:
        """Open, then "Move to ▸" every other stage (the keyboard's and the tests' way to move)."""
        card = self.find_card(customer_id)
        if card is None:
            return None
        menu = QMenu(self)
        menu.setObjectName("cardMenu")
        open_act = menu.addAction(self.tr("&Open"))
        open_act.triggered.connect(lambda: self.customer_requested.emit(customer_id))
        menu.addSeparator()
        move = menu.addMenu(self.tr("&Move to"))
        move.setObjectName("moveToMenu")
        side_started = False
        for n, stage in enumerate(self.stages, start=1):
            if stage.side and not side_started:
                move.addSeparator()
                side_started = True
            act = QAction(f"&{n % 10} {label(stage)}" if n <= 10 else label(stage), move)  # 1-9, 0: mnemonics
            act.setData(stage.code)
            act.setEnabled(stage.code != card.stage_code)
            act.triggered.connect(lambda _=False, code=stage.code: self.request_move(customer_id, code))
            move.addAction(act)
        for text, step, keys in ((self.tr("&Next stage"), 1, "Alt+Right"), (self.tr("&Previous stage"), -1, "Alt+Left")):
            act = menu.addAction(text + "\t" + keys)
            act.setEnabled(self._step_target(card, step) is not None)
            act.triggered.connect(lambda _=False, s=step: self._step(customer_id, s))
        return menu

    def _show_menu(self, column: StageColumn, pos: QPoint) -> None:
        card = column.view.current_card()
        menu = self.card_menu(card.id) if card is not None else None
        if menu is not None:
            menu.aboutToHide.connect(menu.deleteLater)
            menu.popup(pos)
