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
    assert "在客户经理权限20%以内" in text  # the authority line names the manager's limit
    assert flat(WITHIN_AUTHORITY) in text
    assert "审批通过" not in text and "总部权限" not in text and "已批准" not in text
