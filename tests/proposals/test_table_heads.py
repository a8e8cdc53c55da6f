"""Table headers never leave one character alone on a line: on a one-line offer the price
table's 合约期总额 used to wrap as 合约期总 / 额 (issue 12). Checked in the PDF itself, read
back with pdftotext -raw (each header line of a cell is a line of its own there)."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from tests.proposals.pdftext import pdf_text
from workbench.proposals.pdf_tables import PRICE_HEAD, head_lines
from workbench.proposals.render import render_proposal
from workbench.proposals.sample import sample_content

LONE_CJK = re.compile(r"\s*[\u3400-\u9fff]\s*")


def header_lines(text: str, title: str, first_row: re.Pattern[str]) -> list[str]:
    """The lines between a section's ``title`` and its first body row."""
    lines = text.splitlines()
    start = next(i for i, line in enumerate(lines) if title in line) + 1
    end = next(i for i in range(start, len(lines)) if first_row.match(lines[i]))
    return lines[start:end]


@pytest.mark.parametrize("lines", [1, 2, 8, 60])
def test_no_header_line_is_one_character(lines: int, tmp_path: Path) -> None:
    path = tmp_path / "proposal.pdf"
    path.write_bytes(render_proposal(sample_content(lines)).pdf)
    text = pdf_text(path)
    price = header_lines(text, "报价明细", re.compile(r"1 "))
    assert "".join(price).replace(" ", "").startswith("#产品")  # the header was found
    assert not [line for line in price if LONE_CJK.fullmatch(line)], price
    assert "合约期总" not in price  # the exact defect: 合约期总 / 额
    if "逐月费用计划" in text:
        schedule = header_lines(text, "逐月费用计划", re.compile(r"第 "))
        assert schedule and not [line for line in schedule if LONE_CJK.fullmatch(line)], schedule


@pytest.mark.parametrize(
    ("label", "lines"),
    [
        ("合约期总额", ["合约期", "总额"]),
        ("期限(月)", ["期限", "(月)"]),
        ("一次性(含安装)", ["一次性", "(含安装)"]),
        ("月返还 × 月数", ["月返还", "× 月数"]),
        ("返还后净支出", ["返还后", "净支出"]),
        ("数量", ["数量"]),
        ("目录单价", ["目录单价"]),
    ],
)
def test_head_lines(label: str, lines: list[str]) -> None:
    assert head_lines(label) == lines


def test_every_price_header_splits_into_lines_of_two_characters_or_more() -> None:
    for label in PRICE_HEAD:
        assert all(len(line) >= 2 or label == "#" for line in head_lines(label)), label
