"""No missing-glyph boxes: ReportLab draws a character its font lacks with code 0, the
font's .notdef glyph (a box, or nothing). Every text-showing operator of every page is
decoded here and must not use code 0; a planted missing character proves that it would."""

from __future__ import annotations

import dataclasses
import io

from pypdf import PdfReader
from pypdf.generic import ContentStream

from workbench.proposals.render import render_proposal
from workbench.proposals.sample import sample_content


def notdef_uses(pdf: bytes) -> int:
    """How many glyphs are drawn with code 0 (.notdef) in the PDF's text operators."""
    reader = PdfReader(io.BytesIO(pdf))
    count = 0
    for page in reader.pages:
        content = ContentStream(page.get_contents(), reader)
        for operands, operator in content.operations:
            if operator == b"Tj" or operator == b"'":
                strings = [operands[0]]
            elif operator == b'"':
                strings = [operands[2]]
            elif operator == b"TJ":
                strings = [item for item in operands[0] if not isinstance(item, int | float)]
            else:
                continue
            for s in strings:
                raw = s.original_bytes if hasattr(s, "original_bytes") else bytes(s)
                count += raw.count(b"\x00")
    return count


def test_the_sample_draws_no_notdef_glyph() -> None:
    rendered = render_proposal(sample_content(60))
    assert rendered.missing == ()
    assert notdef_uses(rendered.pdf) == 0


def test_a_missing_character_would_be_caught_and_reported() -> None:
    planted = dataclasses.replace(sample_content(2), customer_name="王𠀀喆银行")
    rendered = render_proposal(planted)
    assert rendered.missing == ("𠀀",)
    assert notdef_uses(rendered.pdf) >= 1  # the name is printed more than once: at least one box
