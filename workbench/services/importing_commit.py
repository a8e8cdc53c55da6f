"""Committing an import preview: every planned row in one write transaction, journaled the way
the customer and contact services journal a form's edits (so that it all syncs, as one
transaction the server applies all or nothing).

A new customer is inserted at the first stage with its first stage event, a new contact with
its first score readings, as ``customers.create_customer`` and ``contacts.add_contact`` do; an
update goes through ``apply_changes`` after the version the preview saw is checked, so a
customer edited meanwhile refuses the whole import (``StaleEditError``) instead of being
overwritten. Any failure, or a cancel, rolls everything back.
"""

from __future__ import annotations

import json
from collections.abc import Collection, Sequence
from datetime import datetime
from functools import cache
from typing import Any

from sqlalchemy import false, func, inspect, select
from sqlalchemy.orm import Session

from workbench.domain.enums import FIRST_STAGE, ScoreKind
from workbench.services import contacts as contact_service
from workbench.services import customers as customer_service
from workbench.services.changes import record
from workbench.services.context import Context, apply_changes, tx_id
from workbench.services.importing_plan import (
    Cancelled,
    ContactPlan,
    CustomerPlan,
    ImportCancelled,
    ImportPreview,
    ImportResult,
    Progress,
)
from workbench.services.importing_read import ImportFileError
from workbench.store import models as m
from workbench.store import pinyin_load
from workbench.store.base import collector_paused, dispose, in_slices
from workbench.store.models import JournalEntry, new_id, utcnow
from workbench.store.payload import encode_value, row_key, synced_columns
from workbench.store.search_index import bulk_index, reindex_customer
from workbench.store.search_terms import SearchTerms, compute

_STEP = 200  # customers between progress reports and cancel checks
_SCORES = tuple(k.value for k in ScoreKind)
_PARENTS_FIRST = ("customers", "stage_events", "contacts", "contact_scores")


def commit_import(ctx: Context, preview: ImportPreview, *, updates: bool = True,
                  exclude_rows: Collection[int] = (), progress: Progress | None = None,
                  cancelled: Cancelled | None = None) -> ImportResult:
    """Write the preview's valid rows in one transaction; returns what was written.

    ``updates=False`` leaves every stored customer (and its contacts) as it is;
    ``exclude_rows`` (sheet row numbers) leaves out the customers planned from those rows.
    """
    if preview.problems:
        zh, en = preview.problems[0]
        raise ImportFileError(zh, en)
    skip = set(exclude_rows)
    plans = [p for p in preview.customers
             if p.writes and not skip.intersection(p.rows) and (updates or p.action == "create")]
    counts = {"customers_created": 0, "customers_updated": 0, "contacts_created": 0, "contacts_updated": 0}
    if not plans:
        return ImportResult(None, **counts, customer_ids=())
    ids: list[str] = []
    pinyin_load.load()  # for the search index, without holding the GIL for its dictionary
    with collector_paused(), ctx.store.write() as s:  # no GC pauses while the rows are built
        customer_service.check_stage(s, FIRST_STAGE)
        now = datetime.now().replace(microsecond=0)  # event times are local wall-clock
        created: list[tuple[m.Customer, list[m.Contact]]] = []
        touched: list[str] = []
        for start in range(0, len(plans), _STEP):
            if cancelled is not None and cancelled():
                raise ImportCancelled()
            if progress is not None:
                progress(start, len(plans))
            chunk = plans[start : start + _STEP]
            _check_codes_free(s, [p.values["credit_code"] for p in chunk
                                  if p.action == "create" and p.values.get("credit_code")])
            new_rows: list[tuple[Any, str]] = []
            for plan in chunk:
                if plan.action == "create":
                    customer = _new_customer(ctx, plan, now, new_rows)
                    customer_id = customer.id
                    created.append((customer, []))
                    counts["customers_created"] += 1
                else:
                    assert plan.existing_id is not None
                    customer_id = plan.existing_id
                    _update_customer(s, ctx, plan)
                    counts["customers_updated"] += plan.action == "update"
                    touched.append(customer_id)
                for contact in plan.contacts:
                    if _write_contact(s, ctx, customer_id, contact, new_rows):
                        counts["contacts_created" if contact.action == "create" else "contacts_updated"] += 1
                        if plan.action == "create":
                            created[-1][1].append(new_rows[-1 - len(_SCORES)][0])
                ids.append(customer_id)
            insert_rows(s, ctx, new_rows)
        if cancelled is not None and cancelled():
            raise ImportCancelled()
        s.flush()
        terms = [_terms(row, people) for row, people in created]
        bulk_index(s, terms)
        for cid in touched:
            reindex_customer(s, cid)
        tx = tx_id(s)
        dispose(terms)  # freed a slice at a time, not in one go at the return
        dispose(created)
    if progress is not None:
        progress(len(plans), len(plans))
    return ImportResult(tx, **counts, customer_ids=tuple(ids))


def insert_rows(s: Session, ctx: Context, rows: Sequence[tuple[Any, str]]) -> None:
    """:func:`~workbench.services.context.insert_row` for many new rows at once: the same
    bookkeeping, the same column defaults and the same journal entries (in the order given).

    The rows are built as model instances (so that the models' validators run on every
    value) but written straight to the driver, table by table, parents first, in slices that
    offer the GIL between them (``store.base.in_slices``): the ORM's unit of work cost more
    than SQLite's inserts (profiled: 20 s of a 10,000-row import), and one long executemany
    starves the GUI thread. New customers get their ``num`` here (the next free rowids,
    as SQLite would give them) for the search index.
    """
    if not rows:
        return
    s.flush()  # what the session holds (updated rows, their journal entries) goes first
    now = utcnow()
    for row, _ in rows:
        row.created_at = now
        row.updated_at = now
        row.version = 1
        if hasattr(row, "owner_id") and row.owner_id is None:
            row.owner_id = ctx.user_id
        for key, default in _defaults(row.__class__):
            if getattr(row, key) is None:
                setattr(row, key, default)
    new_customers = [row for row, t in rows if t == "customers"]
    if new_customers:
        top = s.scalar(select(func.max(m.Customer.num))) or 0
        for n, row in enumerate(new_customers, start=top + 1):
            row.num = n
    # The values as the validators left them (an instance's own dictionary: read through
    # the ORM's attributes, they cost more than their insert), each row's once.
    values = [(row, table, tuple(row.__dict__.get(k) for k in _columns(row.__class__))) for row, table in rows]
    for table in _PARENTS_FIRST:
        of_table = [v for _, t, v in values if t == table]
        if of_table:
            model = next(row for row, t, _ in values if t == table).__class__
            _insert(s, model, _columns(model), of_table)
    # As context.journal writes them (the payload as payload.row_payload makes it); the base
    # version is 0 without a lookup each (a row created in this transaction has never been
    # seen by the server).
    tx, device = tx_id(s), ctx.store.device_id
    _insert(s, JournalEntry, _JOURNAL, [
        (device, tx, table, row_key(table, row), "insert", 0, 1,
         json.dumps(_payload(row.__class__, v), ensure_ascii=False, sort_keys=True), ctx.user_id, now)
        for row, table, v in values])
    for row, table in rows:
        record(s, table, row_key(table, row), "insert")


_JOURNAL = ("device_id", "tx_id", "table_name", "row_id", "op", "base_version", "new_version", "fields",
            "actor_id", "created_at")


@cache
def _columns(model: Any) -> tuple[str, ...]:
    mapper: Any = inspect(model)
    return tuple(a.key for a in mapper.column_attrs)


@cache
def _synced(model: Any) -> tuple[tuple[int, str, Any], ...]:
    """(position in _columns, key, column) of the columns that travel."""
    keys = _columns(model)
    return tuple((keys.index(k), k, c) for k, c in synced_columns(model).items())


def _payload(model: Any, values: tuple[Any, ...]) -> dict[str, Any]:
    return {k: encode_value(c, values[i]) for i, k, c in _synced(model)}


@cache
def _defaults(model: Any) -> tuple[tuple[str, Any], ...]:
    """The columns' plain default values (what a flush would fill in): 0 scores, False flags."""
    out = []
    mapper: Any = inspect(model)
    for attr in mapper.column_attrs:
        default = attr.columns[0].default
        if default is not None and default.is_scalar:
            out.append((attr.key, default.arg))
    return tuple(out)


def _insert(s: Session, model: Any, keys: Sequence[str], values: list[tuple[Any, ...]]) -> None:
    """One INSERT of ``keys`` per row of ``values`` (Python values of the columns' types),
    through the columns' own bind processors, sliced."""
    table: Any = model.__table__  # type: ignore[attr-defined]
    dialect = s.get_bind().dialect
    processors = [table.c[k].type.bind_processor(dialect) for k in keys]
    sql = f"INSERT INTO {table.name} ({', '.join(keys)}) VALUES ({', '.join('?' * len(keys))})"
    connection = s.connection()
    for part in in_slices(values):
        connection.exec_driver_sql(sql, [tuple(p(v) if p else v for v, p in zip(row, processors, strict=True))
                                         for row in part])


def _check_codes_free(s: Session, codes: list[str]) -> None:
    """A customer stored meanwhile under a code the preview found free refuses the import."""
    if codes:
        taken = s.scalar(select(m.Customer.credit_code).where(m.Customer.deleted == false(),
                                                              m.Customer.credit_code.in_(codes)))
        if taken:
            customer_service.check_credit_code_free(s, taken, None)


def _terms(row: m.Customer, people: list[m.Contact]) -> tuple[int, SearchTerms]:
    """A new customer's search terms from the rows in hand (as search_index.terms_for reads them)."""
    return row.num, compute(name=row.name, short_name=row.short_name, credit_code=row.credit_code,
                            contact_names=[p.name for p in people],
                            phones=[x for p in people for x in (p.mobile, p.phone) if x])


def _new_customer(ctx: Context, plan: CustomerPlan, now: datetime, out: list[tuple[Any, str]]) -> m.Customer:
    row = m.Customer(id=new_id(), **plan.values, stage_code=FIRST_STAGE, stage_changed_at=now)
    event = m.StageEvent(id=new_id(), customer_id=row.id, from_code=None, to_code=FIRST_STAGE, occurred_at=now,
                         by_user_id=ctx.user_id)
    out += [(row, "customers"), (event, "stage_events")]
    return row


def _update_customer(s: Session, ctx: Context, plan: CustomerPlan) -> None:
    assert plan.existing_id is not None
    row = customer_service.load(s, plan.existing_id)
    customer_service.check_version(row, "customer", plan.existing_version)
    if plan.action == "update":
        if "credit_code" in plan.values:
            customer_service.check_credit_code_free(s, plan.values["credit_code"], plan.existing_id)
        apply_changes(s, ctx, row, "customers", plan.values)


def _write_contact(s: Session, ctx: Context, customer_id: str, plan: ContactPlan,
                   out: list[tuple[Any, str]]) -> bool:
    """A new contact and its first score readings (as contacts.add_contact), or an update."""
    if plan.action == "create":
        row = m.Contact(id=new_id(), customer_id=customer_id, **plan.values)
        out.append((row, "contacts"))
        out += [(m.ContactScore(id=new_id(), contact_id=row.id, kind=kind, value=plan.values.get(kind, 0),
                                recorded_at=utcnow(), note=None, visit_id=None), "contact_scores") for kind in _SCORES]
        return True
    if plan.action == "update":
        assert plan.existing_id is not None
        row = contact_service.load(s, plan.existing_id)
        customer_service.check_version(row, "contact", plan.existing_version)
        apply_changes(s, ctx, row, "contacts", plan.values)
        return True
    return False
