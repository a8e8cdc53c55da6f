"""Tests of workbench.domain.validation: credit codes, phones, e-mail, text, dates, numbers."""

from __future__ import annotations

import datetime
import random
import re

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from workbench.domain.errors import FieldError, ValidationError
from workbench.domain.validation import (
    CREDIT_CODE_ALPHABET,
    CREDIT_CODE_AUTHORITIES,
    CREDIT_CODE_WEIGHTS,
    DIVISIONS,
    check_follow_up,
    check_int_range,
    check_score,
    clean_text,
    collect,
    credit_code_check_char,
    generate_credit_code,
    is_valid_credit_code,
    normalize_phone,
    phone_digits,
    raise_if,
    validate_credit_code,
    validate_email,
)

CJK = re.compile(r"[\u4e00-\u9fff]")
LATIN = re.compile(r"[A-Za-z]{3}")


def refusal(func, *args, **kwargs) -> FieldError:
    """Call ``func`` expecting one ValidationError; check the bilingual message and return it."""
    with pytest.raises(ValidationError) as info:
        func(*args, **kwargs)
    assert len(info.value.errors) == 1
    error = info.value.errors[0]
    assert CJK.search(error.zh), error
    assert not CJK.search(re.sub(r"'[^']*'", "", error.en)), error
    assert LATIN.search(error.en), error
    assert error.field in str(info.value)
    return error


seeds = st.integers(min_value=0, max_value=2**64)


def code_from(seed: int) -> str:
    return generate_credit_code(random.Random(seed))


# ---------------------------------------------------------------------------------------------
# Unified social credit code
# ---------------------------------------------------------------------------------------------

# Published codes whose check characters were verified by computation (GB 32100 and the
# embedded GB 11714 organisation-code check both pass). The first is the standard's example.
REAL_CODES = [
    "91350100M000100Y43",
    "91110000600037341L",
    "914403001922038216",
    "91440300708461136T",
    "91330100799655058B",
    "91110108551385082Q",
    "91310000132200821H",
    "12100000400000624D",
]


def gb11714_check(body8: str) -> str:
    weights = (3, 7, 9, 10, 5, 8, 4, 2)
    check = 11 - sum(w * int(c, 36) for w, c in zip(weights, body8, strict=True)) % 11
    return {10: "X", 11: "0"}.get(check, str(check))


def test_alphabet_and_weights_follow_the_standard():
    assert len(CREDIT_CODE_ALPHABET) == 31 and len(set(CREDIT_CODE_ALPHABET)) == 31
    assert not set("IOZSV") & set(CREDIT_CODE_ALPHABET)
    assert list(CREDIT_CODE_WEIGHTS) == [pow(3, i, 31) for i in range(17)]
    # distinct non-zero weights (and != 1, the check character's implicit weight, after
    # position 1) are what make single errors and adjacent transpositions detectable
    assert len(set(CREDIT_CODE_WEIGHTS)) == 17 and 0 not in CREDIT_CODE_WEIGHTS
    assert 1 not in CREDIT_CODE_WEIGHTS[1:]


@pytest.mark.parametrize("code", REAL_CODES)
def test_real_codes_validate(code):
    assert credit_code_check_char(code[:17]) == code[17]
    assert gb11714_check(code[8:16]) == code[16]
    assert validate_credit_code(code) == code
    assert is_valid_credit_code(code)


def test_standard_example_check_character():
    assert credit_code_check_char("91350100M000100Y4") == "3"


def test_brief_candidate_that_does_not_pass_is_refused():
    error = refusal(validate_credit_code, "911100001011022690")
    assert "E" in error.zh and "'E'" in error.en


def test_normalization_upper_case_spaces_full_width():
    assert validate_credit_code("  91350100m000100y43 ") == "91350100M000100Y43"
    assert validate_credit_code("9135 0100 M000 100Y 43") == "91350100M000100Y43"
    assert validate_credit_code("９１３５０１００Ｍ０００１００Ｙ４３") == "91350100M000100Y43"


def test_check_char_refuses_bad_input():
    error = refusal(credit_code_check_char, "91350100M000100O4")
    assert "16" in error.en and "'O'" in error.en
    refusal(credit_code_check_char, "91350100M000100Y")  # 16 characters
    refusal(credit_code_check_char, "91350100m000100Y4")  # lower case is not normalized here


@pytest.mark.parametrize(
    ("value", "zh_part", "en_part"),
    [
        ("", "不能为空", "required"),
        ("91350100M000100Y4", "18位，实际为17位", "got 17"),
        ("91350100M000100Y433", "实际为19位", "got 19"),
        ("B1350100M000100Y43", "第1位", "position 1"),
        ("9O350100M000100Y43", "第2位", "position 2"),
        ("913501A0M000100Y43", "第7位", "position 7 (administrative division"),
        ("91350100M0O0100Y43", "是否应为“0”", "did you mean '0'"),
        ("91350100M000100YI3", "第17位", "position 17 (organisation code)"),
        ("91350100M000100Y4S", "第18位", "position 18 (check character)"),
        ("91350100M000100Y44", "应为 3", "expected '3'"),
        ("91350100M000100Y4-", "第18位", "'-'"),
    ],
)
def test_credit_code_refusals_are_precise(value, zh_part, en_part):
    error = refusal(validate_credit_code, value, field="uscc")
    assert error.field == "uscc"
    assert zh_part in error.zh
    assert en_part in error.en
    assert not is_valid_credit_code(value)


def test_default_field_name():
    assert refusal(validate_credit_code, "123").field == "credit_code"


@given(seeds)
def test_generated_codes_are_valid_and_realistic(seed):
    code = code_from(seed)
    assert validate_credit_code(code) == code
    assert code[0] in CREDIT_CODE_AUTHORITIES
    assert code[:2] in {"91", "93", "11", "12", "51", "52", "53", "Y1"}
    assert code[2:8] in DIVISIONS
    assert gb11714_check(code[8:16]) == code[16]


@given(seeds)
def test_generation_is_deterministic(seed):
    assert code_from(seed) == code_from(seed)
    rng = random.Random(seed)
    rng.random()
    state = rng.getstate()
    first = generate_credit_code(rng)
    rng.setstate(state)
    assert generate_credit_code(rng) == first


def test_generation_mostly_enterprises_and_varied():
    rng = random.Random(42)
    codes = [generate_credit_code(rng) for _ in range(500)]
    assert len(set(codes)) == 500
    enterprises = sum(c.startswith("91") for c in codes)
    assert 250 < enterprises < 450
    assert {c[:2] for c in codes} >= {"91", "11", "12", "51"}
    assert any(c[8:10] == "MA" for c in codes)


@given(seeds, st.sampled_from(["330100", "110000", "654321"]))
def test_generation_with_division(seed, division):
    code = generate_credit_code(random.Random(seed), division=division)
    assert code[2:8] == division and is_valid_credit_code(code)


@pytest.mark.parametrize("division", ["3301", "33010A", "３３０１００", "3301000"])
def test_generation_refuses_bad_division(division):
    assert refusal(generate_credit_code, random.Random(1), division=division).field == "division"


@given(seeds, st.integers(0, 17), st.integers(1, 30))
def test_any_single_substitution_is_detected(seed, pos, shift):
    code = code_from(seed)
    replacement = CREDIT_CODE_ALPHABET[(CREDIT_CODE_ALPHABET.index(code[pos]) + shift) % 31]
    corrupted = code[:pos] + replacement + code[pos + 1 :]
    assert corrupted != code
    assert not is_valid_credit_code(corrupted)


@given(seeds, st.integers(0, 16))
def test_any_adjacent_transposition_is_detected(seed, pos):
    code = code_from(seed)
    swapped = code[:pos] + code[pos + 1] + code[pos] + code[pos + 2 :]
    assert is_valid_credit_code(swapped) == (swapped == code)


@given(seeds, st.lists(st.sampled_from(["", " ", "l", "l "]), min_size=18, max_size=18))
def test_case_and_spacing_never_matter(seed, noise):
    code = code_from(seed)
    noisy = "".join(
        (c.lower() if "l" in n else c) + n.replace("l", "")
        for c, n in zip(code, noise, strict=True)
    )
    assert validate_credit_code(noisy) == code


# ---------------------------------------------------------------------------------------------
# Phone numbers
# ---------------------------------------------------------------------------------------------


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
