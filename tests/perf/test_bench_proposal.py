"""The `proposal` benchmark's baseline (benchmarks/proposal_html.py): an equivalent HTML
document of the same content, printed by WeasyPrint with only the bundled font embedded.

The benchmark itself (``run(scale=0, quick=True)``) takes about 20 s, so it is not run here.
WeasyPrint is the ``bench`` extra, not the ``test`` one: without it the tests that print are
skipped.
"""

from __future__ import annotations

import dataclasses
import html
import io
import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from benchmarks.proposal_html import (  # the repository root is on pytest's pythonpath
    money,
    proposal_html,
    render_weasyprint,
    require_weasyprint,
)
from workbench.proposals.sample import sample_content


@pytest.fixture(scope="module")
def content():  # type: ignore[no-untyped-def]
    plain = sample_content(3)
    return dataclasses.replace(plain, customer_name="招商银行 <科技园> & 支行 \"A\"")


def test_html_has_the_escaped_text_and_every_lines_figures(content) -> None:  # type: ignore[no-untyped-def]
    page = proposal_html(content)
    assert html.escape(content.customer_name) in page
    assert content.customer_name not in page  # never raw: "<科技园>" would be a tag
    for line in content.quote["lines"]:
        assert f">{money(line['net_unit'])}<" in page, line["product"]
        assert html.escape(line["name"]["zh"]) in page
    for item in content.solution:
        assert html.escape(item.feature) in page and html.escape(item.benefit) in page
    for term in content.terms:
        assert html.escape(term.text) in page
    assert "<thead>" in page  # the price table's header, repeated on each page by WeasyPrint
    assert 'counter(page)' in page and 'counter(pages)' in page
    assert re.search(r"url\(\"file://[^\"]+/WorkbenchSansSC-Regular\.ttf\"\)", page)


def test_money_keeps_the_engines_fen() -> None:
    assert money("1234567.89") == "1,234,567.89"
    assert money("0.10") == "0.10"


def test_without_weasyprint_the_error_names_the_bench_extra(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setitem(sys.modules, "weasyprint", None)  # import weasyprint -> ImportError
    with pytest.raises(RuntimeError, match=r"pip install -e '\.\[bench\]'"):
        require_weasyprint()
    from benchmarks import bench_proposal

    with pytest.raises(RuntimeError, match="bench"):
        bench_proposal.run(scale=0, quick=True)


def test_weasyprint_embeds_only_the_bundled_font(content, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    pytest.importorskip("weasyprint")
    pdf = render_weasyprint(content)
    assert pdf.startswith(b"%PDF")
    import pypdf

    reader = pypdf.PdfReader(io.BytesIO(pdf))
    text = "".join(page.extract_text() for page in reader.pages)
    assert "王喆" in text and "第 1 页" in text.replace("\n", " ")
    assert money(content.quote["totals"]["over_term"]) in text
    if shutil.which("pdffonts") is None:
        pytest.skip("pdffonts (poppler-utils) is not installed")
    path = tmp_path / "baseline.pdf"
    path.write_bytes(pdf)
    out = subprocess.run(["pdffonts", str(path)], capture_output=True, text=True, check=True).stdout
    rows = out.splitlines()[2:]
    assert rows, out
    for row in rows:
        name, *_ = row.split()
        assert re.fullmatch(r"[A-Z]{6}\+Workbench-Sans-SC", name), out  # subset of the bundled font
        assert " yes yes yes " in row, out  # embedded, subset, with a ToUnicode map
