"""The proposal PDF parsed back: fonts, text, numbers, page numbers, header repeat, pixels."""

from __future__ import annotations

import re
import shutil
import subprocess
from dataclasses import replace
from decimal import Decimal
from pathlib import Path

import pytest
from pdftext import flat, pdf_text  # tests/proposals/pdftext.py

from workbench.proposals.content import Person, ProposalContent
from workbench.proposals.render import RenderedProposal, render_proposal
from workbench.proposals.sample import sample_content

pytestmark = pytest.mark.skipif(shutil.which("pdftotext") is None, reason="poppler-utils not installed")


def _money(value: str) -> str:
    return f"{Decimal(value):,.2f}"


@pytest.fixture(scope="module")
def short() -> tuple[ProposalContent, RenderedProposal]:
    content = sample_content(8)
    return content, render_proposal(content)


@pytest.fixture(scope="module")
def long() -> tuple[ProposalContent, RenderedProposal]:
    content = sample_content(60)
    return content, render_proposal(content)


@pytest.fixture(scope="module")
def pdf_dir(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return tmp_path_factory.mktemp("pdf")


def _write(pdf_dir: Path, name: str, rendered: RenderedProposal) -> Path:
    path = pdf_dir / f"{name}.pdf"
    if not path.exists():
        path.write_bytes(rendered.pdf)
    return path


def test_every_font_is_embedded_as_a_subset(short: tuple[ProposalContent, RenderedProposal],
                                            pdf_dir: Path) -> None:
    out = subprocess.run(["pdffonts", str(_write(pdf_dir, "short", short[1]))], check=True,
                         capture_output=True, text=True).stdout
    rows = out.splitlines()[2:]
    assert rows, out
    for row in rows:
        name, *_rest = row.split()
        emb, sub = row.split()[-5], row.split()[-4]
        assert (emb, sub) == ("yes", "yes"), row
        assert re.match(r"^[A-Z]{6}\+WorkbenchSansSC", name), row


def test_chinese_text_extracts_back_exactly(short: tuple[ProposalContent, RenderedProposal],
                                           pdf_dir: Path) -> None:
    content, rendered = short
    text = flat(pdf_text(_write(pdf_dir, "short", rendered)))
    assert content.key_person is not None
    expected = [content.customer_name, content.key_person.name, content.key_person.title or "",
                content.manager.name, "张昇", content.approval or "", content.title, content.number,
                *content.needs, *(term.text for term in content.terms), *(term.heading for term in content.terms),
                *(line["name"]["zh"] for line in content.quote["lines"]),
                *(item.feature for item in content.solution), *(e for item in content.solution for e in item.evidence),
                "甲方", "乙方", "签字", "盖章", "示例价格"]
    for value in expected:
        assert flat(value) in text, value
    assert "王喆" in text and "李堃" in text


def test_numbers_equal_the_engine_to_the_fen(long: tuple[ProposalContent, RenderedProposal], pdf_dir: Path) -> None:
    content, rendered = long
    text = pdf_text(_write(pdf_dir, "long", rendered))
    tokens = set(re.findall(r"[\d,]+\.\d{2}", text))
    quote = content.quote
    # a zero amount prints "—" (the sheet's rule, pdf_style.amount), never "0.00"
    for line in quote["lines"]:
        for key in ("list_unit", "net_unit", "monthly", "term_total"):
            if Decimal(line[key]):
                assert _money(line[key]) in tokens, (line["index"], key, line[key])
    for key in ("monthly_recurring", "installation", "first_year", "over_term", "list_over_term", "savings"):
        if Decimal(quote["totals"][key]) or key == "over_term":  # the grand total always prints
            assert _money(quote["totals"][key]) in tokens, key
    assert "0.00" not in tokens
    assert "7,764,002.88" in tokens or _money(quote["totals"]["over_term"]) in tokens


def test_page_numbers_on_every_page(long: tuple[ProposalContent, RenderedProposal], pdf_dir: Path) -> None:
    content, rendered = long
    path = _write(pdf_dir, "long", rendered)
    for page in range(1, rendered.pages + 1):
        text = pdf_text(path, page)
        assert f"第 {page} 页 / 共 {rendered.pages} 页" in text, page
        assert content.number in text


def test_price_header_repeats_on_every_page_the_table_spans(long: tuple[ProposalContent, RenderedProposal],
                                                             pdf_dir: Path) -> None:
    content, rendered = long
    path = _write(pdf_dir, "long", rendered)
    pages_with_lines = []
    for page in range(1, rendered.pages + 1):
        text = pdf_text(path, page)
        rows = [line for line in content.quote["lines"]
                if re.search(rf"^\s*{line['index'] + 1}\s+{re.escape(line['name']['zh'][:4])}", text, re.M)]
        if rows:
            pages_with_lines.append(page)
            assert "合约期总额" in text and "净单价" in text and "目录单价" in text, page
    assert len(pages_with_lines) >= 2, pages_with_lines


def test_page_counts_and_no_nearly_empty_page(short: tuple[ProposalContent, RenderedProposal],
                                              long: tuple[ProposalContent, RenderedProposal], pdf_dir: Path) -> None:
    assert short[1].pages <= 3
    assert long[1].pages >= 4
    path = _write(pdf_dir, "long", long[1])
    for page in range(1, long[1].pages):  # every page but the last is well filled
        lines = [line for line in pdf_text(path, page).splitlines() if line.strip()]
        assert len(lines) >= 20, (page, len(lines))


def test_rendering_is_deterministic(short: tuple[ProposalContent, RenderedProposal]) -> None:
    content, rendered = short
    assert render_proposal(content).pdf == rendered.pdf


def test_metadata(short: tuple[ProposalContent, RenderedProposal]) -> None:
    from io import BytesIO

    from pypdf import PdfReader

    content, rendered = short
    reader = PdfReader(BytesIO(rendered.pdf))
    meta = reader.metadata
    assert meta is not None
    assert meta.title == content.title and meta.author == content.manager.name
    assert meta.subject == content.number and meta.creator == "Workbench"
    assert len(reader.pages) == rendered.pages
    box = reader.pages[0].mediabox
    assert (round(float(box.width)), round(float(box.height))) == (595, 842)  # A4 portrait
    assert len(rendered.pdf) < 400_000


def test_missing_glyphs_are_reported(short: tuple[ProposalContent, RenderedProposal]) -> None:
    content, rendered = short
    assert rendered.missing == ()
    odd = replace(content, customer_name=content.customer_name + "𠀀",
                  key_person=Person("王喆😀", "CIO"), needs=("<b>& 需求", *content.needs))
    result = render_proposal(odd)
    assert result.missing == ("😀", "𠀀")
    assert result.pages >= 1


@pytest.mark.skipif(shutil.which("pdftoppm") is None, reason="pdftoppm not installed")
def test_rendered_pages_are_not_blank(short: tuple[ProposalContent, RenderedProposal], pdf_dir: Path) -> None:
    from PIL import Image

    path = _write(pdf_dir, "short", short[1])
    subprocess.run(["pdftoppm", "-r", "50", "-png", str(path), str(pdf_dir / "page")], check=True)
    images = sorted(pdf_dir.glob("page-*.png"))
    assert len(images) == short[1].pages
    for image_path in images:
        with Image.open(image_path) as image:
            grey = image.convert("L")
            dark = sum(grey.histogram()[:160])
            assert dark > 2000, (image_path.name, dark)
