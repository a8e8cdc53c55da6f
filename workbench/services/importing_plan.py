"""What an import hands around: the column mapping, per-row errors, the plan of what a commit
would write, and its result. Plain frozen dataclasses (no ORM objects), so that a preview
can be shown, adjusted and committed from another thread."""

from __future__ import annotations

import json
from collections.abc import Callable, Mapping
from dataclasses import dataclass, replace
from typing import Any

from workbench.domain.errors import DomainError
from workbench.services.importing_columns import BY_KEY, REQUIRED, guess_columns
from workbench.services.importing_read import ImportFileError, column_letter

Progress = Callable[[int, int], None]  # (done, total)
Cancelled = Callable[[], bool]  # True once the user asked to stop


class ImportCancelled(DomainError):
    """The user stopped the import; nothing was written."""

    zh = "导入已取消,没有写入任何数据"
    en = "import cancelled; nothing was written"

    def __init__(self) -> None:
        super().__init__(f"{self.zh} / {self.en}")


@dataclass(frozen=True, slots=True)
class ColumnMapping:
    """One target key (see ``importing_columns.TARGETS``) or None per sheet column."""

    headers: tuple[str, ...]
    targets: tuple[str | None, ...]

    @classmethod
    def guess(cls, headers: tuple[str, ...]) -> ColumnMapping:
        return cls(headers, guess_columns(headers))

    def column_of(self, key: str) -> int | None:
        return self.targets.index(key) if key in self.targets else None

    def with_target(self, column: int, key: str | None) -> ColumnMapping:
        """Column ``column`` feeds ``key`` (None: ignored); a column that fed it before no longer does."""
        if key is not None and key not in BY_KEY:
            raise ImportFileError(f"未知的导入字段:{key!r}", f"unknown import field {key!r}")
        targets = [None if (key is not None and t == key) else t for t in self.targets]
        targets[column] = key
        return replace(self, targets=tuple(targets))

    def with_json(self, spec: str | Mapping[str, Any]) -> ColumnMapping:
        """Apply ``{"header or column letter": "target key" or null}`` over this mapping."""
        try:
            items = json.loads(spec) if isinstance(spec, str) else spec
            assert isinstance(items, Mapping)
        except (ValueError, AssertionError):
            raise ImportFileError("列对应关系应为 JSON 对象,如 {\"单位\": \"name\"}",
                                  "the column mapping must be a JSON object such as {\"单位\": \"name\"}") from None
        out = self
        for name, key in items.items():
            column = self._find_column(str(name))
            if key is not None and not isinstance(key, str):
                raise ImportFileError(f"“{name}”对应的字段应为文字或 null", f"the field for {name!r} must be a string or null")
            out = out.with_target(column, key)
        return out

    def _find_column(self, name: str) -> int:
        stripped = [h.strip() for h in self.headers]
        if name.strip() in stripped:
            return stripped.index(name.strip())
        letters = [column_letter(i) for i in range(len(self.headers))]
        if name.strip().upper() in letters:
            return letters.index(name.strip().upper())
        raise ImportFileError(f"表格中没有“{name}”列", f"the sheet has no column {name!r}")

    def as_dict(self) -> dict[str, str]:
        """Column letter -> target key, for the mapped columns."""
        return {column_letter(i): t for i, t in enumerate(self.targets) if t is not None}

    def problems(self) -> tuple[tuple[str, str], ...]:
        """(zh, en) for each required target no column feeds; a commit is refused while any."""
        return tuple((f"没有对应“{BY_KEY[k].zh}”的列", f"no column gives the {BY_KEY[k].en.lower()}")
                     for k in REQUIRED if k not in self.targets)


@dataclass(frozen=True, slots=True)
class RowError:
    """One refused cell: ``row`` as the spreadsheet numbers it, ``column`` its letter ('' when
    the problem is a column the sheet lacks), ``header`` the column's header."""

    row: int
    column: str
    header: str
    value: str
    zh: str
    en: str

    def as_dict(self) -> dict[str, Any]:
        return {"row": self.row, "column": self.column, "header": self.header, "value": self.value,
                "zh": self.zh, "en": self.en}


@dataclass(frozen=True, slots=True)
class ContactPlan:
    """A contact a commit creates (``values`` cleaned, every field) or updates (``values``: the
    changed fields only, ``existing_version`` checked at commit); ``unchanged`` writes nothing."""

    row: int
    action: str  # create, update, unchanged
    values: Mapping[str, Any]
    existing_id: str | None = None
    existing_version: int | None = None


@dataclass(frozen=True, slots=True)
class CustomerPlan:
    """A customer from one or more sheet rows (one per contact), new or matched to a stored one
    (same credit code, or same name and region)."""

    rows: tuple[int, ...]
    action: str  # create, update, unchanged (its contacts may still be created or updated)
    name: str
    values: Mapping[str, Any]
    contacts: tuple[ContactPlan, ...] = ()
    existing_id: str | None = None
    existing_version: int | None = None

    @property
    def writes(self) -> bool:
        return self.action != "unchanged" or any(c.action != "unchanged" for c in self.contacts)


@dataclass(frozen=True, slots=True)
class ImportPreview:
    """What a commit of this sheet with this mapping would do, and every refused cell."""

    path: str
    sheet_name: str
    mapping: ColumnMapping
    rows_read: int  # data rows (non-empty, below the header)
    customers: tuple[CustomerPlan, ...]
    errors: tuple[RowError, ...]
    problems: tuple[tuple[str, str], ...] = ()  # file-level: a commit is refused while any

    @property
    def error_rows(self) -> frozenset[int]:
        return frozenset(e.row for e in self.errors)

    def counts(self) -> dict[str, int]:
        def n(action: str) -> int:
            return sum(p.action == action for p in self.customers)

        contacts = [c for p in self.customers for c in p.contacts]
        return {
            "rows": self.rows_read, "rows_with_errors": len(self.error_rows), "errors": len(self.errors),
            "customers_new": n("create"), "customers_to_update": n("update"), "customers_unchanged": n("unchanged"),
            "contacts_new": sum(c.action == "create" for c in contacts),
            "contacts_to_update": sum(c.action == "update" for c in contacts),
        }


@dataclass(frozen=True, slots=True)
class ImportResult:
    """What a commit wrote, in one transaction (``tx_id``, the journal's)."""

    tx_id: str | None
    customers_created: int
    customers_updated: int
    contacts_created: int
    contacts_updated: int
    customer_ids: tuple[str, ...]

    def as_dict(self) -> dict[str, Any]:
        return {"tx_id": self.tx_id, "customers_created": self.customers_created,
                "customers_updated": self.customers_updated, "contacts_created": self.contacts_created,
                "contacts_updated": self.contacts_updated}
