"""Field validation for forms and imports: credit codes, phones, e-mail, free text, dates, scores.

Pure functions (stdlib only). Every refusal raises :class:`ValidationError` carrying one
:class:`FieldError` with a Chinese and an English message; :func:`collect` gathers the errors
of several checks so that a form can show them all at once.

Credit codes live in :mod:`workbench.domain.credit_code` and phone numbers in
:mod:`workbench.domain.phones`; their public names are re-exported here.
"""

from __future__ import annotations

import datetime
import re
import unicodedata
from collections.abc import Callable
from typing import NoReturn

from workbench.domain.credit_code import (
    CREDIT_CODE_ALPHABET,
    CREDIT_CODE_AUTHORITIES,
    CREDIT_CODE_WEIGHTS,
    DIVISIONS,
    credit_code_check_char,
    generate_credit_code,
    is_valid_credit_code,
    validate_credit_code,
)
from workbench.domain.errors import FieldError, ValidationError, fail
from workbench.domain.phones import normalize_phone, phone_digits

__all__ = [
    "CREDIT_CODE_ALPHABET",
    "CREDIT_CODE_AUTHORITIES",
    "CREDIT_CODE_WEIGHTS",
    "DIVISIONS",
    "check_follow_up",
    "check_int_range",
    "check_score",
    "clean_text",
    "collect",
    "credit_code_check_char",
    "generate_credit_code",
    "is_valid_credit_code",
    "normalize_phone",
    "phone_digits",
    "raise_if",
    "validate_credit_code",
    "validate_email",
]


# ---------------------------------------------------------------------------------------------
# E-mail
# ---------------------------------------------------------------------------------------------

_EMAIL_LOCAL_RE = re.compile(r"[A-Za-z0-9!#$%&'*+/=?^_`{|}~.-]+")
_EMAIL_LABEL_RE = re.compile(r"[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?")


def validate_email(value: str, *, field: str = "email") -> str:
    """Pragmatic e-mail check; returns it stripped with the domain lower-cased."""

    def bad(zh: str, en: str) -> NoReturn:
        fail(field, f"电子邮箱无效：{zh}", f"Invalid e-mail address: {en}")

    text = unicodedata.normalize("NFKC", value or "").strip()
    if not text:
        fail(field, "电子邮箱不能为空", "E-mail address is required")
    if any(c.isspace() for c in text):
        bad("不能包含空格", "it must not contain spaces")
    if "@" not in text:
        bad("缺少“@”", "the '@' is missing")
    if text.count("@") > 1:
        bad("只能有一个“@”", "it must contain only one '@'")
    if len(text) > 254:
        bad(f"最多254个字符，实际为{len(text)}个", f"at most 254 characters, got {len(text)}")
    local, domain = text.split("@")
    if not local:
        bad("“@”之前的用户名为空", "the part before '@' is empty")
    if len(local) > 64:
        bad(
            f"“@”之前最多64个字符，实际为{len(local)}个",
            f"the part before '@' has at most 64 characters, got {len(local)}",
        )
    if not _EMAIL_LOCAL_RE.fullmatch(local):
        bad("“@”之前含有不允许的字符", "the part before '@' contains characters not allowed")
    if local.startswith(".") or local.endswith(".") or ".." in local:
        bad(
            "“@”之前的“.”不能在开头、结尾或连续出现",
            "a '.' before '@' cannot be first, last or doubled",
        )
    domain = domain.lower()
    if not domain:
        bad("“@”之后缺少域名", "the domain after '@' is missing")
    if "." not in domain:
        bad(f"域名“{domain}”缺少“.”", f"the domain {domain!r} has no '.'")
    labels = domain.split(".")
    for label in labels:
        if not _EMAIL_LABEL_RE.fullmatch(label):
            bad(
                f"域名“{domain}”不合法：各段只能由字母、数字和“-”组成，且不能为空或以“-”开头结尾",
                f"the domain {domain!r} is malformed: each label is letters, digits and '-', "
                f"not empty and not starting or ending with '-'",
            )
    if labels[-1].isdigit() or len(labels[-1]) < 2:
        bad(f"域名“{domain}”的顶级域不合法", f"the top-level domain of {domain!r} is invalid")
    return f"{local}@{domain}"


# ---------------------------------------------------------------------------------------------
# Free text, dates, numbers
# ---------------------------------------------------------------------------------------------


def clean_text(
    value: str | None,
    *,
    field: str,
    max_len: int,
    required: bool = False,
    min_len: int = 0,
) -> str | None:
    """Strip ``value``; None when empty (unless required); enforce length and no control chars.

    Line breaks ``\\r\\n`` and ``\\r`` become ``\\n``; lengths count characters.
    """
    if value is not None and not isinstance(value, str):
        raise TypeError(f"{field}: expected str or None, got {type(value).__name__}")
    text = (value or "").replace("\r\n", "\n").replace("\r", "\n").strip()
    if not text:
        if required:
            fail(field, "不能为空", "is required")
        return None
    for pos, ch in enumerate(text, 1):
        category = unicodedata.category(ch)
        if (category == "Cc" and ch not in "\n\t") or category == "Cs":
            fail(
                field,
                f"第{pos}个字符是不允许的控制字符（U+{ord(ch):04X}）",
                f"character {pos} is a control character (U+{ord(ch):04X}), which is not allowed",
            )
    if len(text) > max_len:
        fail(
            field,
            f"最多{max_len}个字符，当前为{len(text)}个",
            f"must be at most {max_len} characters, got {len(text)}",
        )
    if len(text) < min_len:
        fail(
            field,
            f"至少需要{min_len}个字符，当前为{len(text)}个",
            f"must be at least {min_len} characters, got {len(text)}",
        )
    return text


def _as_date(value: datetime.date) -> datetime.date:
    return value.date() if isinstance(value, datetime.datetime) else value


def check_follow_up(
    visit_date: datetime.date,
    follow_up: datetime.date | None,
    *,
    field: str = "follow_up_date",
) -> None:
    """Refuse a follow-up date earlier than the visit date; None (no follow-up) is fine."""
    if follow_up is None:
        return
    visit, follow = _as_date(visit_date), _as_date(follow_up)
    if follow < visit:
        fail(
            field,
            f"跟进日期 {follow.isoformat()} 不能早于拜访日期 {visit.isoformat()}",
            f"follow-up date {follow.isoformat()} is before the visit date {visit.isoformat()}",
        )


def _require_int(value: object, field: str, low: int, high: int) -> int:
    if isinstance(value, bool) or not isinstance(value, int):
        fail(
            field,
            f"必须是{low}到{high}之间的整数",
            f"must be a whole number from {low} to {high}",
        )
    if not low <= value <= high:
        fail(
            field,
            f"必须在{low}到{high}之间，当前为{value}",
            f"must be between {low} and {high}, got {value}",
        )
    return value


def check_score(value: int, *, field: str) -> int:
    """An integer score from 0 to 10 inclusive (bool refused)."""
    return _require_int(value, field, 0, 10)


def check_int_range(value: int | None, *, field: str, minimum: int, maximum: int) -> int | None:
    """None, or an integer in ``minimum..maximum`` inclusive (bool refused)."""
    if minimum > maximum:
        raise ValueError(f"{field}: minimum {minimum} > maximum {maximum}")
    if value is None:
        return None
    return _require_int(value, field, minimum, maximum)


# ---------------------------------------------------------------------------------------------
# Gathering errors for a form
# ---------------------------------------------------------------------------------------------


def collect(*checks: Callable[[], object]) -> list[FieldError]:
    """Run each zero-argument check; return the FieldErrors of those that raised ValidationError."""
    errors: list[FieldError] = []
    for check in checks:
        try:
            check()
        except ValidationError as exc:
            errors.extend(exc.errors)
    return errors


def raise_if(errors: list[FieldError]) -> None:
    """Raise one ValidationError carrying all ``errors``, if there are any."""
    if errors:
        raise ValidationError(errors)
