"""Use cases on proposal sheets: produce one for an offer's current version, read it back.

The record (``proposals``, one row per offer version) holds the exact PDF bytes and the
content that made them, including the priced quote. While the version is open, producing
again replaces the record; once the version is frozen (sent, won, lost) the stored record is
returned unchanged, whatever the price books say today: it is what the client received.

Rendering takes a noticeable fraction of a second, so :func:`produce_proposal` reads in one
transaction, renders outside any transaction, and writes in a second one that refuses
(StaleEditError) when the offer version changed meanwhile.
"""

from __future__ import annotations

import hashlib
import json
from dataclasses import dataclass
from datetime import date, datetime, timedelta
from typing import Any

from sqlalchemy import false, select
from sqlalchemy.orm import Session

from workbench.domain.enums import CuteRole, Role
from workbench.domain.errors import FieldError, StaleEditError, ValidationError
from workbench.proposals.content import (
    LANGUAGES,
    Person,
    ProposalContent,
    Term,
    content_from_dict,
    content_to_dict,
)
from workbench.proposals.solution import solution_items
from workbench.proposals.terms import VALIDITY_DAYS, agreement_terms, state_label, within_authority
from workbench.services import offers as o
from workbench.services.catalogue import books_for_writing, catalogue_by_version
from workbench.services.context import Context, apply_changes, insert_row
from workbench.services.customers import load as load_customer
from workbench.services.users import DEFAULT_USER_NAME
from workbench.store import models as m

#: How many need-payoff notes (newest first) the sheet lists.
MAX_NEEDS = 6


@dataclass(frozen=True, slots=True)
class ProposalRecord:
    """A stored proposal: the PDF exactly as produced and the content behind it."""

    id: str
    offer_id: str
    version_no: int
    number: str
    issued_on: date
    pdf: bytes
    pdf_sha256: str
    pages: int
    missing: tuple[str, ...]
    frozen: bool  # the offer version was sent: this record never changes again
    content: ProposalContent
    produced_at: datetime


def _record(row: m.Proposal, frozen: bool) -> ProposalRecord:
    return ProposalRecord(
        id=row.id, offer_id=row.offer_id, version_no=row.version_no, number=row.number, issued_on=row.issued_on,
        pdf=row.pdf, pdf_sha256=row.pdf_sha256, pages=row.pages, missing=tuple(row.missing_chars),
        frozen=frozen, content=content_from_dict(json.loads(row.content_json)), produced_at=row.updated_at)


def _stored(s: Session, offer_id: str, version_no: int) -> m.Proposal | None:
    return s.scalar(select(m.Proposal).where(m.Proposal.offer_id == offer_id, m.Proposal.version_no == version_no,
                                             m.Proposal.deleted == false()))


@dataclass(frozen=True, slots=True)
class ProposalSummary:
    """A stored proposal as listed (no bytes)."""

    version_no: int
    number: str
    issued_on: date
    pages: int
    frozen: bool


def list_proposals(ctx: Context, *, offer_id: str) -> list[ProposalSummary]:
    """The offer's stored proposals, one per version that has one, newest version first."""
    with ctx.store.read() as s:
        rows = s.execute(
            select(m.Proposal.version_no, m.Proposal.number, m.Proposal.issued_on, m.Proposal.pages,
                   m.OfferVersion.frozen)
            .join(m.OfferVersion, (m.OfferVersion.offer_id == m.Proposal.offer_id)
                  & (m.OfferVersion.version_no == m.Proposal.version_no))
            .where(m.Proposal.offer_id == offer_id, m.Proposal.deleted == false())
            .order_by(m.Proposal.version_no.desc())).all()
        return [ProposalSummary(r[0], r[1], r[2], r[3], bool(r[4])) for r in rows]


def get_proposal(ctx: Context, *, offer_id: str, version_no: int | None = None) -> ProposalRecord | None:
    """The stored proposal of the offer's ``version_no`` (default: current), or None."""
    with ctx.store.read() as s:
        offer = o._load(s, offer_id)
        version = o._version(s, offer, version_no)
        row = _stored(s, offer_id, version.version_no)
        return None if row is None else _record(row, version.frozen)


# --- content ---------------------------------------------------------------------------------

def _person_from_contact(c: m.Contact) -> Person:
    return Person(c.name, c.title, c.mobile or c.phone, c.email)


def _key_person(s: Session, customer_id: str) -> Person | None:
    contacts = s.scalars(select(m.Contact).where(m.Contact.customer_id == customer_id,
                                                 m.Contact.deleted == false())).all()
    if not contacts:
        return None
    best = min(contacts, key=lambda c: (not c.is_key_person, c.cute_role != CuteRole.ECONOMIC,
                                        not c.is_liaison, c.name))
    return _person_from_contact(best)


def _needs(s: Session, customer_id: str) -> tuple[str, ...]:
    notes = s.scalars(select(m.Visit.spin_need_payoff)
                      .where(m.Visit.customer_id == customer_id, m.Visit.deleted == false(),
                             m.Visit.spin_need_payoff.is_not(None), m.Visit.spin_need_payoff != "")
                      .order_by(m.Visit.occurred_at.desc()).limit(MAX_NEEDS * 4))
    found: list[str] = []
    for note in notes:
        text = " ".join((note or "").split())
        if text and text not in found:
            found.append(text)
        if len(found) == MAX_NEEDS:
            break
    return tuple(found)


def _role(role: str | None, lang: str) -> str:
    if not role:
        return ""
    label = Role(role)
    return label.en if lang == "en" else label.zh


def _person(name: str, lang: str) -> str:
    """A user's name as printed: as typed, except the first start's default name 我
    (services.users.DEFAULT_USER_NAME), a word of the program, which reads "Me" in English
    (as ui.labels.user_label shows it)."""
    return "Me" if lang == "en" and name == DEFAULT_USER_NAME else name


def _manager(s: Session, ctx: Context, offer: m.Offer, lang: str) -> tuple[Person, str | None]:
    user = s.get(m.User, offer.owner_id or ctx.user_id) or s.get(m.User, ctx.user_id)
    if user is None:
        return Person(_person(ctx.user_name, lang) if ctx.user_name else _role("manager", lang)), None
    return Person(_person(user.name, lang), _role(user.role, lang) or None, user.phone, user.email), user.team


def _approval(s: Session, offer: m.Offer, version: m.OfferVersion, quote: dict[str, Any],
              lang: str = "zh") -> str | None:
    """Who approved, only while the version stands approved (approved, or sent / won / lost
    after it): an approval undone, or a version revised in place since, is not claimed. In
    ``lang``; the approver's name as typed."""
    en = lang == "en"
    if quote.get("authority", {}).get("level") == "within":
        return within_authority(lang)
    labels = quote.get("authority", {}).get("label", {})
    label = (labels.get("en") if en else None) or labels.get("zh", "")
    pending = (f"{label}, not yet approved" if en else f"{label}, 尚未审批") if label else None
    if version.state not in (o.APPROVED, o.SENT, o.WON, o.LOST):
        return pending
    event = s.scalar(select(m.OfferEvent).where(m.OfferEvent.offer_id == offer.id,
                                                m.OfferEvent.version_no == version.version_no,
                                                m.OfferEvent.to_state == o.APPROVED)
                     .order_by(m.OfferEvent.occurred_at.desc()).limit(1))
    if event is None:
        return pending
    who = s.get(m.User, event.by_user_id) if event.by_user_id else None
    role = _role(who.role if who else None, lang)
    name = _person(who.name, lang) if who else ""
    if en:
        by = " ".join(x for x in (role, name) if x)
        return f"Approved by {by} on {event.occurred_at:%Y-%m-%d}" if by else f"Approved on {event.occurred_at:%Y-%m-%d}"
    return f"{role} {name} 于 {event.occurred_at:%Y-%m-%d} 审批通过".strip()


def _terms(quote: dict[str, Any], lang: str = "zh") -> tuple[Term, ...]:
    """The agreement's clauses for the offer's longest recurring term (one-off wording when
    nothing recurs)."""
    terms = [int(line.get("term_months") or 0) for line in quote.get("lines", []) if line.get("unit") != "one_off"]
    return agreement_terms(max(terms, default=0), recurring=bool(terms), lang=lang)


def local_now() -> datetime:
    """This moment in the machine's local time, with its UTC offset."""
    return datetime.now().astimezone()


def build_content(s: Session, ctx: Context, offer: m.Offer, version: m.OfferVersion, today: date,
                  lang: str = "zh", made_at: datetime | None = None) -> ProposalContent:
    """The sheet's content for ``version`` of ``offer`` (its stored quote, never re-priced), in
    ``lang`` ("zh" or "en": the industry, the manager's role, the FABE texts, state, approval
    and terms in English; names and notes as typed), made at ``made_at`` (default: now)."""
    if lang not in LANGUAGES:
        raise ValueError(f"unknown sheet language {lang!r}")
    en = lang == "en"
    if not version.quote_json:
        raise ValidationError(FieldError("quote", "方案尚未报价", "the offer has no quote"))
    quote = json.loads(version.quote_json)  # amounts stay the engine's strings
    customer = load_customer(s, offer.customer_id)
    industry = s.get(m.Industry, customer.industry_code) if customer.industry_code else None
    catalogue = catalogue_by_version(s, quote.get("catalogue_version", "")) or books_for_writing(s, today=today)[0]
    manager, team = _manager(s, ctx, offer, lang)
    industry_name = ((industry.name_en if en else None) or industry.name_zh) if industry else ""
    return ProposalContent(
        number=f"{offer.number}-V{version.version_no}", title=offer.title, issued_on=today,
        valid_until=today + timedelta(days=VALIDITY_DAYS), customer_name=customer.name,
        industry=industry_name, customer_address=customer.address,
        key_person=_key_person(s, customer.id), manager=manager, team=team, needs=_needs(s, customer.id),
        solution=solution_items(catalogue, quote, customer.industry_code or "", lang), quote=quote,
        state=version.state, state_label=state_label(version.state, lang),
        approval=_approval(s, offer, version, quote, lang), terms=_terms(quote, lang), lang=lang,
        made_at=local_now() if made_at is None else made_at if made_at.tzinfo else made_at.astimezone(),
    )


# --- producing ------------------------------------------------------------------------------

def _made_from(row: m.Proposal, version: m.OfferVersion) -> bool:
    """Whether the stored proposal printed the version's current quote (a version revised in
    place after a proposal was produced has a new quote: that proposal is not its record)."""
    return bool(json.loads(row.content_json).get("quote") == json.loads(version.quote_json or "null"))


def _undated(content: dict[str, Any]) -> dict[str, Any]:
    """A content without its dates and making moment: what makes two productions the same
    document (read through ``content_from_dict``, so that a record made before a field was
    kept compares by its defaults: the sheet's language, Chinese)."""
    full = content_to_dict(content_from_dict(content))
    return {k: v for k, v in full.items() if k not in ("issued_on", "valid_until", "made_at")}


def produce_proposal(ctx: Context, *, offer_id: str, today: date, lang: str = "zh",
                     now: datetime | None = None) -> ProposalRecord:
    """Produce (or, for a frozen version that has one, return) the proposal of the offer's
    current version, in ``lang`` ("zh", the default, or "en"), made at ``now`` (default: this
    moment, with the local UTC offset: the PDF's CreationDate). An open version's stored
    proposal is returned as it is when nothing but the day would change (same language) and it
    is still valid (its number, date and validity stay those the client may hold); another
    language replaces it. A frozen version's stored proposal counts only if it printed the
    version's quote (one produced before a revision in place does not), in whatever language
    it was made: what the client received. Refused for a rejected version (ValidationError on
    ``state``)."""
    from workbench.proposals.render import render_proposal  # ReportLab: imported when first used

    with ctx.store.read() as s:
        offer = o._load(s, offer_id)
        version = o._version(s, offer)
        existing = _stored(s, offer_id, version.version_no)
        if version.frozen and existing is not None and _made_from(existing, version):
            return _record(existing, True)
        if version.state == o.REJECTED:
            raise ValidationError(FieldError("state", "已驳回的方案不能打印建议书, 请先修改方案",
                                             "a rejected offer cannot be printed; revise it first"))
        content = build_content(s, ctx, offer, version, today, lang, now)
        document = json.dumps(content_to_dict(content), ensure_ascii=False, sort_keys=True)
        if (existing is not None and today <= existing.issued_on + timedelta(days=VALIDITY_DAYS)
                and _undated(json.loads(existing.content_json)) == _undated(json.loads(document))):
            return _record(existing, False)  # nothing changed but the day, still valid: the same document
        seen = (version.version_no, version.version)
    rendered = render_proposal(content)
    digest = hashlib.sha256(rendered.pdf).hexdigest()
    fields: dict[str, Any] = {
        "number": content.number, "issued_on": content.issued_on,
        "content_json": document,
        "pdf": rendered.pdf, "pdf_sha256": digest, "pages": rendered.pages,
        "missing_chars": "".join(rendered.missing),
    }
    with ctx.store.write() as s:
        offer = o._load(s, offer_id)
        version = o._version(s, offer)
        row = _stored(s, offer_id, version.version_no)
        if version.frozen and row is not None and version.version_no == seen[0] and _made_from(row, version):
            return _record(row, True)  # another production froze it first: that one stands
        if (version.version_no, version.version) != seen:
            raise StaleEditError("offer_version", offer_id, seen[1], version.version)
        if row is None:
            row = m.Proposal(offer_id=offer_id, version_no=version.version_no, **fields)
            insert_row(s, ctx, row, "proposals")
        else:
            apply_changes(s, ctx, row, "proposals", fields)  # the bytes travel too (base64)
        s.flush()
        return _record(row, version.frozen)
