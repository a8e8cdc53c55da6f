"""Tests of workbench.domain.credit_code: unified social credit codes (GB 32100)."""

from __future__ import annotations

import random

import pytest
from bilingual import refusal  # tests/domain/bilingual.py
from hypothesis import given
from hypothesis import strategies as st

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

seeds = st.integers(min_value=0, max_value=2**64)


def code_from(seed: int) -> str:
    return generate_credit_code(random.Random(seed))


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


@pytest.mark.parametrize(
    ("value", "position", "label"),
    [
        ("911000\u200b007109391350", 7, "U+200B ZERO WIDTH SPACE"),  # issue 12: "got 19"
        ("\ufeff91350100M000100Y43", 1, "U+FEFF"),  # a byte-order mark pasted from a file
        ("91350100M000100Y4\u200e3", 18, "U+200E LEFT-TO-RIGHT MARK"),
        ("9135\u00ad0100M000100Y43", 5, "U+00AD SOFT HYPHEN"),
        ("91350100M\u2060000100Y43", 10, "U+2060 WORD JOINER"),
        ("91350100\u200dM000100Y43", 9, "U+200D ZERO WIDTH JOINER"),
    ],
)
def test_an_invisible_character_is_named_with_its_position(value, position, label):
    error = refusal(validate_credit_code, value)
    assert f"invisible character at position {position}" in error.en
    assert label in error.en
    assert f"第{position}位有一个看不见的字符" in error.zh
    assert "got 19" not in error.en and "实际为" not in error.zh


def test_several_invisible_characters_are_counted():
    error = refusal(validate_credit_code, "\u200b9135\u200b0100M000100Y43\u200b")
    assert "position 1" in error.en and "(3 in all)" in error.en
    assert "共3个" in error.zh


@pytest.mark.parametrize("space", ["\u00a0", "\u3000", "\u2009", "\t"])
def test_visible_spaces_of_every_kind_are_allowed(space):
    """NBSP, the ideographic and thin spaces: spaces, removed like the ASCII space."""
    assert validate_credit_code(f"9135{space}0100{space}M000100Y43") == "91350100M000100Y43"
