"""Use cases on bundle offers: create, revise, approve/reject, send, win/lose, read.

An offer (``offers``) has numbered versions (``offer_versions``), each holding the offer
document (the JSON format of ``docs/offer-format.md``) and its quote exactly as priced
(``workbench.pricing.quote_to_dict``). A version that was sent is frozen: the next edit makes
a new version and the frozen quote is never re-priced, even when the price books change.
Every state change writes an ``offer_events`` row; every write journals, in one transaction.

States: draft -> (needs_approval -> approved | rejected) -> sent -> won | lost. A new or
revised version is ``draft`` when the quote's authority verdict is within the pricing
user's role, else ``needs_approval``. Money in :class:`OfferInfo` is ``Decimal``.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from datetime import date, datetime
from decimal import Decimal
from typing import Any

from sqlalchemy import false, func, select
from sqlalchemy.orm import Session

from workbench.domain import limits
from workbench.domain import validation as v
from workbench.domain.errors import (
    FieldError,
    NotFoundError,
    PermissionDenied,
    StaleEditError,
    ValidationError,
)
from workbench.pricing import (
    NEEDS_HQ,
    NEEDS_TEAM_LEAD,
    WITHIN,
    Quote,
    parse_offer,
    price,
    quote_to_dict,
)
from workbench.pricing.authority import APPROVERS, may_decide
from workbench.services.catalogue import books_for_writing
from workbench.services.context import Context, apply_changes, insert_row
from workbench.services.customers import load as load_customer
from workbench.services.stages import record_move
from workbench.store import models as m

DRAFT, NEEDS_APPROVAL, APPROVED, REJECTED = "draft", "needs_approval", "approved", "rejected"
SENT, WON, LOST = "sent", "won", "lost"
FROZEN_STATES = frozenset({SENT, WON, LOST})


@dataclass(frozen=True, slots=True)
class OfferInfo:
    """One offer as listed, at one version (the current one unless asked otherwise).

    ``one_off_total`` is what is paid once: one-off products plus installation fees;
    ``term_total`` the quote's total over the term; ``authority`` the quote's verdict
    (``within`` / ``needs_team_lead`` / ``needs_hq``); ``revision`` the version row's change
    counter (any write to the version, a revision in place included, raises it).
    """

    id: str
    customer_id: str
    number: str
    title: str
    version_no: int
    state: str
    frozen: bool
    monthly_total: Decimal
    one_off_total: Decimal
    term_total: Decimal
    authority: str
    updated_at: datetime
    revision: int


@dataclass(frozen=True, slots=True)
class OfferEventInfo:
    id: str
    version_no: int
    from_state: str | None
    to_state: str
    by_user_id: str | None
    comment: str | None
    occurred_at: datetime


@dataclass(frozen=True, slots=True)
class OfferDetail(OfferInfo):
    """OfferInfo plus the offer document, its quote (quote_to_dict form, amounts as strings)
    and the offer's whole event history (every version, oldest first)."""

    offer: dict[str, Any]
    quote: dict[str, Any] | None
    events: tuple[OfferEventInfo, ...]
    current_version_no: int
    version_nos: tuple[int, ...]


# --- JSON -------------------------------------------------------------------------------

def _exact(value: object) -> str:
    if isinstance(value, Decimal):
        return str(value)
    if isinstance(value, date):
        return value.isoformat()
    raise TypeError(f"not JSON: {value!r}")


def _dumps(data: Any) -> str:
    return json.dumps(data, ensure_ascii=False, sort_keys=True, default=_exact)


def _loads(text: str) -> Any:
    return json.loads(text, parse_float=Decimal)


# --- pricing ------------------------------------------------------------------------------

def _role(s: Session, ctx: Context) -> str:
    user = s.get(m.User, ctx.user_id)
    if user is None or user.deleted:
        raise PermissionDenied(f"unknown user {ctx.user_id}")
    return user.role


def _with_customer_facts(offer: dict[str, Any], customer: m.Customer) -> dict[str, Any]:
    """The offer with missing customer facts taken from the customer row (never overriding)."""
    if not isinstance(offer, dict):
        raise ValidationError(FieldError("offer", "方案须为 JSON 对象", "the offer must be a JSON object"))
    facts = offer.get("customer")
    if facts is None:
        facts = {}
    if not isinstance(facts, dict):
        return dict(offer)  # parse_offer names the field
    filled = dict(facts)
    known: dict[str, Any] = {"industry": customer.industry_code, "name": customer.name,
                             "mobile_lines": customer.mobile_lines,
                             "at_risk": customer.churn_risk == "high" if customer.churn_risk else None}
    for key, value in known.items():
        if filled.get(key) is None and value is not None:
            filled[key] = value
    return {**offer, "customer": filled}


def _price(s: Session, ctx: Context, offer: dict[str, Any], today: date) -> tuple[Quote, str]:
    catalogue, policy = books_for_writing(s, today=today)
    role = _role(s, ctx)
    return price(catalogue, policy, parse_offer(offer), role=role, today=today), role


def _state_for(quote: Quote) -> str:
    return DRAFT if quote.authority.level == WITHIN else NEEDS_APPROVAL


# --- rows ------------------------------------------------------------------------------------

def _load(s: Session, offer_id: str) -> m.Offer:
    row = s.get(m.Offer, offer_id)
    if row is None or row.deleted:
        raise NotFoundError("offer", offer_id)
    return row


def _version(s: Session, offer: m.Offer, version_no: int | None = None) -> m.OfferVersion:
    no = offer.current_version if version_no is None else version_no
    row = s.scalar(select(m.OfferVersion).where(m.OfferVersion.offer_id == offer.id, m.OfferVersion.version_no == no))
    if row is None:
        raise NotFoundError("offer_version", f"{offer.id}#{no}")
    return row


def device_code(device_id: str) -> str:
    """Six hex digits of the device id, upper case: the device's part of offer numbers."""
    return device_id.replace("-", "")[:6].upper()


def _next_number(s: Session, ctx: Context, today: date) -> str:
    """``FA-<date>-<device>-<seq>``: the device code keeps numbers made offline on different
    laptops apart (two laptops collide only if their device ids share six hex digits, about
    1 in 16.7 million per pair); ``seq`` counts this device's offers of the day."""
    prefix = f"FA-{today:%Y%m%d}-{device_code(ctx.store.device_id)}-"
    last = s.scalar(select(func.max(m.Offer.number)).where(m.Offer.number.like(f"{prefix}%")))
    return f"{prefix}{(int(last.rsplit('-', 1)[1]) if last else 0) + 1:04d}"


def _event(s: Session, ctx: Context, offer: m.Offer, version_no: int, from_state: str | None, to_state: str,
           comment: str | None = None) -> None:
    now = datetime.now().replace(microsecond=0)  # event times are local wall-clock
    row = m.OfferEvent(offer_id=offer.id, version_no=version_no, from_state=from_state, to_state=to_state,
                       by_user_id=ctx.user_id, comment=comment, occurred_at=now)
    insert_row(s, ctx, row, "offer_events")


def _set_state(s: Session, ctx: Context, offer: m.Offer, version: m.OfferVersion, to_state: str,
               comment: str | None = None, **version_changes: Any) -> None:
    """Move the current version (and the offer's mirror) to ``to_state``, with its event."""
    from_state = version.state
    apply_changes(s, ctx, version, "offer_versions", {"state": to_state, **version_changes})
    apply_changes(s, ctx, offer, "offers", {"state": to_state})
    _event(s, ctx, offer, version.version_no, from_state, to_state, comment)


def _info(offer: m.Offer, version: m.OfferVersion) -> OfferInfo:
    totals: dict[str, Any] = {}
    level = ""
    if version.quote_json:
        quote = _loads(version.quote_json)
        totals, level = quote["totals"], quote["authority"]["level"]
    zero = Decimal(0)
    return OfferInfo(
        id=offer.id, customer_id=offer.customer_id, number=offer.number, title=offer.title,
        version_no=version.version_no, state=version.state, frozen=version.frozen,
        monthly_total=Decimal(totals.get("monthly_recurring", zero)),
        one_off_total=Decimal(totals.get("one_off", zero)) + Decimal(totals.get("installation", zero)),
        term_total=Decimal(totals.get("over_term", zero)), authority=level, updated_at=offer.updated_at,
        revision=version.version,
    )


def _level(version: m.OfferVersion) -> str | None:
    """The version's authority verdict (within / needs_team_lead / needs_hq), None unpriced."""
    level = _loads(version.quote_json or "{}").get("authority", {}).get("level")
    return str(level) if level is not None else None


def _require_approver(s: Session, ctx: Context, version: m.OfferVersion, action: str) -> None:
    """PermissionDenied unless the acting user's role may approve what the version needs
    (a team lead what needs the team lead, only HQ what needs HQ or is unpriced)."""
    role = _role(s, ctx)
    level = _level(version) or NEEDS_HQ
    if not may_decide(role, level):
        raise PermissionDenied(f"this offer needs {level}; role {role} may not {action}")


def _require_state(version: m.OfferVersion, allowed: set[str], action: str) -> None:
    if version.state not in allowed:
        raise ValidationError(FieldError(
            "state", f"状态为 {version.state} 的方案不能{action}",
            f"an offer in state {version.state} cannot be {action}"))


def _title(value: str | None) -> str:
    return v.clean_text(value, field="title", max_len=limits.MEDIUM_TEXT, required=True) or ""


def _comment(value: str | None, *, required: bool = False) -> str | None:
    return v.clean_text(value, field="comment", max_len=limits.MEDIUM_TEXT, required=required)


# --- use cases ---------------------------------------------------------------------------------

def create_offer(ctx: Context, *, customer_id: str, title: str, offer: dict[str, Any], today: date) -> OfferInfo:
    """A new offer, priced now; refused whole (ValidationError naming the fields) if it
    cannot be priced. Missing customer facts (industry, name, lines, at risk) come from the
    customer row; ``title`` also goes into the stored document when it has none."""
    clean_title = _title(title)
    with ctx.store.write() as s:
        customer = load_customer(s, customer_id)
        document = _with_customer_facts(offer, customer)
        if not document.get("title"):
            document["title"] = clean_title
        quote, role = _price(s, ctx, document, today)
        state = _state_for(quote)
        row = m.Offer(customer_id=customer_id, number=_next_number(s, ctx, today), title=clean_title,
                      current_version=1, state=state)
        insert_row(s, ctx, row, "offers")
        version = m.OfferVersion(offer_id=row.id, version_no=1, offer_json=_dumps(document),
                                 quote_json=_dumps(quote_to_dict(quote)), state=state, frozen=False,
                                 priced_on=today, priced_role=role)
        insert_row(s, ctx, version, "offer_versions")
        _event(s, ctx, row, 1, None, state)
        return _info(row, version)


def revise_offer(ctx: Context, *, offer_id: str, offer: dict[str, Any], today: date,
                 expected_version: int) -> OfferInfo:
    """Re-price an edited offer. ``expected_version`` is the ``version_no`` the editor
    showed (StaleEditError if another version was made meanwhile). A frozen current version
    (sent, won, lost) is kept and a new version ``version_no + 1`` is made; otherwise the
    current version is replaced. The state is recomputed (draft / needs_approval)."""
    with ctx.store.write() as s:
        row = _load(s, offer_id)
        if row.current_version != expected_version:
            raise StaleEditError("offer", offer_id, expected_version, row.current_version)
        current = _version(s, row)
        document = _with_customer_facts(offer, load_customer(s, row.customer_id))
        if not document.get("title"):
            document["title"] = row.title
        quote, role = _price(s, ctx, document, today)
        state = _state_for(quote)
        priced = {"offer_json": _dumps(document), "quote_json": _dumps(quote_to_dict(quote)),
                  "priced_on": today, "priced_role": role}
        if current.frozen:
            version = m.OfferVersion(offer_id=row.id, version_no=current.version_no + 1, state=state, frozen=False,
                                     **priced)
            insert_row(s, ctx, version, "offer_versions")
            from_state = current.state
        else:
            from_state = current.state
            apply_changes(s, ctx, current, "offer_versions", {**priced, "state": state})
            version = current
        apply_changes(s, ctx, row, "offers", {"current_version": version.version_no, "state": state,
                                              "title": _title(str(document["title"]))})
        _event(s, ctx, row, version.version_no, from_state, state, "revised")
        return _info(row, version)


def approve(ctx: Context, *, offer_id: str, comment: str | None = None) -> OfferInfo:
    """Approve an offer waiting for approval: a team lead may approve what needs the team
    lead, only HQ what needs HQ (PermissionDenied otherwise)."""
    return _decide(ctx, offer_id, APPROVED, _comment(comment))


def reject(ctx: Context, *, offer_id: str, comment: str) -> OfferInfo:
    """Reject an offer waiting for approval; the comment (the reason) is required."""
    return _decide(ctx, offer_id, REJECTED, _comment(comment, required=True))


def _decide(ctx: Context, offer_id: str, to_state: str, comment: str | None) -> OfferInfo:
    with ctx.store.write() as s:
        role = _role(s, ctx)
        if role not in APPROVERS[NEEDS_TEAM_LEAD]:
            raise PermissionDenied(f"role {role} may not approve or reject offers")
        row = _load(s, offer_id)
        version = _version(s, row)
        _require_state(version, {NEEDS_APPROVAL}, "approved or rejected")
        _require_approver(s, ctx, version, "decide it")
        _set_state(s, ctx, row, version, to_state, comment)
        return _info(row, version)


def mark_sent(ctx: Context, *, offer_id: str) -> OfferInfo:
    """The offer went to the customer: its current version is frozen, quote kept as priced."""
    with ctx.store.write() as s:
        row = _load(s, offer_id)
        version = _version(s, row)
        _require_state(version, {DRAFT, APPROVED}, "sent")
        if version.state == DRAFT and _level(version) != WITHIN:
            raise ValidationError(FieldError("state", "超出权限的方案须先审批", "an offer beyond authority needs approval"))
        _set_state(s, ctx, row, version, SENT, frozen=True)
        return _info(row, version)


def mark_won(ctx: Context, *, offer_id: str, move_stage_to: str | None = None,
             reason: str | None = None) -> OfferInfo:
    """The customer accepted the sent offer; optionally move the customer's stage too."""
    return _close(ctx, offer_id, WON, move_stage_to, reason)


def mark_lost(ctx: Context, *, offer_id: str, move_stage_to: str | None = None,
              reason: str | None = None) -> OfferInfo:
    """The customer declined the sent offer; optionally move the customer's stage too."""
    return _close(ctx, offer_id, LOST, move_stage_to, reason)


def _close(ctx: Context, offer_id: str, to_state: str, move_stage_to: str | None, reason: str | None) -> OfferInfo:
    clean_reason = _comment(reason)
    with ctx.store.write() as s:
        row = _load(s, offer_id)
        version = _version(s, row)
        _require_state(version, {SENT}, "won or lost")
        _set_state(s, ctx, row, version, to_state, clean_reason)
        if move_stage_to is not None:
            record_move(s, ctx, load_customer(s, row.customer_id), move_stage_to, reason=clean_reason, visit_id=None)
        return _info(row, version)


def list_offers(ctx: Context, *, customer_id: str) -> list[OfferInfo]:
    """The customer's offers at their current versions, most recently changed first."""
    with ctx.store.read() as s:
        rows = s.execute(
            select(m.Offer, m.OfferVersion)
            .join(m.OfferVersion, (m.OfferVersion.offer_id == m.Offer.id)
                  & (m.OfferVersion.version_no == m.Offer.current_version))
            .where(m.Offer.customer_id == customer_id, m.Offer.deleted == false())
            .order_by(m.Offer.updated_at.desc(), m.Offer.number.desc())
        ).all()
        return [_info(o, ver) for o, ver in rows]


def get_offer(ctx: Context, *, offer_id: str, version_no: int | None = None) -> OfferDetail:
    """One offer at ``version_no`` (default: the current one), with its history."""
    with ctx.store.read() as s:
        row = _load(s, offer_id)
        version = _version(s, row, version_no)
        events = s.scalars(select(m.OfferEvent).where(m.OfferEvent.offer_id == offer_id)
                           .order_by(m.OfferEvent.created_at, m.OfferEvent.occurred_at))
        nos = s.scalars(select(m.OfferVersion.version_no).where(m.OfferVersion.offer_id == offer_id)
                        .order_by(m.OfferVersion.version_no))
        info = _info(row, version)
        return OfferDetail(
            **{f: getattr(info, f) for f in OfferInfo.__dataclass_fields__},
            offer=_loads(version.offer_json),
            quote=_loads(version.quote_json) if version.quote_json else None,
            events=tuple(OfferEventInfo(e.id, e.version_no, e.from_state, e.to_state, e.by_user_id, e.comment,
                                        e.occurred_at) for e in events),
            current_version_no=row.current_version, version_nos=tuple(nos),
        )
