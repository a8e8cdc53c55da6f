"""Deterministic generator of realistic demo records: customers, contacts, visits, stage history.

Pure Python (stdlib plus :mod:`workbench.domain`): no database, no Qt. Another module inserts
the records; the dataclasses below are that contract and map 1:1 to the store's columns.

Each bundle is drawn from its own ``random.Random(seed * 1_000_003 + index)``; the sets of
names and credit codes already used (kept per :meth:`DemoGenerator.bundles` call) make them
distinct. So ``bundles(k)`` yields exactly the first ``k`` bundles of ``bundles(n)``.
"""

from __future__ import annotations

import random
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import date, datetime, time, timedelta
from typing import Any

from workbench.domain.enums import INDUSTRIES, STAGES, BehaviourStyle, CuteRole, Loyalty, Provider
from workbench.domain.validation import generate_credit_code
from workbench.services import demo_vocab as V

__all__ = ["DemoBundle", "DemoContact", "DemoCustomer", "DemoGenerator", "DemoStageEvent", "DemoVisit"]


@dataclass(frozen=True, slots=True)
class DemoCustomer:
    id: str
    name: str
    short_name: str | None
    credit_code: str
    industry_code: str
    region: str
    address: str
    employees: int
    mobile_lines: int
    value_grade: str
    churn_risk: str
    current_provider: str
    competitors: str | None
    competitor_contract_end: date | None
    stage_code: str
    shared: bool
    notes: str | None
    created_at: datetime


@dataclass(frozen=True, slots=True)
class DemoContact:
    id: str
    customer_id: str
    name: str
    title: str
    department: str
    mobile: str | None
    phone: str | None
    email: str | None
    cute_role: str | None
    behaviour_style: str | None
    closeness: int
    trust: int
    favour: int
    is_key_person: bool
    is_liaison: bool
    birthday: date | None


@dataclass(frozen=True, slots=True)
class DemoVisit:
    id: str
    customer_id: str
    occurred_at: datetime
    duration_min: int
    kind: str
    place: str | None
    objective: str
    spin_situation: str | None
    spin_problem: str | None
    spin_implication: str | None
    spin_need_payoff: str | None
    needs: str | None
    competitor_notes: str | None
    outcome: str | None
    next_step: str | None
    follow_up_date: date | None
    follow_up_done: bool
    contact_ids: tuple[str, ...]


@dataclass(frozen=True, slots=True)
class DemoStageEvent:
    id: str
    customer_id: str
    from_code: str | None
    to_code: str
    occurred_at: datetime
    reason: str | None
    visit_id: str | None


@dataclass(frozen=True, slots=True)
class DemoBundle:
    customer: DemoCustomer
    contacts: tuple[DemoContact, ...]
    visits: tuple[DemoVisit, ...]
    stage_events: tuple[DemoStageEvent, ...]


# --- lookup tables, built once ----------------------------------------------------------------

_V4_CLEAR = ~((0xF000 << 64) | (0xC000 << 48))
_V4_SET = (4 << 76) | (0x8000 << 48)


def demo_uuid(rng: random.Random) -> str:
    """Same string as ``str(uuid.UUID(int=rng.getrandbits(128), version=4))``, 3x faster."""
    h = f"{(rng.getrandbits(128) & _V4_CLEAR) | _V4_SET:032x}"
    return f"{h[:8]}-{h[8:12]}-{h[12:16]}-{h[16:20]}-{h[20:]}"


def _pool(weights: dict[Any, int]) -> tuple[Any, ...]:
    """A tuple in which each key appears ``weight`` times: pick with ``pool[int(r() * len)]``."""
    return tuple(k for k, w in weights.items() for _ in range(w))


_IND = {i.code: i for i in INDUSTRIES}
_IND_POOL = _pool({c: V.INDUSTRY_WEIGHTS.get(c, 1) for c in _IND})
_BUILD = {c: V.ORG_BUILDERS.get(c, V.ORG_BUILDERS["other"]) for c in _IND}
LADDER: tuple[str, ...] = tuple(s.code for s in sorted(STAGES, key=lambda s: s.position) if not s.side)
_SIDE = tuple(s.code for s in STAGES if s.side)  # dormant, lost
_DORMANT, _LOST = _SIDE[0], _SIDE[-1]
_STAGE_POOL = _pool(dict(zip(LADDER, (14, 18, 15, 14, 12, 9, 7, 4), strict=False)) | {_DORMANT: 5, _LOST: 2})
_DEPTH = {c: i for i, c in enumerate(LADDER)}
_BASE_SCORE = dict(zip(LADDER, (1.0, 1.5, 2.0, 3.0, 4.5, 6.0, 7.0, 8.0), strict=False))
_BASE_SCORE |= {_DORMANT: 3.0, _LOST: 1.5}
_VISITS = dict(zip(LADDER, ((0, 2), (0, 4), (1, 8), (4, 16), (10, 24), (14, 30), (16, 34), (20, 38)),
                   strict=False)) | {_DORMANT: (2, 10), _LOST: (2, 12)}  # fmt: skip
_GRADE_MULT = {"A": 1.6, "B": 1.25, "C": 1.05, "D": 0.7}
_PROVIDERS = _pool({Provider.UNICOM.value: 45, Provider.MOBILE.value: 32, Provider.TELECOM.value: 20,
                    Provider.OTHER.value: 3})  # fmt: skip
_PROV_ZH = {p.value: p.zh for p in Provider}
_RIVALS = (Provider.MOBILE.zh, Provider.TELECOM.zh)
_RISK = {Loyalty.HIGH: (0.7, 0.95), Loyalty.MEDIUM: (0.5, 0.85), Loyalty.LOW: (0.35, 0.75)}
_NCONTACTS = _pool({1: 13, 2: 25, 3: 28, 4: 19, 5: 9, 6: 6})
_E, _T, _C, _U = (CuteRole.ECONOMIC.value, CuteRole.TECHNICAL.value, CuteRole.COACH.value,
                  CuteRole.USER.value)  # fmt: skip
_GROUP = {_E: "E", _T: "T", _C: "C", _U: "U", None: "U"}
_ROLE_ADJ = {_E: -0.5, _T: 0.0, _C: 1.5, _U: 0.5, None: 0.0}
_B = BehaviourStyle
_STYLES = {
    r: _pool(dict(zip((_B.DRIVER.value, _B.EXPRESSIVE.value, _B.AMIABLE.value, _B.ANALYTICAL.value),
                      w, strict=True)) | {None: 1})  # fmt: skip
    for r, w in ((_E, (9, 4, 2, 5)), (_T, (3, 2, 4, 11)), (_C, (2, 7, 8, 3)), (_U, (5, 5, 5, 5)),
                 (None, (5, 5, 5, 5)))
}  # fmt: skip
_KINDS_EARLY = _pool({"onsite": 9, "phone": 8, "event": 2, "demo": 1})
_KINDS_LATE = _pool({"onsite": 7, "phone": 5, "demo": 2, "negotiation": 2, "event": 1, "after_sales": 3})
_DURATION = {"onsite": (30, 120), "phone": (10, 30), "demo": (45, 150), "negotiation": (60, 180),
             "event": (60, 180), "after_sales": (10, 40)}  # fmt: skip
_FU_OFFSETS = (0, 1, 2, 3, 3, 5, 7, 7, 7, 10, 14, 14, 21)
_SPIN_KINDS = frozenset(("onsite", "demo", "negotiation"))
_DAY = timedelta(days=1)
_WORKDAY = 600  # minutes from 08:30 in which things happen


def _clamp(x: float) -> int:
    return 0 if x < 0 else 10 if x > 10 else int(x)


class DemoGenerator:
    """``DemoGenerator(seed=..., today=...).bundles(n)``: n customers with their records."""

    def __init__(self, *, seed: int = 20261124, today: date = date(2026, 11, 24)) -> None:
        self.seed = seed
        self.today = today
        self._today0 = datetime.combine(today, time())

    def bundles(self, n: int) -> Iterator[DemoBundle]:
        names: set[str] = set()
        codes: set[str] = set()
        for index in range(n):
            yield self._bundle(random.Random(self.seed * 1_000_003 + index), names, codes)

    # --- one customer -------------------------------------------------------------------------

    def _bundle(self, rng: random.Random, names: set[str], codes: set[str]) -> DemoBundle:
        r = rng.random
        today = self.today
        industry = _IND_POOL[int(r() * len(_IND_POOL))]
        build = _BUILD[industry]
        for _ in range(40):
            place = V.PLACE_POOL[int(r() * len(V.PLACE_POOL))]
            name, short, domain = build(rng, place)
            if name not in names:
                break
        else:
            base, k = name, 2
            while name in names:
                name, k = f"{base}({V.CN[(k - 1) % 20]}{k // 21 or ''})", k + 1
        names.add(name)
        code = generate_credit_code(rng, division=place.division)
        while code in codes:
            code = generate_credit_code(rng, division=place.division)
        codes.add(code)
        cid = demo_uuid(rng)

        lo, hi = V.HEADCOUNT[industry]
        u = r()
        employees = int(lo * (hi / lo) ** u)
        lines = int(employees * (0.3 + 0.9 * r()))
        x = 0.6 * u + 0.4 * r()
        grade = "A" if x > 0.845 else "B" if x > 0.654 else "C" if x > 0.379 else "D"
        provider = _PROVIDERS[int(r() * len(_PROVIDERS))]
        rival = _PROV_ZH[provider] if provider in ("mobile", "telecom") else _RIVALS[r() < 0.5]
        comps: list[str] = []
        if provider != "unicom" or r() < 0.6:
            comps.append(f"{rival}({V.COMPETITOR_SERVICES[int(r() * 9)]})")
            if r() < 0.35:
                other = _RIVALS[rival == _RIVALS[0]]
                comps.append(f"{other}({V.COMPETITOR_SERVICES[int(r() * 9)]})")
        contract_end = None
        if comps and r() < 0.49:
            contract_end = today + timedelta(days=1 + int(r() * (60 if r() < 0.25 else 365)))
        stage = _STAGE_POOL[int(r() * len(_STAGE_POOL))]
        low, mid = _RISK[_IND[industry].loyalty]
        if contract_end is not None and (contract_end - today).days <= 60:
            low, mid = low / 2, mid - 0.1
        y = r()
        risk = "low" if y < low else "medium" if y < mid else "high"

        contacts, boss = self._contacts(rng, cid, industry, stage, place, domain)
        text = V.INDUSTRY_TEXT.get(industry, V.INDUSTRY_TEXT["other"])
        ctx = {
            "short": short or name, "boss": boss, "city": place.city, "site": text[0],
            "system": text[1], "impact": text[2], "prod": text[3][int(r() * len(text[3]))],
            "n": max(2, min(80, employees // 40)), "bw": (50, 100, 200, 500, 1000)[int(r() * 5)],
            "lines": lines, "it": 1 + int(r() * 8), "year": 2012 + int(r() * 8), "k": 2 + int(r() * 5),
            "prov": _PROV_ZH[provider] if provider != "other" else "本地广电", "comp": rival,
            "price": (800, 1200, 1500, 2000, 3500, 6800)[int(r() * 6)],
            "end": f"{contract_end.year}年{contract_end.month}月" if contract_end else "明年年中",
        }  # fmt: skip
        road = V.ROADS[int(r() * len(V.ROADS))]
        address = f"{place.region}{road}{1 + int(r() * 999)}号"
        if r() < 0.4:
            address += f"{V.BUILDINGS[int(r() * len(V.BUILDINGS))]}{2 + int(r() * 20)}楼"

        depth = _DEPTH.get(stage, 3)
        start_days = 20 + 60 * depth + int(r() * (710 - 60 * depth))
        start = self._today0 - timedelta(days=start_days, minutes=-510 - int(r() * _WORKDAY))
        visits = self._visits(rng, cid, stage, grade, start_days, contacts, ctx, text[4])
        events = self._events(rng, cid, stage, start, visits)
        customer = DemoCustomer(
            id=cid, name=name, short_name=short if r() < 0.95 else None, credit_code=code,
            industry_code=industry, region=place.region, address=address, employees=employees,
            mobile_lines=lines, value_grade=grade, churn_risk=risk, current_provider=provider,
            competitors=", ".join(comps) or None, competitor_contract_end=contract_end,
            stage_code=stage, shared=r() < 0.1,
            notes=V.NOTES[int(r() * len(V.NOTES))].format_map(ctx) if r() < 0.3 else None,
            created_at=start - timedelta(minutes=1 + int(r() * 30)),
        )  # fmt: skip
        return DemoBundle(customer, tuple(contacts), tuple(visits), tuple(events))

    def _contacts(self, rng: random.Random, cid: str, industry: str, stage: str, place: V.Place,
                  domain: str) -> tuple[list[DemoContact], str]:  # fmt: skip
        r = rng.random
        nc = _NCONTACTS[int(r() * len(_NCONTACTS))]
        if nc >= 3:
            roles = [_E if r() < 0.93 else None, _T if r() < 0.93 else _U, _C if r() < 0.45 else _U]
            roles += [(_C if r() < 0.1 else _U) if r() < 0.8 else None for _ in range(nc - 3)]
        elif nc == 2:
            roles = [_E, _T if r() < 0.6 else _C]
        else:
            roles = [_E if r() < 0.7 else _C]
        liaison = roles.index(_C) if _C in roles else nc - 1
        positions = V.POSITIONS.get(industry, V.POSITIONS["other"])
        base = _BASE_SCORE[stage]
        year = self.today.year
        used: set[str] = set()
        boss = ""
        out: list[DemoContact] = []
        for i, role in enumerate(roles):
            group = positions["E" if i == 0 and role is None else _GROUP[role]]
            title, dept = group[int(r() * len(group))]
            boss = boss or title
            if r() < 0.006:
                sur, spy = V.COMPOUND_SURNAMES[int(r() * len(V.COMPOUND_SURNAMES))]
            else:
                sur, spy = V.SURNAMES[int(r() * len(V.SURNAMES))]
            given = [V.GIVEN[int(r() * len(V.GIVEN))]]
            if r() < 0.75:
                given.append(V.GIVEN[int(r() * len(V.GIVEN))])
            if r() < 0.02:
                given[-1] = V.RARE_GIVEN[int(r() * len(V.RARE_GIVEN))]
            gname, gpy = "".join(g[0] for g in given), "".join(g[1] for g in given)
            email = None
            if r() < 0.8:
                s = r()
                local = (spy + gpy if s < 0.5 else f"{gpy}.{spy}" if s < 0.75
                         else spy + "".join(g[1][0] for g in given))  # fmt: skip
                if local in used:
                    local += str(i + 1)
                used.add(local)
                email = f"{local}@{domain}"
            mobile = f"{V.MOBILE_PREFIXES[int(r() * len(V.MOBILE_PREFIXES))]}{int(r() * 1e8):08d}" if r() < 0.95 else None
            phone = None
            if r() < 0.6:
                phone = f"{place.area}-{2 + int(r() * 7)}{int(r() * 1e7):07d}"
                if r() < 0.15:
                    phone += f"-{100 + int(r() * 900)}"
            adj = base + _ROLE_ADJ[role]
            styles = _STYLES[role]
            out.append(DemoContact(
                id=demo_uuid(rng), customer_id=cid, name=sur + gname, title=title, department=dept,
                mobile=mobile, phone=phone, email=email, cute_role=role,
                behaviour_style=styles[int(r() * len(styles))],
                closeness=_clamp(adj + r() * 3 - 1), trust=_clamp(adj + r() * 3 - 1.5),
                favour=_clamp(adj + r() * 3 - 2.5), is_key_person=i == 0, is_liaison=i == liaison,
                birthday=date(year - 25 - int(r() * 33), 1 + int(r() * 12), 1 + int(r() * 28))
                if r() < 0.7 else None,
            ))  # fmt: skip
        return out, boss

    def _visits(self, rng: random.Random, cid: str, stage: str, grade: str, start_days: int,
                contacts: list[DemoContact], ctx: dict[str, Any], needs_vocab: tuple[str, ...],
                ) -> list[DemoVisit]:  # fmt: skip
        r = rng.random
        lo, hi = _VISITS[stage]
        window = min(365, start_days - 1)
        count = min(40, window + 1, int((lo + r() * (hi - lo + 1)) * _GRADE_MULT[grade]))
        if count <= 0:
            return []
        cache: dict[str, str] = {}

        def fmt(template: str) -> str:
            s = cache.get(template)
            if s is None:
                s = cache[template] = template.format_map(ctx)
            return s

        kinds = _KINDS_LATE if _DEPTH.get(stage, 0) >= 4 else _KINDS_EARLY
        onsite = [fmt(t) for t in V.PLACES_ONSITE]
        elsewhere = [fmt(t) for t in V.PLACES_OTHER]
        ids = [c.id for c in contacts]
        nc = len(ids)
        today, today0 = self.today, self._today0
        out: list[DemoVisit] = []
        for days_ago in sorted(rng.sample(range(window + 1), count), reverse=True):
            kind = kinds[int(r() * len(kinds))]
            dlo, dhi = _DURATION[kind]
            when = today0 - timedelta(days=days_ago, minutes=-510 - int(r() * _WORKDAY))
            if kind == "phone":
                place = None
            elif kind == "event" or (kind != "onsite" and r() < 0.4):
                place = elsewhere[int(r() * 4)]
            else:
                place = onsite[int(r() * 4)] if kind != "after_sales" or r() < 0.5 else None
            objs = V.OBJECTIVES[kind]
            spin = kind in _SPIN_KINDS and r() < 0.85
            sit = prob = imp = pay = needs = None
            if spin or (kind == "phone" and r() < 0.3):
                sit = fmt(V.SPIN_SITUATION[int(r() * 5)])
            if spin:
                prob = fmt(V.SPIN_PROBLEM[int(r() * 5)])
                imp = fmt(V.SPIN_IMPLICATION[int(r() * 5)]) if r() < 0.9 else None
                pay = fmt(V.SPIN_NEED_PAYOFF[int(r() * 5)]) if r() < 0.9 else None
                if r() < 0.6:
                    needs = "、".join(rng.sample(needs_vocab, 1 + int(r() * 3)))
            comp = fmt(V.COMPETITOR_NOTES[int(r() * 5)]) if r() < 0.25 else None
            follow, done = None, False
            if r() < 0.6:
                follow = today if days_ago <= 14 and r() < 0.15 else (
                    when.date() + timedelta(days=_FU_OFFSETS[int(r() * 13)]))  # fmt: skip
                if follow > today:
                    follow = today if r() < 0.2 else follow
                age = (today - follow).days
                done = age > 0 and r() < (0.98 if age > 30 else 0.9 if age > 7 else 0.5)
            k = 1 if kind == "phone" or nc == 1 else min(nc, 1 + int(r() * 3))
            who = tuple(ids) if k == nc else tuple(rng.sample(ids, k))
            out.append(DemoVisit(
                demo_uuid(rng), cid, when, dlo + int(r() * (dhi - dlo + 1)), kind, place,
                fmt(objs[int(r() * len(objs))]), sit, prob, imp, pay, needs, comp,
                fmt(V.OUTCOMES[int(r() * 9)]) if r() < 0.85 else None,
                fmt(V.NEXT_STEPS[int(r() * 10)]) if r() < 0.75 else None, follow, done, who,
            ))  # fmt: skip
        return out

    def _events(self, rng: random.Random, cid: str, stage: str, start: datetime,
                visits: list[DemoVisit]) -> list[DemoStageEvent]:  # fmt: skip
        r = rng.random
        if stage in _DEPTH:
            k, tail = _DEPTH[stage], []
        elif stage == _LOST:
            k, tail = 1 + int(r() * 7), ([_DORMANT, _LOST] if r() < 0.4 else [_LOST])
        else:
            k, tail = 1 + int(r() * 6), [stage]
        s0 = 1 if k >= 1 and r() < 0.2 else 0
        path = list(LADDER[s0 : k + 1])
        back = -1
        if k >= 5 and r() < 0.15:
            j = 5 + int(r() * (k - 4))
            path[j - s0 + 1 : j - s0 + 1] = [LADDER[j - 1], LADDER[j]]
            back = j - s0 + 1
        path += tail
        n = len(path)
        linkable = 0
        while linkable < n - 1 and _DEPTH.get(path[n - 1 - linkable], 9) >= 3:
            linkable += 1
        links = min(linkable, len(visits), (0, 1, 1, 2, 2, 3)[int(r() * 6)])
        linked = [visits[i] for i in sorted(rng.sample(range(len(visits)), links))]
        end = linked[0].occurred_at if linked else self._today0
        times = [start, *_between(rng, start, end, n - links - 1), *(v.occurred_at for v in linked)]
        vids = [None] * (n - links) + [v.id for v in linked]
        out: list[DemoStageEvent] = []
        prev: str | None = None
        for i, code in enumerate(path):
            reasons = V.STAGE_REASONS["back" if i == back else code if code in V.STAGE_REASONS
                                      else "prospect"]  # fmt: skip
            reason = reasons[int(r() * len(reasons))] if r() < 0.9 else None
            out.append(DemoStageEvent(demo_uuid(rng), cid, prev, code, times[i], reason, vids[i]))
            prev = code
        return out


def _between(rng: random.Random, a: datetime, b: datetime, k: int) -> list[datetime]:
    """``k`` distinct increasing times strictly between ``a`` and ``b``, in working hours if possible."""
    if k <= 0:
        return []
    first = datetime.combine(a.date() + _DAY, time(8, 30))
    days = (b.date() - first.date()).days
    if days * _WORKDAY >= 4 * k:
        xs = sorted(rng.sample(range(days * _WORKDAY), k))
        return [first + timedelta(days=x // _WORKDAY, minutes=x % _WORKDAY) for x in xs]
    span = int((b - a).total_seconds() // 60)
    return [a + timedelta(minutes=x) for x in sorted(rng.sample(range(1, span), k))]
