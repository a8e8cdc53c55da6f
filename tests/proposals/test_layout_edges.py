"""Layout edges of the proposal PDF: rows taller than a page, big figures, one-off offers,
the letterhead with a long company name, the document date, the parties block."""

from __future__ import annotations

import copy
import dataclasses
import io
import re
import shutil
from datetime import date, datetime, timedelta, timezone
from pathlib import Path
from typing import Any

import pytest
from pdftext import flat, pdf_text  # tests/proposals/pdftext.py
from pypdf import PdfReader
from reportlab.pdfbase.pdfmetrics import stringWidth

from workbench.proposals.branding import load_branding
from workbench.proposals.content import ProposalContent, Term
from workbench.proposals.pdf_fonts import register_pdf_font
from workbench.proposals.render import (
    LETTERHEAD_GAP,
    RenderedProposal,
    fit_letterhead,
    render_proposal,
)
from workbench.proposals.sample import sample_content
from workbench.proposals.terms import agreement_terms

needs_poppler = pytest.mark.skipif(shutil.which("pdftotext") is None, reason="poppler-utils not installed")


def _text(pdf: bytes, tmp_path: Path, page: int | None = None) -> str:
    path = tmp_path / "p.pdf"
    path.write_bytes(pdf)
    return pdf_text(path, page)


def _body(content: ProposalContent, rendered: RenderedProposal, tmp_path: Path) -> str:
    """The whole text without whitespace and without what every page repeats (letterhead,
    footer, page number, the FABE header), so a paragraph split over pages reads back whole."""
    b = load_branding()
    text = flat(_text(rendered.pdf, tmp_path))
    text = re.sub(r"第\d+页/共\d+页", "", text)
    repeated = [b.company_zh, b.company_en, b.department or "", b.address or "", f"服务热线{b.hotline}",
                b.website or "", "·", f"方案编号{content.number}", b.short_name, "产品F特征A优势B利益E证据案例"]
    for piece in sorted((flat(r) for r in repeated if r), key=len, reverse=True):
        text = text.replace(piece, "")
    return text


@needs_poppler
def test_rows_taller_than_a_page_split_and_read_back(tmp_path: Path) -> None:
    base = sample_content(3)
    cases = tuple(f"案例{i}: " + f"某市第{i}家商业银行分行全行网点统一接入, 专线可用率提升, 年度通信支出下降。" * 4
                  for i in range(7))
    cases = tuple(case[:140] for case in cases)
    assert all(len(case) == 140 for case in cases)
    solution = (dataclasses.replace(base.solution[0], evidence=cases), *base.solution[1:])
    approval = ("营销主管审批意见: 同意按所列折扣执行, 请客户经理跟进签约与开通。" * 100)[:3000]
    clause = ("合约期内如需增减成员或调整带宽, 以双方书面确认为准, 费用按调整后的资费计收。" * 100)[:3000]
    content = dataclasses.replace(base, solution=solution, approval=approval,
                                  terms=(Term("补充约定", clause), *base.terms))
    rendered = render_proposal(content)  # before: LayoutError (FABE row, approval row, terms row)
    body = _body(content, rendered, tmp_path)
    for value in (*cases, approval, clause):
        assert flat(value) in body, value[:20]
    assert rendered.pages >= 5


@needs_poppler
def test_big_figures_never_break_inside_a_number(tmp_path: Path) -> None:
    base = sample_content(8)
    quote: dict[str, Any] = copy.deepcopy(base.quote)
    quote["lines"][0]["monthly"] = "9999999.99"
    quote["lines"][1]["term_total"] = "99999999.99"
    quote["totals"]["monthly_recurring"] = "9999999.99"
    rendered = render_proposal(dataclasses.replace(base, quote=quote))
    lines = _text(rendered.pdf, tmp_path).splitlines()
    assert sum("9,999,999.99" in line for line in lines) >= 2  # the line's cell and the total
    assert any("99,999,999.99" in line for line in lines)
    assert not any(re.search(r"\d[,.]$", line.strip()) for line in lines), "a figure broken at a line end"


@needs_poppler
def test_one_off_offer_prints_dashes_and_a_one_off_clause(tmp_path: Path) -> None:
    base = sample_content(3)
    quote: dict[str, Any] = copy.deepcopy(base.quote)
    for line in quote["lines"]:
        line.update(term_months=0, monthly="0.00", one_off="5000.00", installation="0.00", term_total="5000.00")
    quote["totals"].update(monthly_recurring="0.00", one_off="15000.00", installation="0.00",
                           first_year="15000.00", over_term="15000.00")
    content = dataclasses.replace(base, quote=quote, terms=agreement_terms(0, recurring=False))
    text = _text(render_proposal(content).pdf, tmp_path)
    rows = [line for line in text.splitlines() if re.match(r"^\s*[123]\s+\S", line) and "5,000.00" in line]
    assert len(rows) == 3, text
    for row in rows:
        assert not {"0", "0.00"} & set(row.split()), row
        assert row.count("—") >= 2, row  # no term, no monthly fee
    assert re.search(r"月费合计\s*\(每月\)\s*—", text)
    assert re.search(r"合约期总额\s*15,000.00", text)  # the grand total is always a figure
    assert "本方案为一次性项目" in text and "自动续期" not in text


def test_agreement_terms_name_the_term() -> None:
    def first(months: int, **kw: bool) -> str:
        return agreement_terms(months, **kw)[0].text

    assert "合约期为一年," in first(12) and "合约期为三年," in first(36) and "合约期为五年," in first(60)
    assert "合约期为两年," in first(24) and "合约期为四年," in first(48)
    assert "合约期为 18 个月," in first(18) and "合约期为 1 个月," in first(1) and "合约期为 6 个月," in first(6)
    for one_off in (first(0), first(0, recurring=False), first(36, recurring=False)):
        assert one_off.startswith("本方案为一次性项目") and "续期" not in one_off
    assert "自动续期" in first(36)


def test_letterhead_lines_never_overlap() -> None:
    font = register_pdf_font()
    b = load_branding()
    width = 150 * 2.834645669  # room right of a logo on A4 with 18 mm margins, roughly
    cases = [
        ((b.company_zh, b.company_en), (b.department, b.address, "服务热线 400-000-0000")),
        (("中国移动通信集团广东有限公司深圳分公司政企客户部", b.company_en),
         ("政企客户部 金融行业拓展中心", "广东省深圳市福田区深南大道 7088 号招商银行大厦 28 楼 政企客户中心 (示例地址)",
          "服务热线 10086  ·  www.example.com")),
        (("某" * 60, "X" * 200), ("部" * 80, None, None)),
        (("短名", "S"), (None, "址" * 200, None)),
    ]
    for left, right in cases:
        fitted_left, fitted_right = fit_letterhead(font, left, right, width)
        left_w = max(stringWidth(t, font, s) for t, s in fitted_left)
        right_w = max(stringWidth(t, font, s) for t, s in fitted_right)
        assert left_w + LETTERHEAD_GAP + right_w <= width + 0.01, (left, left_w, right_w)
        assert all(s >= 6 for _, s in (*fitted_left, *fitted_right))
    # the usual letterhead is drawn at its full sizes, uncut
    fitted_left, fitted_right = fit_letterhead(font, *cases[0], width)
    assert fitted_left == ((b.company_zh, 13.5), (b.company_en, 7.0))
    # a 24-character name is kept whole (smaller); the long address gives way
    fitted_left, _ = fit_letterhead(font, *cases[1], width)
    assert fitted_left[0][0] == cases[1][0][0]


def test_a_long_company_name_renders() -> None:
    b = dataclasses.replace(load_branding(), company_zh="中国移动通信集团广东有限公司深圳分公司政企客户部",
                            address="广东省深圳市福田区深南大道 7088 号招商银行大厦 28 楼 政企客户中心 (示例地址)")
    rendered = render_proposal(sample_content(3), b)
    assert b.company_zh in PdfReader(io.BytesIO(rendered.pdf)).pages[0].extract_text()


def test_document_date_is_the_making_moment_with_its_offset_and_bytes_stay_deterministic() -> None:
    made = datetime(2026, 3, 9, 9, 41, 7, tzinfo=timezone(timedelta(hours=8)))
    content = dataclasses.replace(sample_content(2), issued_on=date(2026, 3, 9), made_at=made)
    rendered = render_proposal(content)
    reader = PdfReader(io.BytesIO(rendered.pdf))
    meta = reader.metadata
    assert meta is not None and meta.creation_date is not None and meta.modification_date is not None
    assert meta["/CreationDate"] == "D:20260309094107+08'00'"  # the local time with its offset, not 16:00 UTC
    assert meta.creation_date == made and meta.modification_date == made
    assert render_proposal(content).pdf == rendered.pdf  # the moment is the content's: same bytes
    west = dataclasses.replace(content, made_at=datetime(2026, 3, 8, 22, 11, 7,
                                                         tzinfo=timezone(-timedelta(hours=3, minutes=30))))
    west_meta = PdfReader(io.BytesIO(render_proposal(west).pdf)).metadata
    assert west_meta is not None and west_meta["/CreationDate"] == "D:20260308221107-03'30'"


def test_a_record_made_before_the_moment_was_kept_is_stamped_as_it_was() -> None:
    content = dataclasses.replace(sample_content(2), issued_on=date(2026, 3, 9), made_at=None)
    meta = PdfReader(io.BytesIO(render_proposal(content).pdf)).metadata
    assert meta is not None and meta["/CreationDate"] == "D:20260309000000+08'00'"


def test_parties_header_is_never_left_alone_at_a_page_foot() -> None:
    from reportlab.pdfgen.canvas import Canvas
    from reportlab.platypus import Table

    from workbench.proposals.pdf_style import CONTENT_W, Ink
    from workbench.proposals.sections import parties_block

    ink = Ink(load_branding(), register_pdf_font())
    block = parties_block(ink, sample_content(3))
    block.canv = Canvas(io.BytesIO())  # type: ignore[attr-defined]  # as the frame sets it
    for room in (20.0, 30.0, 45.0):  # room for the header row, not for the people under it
        parts = block.split(CONTENT_W, room)
        tables = [part for part in parts if isinstance(part, Table)]
        assert tables, (room, parts)  # the block moves on whole (a page break before it)...
        assert all(len(t._cellvalues) == 2 for t in tables), room  # ...never a header-only table
