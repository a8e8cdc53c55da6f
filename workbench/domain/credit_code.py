"""Unified social credit code (统一社会信用代码), GB 32100-2015: check, validate, generate.

Pure functions (stdlib only). The embedded organisation code (positions 9-17) follows
GB 11714. Refusals raise :class:`ValidationError` with a Chinese and an English message.
"""

from __future__ import annotations

import random
import unicodedata

from workbench.domain.errors import ValidationError, fail

__all__ = [
    "CREDIT_CODE_ALPHABET",
    "CREDIT_CODE_AUTHORITIES",
    "CREDIT_CODE_WEIGHTS",
    "DIVISIONS",
    "credit_code_check_char",
    "generate_credit_code",
    "is_valid_credit_code",
    "validate_credit_code",
]


CREDIT_CODE_ALPHABET = "0123456789ABCDEFGHJKLMNPQRTUWXY"  # 31 characters: no I, O, Z, S, V
CREDIT_CODE_WEIGHTS: tuple[int, ...] = (
    1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28,
)  # fmt: skip
CREDIT_CODE_AUTHORITIES = "123456789ANY"  # position 1: registration authority (登记管理部门)
_CC_VALUE = {c: i for i, c in enumerate(CREDIT_CODE_ALPHABET)}
_CC_LOOKALIKES = {"O": "0", "I": "1", "Z": "2", "S": "5"}
# Characters that take no room on screen: controls, format characters (zero-width space and
# joiners, U+FEFF, direction marks, soft hyphen), line and paragraph separators.
_INVISIBLE = frozenset({"Cc", "Cf", "Zl", "Zp"})

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
        fail(
            "credit_code",
            f"计算校验位需要统一社会信用代码的前17位，实际为{len(first17)}位",
            f"Unified social credit code: the check character needs the first 17 characters, "
            f"got {len(first17)}",
        )
    total = 0
    for pos, (ch, weight) in enumerate(zip(first17, CREDIT_CODE_WEIGHTS, strict=True), 1):
        value = _CC_VALUE.get(ch)
        if value is None:
            fail(
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


def _invisible_problem(code: str) -> tuple[str, str] | None:
    """(zh, en) naming the first invisible character left in ``code`` (spaces, NBSP and tabs
    are gone already: pasted codes often carry a zero-width space, a byte-order mark, a
    direction mark or a soft hyphen), or None."""
    found = [(pos, ch) for pos, ch in enumerate(code, 1) if unicodedata.category(ch) in _INVISIBLE]
    if not found:
        return None
    pos, ch = found[0]
    name = unicodedata.name(ch, "")
    label = f"U+{ord(ch):04X}" + (f" {name}" if name else "")
    more_zh = f"（共{len(found)}个）" if len(found) > 1 else ""
    more_en = f" ({len(found)} in all)" if len(found) > 1 else ""
    return (
        f"统一社会信用代码第{pos}位有一个看不见的字符（U+{ord(ch):04X}）{more_zh}，"
        "请删除后重新输入",
        f"Unified social credit code contains an invisible character at position {pos} "
        f"({label}){more_en}: delete it and type the code again",
    )


def validate_credit_code(value: str, *, field: str = "credit_code") -> str:
    """Validate a unified social credit code; return it normalized (upper case, no spaces)."""
    code = _normalize_credit_code(value)
    if not code:
        fail(field, "统一社会信用代码不能为空", "Unified social credit code is required")
    invisible = _invisible_problem(code)
    if invisible is not None:
        fail(field, *invisible)
    if len(code) != 18:
        fail(
            field,
            f"统一社会信用代码应为18位，实际为{len(code)}位",
            f"Unified social credit code must be 18 characters long, got {len(code)}",
        )
    for pos, ch in enumerate(code, 1):
        problem = _credit_code_position_problem(pos, ch)
        if problem is not None:
            fail(
                field,
                f"统一社会信用代码{problem[0]}",
                f"Unified social credit code: {problem[1]}",
            )
    expected = credit_code_check_char(code[:17])
    if code[17] != expected:
        fail(
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
        fail(
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
