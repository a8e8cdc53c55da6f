"""Tests of workbench.domain.phones: mobile, landline and 400/800 numbers."""

from __future__ import annotations

import re

import pytest
from bilingual import CJK, refusal  # tests/domain/bilingual.py
from hypothesis import given, settings
from hypothesis import strategies as st

from workbench.domain.errors import ValidationError
from workbench.domain.phones import normalize_phone, phone_digits


@pytest.mark.parametrize(
    ("raw", "expected"),
    [
        ("13812345678", "13812345678"),
        ("138 1234 5678", "13812345678"),
        ("138-1234-5678", "13812345678"),
        ("+86 138 1234 5678", "13812345678"),
        ("+86-13812345678", "13812345678"),
        ("(+86) 13812345678", "13812345678"),
        ("0086 138 1234 5678", "13812345678"),
        ("8613812345678", "13812345678"),
        ("19912345678", "19912345678"),
        ("010-12345678", "010-12345678"),
        ("010 6552 1234", "010-65521234"),
        ("021-61234567", "021-61234567"),
        ("02061234567", "020-61234567"),
        ("(0571)8888666", "0571-8888666"),
        ("(0571) 88886666", "0571-88886666"),
        ("0571-88886666", "0571-88886666"),
        ("0755 2345 6789 ext 12", "0755-23456789-12"),
        ("0755-23456789 ext.12", "0755-23456789-12"),
        ("0755-23456789转123", "0755-23456789-123"),
        ("0755-23456789 分机 8", "0755-23456789-8"),
        ("0755-23456789x123456", "0755-23456789-123456"),
        ("0571-88886666-123", "0571-88886666-123"),
        ("0571-8888666-1", "0571-8888666-1"),
        ("0571-8888-6666", "0571-88886666"),
        ("+86 571 8888 6666", "0571-88886666"),
        ("+86 10 6552 1234", "010-65521234"),
        ("+86 (0)571 88886666", "0571-88886666"),
        ("０５７１－８８８８６６６６", "0571-88886666"),
        ("0571—88886666", "0571-88886666"),
        ("400-123-4567", "400-123-4567"),
        ("4006123456", "400-612-3456"),
        ("4008 123 456", "400-812-3456"),
        ("800-820-8820", "800-820-8820"),
        ("400-123-4567 转 89", "400-123-4567-89"),
    ],
)
def test_phone_accepted(raw, expected):
    assert normalize_phone(raw) == expected
    assert normalize_phone(expected) == expected  # idempotent
    assert phone_digits(raw) == re.sub(r"\D", "", expected)


@pytest.mark.parametrize(
    ("raw", "zh_part", "en_part"),
    [
        ("12345", "太短", "too short"),
        ("1381234567", "太短", "too short"),
        ("138123456789", "太长", "too long"),
        ("12812345678", "手机", "not a mobile"),
        ("0571-0123456", "2-9", "must start with 2-9"),
        ("0571-1234567", "2-9", "must start with 2-9"),
        ("010-01234567", "1-9", "must start with 1-9"),
        ("0571-888866", "太短", "too short"),
        ("0571-888866661", "太长", "too long"),
        ("010-6552123", "太短", "too short"),
        ("0571", "太短", "too short"),
        ("013-12345678", "区号", "area code"),
        ("8888666", "区号", "missing area code"),
        ("88886666", "区号", "missing area code"),
        ("23812345678", "不是有效的手机或固定电话", "not a mobile or landline"),
        ("571888866661", "不是有效的手机或固定电话", "not a mobile or landline"),
        ("400-123-456", "10位", "10 digits"),
        ("123", "太短", "too short"),
        ("5718888", "区号", "missing area code"),
        ("+1 202 555 0100", "+86", "+86"),
        ("001 202 555 0100", "中国大陆", "mainland China"),
        ("13812345678 转 1", "分机", "extension"),
        ("0571-88886666 转", "分机", "extension"),
        ("0571-88886666 转 1234567", "分机", "at most 6"),
        ("0571.88886666", "“.”", "'.'"),
        ("0571/88886666", "字符", "not allowed"),
        ("(0571-88886666", "括号", "parentheses"),
        ("0571 88886666+", "+", "'+'"),
        ("", "不能为空", "required"),
        ("   ", "不能为空", "required"),
        ("电话", "字符", "not allowed"),
    ],
)
def test_phone_refused(raw, zh_part, en_part):
    error = refusal(normalize_phone, raw, field="mobile")
    assert error.field == "mobile"
    assert zh_part in error.zh
    assert en_part in error.en


def test_phone_default_field():
    assert refusal(normalize_phone, "12345").field == "phone"


mobiles = st.builds(
    lambda second, rest: f"1{second}{rest}",
    st.sampled_from("3456789"),
    st.text("0123456789", min_size=9, max_size=9),
)


@given(
    mobiles,
    st.sampled_from(["", "+86", "+86 ", "0086", "0086-", "86", "(+86)"]),
    st.lists(st.sampled_from(["", "", " ", "-"]), min_size=11, max_size=11),
)
def test_mobile_with_any_prefix_and_separators(mobile, prefix, seps):
    body = "".join(c + sep for c, sep in zip(mobile, seps, strict=True)).rstrip(" -")
    raw = prefix + body
    assert normalize_phone(raw) == mobile
    assert phone_digits(raw) == mobile


landlines = st.one_of(
    st.tuples(
        st.sampled_from(["010", "020", "021", "025", "029"]),
        st.integers(20_000_000, 99_999_999).map(str),
    ),
    st.tuples(
        # 0400 / 0800 are not real area codes ("+86 400 ..." is a hotline)
        st.integers(300, 999).filter(lambda n: n not in (400, 800)).map(lambda n: f"0{n}"),
        st.one_of(st.integers(2_000_000, 9_999_999), st.integers(20_000_000, 99_999_999)).map(str),
    ),
)


@settings(max_examples=150)
@given(
    landlines,
    st.sampled_from(["{a}-{l}", "{a} {l}", "({a}){l}", "({a}) {l}", "{a}{l}", "+86 {a1} {l}"]),
    st.one_of(st.none(), st.text("0123456789", min_size=1, max_size=6)),
    st.sampled_from(["-", " 转 ", "转", " ext ", "ext", "x", " x "]),
)
def test_landline_round_trip(parts, layout, ext, marker):
    area, local = parts
    raw = layout.format(a=area, l=local, a1=area[1:])
    expected = f"{area}-{local}"
    if ext is not None:
        raw += marker + ext
        expected += f"-{ext}"
    assert normalize_phone(raw) == expected
    assert normalize_phone(expected) == expected
    assert phone_digits(raw) == expected.replace("-", "")


@given(st.text(alphabet="0123456789 -()+x转", max_size=25))
def test_phone_never_crashes_and_is_idempotent(raw):
    try:
        normalized = normalize_phone(raw)
    except ValidationError as exc:
        assert exc.errors[0].field == "phone"
        assert CJK.search(exc.errors[0].zh) and exc.errors[0].en
    else:
        assert normalize_phone(normalized) == normalized
        assert re.fullmatch(
            r"1[3-9]\d{9}|0\d{2,3}-\d{7,8}(-\d{1,6})?|[48]00-\d{3}-\d{4}(-\d{1,6})?", normalized
        )


def test_phone_digits_of_invalid_input_keeps_the_digits():
    assert phone_digits("8888-666") == "8888666"
    assert phone_digits("tel: ０５７１ 8888") == "05718888"
    assert phone_digits("") == ""
