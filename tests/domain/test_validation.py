"""Tests of workbench.domain.validation: e-mail, text, dates, numbers, gathering, re-exports."""

from __future__ import annotations

import datetime

import pytest
from bilingual import refusal  # tests/domain/bilingual.py
from hypothesis import given
from hypothesis import strategies as st

from workbench.domain import credit_code, phones, validation
from workbench.domain.errors import FieldError, ValidationError
from workbench.domain.validation import (
    check_follow_up,
    check_int_range,
    check_score,
    clean_text,
    collect,
    normalize_phone,
    raise_if,
    validate_credit_code,
    validate_email,
)

# ---------------------------------------------------------------------------------------------
# Re-exports
# ---------------------------------------------------------------------------------------------


def test_credit_code_and_phone_names_are_re_exported():
    for module in (credit_code, phones):
        for name in module.__all__:
            assert name in validation.__all__
            assert getattr(validation, name) is getattr(module, name)
    for name in validation.__all__:
        assert hasattr(validation, name)


# ---------------------------------------------------------------------------------------------
# E-mail
# ---------------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("raw", "expected"),
    [
        ("zhangsan@example.com", "zhangsan@example.com"),
        ("  Zhang.San@Example.COM ", "Zhang.San@example.com"),
        ("li_si+crm@mail.hz.zj.cn", "li_si+crm@mail.hz.zj.cn"),
        ("a@b-c.com.cn", "a@b-c.com.cn"),
        ("12345678@qq.com", "12345678@qq.com"),
        ("wang＠ｃｈｉｎａ．ｃｏｍ", "wang@china.com"),
    ],
)
def test_email_accepted(raw, expected):
    assert validate_email(raw) == expected


@pytest.mark.parametrize(
    ("raw", "en_part"),
    [
        ("", "required"),
        ("zhangsan.example.com", "'@' is missing"),
        ("a@b@c.com", "only one '@'"),
        ("zhang san@example.com", "spaces"),
        ("@example.com", "before '@' is empty"),
        ("a" * 65 + "@example.com", "at most 64"),
        ("张三@example.com", "not allowed"),
        (".a@example.com", "'.' before '@'"),
        ("a..b@example.com", "'.' before '@'"),
        ("a@", "domain after '@' is missing"),
        ("a@localhost", "has no '.'"),
        ("a@-ex.com", "malformed"),
        ("a@ex-.com", "malformed"),
        ("a@ex..com", "malformed"),
        ("a@ex_ample.com", "malformed"),
        ("a@example.c", "top-level"),
        ("a@10.0.0.1", "top-level"),
        ("a@" + "b" * 250 + ".com", "at most 254"),
    ],
)
def test_email_refused(raw, en_part):
    error = refusal(validate_email, raw, field="contact_email")
    assert error.field == "contact_email"
    assert en_part in error.en


def test_email_default_field():
    assert refusal(validate_email, "nope").field == "email"


# ---------------------------------------------------------------------------------------------
# Free text
# ---------------------------------------------------------------------------------------------


def test_clean_text_strips_and_empties_to_none():
    assert clean_text("  杭州市政府  ", field="name", max_len=10) == "杭州市政府"
    assert clean_text("　全角空格　", field="name", max_len=10) == "全角空格"
    assert clean_text(None, field="name", max_len=10) is None
    assert clean_text(" \n\t ", field="name", max_len=10) is None


def test_clean_text_required():
    for empty in (None, "", "   "):
        error = refusal(clean_text, empty, field="name", max_len=10, required=True)
        assert error.field == "name"
        assert "不能为空" in error.zh and "is required" in error.en


def test_clean_text_length_in_characters():
    assert clean_text("中" * 10, field="name", max_len=10) == "中" * 10
    error = refusal(clean_text, "中" * 11, field="name", max_len=10)
    assert "10" in error.zh and "11" in error.zh
    assert "at most 10" in error.en and "got 11" in error.en
    error = refusal(clean_text, "ab", field="name", max_len=10, min_len=3)
    assert "3" in error.zh and "at least 3" in error.en and "got 2" in error.en
    assert clean_text("abc", field="name", max_len=10, min_len=3) == "abc"


def test_clean_text_control_characters():
    assert clean_text("第一行\n第二行\t备注", field="notes", max_len=100) == "第一行\n第二行\t备注"
    assert clean_text("a\r\nb\rc", field="notes", max_len=100) == "a\nb\nc"
    for bad in ("a\x00b", "a\x07b", "a\x1bb", "a\x7fb", "a\x85b", "a\ud800b"):
        error = refusal(clean_text, bad, field="notes", max_len=100)
        assert error.field == "notes"
        assert "第2个字符" in error.zh and "character 2" in error.en
        assert f"U+{ord(bad[1]):04X}" in error.en


@given(st.text(max_size=40), st.integers(1, 30))
def test_clean_text_properties(text, max_len):
    try:
        result = clean_text(text, field="f", max_len=max_len)
    except ValidationError as exc:
        assert exc.errors[0].field == "f"
    else:
        if result is not None:
            assert result == result.strip() and 0 < len(result) <= max_len
            assert clean_text(result, field="f", max_len=max_len) == result


def test_clean_text_refuses_non_strings():
    with pytest.raises(TypeError):
        clean_text(12, field="f", max_len=5)  # type: ignore[arg-type]


# ---------------------------------------------------------------------------------------------
# Dates and numbers
# ---------------------------------------------------------------------------------------------


def test_follow_up():
    visit = datetime.date(2024, 3, 15)
    check_follow_up(visit, None)
    check_follow_up(visit, visit)
    check_follow_up(visit, datetime.date(2024, 4, 1))
    check_follow_up(datetime.datetime(2024, 3, 15, 18, 0), datetime.date(2024, 3, 15))
    error = refusal(check_follow_up, visit, datetime.date(2024, 3, 14))
    assert error.field == "follow_up_date"
    assert "2024-03-14" in error.zh and "2024-03-15" in error.en
    assert refusal(check_follow_up, visit, datetime.date(2023, 1, 1), field="next").field == "next"


@given(st.dates(), st.dates())
def test_follow_up_property(visit, follow):
    if follow >= visit:
        check_follow_up(visit, follow)
    else:
        with pytest.raises(ValidationError):
            check_follow_up(visit, follow)


def test_score():
    for ok in range(11):
        assert check_score(ok, field="interest") == ok
    for bad in (-1, 11, 100):
        error = refusal(check_score, bad, field="interest")
        assert error.field == "interest" and str(bad) in error.en
    for bad in (True, False, 5.0, "5", None):
        refusal(check_score, bad, field="interest")


def test_int_range():
    assert check_int_range(None, field="employees", minimum=0, maximum=10**6) is None
    assert check_int_range(0, field="employees", minimum=0, maximum=10**6) == 0
    assert check_int_range(10**6, field="employees", minimum=0, maximum=10**6) == 10**6
    error = refusal(check_int_range, -1, field="employees", minimum=0, maximum=10**6)
    assert error.field == "employees" and "0" in error.zh and "-1" in error.en
    refusal(check_int_range, 10**6 + 1, field="employees", minimum=0, maximum=10**6)
    refusal(check_int_range, True, field="employees", minimum=0, maximum=10)
    refusal(check_int_range, 3.5, field="employees", minimum=0, maximum=10)
    with pytest.raises(ValueError):
        check_int_range(1, field="x", minimum=5, maximum=1)


# ---------------------------------------------------------------------------------------------
# Gathering errors
# ---------------------------------------------------------------------------------------------


def test_collect_gathers_every_error_in_order():
    errors = collect(
        lambda: validate_credit_code("91350100M000100Y43"),
        lambda: normalize_phone("8888666", field="phone"),
        lambda: validate_email("bad", field="email"),
        lambda: clean_text("", field="name", max_len=10, required=True),
        lambda: check_score(3, field="score"),
    )
    assert [e.field for e in errors] == ["phone", "email", "name"]
    with pytest.raises(ValidationError) as info:
        raise_if(errors)
    assert info.value.fields == ("phone", "email", "name")
    assert info.value.for_field("email") is errors[1]
    raise_if([])
    assert collect() == []


def test_collect_keeps_multi_error_validations_and_lets_bugs_through():
    multi = ValidationError([FieldError("a", "甲", "a"), FieldError("b", "乙", "b")])

    def raise_multi() -> None:
        raise multi

    assert [e.field for e in collect(raise_multi)] == ["a", "b"]
    with pytest.raises(ZeroDivisionError):
        collect(lambda: 1 / 0)
