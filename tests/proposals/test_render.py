"""Renderer pieces: branding file, font registration and coverage, schedule ranges, money text."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from workbench.proposals import pdf_fonts
from workbench.proposals.branding import load_branding
from workbench.proposals.pdf_style import money, percent
from workbench.proposals.pdf_tables import collapse_schedule
from workbench.proposals.sample import sample_content


def test_shipped_branding_loads_with_its_logo() -> None:
    b = load_branding()
    assert b.company_zh and b.short_name and b.primary.startswith("#") and b.accent.startswith("#")
    assert b.logo is not None and b.logo.is_file() and b.logo.stat().st_size < 20_000


def test_branding_file_can_be_replaced(tmp_path: Path) -> None:
    (tmp_path / "brand.json").write_text(json.dumps({
        "company_zh": "某运营商", "company_en": "Some operator", "short_name": "某运营商",
        "primary": "#112233", "accent": "#abcdef"}), encoding="utf-8")
    b = load_branding(tmp_path / "brand.json")
    assert (b.company_zh, b.primary, b.accent, b.logo, b.hotline) == ("某运营商", "#112233", "#ABCDEF", None, None)


def test_the_english_letterhead_comes_from_the_english_side_of_the_file(tmp_path: Path) -> None:
    data = {"company_zh": "某运营商", "company_en": "Some Operator Ltd.", "short_name": "某运营商",
            "department": "政企部", "address": "某市某路 1 号", "primary": "#112233", "accent": "#abcdef"}
    (tmp_path / "brand.json").write_text(json.dumps(data), encoding="utf-8")
    bare = load_branding(tmp_path / "brand.json")
    assert tuple(bare.letterhead("zh")) == ("某运营商", "Some Operator Ltd.", "某运营商", "政企部", "某市某路 1 号")
    # no English side: the English name alone; a department or address without English as written
    assert tuple(bare.letterhead("en")) == ("Some Operator Ltd.", "", "Some Operator Ltd.", "政企部", "某市某路 1 号")
    data |= {"short_name_en": "Some Op", "department_en": "Enterprise", "address_en": "1 Some Road"}
    (tmp_path / "brand.json").write_text(json.dumps(data), encoding="utf-8")
    full = load_branding(tmp_path / "brand.json")
    assert tuple(full.letterhead("en")) == ("Some Op", "Some Operator Ltd.", "Some Op", "Enterprise", "1 Some Road")
    assert full.letterhead("zh") == bare.letterhead("zh")


def test_a_letterhead_deployed_in_the_data_directory_wins_and_prints(tmp_path: Path) -> None:
    import io
    import os

    from pypdf import PdfReader

    from workbench.config import paths
    from workbench.proposals.render import render_proposal

    assert os.environ.get("WORKBENCH_HOME")  # tests run in an isolated home (tests/conftest.py)
    folder = paths().data / "branding"
    folder.mkdir(parents=True)
    (folder / "branding.json").write_text(json.dumps({
        "company_zh": "东海电信有限公司 宁波分公司", "company_en": "Donghai Telecom", "short_name": "东海电信",
        "primary": "#005B96", "accent": "#E07000"}), encoding="utf-8")
    try:
        assert load_branding().company_zh == "东海电信有限公司 宁波分公司"
        pdf = render_proposal(sample_content(2)).pdf
        assert "东海电信有限公司 宁波分公司" in PdfReader(io.BytesIO(pdf)).pages[0].extract_text()
    finally:
        (folder / "branding.json").unlink()
    assert load_branding().company_zh != "东海电信有限公司 宁波分公司"


@pytest.mark.parametrize("change", [{"primary": "blue"}, {"company_zh": ""}, {"logo": "nowhere.png"}])
def test_bad_branding_is_refused(tmp_path: Path, change: dict[str, str]) -> None:
    data = {"company_zh": "某运营商", "company_en": "X", "short_name": "X", "primary": "#112233",
            "accent": "#445566", **change}
    (tmp_path / "brand.json").write_text(json.dumps(data), encoding="utf-8")
    with pytest.raises(ValueError):
        load_branding(tmp_path / "brand.json")


def test_font_is_registered_once_and_covers_the_hard_names() -> None:
    assert pdf_fonts.register_pdf_font() == pdf_fonts.register_pdf_font() == pdf_fonts.FONT_NAME
    font = pdf_fonts._font
    pdf_fonts.register_pdf_font()
    assert pdf_fonts._font is font
    assert pdf_fonts.missing_chars(["王喆 李堃 张昇 朱镕基\n\t\u200b"]) == ()
    assert pdf_fonts.missing_chars(["a😀𠀀b", "𠀀"]) == ("😀", "𠀀")


def test_money_is_printed_from_the_engine_string_exactly() -> None:
    assert money("1234567.80") == "1,234,567.80"
    assert money("0.10") == "0.10"
    assert money(None) == "—"
    assert percent("11.00") == "11%" and percent("11.25") == "11.25%" and percent("0.00") == "—"


def test_schedule_months_collapse_into_ranges() -> None:
    schedule = sample_content(8).quote["schedule"]
    ranges = collapse_schedule(schedule)
    assert [(first, last) for first, last, _ in ranges] == [(1, 1), (2, 10), (11, 36)]
    covered = [m for first, last, _ in ranges for m in range(first, last + 1)]
    assert covered == [m["month"] for m in schedule]
