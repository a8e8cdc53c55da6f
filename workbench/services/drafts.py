"""Drafts: what a form holds before it is saved, kept so that nothing typed is lost.

A draft lives on this device only (the ``drafts`` table, like ``meta``): it is neither
synced nor journaled. A form saves its draft as it is typed (insert or replace by id, so
the form can choose the id up front and repeated saves never create duplicates), resumes
it after a crash or an accidental close, and discards it once the real record is saved.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from datetime import datetime
from typing import Any

from sqlalchemy import delete, select

from workbench.domain.errors import FieldError, ValidationError
from workbench.services.context import Context
from workbench.store import models as m
from workbench.store.models import new_id, utcnow

#: A draft is a form's worth of text; anything far bigger is a bug, not typing.
MAX_PAYLOAD_CHARS = 1_000_000
MAX_KIND_CHARS = 20


@dataclass(frozen=True, slots=True)
class Draft:
    id: str
    kind: str
    customer_id: str | None
    payload: dict[str, Any]
    updated_at: datetime  # naive UTC

    @classmethod
    def of(cls, row: m.Draft) -> Draft:
        try:
            payload = json.loads(row.payload)
        except ValueError:  # never lose the row over a damaged payload: hand back the raw text
            payload = {"_raw": row.payload}
        if not isinstance(payload, dict):
            payload = {"_raw": payload}
        return cls(row.id, row.kind, row.customer_id, payload, row.updated_at)


def _encode(payload: dict[str, Any]) -> str:
    try:
        text = json.dumps(payload, ensure_ascii=False, sort_keys=True)
    except (TypeError, ValueError) as exc:
        raise ValidationError(FieldError("payload", f"草稿内容无法保存:{exc}",
                                         f"the draft cannot be stored: {exc}")) from None
    if len(text) > MAX_PAYLOAD_CHARS:
        raise ValidationError(FieldError("payload", "草稿过大", "the draft is too large"))
    return text


def _check_kind(kind: str) -> None:
    if not kind or len(kind) > MAX_KIND_CHARS:
        raise ValidationError(FieldError("kind", "草稿类型无效", f"invalid draft kind {kind!r}"))


def save_draft(
    ctx: Context, *, draft_id: str | None, kind: str, customer_id: str, payload: dict[str, Any]
) -> str:
    """Store ``payload`` as draft ``draft_id`` (created when missing or None); returns its id."""
    _check_kind(kind)
    text = _encode(payload)
    with ctx.store.write() as s:
        row = s.get(m.Draft, draft_id) if draft_id else None
        if row is None:
            row = m.Draft(id=draft_id or new_id(), kind=kind)
            s.add(row)
        row.kind, row.customer_id, row.payload, row.updated_at = kind, customer_id, text, utcnow()
        return row.id


def load_draft(ctx: Context, *, draft_id: str) -> Draft | None:
    with ctx.store.read() as s:
        row = s.get(m.Draft, draft_id)
        return None if row is None else Draft.of(row)


def drafts_for(ctx: Context, *, kind: str, customer_id: str | None = None) -> list[Draft]:
    """The drafts of ``kind`` (of one customer, when given), newest first."""
    with ctx.store.read() as s:
        q = select(m.Draft).where(m.Draft.kind == kind)
        if customer_id is not None:
            q = q.where(m.Draft.customer_id == customer_id)
        return [Draft.of(r) for r in s.scalars(q.order_by(m.Draft.updated_at.desc(), m.Draft.id))]


def discard_draft(ctx: Context, *, draft_id: str) -> bool:
    """Delete the draft; False when there was none (already saved or discarded)."""
    with ctx.store.write() as s:
        return bool(s.execute(delete(m.Draft).where(m.Draft.id == draft_id)).rowcount)  # type: ignore[attr-defined]
