"""Phone numbers: normalize mainland China mobiles, landlines (with extension) and 400/800 lines.

Pure functions (stdlib only). Refusals raise :class:`ValidationError` with a Chinese and an
English message.
"""

from __future__ import annotations

import re
import unicodedata

from workbench.domain.errors import ValidationError, fail

__all__ = ["normalize_phone", "phone_digits"]


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
        fail(field, f"电话号码无效：{refusal.zh}", f"Invalid phone number: {refusal.en}")


def phone_digits(value: str) -> str:
    """Digits only, for search indexing; a valid number is normalized first (drops +86)."""
    try:
        value = normalize_phone(value)
    except ValidationError:
        value = unicodedata.normalize("NFKC", value or "")
    return "".join(c for c in value if c in "0123456789")
