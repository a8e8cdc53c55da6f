"""What the team server refused, for the user: each refusal with its reason and the record it
concerns, and the two ways out. Nothing refused disappears: a refusal is listed until the user
sends the record again (after fixing it: its current state is journaled anew and goes up with
the next sync) or dismisses it (kept, listed among the dismissed)."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime

from sqlalchemy import select

from workbench.services.context import Context, journal
from workbench.store import models as m
from workbench.store.payload import key_column, model_for, row_payload

RECORD_NAMES = {  # table -> (zh, en)
    "customers": ("客户", "customer"), "contacts": ("联系人", "contact"), "visits": ("拜访", "visit"),
    "visit_contacts": ("拜访联系人", "contact met"), "contact_scores": ("联系人评分", "contact score"),
    "stage_events": ("阶段变更", "stage move"), "offers": ("报价", "offer"),
    "offer_versions": ("报价版本", "offer version"), "offer_events": ("报价记录", "offer event"),
    "proposals": ("建议书", "proposal"), "price_books": ("价目表", "price book"), "conflicts": ("冲突", "conflict"),
}


@dataclass(frozen=True)
class Refusal:
    seq: int
    table: str
    row_id: str
    op: str
    fields: tuple[str, ...]
    customer_id: str | None
    customer_name: str | None
    code: str
    zh: str  # the reason, as the server gave it
    en: str
    at: datetime  # when it was typed (UTC)
    status: str  # refused, dismissed, resent

    @property
    def record_zh(self) -> str:
        return RECORD_NAMES.get(self.table, (self.table, self.table))[0]

    @property
    def record_en(self) -> str:
        return RECORD_NAMES.get(self.table, (self.table, self.table))[1]


def list_refusals(ctx: Context, *, include_done: bool = False) -> list[Refusal]:
    from workbench.services.changes import from_rows
    from workbench.sync.outbox import refused

    entries = refused(ctx.store, statuses=("refused", "dismissed", "resent") if include_done else ("refused",))
    out: list[Refusal] = []
    with ctx.store.read() as s:
        for e in entries:
            try:
                customers = from_rows(s, [(e["table"], e["row"], e["op"])]).customers
            except KeyError:
                customers = frozenset()
            reason = e.get("reason") or {}
            cid = next(iter(customers), None) or reason.get("customer_id")  # gone from this laptop: as it was
            name = s.scalar(select(m.Customer.name).where(m.Customer.id == cid)) if cid else None
            name = name or reason.get("customer_name")
            out.append(Refusal(int(e["seq"]), e["table"], e["row"], e["op"], tuple(sorted(e["fields"])), cid, name,
                               str(reason.get("code") or "refused"), str(reason.get("message_zh") or
                                                                       reason.get("message") or ""),
                               str(reason.get("message") or ""), datetime.fromisoformat(e["at"]), e["status"]))
    return out


def dismiss(ctx: Context, *, seqs: Sequence[int]) -> int:
    from workbench.sync.outbox import set_refusals_status

    return set_refusals_status(ctx.store, seqs, "dismissed")


def resend(ctx: Context, *, seqs: Sequence[int]) -> int:
    """Journal the current state of each refused record again (the fields the refused entry
    carried, or the whole row for an insert), so the next sync sends it; returns how many."""
    from workbench.sync.outbox import refused, set_refusals_status

    wanted = {r.seq: r for r in list_refusals(ctx) if r.seq in set(seqs)}
    sent = {int(e["seq"]): e for e in refused(ctx.store) if int(e["seq"]) in wanted}
    with ctx.store.write() as s:
        for r in wanted.values():
            if r.table == "visit_contacts":
                visit_id, _, contact_id = r.row_id.partition(":")
                linked = s.get(m.VisitContact, (visit_id, contact_id)) is not None
                journal(s, ctx, table=r.table, row_id=r.row_id, op="insert" if linked else "delete",
                        new_version=1, fields={"visit_id": visit_id, "contact_id": contact_id, "deleted": not linked})
                continue
            model = model_for(r.table)
            row = s.scalar(select(model).where(getattr(model, key_column(r.table)) == r.row_id))
            if row is None:  # no longer on this laptop (its customer left its view): as typed
                e = sent.get(r.seq)
                if e is not None:  # on the version it was typed against, as it was sent
                    s.merge(m.RowSync(table_name=r.table, row_id=r.row_id, server_version=int(e["base_version"])))
                    journal(s, ctx, table=r.table, row_id=r.row_id, op=r.op, new_version=1,
                            fields=dict(e["fields"]))
                continue
            fields = None if r.op == "insert" else set(r.fields)
            journal(s, ctx, table=r.table, row_id=r.row_id, op=r.op, new_version=getattr(row, "version", 1),
                    fields=row_payload(row, only=fields))
    set_refusals_status(ctx.store, list(wanted), "resent")
    return len(wanted)
