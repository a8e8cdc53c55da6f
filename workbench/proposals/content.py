"""What a proposal sheet shows, as plain data (the renderer's only input).

Everything is already resolved to the text printed, in the sheet's language (``lang``: "zh",
the default, or "en": the industry, the manager's role, the FABE texts, the state, approval and
terms in it; what was typed, as names and notes, stays as typed), the quote in the
``workbench.pricing.quote_to_dict`` form (money as strings with two decimals, exactly the
engine's figures). :func:`content_to_dict` / :func:`content_from_dict` round-trip it through
JSON for the frozen record kept beside the PDF bytes. ``made_at`` is the moment the sheet
was made, with its UTC offset (the PDF's CreationDate): stored in the content, so that the same
content renders the same bytes.
"""

from __future__ import annotations

from dataclasses import asdict, dataclass, field
from datetime import date, datetime
from typing import Any

CONTENT_FORMAT = "workbench-proposal/1"


@dataclass(frozen=True, slots=True)
class Person:
    """A person printed on the sheet: the customer's key person or the account manager."""

    name: str
    title: str | None = None
    phone: str | None = None
    email: str | None = None


@dataclass(frozen=True, slots=True)
class SolutionItem:
    """One product of the offer in FABE form (特征 / 优势 / 利益 / 证据)."""

    product: str  # catalogue code, e.g. "BB-1000M"
    name: str  # product name in the sheet's language
    quantity: int
    unit: str  # unit label in the sheet's language, e.g. "元/线/月", "per line per month"
    feature: str
    advantage: str
    benefit: str
    evidence: tuple[str, ...]  # reference cases, e.g. "海尔集团: ..."


@dataclass(frozen=True, slots=True)
class Term:
    """One clause of the terms, e.g. ("合约期", "本方案合约期 36 个月, ...")."""

    heading: str
    text: str


@dataclass(frozen=True, slots=True)
class ProposalContent:
    """Everything printed on one proposal sheet.

    ``number`` is the proposal number (the offer number and version, e.g.
    ``FA-20261124-7F3A-0001-V2``); ``state`` the offer state code (draft, needs_approval,
    approved, sent...) and ``state_label`` its label in the sheet's language; ``approval`` a sentence on who
    approved the discount, when it needed approval. ``quote`` is the priced quote as
    ``quote_to_dict`` made it. ``needs`` are the needs found on visits (need-payoff notes).
    """

    number: str
    title: str
    issued_on: date
    valid_until: date
    customer_name: str
    industry: str  # label in the sheet's language
    customer_address: str | None
    key_person: Person | None
    manager: Person
    team: str | None
    needs: tuple[str, ...]
    solution: tuple[SolutionItem, ...]
    quote: dict[str, Any]
    state: str
    state_label: str
    approval: str | None
    terms: tuple[Term, ...]
    lang: str = "zh"  # the sheet's language: "zh" or "en"
    made_at: datetime | None = None  # when it was made, with its offset (None: a record made before)
    format: str = field(default=CONTENT_FORMAT)


LANGUAGES = ("zh", "en")


def content_to_dict(content: ProposalContent) -> dict[str, Any]:
    out = asdict(content)
    out["issued_on"] = content.issued_on.isoformat()
    out["valid_until"] = content.valid_until.isoformat()
    out["made_at"] = None if content.made_at is None else content.made_at.isoformat()
    return out


def content_from_dict(data: dict[str, Any]) -> ProposalContent:
    if data.get("format") != CONTENT_FORMAT:
        raise ValueError(f"not a {CONTENT_FORMAT} document: {data.get('format')!r}")

    def person(value: dict[str, Any] | None) -> Person | None:
        return None if value is None else Person(**value)

    manager = person(data["manager"])
    assert manager is not None
    made_at = data.get("made_at")  # absent from records made before it was kept
    return ProposalContent(
        number=data["number"], title=data["title"],
        issued_on=date.fromisoformat(data["issued_on"]), valid_until=date.fromisoformat(data["valid_until"]),
        customer_name=data["customer_name"], industry=data["industry"], customer_address=data["customer_address"],
        key_person=person(data["key_person"]), manager=manager, team=data["team"],
        needs=tuple(data["needs"]),
        solution=tuple(SolutionItem(**{**item, "evidence": tuple(item["evidence"])}) for item in data["solution"]),
        quote=data["quote"], state=data["state"], state_label=data["state_label"], approval=data["approval"],
        terms=tuple(Term(**t) for t in data["terms"]), lang=data.get("lang", "zh"),
        made_at=None if made_at is None else datetime.fromisoformat(made_at),
    )
