"""The offer's lines as a table: typed quantity/term/discount, the engine's figures, the rules.

Edits keep the text as typed (a refused value stays visible, marked red, with the reason in
the "Problems" column and the tooltip). The figures come from the last quote or, while the
offer is refused, from the lines the engine could still price (``LinesRefused.lines``): only
the refused lines are blank. A line below its price floor is said once, by
:meth:`LinesModel.message` (the line, its product, its net and its floor, in the language in
force); its cell keeps its tint and tooltip, its "Problems" cell a short reason. The
delegate commits on every keystroke, so the totals follow the typing.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence

from PySide6.QtCore import (
    QAbstractTableModel,
    QEvent,
    QModelIndex,
    QPersistentModelIndex,
    Qt,
    Signal,
)
from PySide6.QtGui import QColor, QPalette
from PySide6.QtWidgets import (
    QAbstractItemView,
    QLineEdit,
    QStyledItemDelegate,
    QStyleOptionViewItem,
    QTableView,
    QWidget,
)

from workbench.domain.errors import FieldError
from workbench.pricing import Catalogue, QuoteLine
from workbench.pricing.money import pct_text
from workbench.ui.offers.draft import DraftLine, OfferDraft
from workbench.ui.offers.format import money, pct, text

PRODUCT, QTY, TERM, DISC, LIST, OFF, NET, MONTHLY, ONE_OFF, RULES = range(10)
# the rules column shows the line's refusals instead, in red, while it has any
PROBLEMS = RULES
COLUMNS = 10
EDITABLE = {QTY: "quantity", TERM: "term", DISC: "discount"}
# which column shows the refusal of a field of ``lines[i]``
FIELD_COLUMN = {"quantity": QTY, "term_months": TERM, "manual_discount_percent": DISC, "product": PRODUCT}
ERROR_TINT = QColor("#fdecea")
ERROR_TEXT = QColor("#b3261e")
_Index = QModelIndex | QPersistentModelIndex
_ROLES = frozenset({Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.EditRole, Qt.ItemDataRole.BackgroundRole,
                    Qt.ItemDataRole.ForegroundRole, Qt.ItemDataRole.ToolTipRole, Qt.ItemDataRole.TextAlignmentRole})
_NUMERIC = frozenset({QTY, TERM, DISC, LIST, OFF, NET, MONTHLY, ONE_OFF})
_RIGHT = int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)


class LinesModel(QAbstractTableModel):
    edited = Signal(int, str)  # row, attribute ("quantity", "term", "discount")

    def __init__(self, draft: OfferDraft, catalogue: Catalogue, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.draft = draft
        self.catalogue = catalogue
        self._priced: dict[int, QuoteLine] = {}
        self._errors: dict[int, list[FieldError]] = {}
        self._floor_rows: dict[FieldError, int] = {}  # each refusal below a floor -> its line
        self._offer_floor_rows: set[int] = set()  # lines put below their floor by the whole-offer discount
        self._headers: list[str] = [""] * COLUMNS

    def set_headers(self, headers: list[str]) -> None:
        self._headers = headers
        self.headerDataChanged.emit(Qt.Orientation.Horizontal, 0, len(headers) - 1)

    # --- what the builder tells it ----------------------------------------------------------
    def show_result(self, priced: Sequence[QuoteLine], errors: list[FieldError],
                    below_floor: Mapping[int, FieldError] | None = None) -> None:
        """Show the priced lines (a quote's, or those of a refusal) and mark the refused ones."""
        self._priced = {q.index: q for q in priced}
        self._floor_rows = {e: row for row, e in (below_floor or {}).items() if row in self._priced}
        self._offer_floor_rows = {row for e, row in self._floor_rows.items() if not e.field.startswith("lines[")}
        self._errors = {}
        for e in errors:
            if e.field.startswith("lines["):
                row = int(e.field[6:e.field.index("]")])
                self._errors.setdefault(row, []).append(e)
        if self.rowCount():
            self.dataChanged.emit(self.index(0, 0), self.index(self.rowCount() - 1, PROBLEMS))

    def add(self, code: str) -> int:
        row = len(self.draft.lines)
        self.beginInsertRows(QModelIndex(), row, row)
        self.draft.lines.append(DraftLine(code))
        self.endInsertRows()
        return row

    def remove(self, row: int) -> None:
        self.beginRemoveRows(QModelIndex(), row, row)
        del self.draft.lines[row]
        self.endRemoveRows()

    def line_errors(self, row: int) -> list[FieldError]:
        return self._errors.get(row, [])

    def refused(self, row: int) -> bool:
        """Whether line ``row`` is refused (a field of its own, or the whole-offer discount)."""
        return row in self._errors or row in self._offer_floor_rows

    def below_floor(self, e: FieldError) -> bool:
        return e in self._floor_rows

    def refused_rows(self) -> set[int]:
        return set(self._errors) | self._offer_floor_rows

    def message(self, e: FieldError) -> str:
        """What a refusal says: below a floor, the line, its product, its net and the floor."""
        row = self._floor_rows.get(e)
        if row is None:
            return text(e)
        q = self._priced[row]
        return self.tr("Line {0} ({1}): the net unit price {2} is below the price floor {3}; "
                       "lower the discount to offer it").format(
            row + 1, text(q.name), money(q.net_unit), money(q.price_floor))

    def priced_line(self, row: int) -> QuoteLine | None:
        return self._priced.get(row)

    # --- QAbstractTableModel -----------------------------------------------------------------
    def rowCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.draft.lines)

    def columnCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else COLUMNS

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole) -> object:
        if role == Qt.ItemDataRole.DisplayRole:
            if orientation == Qt.Orientation.Horizontal:
                return self._headers[section]
            return str(section + 1)
        return None

    def flags(self, index: _Index) -> Qt.ItemFlag:
        flags = Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable
        if index.column() in EDITABLE:
            flags |= Qt.ItemFlag.ItemIsEditable
        return flags

    def data(self, index: _Index, role: int = Qt.ItemDataRole.DisplayRole) -> object:
        if not index.isValid() or role not in _ROLES:
            return None
        row, col = index.row(), index.column()
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.EditRole):
            return self._display(row, col, self.draft.lines[row])
        if role == Qt.ItemDataRole.TextAlignmentRole:
            return _RIGHT if col in _NUMERIC else None
        if role == Qt.ItemDataRole.ForegroundRole:
            return ERROR_TEXT if col == PROBLEMS and self.refused(row) else None
        errors = self._cell_errors(row, col) if self.refused(row) else []
        if role == Qt.ItemDataRole.BackgroundRole:
            return ERROR_TINT if errors else None
        if errors:  # the tooltip
            return "\n".join(self.message(e) for e in errors)
        if col in (OFF, NET, RULES) and (q := self._priced.get(row)):
            return "\n".join(f"{text(d.why)} ({pct_text(d.percent)}%)" for d in q.discounts) or None
        return None

    def setData(self, index: _Index, value: object, role: int = Qt.ItemDataRole.EditRole) -> bool:
        if role != Qt.ItemDataRole.EditRole or index.column() not in EDITABLE:
            return False
        attr = EDITABLE[index.column()]
        line = self.draft.lines[index.row()]
        new = str(value)
        if getattr(line, attr) == new:
            return False
        setattr(line, attr, new)
        self.dataChanged.emit(index, index)
        self.edited.emit(index.row(), attr)
        return True

    def _cell_errors(self, row: int, col: int) -> list[FieldError]:
        if row in self._offer_floor_rows:  # the whole-offer field is marked; here, the net it gave
            return [e for e, r in self._floor_rows.items() if r == row] if col in (NET, PROBLEMS) else []
        errors = self._errors.get(row, [])
        if col == PROBLEMS:
            return errors
        return [e for e in errors if FIELD_COLUMN.get(e.field.rsplit(".", 1)[-1]) == col]

    def _display(self, row: int, col: int, line: DraftLine) -> str:
        if col == PRODUCT:
            product = self.catalogue.product(line.product)
            return f"{text(product.name)} ({line.product})" if product else line.product
        if col in EDITABLE:
            return str(getattr(line, EDITABLE[col]))
        if col == PROBLEMS and self.refused(row):
            return "; ".join(self.tr("below the price floor") if self.below_floor(e) else text(e)
                             for e in self._cell_errors(row, PROBLEMS))
        q = self._priced.get(row)
        if q is None or self.refused(row):
            return ""
        if col == LIST:
            return money(q.list_unit)
        if col == OFF:
            return pct(q.discount_percent)
        if col == NET:
            return money(q.net_unit)
        if col == MONTHLY:
            return money(q.monthly)
        if col == ONE_OFF:
            return money(q.one_off + q.installation)
        if col == RULES:
            return " · ".join(f"{d.why.rule} {pct_text(d.percent)}%" for d in q.discounts)
        return ""


_Trigger = QAbstractItemView.EditTrigger


class LinesView(QTableView):
    """The lines table, typed into like a spreadsheet: a key typed on a cell opens its editor
    with that key, a double click or F2 opens it as it is, and so does one click on the
    current cell, at once.

    Qt opens an editor for a click on the current cell (``SelectedClicked``) only after a
    double-click interval, and refuses every other edit while it waits: the keys typed in
    that time were dropped, and the editor then opened on the old value ("click, type 10"
    gave ``0``: a price typed silently became another). Here that click opens the editor
    as F2 does, so nothing is pending and no key is lost; a double click then lands in the
    open editor.
    """

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setEditTriggers(_Trigger.DoubleClicked | _Trigger.EditKeyPressed | _Trigger.AnyKeyPressed
                             | _Trigger.SelectedClicked)

    def edit(self, index: _Index, trigger: _Trigger | None = None,  # type: ignore[override]
             event: QEvent | None = None) -> bool:
        if trigger is None:  # the public slot edit(index): Qt calls back with AllEditTriggers
            super().edit(index)
            return self.indexWidget(index) is not None
        if trigger == _Trigger.SelectedClicked and self.editTriggers() & _Trigger.SelectedClicked:
            trigger = _Trigger.AllEditTriggers  # now, not after a wait that eats the keys
        return super().edit(index, trigger, event)  # type: ignore[arg-type]  # Qt takes a null event


class LineDelegate(QStyledItemDelegate):
    """A plain line editor that hands every keystroke to the model (live re-pricing)."""

    def initStyleOption(self, option: QStyleOptionViewItem, index: _Index) -> None:
        super().initStyleOption(option, index)
        if index.data(Qt.ItemDataRole.BackgroundRole) == ERROR_TINT:  # still red when selected
            option.palette.setColor(QPalette.ColorRole.Highlight, ERROR_TEXT)
            option.palette.setColor(QPalette.ColorRole.HighlightedText, QColor("white"))

    def createEditor(self, parent: QWidget, option: QStyleOptionViewItem, index: _Index) -> QWidget:
        editor = QLineEdit(parent)
        editor.setObjectName(f"line_editor_{index.column()}")
        editor.textEdited.connect(lambda _text, e=editor: self.commitData.emit(e))
        return editor

    def setEditorData(self, editor: QWidget, index: _Index) -> None:
        assert isinstance(editor, QLineEdit)
        value = str(index.data(Qt.ItemDataRole.EditRole) or "")
        if editor.text() != value:  # never move the cursor under the user's fingers
            editor.setText(value)

    def setModelData(self, editor: QWidget, model: QAbstractTableModel, index: _Index) -> None:  # type: ignore[override]
        assert isinstance(editor, QLineEdit)
        model.setData(index, editor.text(), Qt.ItemDataRole.EditRole)
