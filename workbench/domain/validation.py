"""Field validation for forms and imports: credit codes, phones, e-mail, free text, dates, scores.

Pure functions (stdlib only). Every refusal raises :class:`ValidationError` carrying one
:class:`FieldError` with a Chinese and an English message; :func:`collect` gathers the errors
of several checks so that a form can show them all at once.
"""

from __future__ import annotations

import datetime
import random
import re
import unicodedata
from collections.abc import Callable
from typing import NoReturn

from workbench.domain.errors import FieldError, ValidationError

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


def _fail(field: str, zh: str, en: str) -> NoReturn:
    raise ValidationError(FieldError(field, zh, en))


# ---------------------------------------------------------------------------------------------
# Unified social credit code (统一社会信用代码), GB 32100-2015
# ---------------------------------------------------------------------------------------------

CREDIT_CODE_ALPHABET = "0123456789ABCDEFGHJKLMNPQRTUWXY"  # 31 characters: no I, O, Z, S, V
CREDIT_CODE_WEIGHTS: tuple[int, ...] = (
    1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28,
)  # fmt: skip
CREDIT_CODE_AUTHORITIES = "123456789ANY"  # position 1: registration authority (登记管理部门)
_CC_VALUE = {c: i for i, c in enumerate(CREDIT_CODE_ALPHABET)}
_CC_LOOKALIKES = {"O": "0", "I": "1", "Z": "2", "S": "5"}

# A few real prefecture-level division codes (行政区划代码) for generated codes.
DIVISIONS: dict[str, str] = {
    "110000": "北京市",
    "120000": "天津市",
    "310000": "上海市",
    "500000": "重庆市",
    "330100": "杭州市",
    "330200": "宁波市",
    "320100": "南京市",
    "320500": "苏州市",
    "440100": "广州市",
    "440300": "深圳市",
    "350100": "福州市",
    "350200": "厦门市",
    "370100": "济南市",
    "370200": "青岛市",
    "420100": "武汉市",
    "430100": "长沙市",
    "410100": "郑州市",
    "510100": "成都市",
    "610100": "西安市",
    "210100": "沈阳市",
    "230100": "哈尔滨市",
    "530100": "昆明市",
}

# (authority, category, relative weight): enterprises dominate; government organs,
# public institutions (schools, hospitals), social organisations and others follow.
_CC_KINDS: tuple[tuple[str, str, int], ...] = (
    ("9", "1", 70),  # 工商: 企业 enterprise
    ("9", "3", 2),  # 工商: 农民专业合作社 farmers' cooperative
    ("1", "1", 8),  # 机构编制: 机关 government organ
    ("1", "2", 10),  # 机构编制: 事业单位 public institution
    ("5", "1", 4),  # 民政: 社会团体 social organisation
    ("5", "2", 3),  # 民政: 民办非企业单位 private non-enterprise unit
    ("5", "3", 1),  # 民政: 基金会 foundation
    ("Y", "1", 2),  # 其他 other
)

_ORG_WEIGHTS = (3, 7, 9, 10, 5, 8, 4, 2)  # GB 11714 organisation code


def credit_code_check_char(first17: str) -> str:
    """Check character (position 18) of a credit code from its first 17 characters."""
    if len(first17) != 17:
        _fail(
            "credit_code",
            f"计算校验位需要统一社会信用代码的前17位，实际为{len(first17)}位",
            f"Unified social credit code: the check character needs the first 17 characters, "
            f"got {len(first17)}",
        )
    total = 0
    for pos, (ch, weight) in enumerate(zip(first17, CREDIT_CODE_WEIGHTS, strict=True), 1):
        value = _CC_VALUE.get(ch)
        if value is None:
            _fail(
                "credit_code",
                f"统一社会信用代码第{pos}位字符“{ch}”不合法",
                f"Unified social credit code: illegal character {ch!r} at position {pos}",
            )
        total += weight * value
    return CREDIT_CODE_ALPHABET[(31 - total % 31) % 31]


def _normalize_credit_code(value: str | None) -> str:
    text = unicodedata.normalize("NFKC", value or "")
    return "".join(text.split()).upper()


def _credit_code_position_problem(pos: int, ch: str) -> tuple[str, str] | None:
    """(zh, en) describing why ``ch`` is not allowed at 1-based ``pos``, or None if it is."""
    if pos == 1:
        if ch in CREDIT_CODE_AUTHORITIES:
            return None
        return (
            f"第1位（登记管理部门代码）不能是“{ch}”，应为1-9、A、N、Y之一",
            f"position 1 (registration authority) cannot be {ch!r}; expected 1-9, A, N or Y",
        )
    if 3 <= pos <= 8:
        if ch in "0123456789":
            return None
        return (
            f"第{pos}位（行政区划码）不能是“{ch}”，第3-8位应为数字",
            f"position {pos} (administrative division code) cannot be {ch!r}; "
            f"positions 3-8 must be digits",
        )
    if ch in _CC_VALUE:
        return None
    part_zh, part_en = {
        2: ("机构类别代码", "category code"),
        18: ("校验码", "check character"),
    }.get(pos, ("组织机构代码", "organisation code"))
    hint_zh = hint_en = ""
    if ch in _CC_LOOKALIKES:
        hint_zh = f"（是否应为“{_CC_LOOKALIKES[ch]}”？）"
        hint_en = f" (did you mean {_CC_LOOKALIKES[ch]!r}?)"
    return (
        f"第{pos}位（{part_zh}）不能是“{ch}”，代码中不使用字母I、O、Z、S、V{hint_zh}",
        f"position {pos} ({part_en}) cannot be {ch!r}; the letters I, O, Z, S, V "
        f"are never used{hint_en}",
    )


def validate_credit_code(value: str, *, field: str = "credit_code") -> str:
    """Validate a unified social credit code; return it normalized (upper case, no spaces)."""
    code = _normalize_credit_code(value)
    if not code:
        _fail(field, "统一社会信用代码不能为空", "Unified social credit code is required")
    if len(code) != 18:
        _fail(
            field,
            f"统一社会信用代码应为18位，实际为{len(code)}位",
            f"Unified social credit code must be 18 characters long, got {len(code)}",
        )
    for pos, ch in enumerate(code, 1):
        problem = _credit_code_position_problem(pos, ch)
        if problem is not None:
            _fail(
                field,
                f"统一社会信用代码{problem[0]}",
                f"Unified social credit code: {problem[1]}",
            )
    expected = credit_code_check_char(code[:17])
    if code[17] != expected:
        _fail(
            field,
            f"统一社会信用代码校验位错误，应为 {expected}（或前17位有输入错误）",
            f"Unified social credit code: wrong check character {code[17]!r}, expected "
            f"{expected!r} (or one of the first 17 characters is mistyped)",
        )
    return code


def is_valid_credit_code(value: str) -> bool:
    """True if ``value`` passes :func:`validate_credit_code`."""
    try:
        validate_credit_code(value)
    except ValidationError:
        return False
    return True


def _org_code_check_char(body8: str) -> str:
    """GB 11714 check character of an 8-character organisation code body."""
    total = sum(w * int(c, 36) for w, c in zip(_ORG_WEIGHTS, body8, strict=True))
    check = 11 - total % 11
    return {10: "X", 11: "0"}.get(check, str(check))


def generate_credit_code(rng: random.Random, *, division: str | None = None) -> str:
    """A valid, realistic credit code; deterministic for a given ``rng`` state."""
    if division is None:
        division = rng.choice(sorted(DIVISIONS))
    elif len(division) != 6 or not division.isascii() or not division.isdigit():
        _fail(
            "division",
            f"行政区划码应为6位数字，实际为“{division}”",
            f"Administrative division code must be 6 digits, got {division!r}",
        )
    authority, category, _ = rng.choices(_CC_KINDS, weights=[k[2] for k in _CC_KINDS])[0]
    if authority == "9" and rng.random() < 0.5:
        # Registered since 2015: organisation part starts with "MA".
        body = "MA" + "".join(rng.choice(CREDIT_CODE_ALPHABET) for _ in range(6))
    else:
        # Older organisation code: eight digits.
        body = "".join(rng.choice("0123456789") for _ in range(8))
    org = body + _org_code_check_char(body)
    first17 = authority + category + division + org
    return first17 + credit_code_check_char(first17)


# ---------------------------------------------------------------------------------------------
# Phone numbers
# ---------------------------------------------------------------------------------------------

_DASHES = str.maketrans({c: "-" for c in "‐‑‒–—―−﹣"})
_EXT_RE = re.compile(r"^(?P<main>.*?)\s*(?:转|分机|ext\.?|x)\s*[:.]?\s*(?P<ext>\d*)\s*$")
_PHONE_CHARS = frozenset("0123456789 -()+")
_MOBILE_RE = re.compile(r"1[3-9]\d{9}")


class _Refusal(Exception):
    def __init__(self, zh: str, en: str) -> None:
        super().__init__(en)
        self.zh, self.en = zh, en


def _format_number(d: str) -> tuple[str, str]:
    """(kind, formatted) for a digit string without country code or extension."""
    n = len(d)
    if n == 0:
        raise _Refusal("电话号码中没有数字", "the phone number contains no digits")
    if d[0] == "1":
        if n == 11 and _MOBILE_RE.fullmatch(d):
            return "mobile", d
        if n < 11:
            raise _Refusal(
                f"号码太短：手机号码应为11位，实际为{n}位",
                f"too short: a mobile number has 11 digits, got {n}",
            )
        if n > 11:
            raise _Refusal(
                f"号码太长：手机号码应为11位，实际为{n}位",
                f"too long: a mobile number has 11 digits, got {n}",
            )
        raise _Refusal(
            "不是有效的手机号码：手机号码应以13-19开头",
            "not a mobile number: mobile numbers start with 13 to 19",
        )
    if d[0] == "0":
        if d.startswith("00"):
            raise _Refusal(
                "只支持中国大陆号码（国际号码只接受+86或0086）",
                "only mainland China numbers are accepted (international prefix +86 or 0086)",
            )
        if n < 3:
            raise _Refusal(f"号码太短（{n}位）", f"too short ({n} digits)")
        lengths: tuple[int, ...]
        if d.startswith(("010", "02")):
            area, lengths, first = d[:3], (8,), "1-9"
        elif d[1] == "1":
            raise _Refusal(f"区号“{d[:3]}”无效", f"invalid area code {d[:3]}")
        else:
            area, lengths, first = d[:4], (7, 8), "2-9"
        local = d[len(area) :]
        want_zh = "或".join(str(x) for x in lengths)
        want_en = " or ".join(str(x) for x in lengths)
        if not local:
            raise _Refusal(
                f"号码太短：区号{area}之后缺少本地号码",
                f"too short: the local number after area code {area} is missing",
            )
        if local[0] == "0" or (local[0] == "1" and first == "2-9"):
            raise _Refusal(
                f"不是有效的固定电话：区号{area}之后的本地号码应以{first}开头",
                f"not a landline: the local number after area code {area} must start with {first}",
            )
        if len(local) < lengths[0]:
            raise _Refusal(
                f"号码太短：区号{area}之后应为{want_zh}位本地号码，实际为{len(local)}位",
                f"too short: area code {area} takes a {want_en}-digit local number, "
                f"got {len(local)}",
            )
        if len(local) > lengths[-1]:
            raise _Refusal(
                f"号码太长：区号{area}之后应为{want_zh}位本地号码，实际为{len(local)}位",
                f"too long: area code {area} takes a {want_en}-digit local number, "
                f"got {len(local)}",
            )
        return "landline", f"{area}-{local}"
    if n == 10 and d.startswith(("400", "800")):
        return "hotline", f"{d[:3]}-{d[3:6]}-{d[6:]}"
    if n in (7, 8):
        raise _Refusal(
            "缺少区号：固定电话请填写区号，例如 0571-88886666",
            "missing area code: write a landline with its area code, e.g. 0571-88886666",
        )
    if d.startswith(("400", "800")):
        raise _Refusal(
            f"{d[:3]}号码应为10位，实际为{n}位",
            f"a {d[:3]} number has 10 digits, got {n}",
        )
    if n < 7:
        raise _Refusal(f"号码太短（{n}位）", f"too short ({n} digits)")
    if n > 12:
        raise _Refusal(f"号码太长（{n}位）", f"too long ({n} digits)")
    raise _Refusal(
        "不是有效的手机或固定电话号码：手机号码以1开头，固定电话需带以0开头的区号",
        "not a mobile or landline number: mobiles start with 1, landlines with a 0 area code",
    )


def _check_phone_layout(main: str) -> None:
    for ch in main:
        if ch not in _PHONE_CHARS:
            raise _Refusal(
                f"电话号码中含有不允许的字符“{ch}”",
                f"the phone number contains the character {ch!r}, which is not allowed",
            )
    stripped = main.lstrip(" (")
    if main.count("+") > 1 or ("+" in main and not stripped.startswith("+")):
        raise _Refusal("“+”只能出现在号码开头", "'+' may only appear at the start")
    opens, closes = main.count("("), main.count(")")
    if opens != closes or opens > 1:
        raise _Refusal("括号不配对", "unbalanced parentheses")
    if opens:
        start, end = main.index("("), main.index(")")
        inner = main[start + 1 : end] if start < end else ""
        if not any(c.isdigit() for c in inner) or "-" in inner:
            raise _Refusal("括号内应为区号", "parentheses must enclose the area code")


def _parse_phone(value: str) -> str:
    text = unicodedata.normalize("NFKC", value).translate(_DASHES).strip().lower()
    if not text:
        raise _Refusal("电话号码不能为空", "phone number is required")
    ext = ""
    explicit_ext = False
    m = _EXT_RE.match(text)
    if m:
        explicit_ext = True
        text, ext = m.group("main"), m.group("ext")
        if not ext:
            raise _Refusal("分机号为空", "the extension is empty")
    _check_phone_layout(text)

    # (separator before, digits) for each run of digits
    tokens: list[tuple[str, str]] = []
    last = 0
    for dm in re.finditer(r"\d+", text):
        tokens.append((text[last : dm.start()], dm.group()))
        last = dm.end()
    digits = "".join(t[1] for t in tokens)

    drop = 0
    intl = False
    if "+" in text:
        if not digits.startswith("86"):
            raise _Refusal(
                "只支持中国大陆号码（国家代码应为+86）",
                "only mainland China numbers are accepted (country code +86)",
            )
        drop, intl = 2, True
    elif digits.startswith("0086"):
        drop, intl = 4, True
    elif len(digits) == 13 and _MOBILE_RE.fullmatch(digits[2:]) and digits.startswith("86"):
        drop = 2
    while drop and tokens:
        sep, run = tokens[0]
        if len(run) <= drop:
            drop -= len(run)
            tokens.pop(0)
        else:
            tokens[0] = (sep, run[drop:])
            drop = 0
    if intl and tokens:
        rest = "".join(t[1] for t in tokens)
        if not (_MOBILE_RE.match(rest) or rest.startswith(("0", "400", "800"))):
            tokens[0] = (tokens[0][0], "0" + tokens[0][1])  # +86 571 ... -> 0571 ...

    if not explicit_ext and len(tokens) >= 2:
        sep, run = tokens[-1]
        if "-" in sep and len(run) <= 6:
            try:
                kind, formatted = _format_number("".join(t[1] for t in tokens[:-1]))
            except _Refusal:
                pass
            else:
                if kind != "mobile":
                    return f"{formatted}-{run}"

    kind, formatted = _format_number("".join(t[1] for t in tokens))
    if ext:
        if kind == "mobile":
            raise _Refusal("手机号码不能带分机号", "a mobile number cannot have an extension")
        if len(ext) > 6:
            raise _Refusal(
                f"分机号最多6位，实际为{len(ext)}位",
                f"an extension has at most 6 digits, got {len(ext)}",
            )
        return f"{formatted}-{ext}"
    return formatted


def normalize_phone(value: str, *, field: str = "phone") -> str:
    """Normalize a mobile ("13812345678"), landline ("0571-88886666[-123]") or 400/800 number."""
    try:
        return _parse_phone(value or "")
    except _Refusal as refusal:
        _fail(field, f"电话号码无效：{refusal.zh}", f"Invalid phone number: {refusal.en}")


def phone_digits(value: str) -> str:
    """Digits only, for search indexing; a valid number is normalized first (drops +86)."""
    try:
        value = normalize_phone(value)
    except ValidationError:
        value = unicodedata.normalize("NFKC", value or "")
    return "".join(c for c in value if c in "0123456789")


# ---------------------------------------------------------------------------------------------
# E-mail
# ---------------------------------------------------------------------------------------------

_EMAIL_LOCAL_RE = re.compile(r"[A-Za-z0-9!#$%&'*+/=?^_`{|}~.-]+")
_EMAIL_LABEL_RE = re.compile(r"[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?")


def validate_email(value: str, *, field: str = "email") -> str:
    """Pragmatic e-mail check; returns it stripped with the domain lower-cased."""

    def bad(zh: str, en: str) -> NoReturn:
        _fail(field, f"电子邮箱无效：{zh}", f"Invalid e-mail address: {en}")

    text = unicodedata.normalize("NFKC", value or "").strip()
    if not text:
        _fail(field, "电子邮箱不能为空", "E-mail address is required")
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
            _fail(field, "不能为空", "is required")
        return None
    for pos, ch in enumerate(text, 1):
        category = unicodedata.category(ch)
        if (category == "Cc" and ch not in "\n\t") or category == "Cs":
            _fail(
                field,
                f"第{pos}个字符是不允许的控制字符（U+{ord(ch):04X}）",
                f"character {pos} is a control character (U+{ord(ch):04X}), which is not allowed",
            )
    if len(text) > max_len:
        _fail(
            field,
            f"最多{max_len}个字符，当前为{len(text)}个",
            f"must be at most {max_len} characters, got {len(text)}",
        )
    if len(text) < min_len:
        _fail(
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
        _fail(
            field,
            f"跟进日期 {follow.isoformat()} 不能早于拜访日期 {visit.isoformat()}",
            f"follow-up date {follow.isoformat()} is before the visit date {visit.isoformat()}",
        )


def _require_int(value: object, field: str, low: int, high: int) -> int:
    if isinstance(value, bool) or not isinstance(value, int):
        _fail(
            field,
            f"必须是{low}到{high}之间的整数",
            f"must be a whole number from {low} to {high}",
        )
    if not low <= value <= high:
        _fail(
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
