"""Importing customers with their contacts from an .xlsx or .csv sheet.

Three steps, so that a screen can show and adjust what is about to happen::

    sheet = read_sheet(path)                       # the file; ImportFileError if unusable
    mapping = guess_mapping(sheet)                 # a target per column, adjustable:
    mapping = mapping.with_target(3, "contact_mobile")
    preview = preview_import(ctx, sheet, mapping)  # the plan and every refused cell; writes nothing
    result = commit_import(ctx, preview)           # the valid rows, one journaled transaction
    write_error_report(sheet, preview, "errors.xlsx")

A sheet row is a customer and (optionally) one of its contacts; rows naming the same customer
(same credit code, or same name and region) give one customer with several contacts. Every
value is cleaned by the same field rules as the forms (``services.fields``, ``domain``); a
customer already stored (same credit code, or same name and region) is planned as an update of
the fields the sheet fills and that differ, never as a duplicate. A row with any refused cell
is left out whole and reported.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any

from sqlalchemy import false, select

from workbench.domain.errors import FieldError, ValidationError
from workbench.services import customers as customer_service
from workbench.services import fields
from workbench.services.context import Context
from workbench.services.importing_columns import (
    BY_KEY,
    Target,
    cell_value,
    industry_lookup,
    is_empty,
    show,
)
from workbench.services.importing_commit import commit_import
from workbench.services.importing_plan import (
    Cancelled,
    ColumnMapping,
    ContactPlan,
    CustomerPlan,
    ImportCancelled,
    ImportPreview,
    ImportResult,
    Progress,
    RowError,
)
from workbench.services.importing_read import (
    MAX_ROWS,
    ImportFileError,
    Sheet,
    column_letter,
    read_sheet,
)
from workbench.services.importing_report import write_error_report
from workbench.store import models as m
from workbench.store.base import collector_paused

__all__ = [
    "MAX_ROWS", "ColumnMapping", "ContactPlan", "CustomerPlan", "ImportCancelled", "ImportFileError",
    "ImportPreview", "ImportResult", "RowError", "Sheet", "commit_import", "guess_mapping",
    "preview_import", "read_sheet", "write_error_report",
]

_STEP = 500  # rows between progress reports and cancel checks
_CHUNK = 500  # values per IN (...) when matching stored rows


def guess_mapping(sheet: Sheet) -> ColumnMapping:
    """The column mapping guessed from the sheet's headers (Chinese or English)."""
    return ColumnMapping.guess(sheet.headers)


@dataclass
class _Group:
    """The rows of one customer, while the sheet is read."""

    rows: list[int]
    values: dict[str, Any]
    contacts: list[tuple[int, dict[str, Any]]] = field(default_factory=list)


@dataclass
class _Reader:
    sheet: Sheet
    mapping: ColumnMapping
    industries: Mapping[str, str]
    errors: list[RowError] = field(default_factory=list)
    groups: list[_Group] = field(default_factory=list)
    by_code: dict[str, _Group] = field(default_factory=dict)
    by_name: dict[tuple[str, str | None], _Group] = field(default_factory=dict)

    def error(self, row: int, key: str | None, cell: Any, zh: str, en: str) -> RowError:
        column = self.mapping.column_of(key) if key else None
        if column is None:
            header = BY_KEY[key].zh if key else ""
            return RowError(row, "", header, show(cell), zh, en)
        return RowError(row, column_letter(column), self.mapping.headers[column], show(cell), zh, en)

    def field_errors(self, row: int, entity: str, errors: Iterable[FieldError], cells: Mapping[str, Any]) -> list[RowError]:
        out = []
        for e in errors:
            key = _key(entity, e.field)
            out.append(self.error(row, key, cells.get(e.field, ""), e.zh, e.en))
        return out

    def read_row(self, index: int, row: Sequence[Any], targets: Sequence[tuple[int, Target]]) -> None:
        num = index + 1
        raw: dict[str, dict[str, Any]] = {"customer": {}, "contact": {}}
        cells: dict[str, dict[str, Any]] = {"customer": {}, "contact": {}}
        errors: list[RowError] = []
        for column, target in targets:
            cell = row[column]
            if is_empty(cell):
                continue
            cells[target.entity][target.field] = cell
            if (index, column) in self.sheet.formulas:
                errors.append(self.error(num, target.key, cell,
                                         "此单元格是公式:请复制整列后“选择性粘贴 > 数值”,再导入",
                                         "this cell holds a formula: copy the column and paste it as values, "
                                         "then import again"))
                continue
            try:
                raw[target.entity][target.field] = cell_value(target, cell, self.industries)
            except ValidationError as exc:
                errors.extend(self.field_errors(num, target.entity, exc.errors, cells[target.entity]))
        customer = _clean(fields.CUSTOMER, raw["customer"], errors, self, num, cells["customer"], "customer")
        contact = None
        if raw["contact"]:
            contact = _clean(fields.CONTACT, raw["contact"], errors, self, num, cells["contact"], "contact")
        if not errors:
            errors.extend(self.join(num, customer, contact, cells))
        self.errors.extend(errors)

    def join(self, num: int, values: dict[str, Any], contact: dict[str, Any] | None,
             cells: Mapping[str, Mapping[str, Any]]) -> list[RowError]:
        code, key = values.get("credit_code"), (values["name"], values.get("region"))
        group = self.by_code.get(code) if code else None
        if group is None:
            group = self.by_name.get(key)
        if group is None:
            group = _Group([], {})
            self.groups.append(group)
        first = group.rows[0] if group.rows else num
        for f, value in values.items():
            if f in group.values and group.values[f] != value:
                return [self.error(num, _key("customer", f), cells["customer"].get(f, value),
                                   f"与第{first}行的同一客户不一致(“{show(group.values[f])}”)",
                                   f"differs from the same customer on row {first} ({show(group.values[f])!r})")]
        if contact is not None:
            twin = next((r for r, c in group.contacts if c["name"] == contact["name"]), None)
            if twin is not None:
                return [self.error(num, "contact_name", contact["name"],
                                   f"同一客户的联系人“{contact['name']}”在第{twin}行已有",
                                   f"this customer's contact {contact['name']!r} is already on row {twin}")]
            group.contacts.append((num, contact))
        group.rows.append(num)
        group.values.update(values)
        if group.values.get("credit_code"):
            self.by_code.setdefault(group.values["credit_code"], group)
        self.by_name.setdefault((group.values["name"], group.values.get("region")), group)
        return []


def _key(entity: str, field_name: str) -> str:
    if entity == "contact":
        return f"contact_{field_name}"
    return "industry" if field_name == "industry_code" else field_name


def _clean(spec: Mapping[str, Any], raw: dict[str, Any], errors: list[RowError], reader: _Reader, num: int,
           cells: Mapping[str, Any], entity: str) -> dict[str, Any]:
    try:
        return fields.clean(spec, raw, required=("name",))
    except ValidationError as exc:
        seen = {(e.column, e.header) for e in errors}  # one error per cell: a bad cell is not also "required"
        errors.extend(e for e in reader.field_errors(num, entity, exc.errors, cells) if (e.column, e.header) not in seen)
        return {}


def preview_import(ctx: Context, sheet: Sheet, mapping: ColumnMapping | None = None, *,
                   progress: Progress | None = None, cancelled: Cancelled | None = None) -> ImportPreview:
    """Validate every row and plan the commit; writes nothing. ``progress(done, total)`` is
    called every few hundred rows; ``cancelled()`` returning True raises ImportCancelled."""
    mapping = mapping or guess_mapping(sheet)
    if len(mapping.headers) != sheet.width:
        raise ImportFileError("列对应关系与表格的列数不符", "the column mapping does not fit the sheet's columns")
    industries = industry_lookup(customer_service.industries(ctx))
    reader = _Reader(sheet, mapping, industries)
    targets = [(i, BY_KEY[k]) for i, k in enumerate(mapping.targets) if k is not None]
    problems = mapping.problems()
    first, total, read = sheet.header_index + 1, sheet.data_count, 0
    with collector_paused():  # no GC pauses (the GUI thread waits for them) while the rows are read
        for index in range(first, len(sheet.rows) if not problems else first):
            done = index - first
            if done % _STEP == 0:
                if cancelled is not None and cancelled():
                    raise ImportCancelled()
                if progress is not None:
                    progress(done, total)
            row = sheet.rows[index]
            if all(is_empty(c) for c in row):
                continue
            read += 1
            reader.read_row(index, row, targets)
        plans = _match(ctx, reader)
    if progress is not None:
        progress(total, total)
    errors = tuple(sorted(reader.errors, key=lambda e: (e.row, e.column)))
    return ImportPreview(sheet.path, sheet.name, mapping, read, tuple(plans), errors, problems)


def _chunks(values: Sequence[Any]) -> Iterable[Sequence[Any]]:
    for i in range(0, len(values), _CHUNK):
        yield values[i : i + _CHUNK]


def _match(ctx: Context, reader: _Reader) -> list[CustomerPlan]:
    """Plan each group: an update of the stored customer it names, or a new one."""
    groups = reader.groups
    codes = sorted({g.values["credit_code"] for g in groups if g.values.get("credit_code")})
    names = sorted({g.values["name"] for g in groups})
    live = m.Customer.deleted == false()
    with ctx.store.read() as s:
        stored_by_code: dict[str, m.Customer] = {}
        stored_by_name: dict[tuple[str, str | None], m.Customer] = {}
        for chunk in _chunks(codes):
            for c in s.scalars(select(m.Customer).where(live, m.Customer.credit_code.in_(chunk)).order_by(m.Customer.num)):
                stored_by_code.setdefault(c.credit_code or "", c)
        for chunk in _chunks(names):
            for c in s.scalars(select(m.Customer).where(live, m.Customer.name.in_(chunk)).order_by(m.Customer.num)):
                stored_by_name.setdefault((c.name, c.region), c)
        found: dict[int, m.Customer] = {}
        for n, g in enumerate(groups):
            code = g.values.get("credit_code")
            hit = stored_by_code.get(code) if code else None
            if hit is None:
                hit = stored_by_name.get((g.values["name"], g.values.get("region")))
                if hit is not None and code and hit.credit_code not in (None, code):
                    hit = None  # same name and region, another organisation's code
            if hit is not None:
                found[n] = hit
        stored_contacts: dict[str, list[m.Contact]] = {}
        ids = sorted({c.id for c in found.values()})
        for chunk in _chunks(ids):
            for p in s.scalars(select(m.Contact).where(m.Contact.deleted == false(), m.Contact.customer_id.in_(chunk))):
                stored_contacts.setdefault(p.customer_id, []).append(p)
    plans: list[CustomerPlan] = []
    for n, g in enumerate(groups):
        stored = found.get(n)
        if stored is None:
            if "industry_code" not in g.values:
                reader.errors.extend(reader.error(r, "industry", "", "新客户必须填写行业", "a new customer needs an industry")
                                     for r in g.rows)
                continue
            contacts = tuple(ContactPlan(r, "create", c) for r, c in g.contacts)
            plans.append(CustomerPlan(tuple(g.rows), "create", g.values["name"], g.values, contacts))
            continue
        changes = _changes(stored, g.values)
        contacts = tuple(_contact_plan(r, c, stored_contacts.get(stored.id, [])) for r, c in g.contacts)
        plans.append(CustomerPlan(tuple(g.rows), "update" if changes else "unchanged", g.values["name"], changes,
                                  contacts, stored.id, stored.version))
    return plans


def _changes(stored: Any, values: Mapping[str, Any]) -> dict[str, Any]:
    return {f: v for f, v in values.items() if getattr(stored, f) != v}


def _contact_plan(row: int, values: dict[str, Any], stored: list[m.Contact]) -> ContactPlan:
    """Update the customer's stored contact of the same name, or create one."""
    hit = next((p for p in stored if p.name == values["name"]), None)
    if hit is None:
        return ContactPlan(row, "create", values)
    changes = _changes(hit, values)
    return ContactPlan(row, "update" if changes else "unchanged", changes, hit.id, hit.version)
