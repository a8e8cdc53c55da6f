"""Rare characters in a client's name: Extension A prints with the bundled font; a character
still missing (Extension B, emoji) is reported before printing, drawn as a box, and never
dropped from the text layer: pdftotext (poppler) and PDFium (pypdfium2) read the full name
back, so a copy or a search of the PDF keeps it. The PDF is also rasterised with pdftoppm:
the box is drawn where the missing character stands."""

from __future__ import annotations

import dataclasses
import subprocess
from pathlib import Path

import pypdfium2 as pdfium
import pytest

from tests.proposals.pdftext import flat, pdf_text
from workbench.proposals.pdf_fonts import missing_chars
from workbench.proposals.render import render_proposal
from workbench.proposals.sample import sample_content


def pdfium_text(pdf: bytes) -> str:
    document = pdfium.PdfDocument(pdf)
    try:
        return "".join(page.get_textpage().get_text_bounded() for page in document)
    finally:
        document.close()


def render_named(name: str, tmp_path: Path) -> tuple[Path, tuple[str, ...]]:
    rendered = render_proposal(dataclasses.replace(sample_content(1), customer_name=name))
    path = tmp_path / "proposal.pdf"
    path.write_bytes(rendered.pdf)
    return path, rendered.missing


@pytest.mark.parametrize(
    ("name", "missing"),
    [
        ("龚㬎银行", ()),  # 㬎 U+3B0E: Extension A, in the font
        ("李䶵堃科技", ()),  # 䶵 U+4DB5: the last of Extension A
        ("龚㬎𠀀银行", ("𠀀",)),  # 𠀀 U+20000: Extension B, not in the font
        ("王𪚥𠀀喆", ("𠀀", "𪚥")),  # two Extension B characters side by side
        ("龚😀집", ("집", "😀")),  # a BMP character (Hangul) and an emoji the font lacks
    ],
)
def test_the_full_name_is_in_the_text_layer(
    name: str, missing: tuple[str, ...], tmp_path: Path
) -> None:
    path, reported = render_named(name, tmp_path)
    assert reported == missing  # reported before printing, as before
    assert missing_chars([name]) == missing
    assert name in flat(pdf_text(path, page=1))  # poppler
    assert name in pdfium_text(path.read_bytes()).replace("\r", "").replace("\n", "")  # PDFium


def test_before_the_fix_a_missing_character_was_dropped(tmp_path: Path) -> None:
    """The defect this guards: the name came back as 龚㬎 without 𠀀 (code 0 -> U+0000)."""
    path, _ = render_named("龚㬎𠀀银行", tmp_path)
    text = flat(pdf_text(path, page=1))
    assert "龚㬎银行" not in text
    assert "\x00" not in text


def name_line(pdf: Path, name: str, out: Path) -> bytes:
    """The customer name's line on page 1, rasterised by pdftoppm at 100 dpi in grey (PGM):
    from the name's first character, 120 pt wide; its place found by PDFium's text search."""
    document = pdfium.PdfDocument(pdf.read_bytes())
    try:
        page = document[0]
        textpage = page.get_textpage()
        found = textpage.search(name[0]).get_next()
        assert found is not None
        left, bottom, _, top = textpage.get_charbox(found[0])
        height = page.get_size()[1]
    finally:
        document.close()
    scale = 100 / 72
    box = [int(left * scale) - 2, int((height - top) * scale) - 3, int(120 * scale),
           int((top - bottom) * scale) + 6]
    subprocess.run(
        ["pdftoppm", "-f", "1", "-l", "1", "-r", "100", "-gray", "-singlefile",
         "-x", str(box[0]), "-y", str(box[1]), "-W", str(box[2]), "-H", str(box[3]),
         str(pdf), str(out)],
        check=True, capture_output=True,
    )
    return out.with_suffix(".pgm").read_bytes()


def ink_columns(pgm: bytes) -> int:
    """How many pixel columns of a binary PGM (P5, 8 bit) hold a dark pixel."""
    header, _, pixels = pgm.partition(b"\n255\n")
    width, height = (int(v) for v in header.split()[1:3])
    return sum(
        1 for x in range(width) if any(pixels[y * width + x] < 128 for y in range(height))
    )


def test_the_missing_character_is_drawn_as_a_box_not_nothing(tmp_path: Path) -> None:
    """Rasterised with pdftoppm: the name with 𠀀 takes about one full-width character (the
    .notdef box) more ink than the name without it."""
    widths = []
    for number, name in enumerate(("龚㬎银行", "龚㬎𠀀银行")):
        path, _ = render_named(name, tmp_path)
        widths.append(ink_columns(name_line(path, name, tmp_path / f"line{number}")))
    assert widths[0] > 30  # the four characters were found and drawn
    assert widths[1] > widths[0] + 5
