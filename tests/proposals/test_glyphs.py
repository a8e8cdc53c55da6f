"""No missing-glyph boxes: a character the font lacks is drawn with glyph 0, the font's
.notdef (a box). Every text-showing operator of every page is decoded here, each code looked
up in the cmap of the embedded font subset it is shown with, and must not reach glyph 0; a
planted missing character proves that it would."""

from __future__ import annotations

import dataclasses
import io
from typing import cast

from fontTools.ttLib import TTFont
from pypdf import PdfReader
from pypdf.generic import ContentStream, DictionaryObject, StreamObject

from workbench.proposals.render import render_proposal
from workbench.proposals.sample import sample_content


def _code_to_glyph(font: DictionaryObject) -> dict[int, int]:
    """Code -> glyph id in the font subset ReportLab embedded (its cmap, platform 1, enc 0)."""
    descriptor = cast(DictionaryObject, font["/FontDescriptor"].get_object())
    data = cast(StreamObject, descriptor["/FontFile2"].get_object()).get_data()
    subset = TTFont(io.BytesIO(data))
    table = subset["cmap"].getcmap(1, 0)
    assert table is not None
    return {code: subset.getGlyphID(name) for code, name in table.cmap.items()}


def notdef_uses(pdf: bytes) -> int:
    """How many glyphs the PDF's text operators draw with glyph 0 (.notdef)."""
    reader = PdfReader(io.BytesIO(pdf))
    count = 0
    for page in reader.pages:
        resources = cast(DictionaryObject, page["/Resources"].get_object())
        fonts = cast(DictionaryObject, resources["/Font"].get_object())
        maps = {
            name: _code_to_glyph(cast(DictionaryObject, ref.get_object()))
            for name, ref in fonts.items()
        }
        current: dict[int, int] = {}
        content = ContentStream(page.get_contents(), reader)
        for operands, operator in content.operations:
            if operator == b"Tf":
                current = maps[operands[0]]
                continue
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
                count += sum(1 for code in raw if current.get(code, 0) == 0)
    return count


def test_the_sample_draws_no_notdef_glyph() -> None:
    rendered = render_proposal(sample_content(60))
    assert rendered.missing == ()
    assert notdef_uses(rendered.pdf) == 0


def test_an_extension_a_name_draws_no_notdef_glyph() -> None:
    planted = dataclasses.replace(sample_content(2), customer_name="龚㬎䶵银行")
    rendered = render_proposal(planted)
    assert rendered.missing == ()
    assert notdef_uses(rendered.pdf) == 0


def test_a_missing_character_would_be_caught_and_reported() -> None:
    planted = dataclasses.replace(sample_content(2), customer_name="王𠀀喆银行")
    rendered = render_proposal(planted)
    assert rendered.missing == ("𠀀",)
    assert notdef_uses(rendered.pdf) >= 1  # the name is printed more than once: at least one box
