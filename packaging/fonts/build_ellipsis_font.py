#!/usr/bin/env python3
"""Build ``resources/fonts/WorkbenchLatinEllipsis-Regular.ttf`` from the bundled CJK font.

Workbench Sans SC (Noto Sans CJK SC) draws the ellipsis U+2026 the Chinese way: full width,
three dots at mid height ("New visit···"). English text wants them on the baseline. This
tiny font has one character, U+2026, drawn as three of the CJK font's own full stops
(proportional Latin, on the baseline) with the CJK font's vertical metrics. The English UI
puts it first in the application font's families (``workbench.ui.fonts.set_latin_ellipsis``):
Qt takes U+2026 from it, including the "…" it adds itself when it elides a text, and every
other character from Workbench Sans SC. The Chinese UI leaves it out, so Chinese keeps its
centred …… .

A developer's tool, run by hand after the CJK font is rebuilt; the output is reproducible
(the same input font and fontTools give the same bytes). A modified version of an OFL font,
under the same licence (``LICENSE-WorkbenchSansSC.txt``).

    .venv/bin/python packaging/fonts/build_ellipsis_font.py
"""

from __future__ import annotations

import sys
from pathlib import Path

from fontTools import subset
from fontTools.ttLib import TTFont
from fontTools.ttLib.tables._g_l_y_f import Glyph, GlyphComponent

ROOT = Path(__file__).resolve().parents[2]
SOURCE = ROOT / "resources" / "fonts" / "WorkbenchSansSC-Regular.ttf"
OUT = ROOT / "resources" / "fonts" / "WorkbenchLatinEllipsis-Regular.ttf"
FAMILY = "Workbench Latin Ellipsis"
POSTSCRIPT = "WorkbenchLatinEllipsis-Regular"
ROUND_XY_TO_GRID = 0x0004


def build(source: Path = SOURCE, out: Path = OUT) -> None:
    font = TTFont(str(source), recalcTimestamp=False)  # reproducible: the source's dates
    options = subset.Options()
    options.name_IDs = ["*"]
    options.name_languages = ["*"]
    options.layout_features = []
    options.notdef_outline = True
    options.glyph_names = True
    subsetter = subset.Subsetter(options)
    subsetter.populate(unicodes=[0x2E, 0x2026])
    subsetter.subset(font)
    cmap = font.getBestCmap()
    period, ellipsis = cmap[0x2E], cmap[0x2026]
    advance, lsb = font["hmtx"][period]
    glyph = Glyph()
    glyph.numberOfContours = -1
    glyph.components = []
    for i in range(3):  # three full stops side by side
        component = GlyphComponent()
        component.glyphName = period
        component.x, component.y, component.flags = i * advance, 0, ROUND_XY_TO_GRID
        glyph.components.append(component)
    font["glyf"][ellipsis] = glyph
    font["hmtx"][ellipsis] = (3 * advance, lsb)
    for table in font["cmap"].tables:  # the full stop stays as a component only
        table.cmap.pop(0x2E, None)
    for record in font["name"].names:
        if record.nameID in (1, 4, 16):
            record.string = FAMILY
        elif record.nameID in (3, 6):
            record.string = POSTSCRIPT
    font.save(str(out))


if __name__ == "__main__":
    build(*(Path(a) for a in sys.argv[1:3]))
    print(OUT if len(sys.argv) < 3 else sys.argv[2], OUT.stat().st_size if len(sys.argv) < 3 else "")
