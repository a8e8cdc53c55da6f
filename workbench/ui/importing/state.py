"""What the import dialog shows of a preview, worked out on the worker thread (no Qt): each
data row's status, the refused cells, the rows listed with or without the clean ones."""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, field

from workbench.services.importing import ImportPreview, RowError, Sheet
from workbench.services.importing_columns import is_empty
from workbench.services.importing_read import column_letter

NEW, UPDATE, UNCHANGED, ERROR = "new", "update", "unchanged", "error"


@dataclass(frozen=True)
class PreviewState:
    """A sheet, its preview, and the per-row and per-cell marks the dialog paints."""

    sheet: Sheet
    preview: ImportPreview
    status: dict[int, str]  # sheet row number -> NEW, UPDATE, UNCHANGED or ERROR
    cell_errors: dict[tuple[int, int], list[RowError]]  # (row number, column index) -> errors
    by_row: dict[int, list[RowError]]  # every error of a row
    rows: list[int]  # 0-based sheet indexes of the non-empty data rows
    error_rows: list[int] = field(default_factory=list)  # the same, only those with an error

    @property
    def writes(self) -> int:
        """How many customers a commit would write (new, updated, or given a contact)."""
        return sum(p.writes for p in self.preview.customers)


def build(sheet: Sheet, preview: ImportPreview) -> PreviewState:
    status: dict[int, str] = {}
    for plan in preview.customers:
        for contact_row in plan.rows:
            if plan.action == "create":
                status[contact_row] = NEW
                continue
            contact = next((c for c in plan.contacts if c.row == contact_row), None)
            changed = plan.action == "update" or (contact is not None and contact.action != "unchanged")
            status[contact_row] = UPDATE if changed else UNCHANGED
    letters = {column_letter(i): i for i in range(sheet.width)}
    cells: dict[tuple[int, int], list[RowError]] = defaultdict(list)
    by_row: dict[int, list[RowError]] = defaultdict(list)
    for e in preview.errors:
        status[e.row] = ERROR
        by_row[e.row].append(e)
        if e.column in letters:  # not when the problem is a column the sheet lacks
            cells[(e.row, letters[e.column])].append(e)
    first = sheet.header_index + 1
    rows = [i for i in range(first, len(sheet.rows)) if not all(is_empty(c) for c in sheet.rows[i])]
    errors = [i for i in rows if status.get(i + 1) == ERROR]
    return PreviewState(sheet, preview, status, dict(cells), dict(by_row), rows, errors)
