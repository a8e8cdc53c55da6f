"""One word for one thing (issue 13, item 14): the lines table's One-off column, the totals'
One-off and the sheet's 一次性费用 are the same figure, installation included, with the
installation alone shown under it; the sheet read back with pdftotext."""

from __future__ import annotations

import dataclasses
from pathlib import Path
from typing import Any

from offer_ui import add  # tests/ui/offers/offer_ui.py
from PySide6.QtCore import Qt

from tests.proposals.pdftext import flat, pdf_text
from workbench.pricing import quote_to_dict
from workbench.proposals.render import render_proposal
from workbench.proposals.sample import sample_content
from workbench.ui.offers.lines_model import ONE_OFF


def test_the_table_the_totals_and_the_sheet_say_one_off_for_the_same_figure(
        qtbot: Any, builder: Any, tmp_path: Path) -> None:
    for code in ("DIA-20M", "BB-100M"):  # installation 3,000 and 200, nothing else one-off
        add(builder, code)
    assert builder.errors == [] and builder.quote is not None
    column = [builder.lines.index(row, ONE_OFF).data() for row in range(2)]
    assert column == ["¥3,000.00", "¥200.00"]
    header = builder.lines.headerData(ONE_OFF, Qt.Orientation.Horizontal)
    summary = builder.summary
    assert summary.captions["one_off"].text() == header == "One-off"
    assert summary.values["one_off"].text() == "¥3,200.00"  # the column's sum, under the column's name
    assert summary.captions["installation"].text() == "of which installation"
    assert summary.values["installation"].text() == "¥3,200.00"
    first = summary.schedule.data(summary.schedule.index(0, 0), Qt.ItemDataRole.ToolTipRole)
    assert "One-off: ¥3,200.00" in first and "of which installation: ¥3,200.00" in first

    quote = quote_to_dict(builder.quote)
    content = dataclasses.replace(sample_content(1), quote=quote, solution=())
    path = tmp_path / "sheet.pdf"
    path.write_bytes(render_proposal(content).pdf)
    text = flat(pdf_text(path))
    assert text.count("一次性费用") >= 3  # the table's column, the totals, the schedule's column
    assert "一次性费用3,200.00其中安装调测费3,200.00" in text  # the totals: the sum, then its part
    assert "3,000.00" in text and "200.00" in text
    assert "一次性(含安装)" not in text and "一次性及安装" not in text
