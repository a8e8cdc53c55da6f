"""The editable fields of each entity and how each is cleaned.

One table per entity, used for creation (every field) and for edits (the changed fields
only), so that a form gets every refused field at once, named, in Chinese and English.
"""

from __future__ import annotations

import json
from collections.abc import Callable, Mapping
from datetime import date, datetime
from typing import Any

from workbench.domain import limits
from workbench.domain import validation as v
from workbench.domain.enums import (
    INDUSTRY_CODES,
    BehaviourStyle,
    CuteRole,
    Loyalty,
    Motive,
    RiskLevel,
    ValueGrade,
    VisitKind,
)
from workbench.domain.errors import FieldError, ValidationError

Cleaner = Callable[[Any, str], Any]


def _fail(field: str, zh: str, en: str) -> ValidationError:
    return ValidationError(FieldError(field, zh, en))


def text(max_len: int, *, required: bool = False) -> Cleaner:
    return lambda value, field: v.clean_text(value, field=field, max_len=max_len, required=required)


def optional(check: Callable[..., Any]) -> Cleaner:
    def clean(value: Any, field: str) -> Any:
        if value is None or (isinstance(value, str) and not value.strip()):
            return None
        return check(value, field=field)

    return clean


def choice(enum: Any, *, required: bool = False) -> Cleaner:
    def clean(value: Any, field: str) -> Any:
        if value is None or value == "":
            if required:
                raise _fail(field, "必须选择一项", "a choice is required")
            return None
        try:
            return enum(value).value
        except ValueError:
            allowed = ", ".join(m.value for m in enum)
            raise _fail(field, f"取值无效:{value!r}", f"invalid value {value!r} (one of {allowed})") from None

    return clean


def industry(value: Any, field: str) -> str:
    if value not in INDUSTRY_CODES:
        raise _fail(field, f"未知行业:{value!r}", f"unknown industry {value!r}")
    return str(value)


def count(value: Any, field: str) -> int | None:
    return v.check_int_range(value, field=field, minimum=0, maximum=limits.MAX_HEADCOUNT)


def score(value: Any, field: str) -> int:
    return v.check_score(value, field=field)


def flag(value: Any, field: str) -> bool:
    if not isinstance(value, bool):
        raise _fail(field, "必须是“是”或“否”", "must be yes or no")
    return value


def maybe_flag(value: Any, field: str) -> bool | None:
    return None if value is None else flag(value, field)


def a_date(value: Any, field: str) -> date | None:
    if value is None or value == "":
        return None
    if isinstance(value, datetime):
        return value.date()
    if isinstance(value, date):
        return value
    try:
        return date.fromisoformat(str(value))
    except ValueError:
        raise _fail(field, f"日期格式无效:{value!r}(应为 YYYY-MM-DD)", f"not a date: {value!r} (YYYY-MM-DD)") from None


def a_datetime(value: Any, field: str) -> datetime:
    if isinstance(value, datetime):
        return value.replace(tzinfo=None, microsecond=0)
    try:
        return datetime.fromisoformat(str(value)).replace(tzinfo=None, microsecond=0)
    except ValueError:
        raise _fail(field, f"时间格式无效:{value!r}", f"not a date and time: {value!r}") from None


def past_date(value: Any, field: str) -> date | None:
    d = a_date(value, field)
    if d is not None and d > date.today():
        raise _fail(field, "不能是将来的日期", "cannot be in the future")
    return d


def care_dates(value: Any, field: str) -> str | None:
    """A list of {"label", "month", "day"} (or its JSON) -> canonical JSON."""
    if value in (None, "", []):
        return None
    items = json.loads(value) if isinstance(value, str) else value
    out = []
    for n, item in enumerate(items, 1):
        try:
            label = v.clean_text(item["label"], field=field, max_len=limits.SHORT_TEXT, required=True)
            month, day = int(item["month"]), int(item["day"])
            date(2000, month, day)  # 2000 is a leap year: 2-29 allowed
        except (KeyError, TypeError, ValueError):
            raise _fail(field, f"第{n}个关怀日期无效", f"care date {n} is invalid (label, month, day)") from None
        out.append({"label": label, "month": month, "day": day})
    return json.dumps(out, ensure_ascii=False)


def ids(value: Any, field: str) -> tuple[str, ...]:
    if value is None:
        return ()
    if isinstance(value, str) or not all(isinstance(x, str) for x in value):
        raise _fail(field, "必须是编号列表", "must be a list of ids")
    return tuple(dict.fromkeys(value))


CUSTOMER: dict[str, Cleaner] = {
    "name": text(limits.ORG_NAME, required=True),
    "short_name": text(limits.SHORT_NAME),
    "credit_code": optional(v.validate_credit_code),
    "industry_code": industry,
    "region": text(limits.SHORT_TEXT),
    "address": text(limits.ADDRESS),
    "employees": count,
    "mobile_lines": count,
    "value_grade": choice(ValueGrade),
    "churn_risk": choice(RiskLevel),
    "current_provider": text(limits.SHORT_TEXT),
    "competitors": text(limits.MEDIUM_TEXT),
    "competitor_contract_end": a_date,
    "price_sensitive": maybe_flag,
    "decides_on_references": maybe_flag,
    "loyalty": choice(Loyalty),
    "motive": choice(Motive),
    "shared": flag,
    "notes": text(limits.LONG_TEXT),
}

CONTACT: dict[str, Cleaner] = {
    "name": text(limits.PERSON_NAME, required=True),
    "title": text(limits.SHORT_TEXT),
    "department": text(limits.SHORT_TEXT),
    "mobile": optional(v.normalize_phone),
    "phone": optional(v.normalize_phone),
    "email": optional(v.validate_email),
    "cute_role": choice(CuteRole),
    "behaviour_style": choice(BehaviourStyle),
    "closeness": score,
    "trust": score,
    "favour": score,
    "is_key_person": flag,
    "is_liaison": flag,
    "birthday": past_date,
    "care_dates": care_dates,
    "notes": text(limits.LONG_TEXT),
}

VISIT: dict[str, Cleaner] = {
    "occurred_at": a_datetime,
    "duration_min": lambda value, field: v.check_int_range(value, field=field, minimum=0, maximum=1440),
    "kind": choice(VisitKind, required=True),
    "place": text(limits.SHORT_TEXT),
    "objective": text(limits.MEDIUM_TEXT),
    "spin_situation": text(limits.LONG_TEXT),
    "spin_problem": text(limits.LONG_TEXT),
    "spin_implication": text(limits.LONG_TEXT),
    "spin_need_payoff": text(limits.LONG_TEXT),
    "needs": text(limits.LONG_TEXT),
    "competitor_notes": text(limits.LONG_TEXT),
    "outcome": text(limits.LONG_TEXT),
    "next_step": text(limits.MEDIUM_TEXT),
    "follow_up_date": a_date,
    "follow_up_done": flag,
    "contact_ids": ids,
}


def clean(spec: Mapping[str, Cleaner], data: Mapping[str, Any], *, required: tuple[str, ...] = ()) -> dict[str, Any]:
    """Clean every field of ``data``; raise one ValidationError naming every bad field."""
    errors: list[FieldError] = []
    out: dict[str, Any] = {}
    for field in required:
        if field not in data:
            errors.append(FieldError(field, "不能为空", "is required"))
    for field, value in data.items():
        cleaner = spec.get(field)
        if cleaner is None:
            errors.append(FieldError(field, "不是可编辑的字段", "is not an editable field"))
            continue
        try:
            out[field] = cleaner(value, field)
        except ValidationError as exc:
            errors.extend(exc.errors)
    v.raise_if(errors)
    return out
