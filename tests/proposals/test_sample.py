"""The sample proposal tells one story: priced as its account manager, its approval line and
state agree with the authority line it prints (issue 12: it said "approved by the team lead"
while its authority line said the discount was within HQ's 35 %)."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.proposals.pdftext import flat, pdf_text
from workbench.proposals.render import render_proposal
from workbench.proposals.sample import sample_content
from workbench.proposals.terms import WITHIN_AUTHORITY


@pytest.mark.parametrize("lines", [1, 8, 60])
def test_the_sample_needs_no_approval_and_says_so(lines: int, tmp_path: Path) -> None:
    content = sample_content(lines)
    authority = content.quote["authority"]
    assert authority["role"] == "manager"  # priced as the account manager on the sheet
    assert authority["level"] == "within"
    assert content.state == "draft" and content.state_label == "草稿"
    assert content.approval == WITHIN_AUTHORITY
    path = tmp_path / "sample.pdf"
    path.write_bytes(render_proposal(content).pdf)
    text = flat(pdf_text(path))
    assert "权限20%" not in text and "20%以内" not in text  # the manager's limit is internal (issue 13)
    assert flat(WITHIN_AUTHORITY) in text
    assert "审批通过" not in text and "总部权限" not in text and "已批准" not in text


def test_a_manual_discount_names_its_line_and_english_labels_print(tmp_path: Path) -> None:
    """The client reads which line a manual discount is on ("#1 ...: 手工优惠"), never "本行"
    (a bank reads "our bank's"); the sheet's labels print in English when asked."""
    from workbench.pricing.rules import MANUAL_LINE
    from workbench.proposals.branding import load_branding
    from workbench.proposals.pdf_style import Ink
    from workbench.proposals.pdf_tables import discount_reason

    line = {"index": 1, "name": {"zh": "集团成员套餐 58 元", "en": "Group member plan 58"}}
    discount = {"percent": "10.00", "why": {"rule": MANUAL_LINE, "zh": "本行手工优惠 10%", "en": "manual"}}
    zh = discount_reason(Ink(load_branding(), "Helvetica"), line, discount)
    en = discount_reason(Ink(load_branding(), "Helvetica", lang="en"), line, discount)
    assert zh.startswith("#2 集团成员套餐 58 元: 手工优惠") and "本行" not in zh
    assert en.startswith("#2 Group member plan 58: manual discount")
    path = tmp_path / "en.pdf"
    path.write_bytes(render_proposal(sample_content(3), lang="en").pdf)
    text = flat(pdf_text(path))
    assert flat("Total over the term") in text and "合约期总额" not in text
