"""The HQ price-book editor: every version of the catalogue and the policy, and publishing
a new one (a copy of the current book, edited as JSON). Read-only for other roles."""

from __future__ import annotations

import json
from datetime import date
from decimal import Decimal
from typing import Any

from PySide6.QtCore import QDate, Qt
from PySide6.QtGui import QFontDatabase, QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QComboBox,
    QDateEdit,
    QDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPlainTextEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from workbench.domain.errors import ValidationError
from workbench.services import catalogue
from workbench.ui.env import UiEnv, apply
from workbench.ui.errors import show_error
from workbench.ui.i18n import Retranslating
from workbench.ui.labels import label
from workbench.ui.screen_fit import fit_to_screen

_KINDS = (catalogue.CATALOGUE, catalogue.POLICY)
_ERROR_STYLE = "color: #b00020;"
_FIELD_ERROR_STYLE = "border: 1px solid #b00020;"


class PriceBookEditor(Retranslating, QDialog):
    """Lists the books per kind; shows the selected one read-only with a summary; "New
    version…" copies it into an editable text area; "Publish" validates and saves."""

    def __init__(self, env: UiEnv, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.env = env
        self.can_publish = catalogue.can_publish(env.ctx)
        self.editing = False
        self.books: list[catalogue.PriceBookInfo] = []

        self.kind = QComboBox()
        self.kind_label = QLabel()
        self.kind_label.setBuddy(self.kind)
        self.list = QListWidget()
        self.list.setMinimumWidth(260)
        self.notice = QLabel()
        self.notice.setWordWrap(True)
        self.summary = QLabel()
        self.summary.setWordWrap(True)
        self.text = QPlainTextEdit()
        self.text.setFont(QFontDatabase.systemFont(QFontDatabase.SystemFont.FixedFont))
        self.text.setReadOnly(True)
        self.text.setLineWrapMode(QPlainTextEdit.LineWrapMode.NoWrap)
        self.error = QLabel()
        self.error.setWordWrap(True)
        self.error.setStyleSheet(_ERROR_STYLE)
        self.error.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.error.hide()

        self.version = QLineEdit()
        self.valid_from = QDateEdit()
        self.valid_from.setCalendarPopup(True)
        self.valid_from.setDisplayFormat("yyyy-MM-dd")
        self.version_label, self.valid_from_label = QLabel(), QLabel()
        self.version_label.setBuddy(self.version)
        self.valid_from_label.setBuddy(self.valid_from)
        self.edit_form = QWidget()
        form = QFormLayout(self.edit_form)
        form.setContentsMargins(0, 0, 0, 0)
        form.addRow(self.version_label, self.version)
        form.addRow(self.valid_from_label, self.valid_from)
        self.edit_form.hide()

        self.new_button, self.publish_button = QPushButton(), QPushButton()
        self.cancel_button, self.close_button = QPushButton(), QPushButton()
        self.new_button.setEnabled(self.can_publish)
        self.publish_button.hide()
        self.cancel_button.hide()

        left = QVBoxLayout()
        kind_row = QHBoxLayout()
        kind_row.addWidget(self.kind_label)
        kind_row.addWidget(self.kind, 1)
        left.addLayout(kind_row)
        left.addWidget(self.list, 1)
        right = QVBoxLayout()
        right.addWidget(self.summary)
        right.addWidget(self.edit_form)
        right.addWidget(self.text, 1)
        right.addWidget(self.error)
        body = QHBoxLayout()
        body.addLayout(left)
        body.addLayout(right, 1)
        buttons = QHBoxLayout()
        for b in (self.new_button, self.publish_button, self.cancel_button):
            buttons.addWidget(b)
        buttons.addStretch(1)
        buttons.addWidget(self.close_button)
        layout = QVBoxLayout(self)
        layout.addWidget(self.notice)
        layout.addLayout(body, 1)
        layout.addLayout(buttons)
        self.notice.setVisible(not self.can_publish)

        self.kind.currentIndexChanged.connect(self._fill_list)
        self.list.currentRowChanged.connect(self._show_selected)
        self.new_button.clicked.connect(self.new_version)
        self.publish_button.clicked.connect(self.publish)
        self.cancel_button.clicked.connect(self.cancel_edit)
        self.close_button.clicked.connect(self.reject)
        QShortcut(QKeySequence("Ctrl+Return"), self, self._ctrl_enter)
        self.setTabOrder(self.kind, self.list)
        self.setTabOrder(self.list, self.version)
        self.setTabOrder(self.version, self.valid_from)
        self.setTabOrder(self.valid_from, self.text)

        self.retranslate()
        fit_to_screen(self, 980, 640)
        self.refresh()

    # --- texts -------------------------------------------------------------------------
    def retranslate(self) -> None:
        self.setWindowTitle(self.tr("Price books"))
        self.kind_label.setText(self.tr("&Book:"))
        index = self.kind.currentIndex()
        self.kind.blockSignals(True)
        self.kind.clear()
        self.kind.addItems([self.tr("Catalogue"), self.tr("Pricing policy")])
        self.kind.setCurrentIndex(max(index, 0))
        self.kind.blockSignals(False)
        self.notice.setText(self.tr("Only headquarters can publish price books; you can read them here."))
        self.version_label.setText(self.tr("New &version:"))
        self.valid_from_label.setText(self.tr("Valid &from:"))
        self.new_button.setText(self.tr("&New version…"))
        self.publish_button.setText(self.tr("&Publish"))
        self.cancel_button.setText(self.tr("Discard &edit"))
        self.close_button.setText(self.tr("&Close"))
        if self.books:
            self._fill_list()


    # --- showing -----------------------------------------------------------------------
    def current_kind(self) -> str:
        return _KINDS[max(self.kind.currentIndex(), 0)]

    def refresh(self, select_id: str | None = None) -> None:
        try:
            self.books = catalogue.list_price_books(self.env.ctx)
        except Exception as exc:  # noqa: BLE001 - shown to the user
            show_error(self, exc)
            self.books = []
        self._fill_list(select_id=select_id)

    def _books_of_kind(self) -> list[catalogue.PriceBookInfo]:
        return [b for b in self.books if b.kind == self.current_kind()]

    def _fill_list(self, *_: Any, select_id: str | None = None) -> None:
        keep = select_id or (self.list.currentItem().data(Qt.ItemDataRole.UserRole)
                             if self.list.currentItem() else None)
        self.list.blockSignals(True)
        self.list.clear()
        row = 0
        for i, b in enumerate(self._books_of_kind()):
            until = b.valid_to.isoformat() if b.valid_to else self.tr("open-ended")
            item = QListWidgetItem(self.tr("{version}  ·  {start} – {end}").format(
                version=b.book_version, start=b.valid_from.isoformat(), end=until))
            item.setData(Qt.ItemDataRole.UserRole, b.id)
            self.list.addItem(item)
            if b.id == keep:
                row = i
        self.list.blockSignals(False)
        if self.list.count():
            self.list.setCurrentRow(row)
        self._show_selected()

    def selected_id(self) -> str | None:
        item = self.list.currentItem()
        return None if item is None else str(item.data(Qt.ItemDataRole.UserRole))

    def _show_selected(self, *_: Any) -> None:
        if self.editing:
            return
        book_id = self.selected_id()
        if book_id is None:
            self.summary.setText(self.tr("No book of this kind is stored."))
            self.text.setPlainText("")
            return
        try:
            detail = catalogue.price_book_detail(self.env.ctx, book_id=book_id)
        except Exception as exc:  # noqa: BLE001 - shown to the user
            show_error(self, exc)
            return
        info = detail.info
        parts = [self.tr("Version {0}, valid {1} – {2}, published {3}").format(
            info.book_version, info.valid_from.isoformat(),
            info.valid_to.isoformat() if info.valid_to else self.tr("open-ended"),
            info.published_at.strftime("%Y-%m-%d %H:%M"))]
        if detail.products is not None:
            parts.append(self.tr("{0} products").format(detail.products))
        if detail.schemes is not None:
            parts.append(self.tr("{0} schemes").format(detail.schemes))
        self.summary.setText("; ".join(parts))
        self.text.setPlainText(detail.body)

    # --- editing -----------------------------------------------------------------------
    def _set_editing(self, editing: bool) -> None:
        self.editing = editing
        self.text.setReadOnly(not editing)
        self.edit_form.setVisible(editing)
        self.publish_button.setVisible(editing)
        self.cancel_button.setVisible(editing)
        self.new_button.setVisible(not editing)
        self.kind.setEnabled(not editing)
        self.list.setEnabled(not editing)
        self._clear_errors()

    def new_version(self) -> None:
        """Copy the selected book into the editable text area with a proposed version."""
        if not self.can_publish:
            return
        books = self._books_of_kind()
        current = next((b for b in books if b.id == self.selected_id()), books[0] if books else None)
        if current is not None:
            self.text.setPlainText(catalogue.price_book_detail(self.env.ctx, book_id=current.id).body)
            self.version.setText(_next_version(current.book_version, [b.book_version for b in books]))
        today = self.env.today()
        self.valid_from.setDate(QDate(today.year, today.month, today.day))
        self._set_editing(True)
        self.summary.setText(self.tr("Editing a new version: change the JSON, then publish."))
        self.version.setFocus()
        self.version.selectAll()

    def cancel_edit(self) -> None:
        self._set_editing(False)
        self._show_selected()

    def _ctrl_enter(self) -> None:
        if self.editing:
            self.publish()

    def publish(self) -> None:
        """Validate and save; refusals are shown beside the text, which is kept as typed."""
        if not self.editing:
            return
        text = self.text.toPlainText()
        body: dict[str, Any] | str = text
        try:
            data = json.loads(text, parse_float=Decimal)
        except ValueError:
            data = None
        if isinstance(data, dict):
            data["version"] = self.version.text().strip()
            body = data
        self._clear_errors()
        d = self.valid_from.date()
        ctx, kind, valid_from = self.env.ctx, self.current_kind(), date(d.year(), d.month(), d.day())
        try:
            info = apply(self.env, lambda: catalogue.publish_price_book(ctx, kind=kind, body=body,
                                                                        valid_from=valid_from))
        except ValidationError as exc:
            self._show_errors(exc)
            return
        except Exception as exc:  # noqa: BLE001 - shown to the user
            show_error(self, exc)
            return
        self._set_editing(False)
        self.refresh(select_id=info.id)

    def _clear_errors(self) -> None:
        self.error.hide()
        self.error.clear()
        for w in (self.version, self.valid_from, self.text):
            w.setStyleSheet("")

    def _show_errors(self, exc: ValidationError) -> None:
        lines = [f"{e.field}: {label(e)}" for e in exc.errors]
        self.error.setText("\n".join(lines))
        self.error.show()
        fields = set(exc.fields)
        self.version.setStyleSheet(_FIELD_ERROR_STYLE if "version" in fields else "")
        self.valid_from.setStyleSheet(_FIELD_ERROR_STYLE if fields & {"valid_from", "valid_to"} else "")
        if fields - {"version", "valid_from"}:
            self.text.setStyleSheet(_FIELD_ERROR_STYLE)


def _next_version(current: str, taken: list[str]) -> str:
    """A proposal for the next version: "2026.1" -> "2026.2" (skipping versions taken)."""
    head, _, tail = current.rpartition(".")
    if not tail.isdigit():
        return current + ".1" if current + ".1" not in taken else ""
    n = int(tail) + 1
    while (f"{head}.{n}" if head else str(n)) in taken:
        n += 1
    return f"{head}.{n}" if head else str(n)
