#!/usr/bin/env python3
"""Build the bundled CJK font ``resources/fonts/WorkbenchSansSC-Regular.ttf``.

A developer's tool, run by hand when the font is to be rebuilt; never at install or run time
(the program itself only uses PySide6 and the standard library).

What it does
    1. Reads the Simplified Chinese face ("Noto Sans CJK SC", OFL-1.1, by Adobe and Google)
       from the Noto Sans CJK collection shipped by Debian.
    2. Subsets it to the GBK repertoire (every character that ``bytes.decode("gbk")`` yields
       for a valid two-byte sequence: 21,791 characters, 20,923 of them Han, the rest
       symbols, kana, Greek, Cyrillic, box drawing), every CJK Unified Ideograph up to
       U+9FEF and Extension A up to U+4DB5 (``workbench.fontfile.han_codepoints``: the Han of
       GB 18030-2022 level 1 plus Ext-A, 27,558, so rare name characters such as 㬎 print),
       CJK radicals, strokes and bopomofo, ASCII, Latin-1, Latin Extended-A, general
       punctuation, currency, letterlike, number-form, arrow and maths signs, enclosed
       numbers, CJK symbols and punctuation (U+3000-303F) and half-/full-width forms
       (U+FF00-FFEF). Vertical-writing and other-locale (``locl``) glyph variants and the
       variation-sequence cmap are dropped, and so are hints.
    3. Converts the CFF (cubic, PostScript) outlines into TrueType (quadratic) ``glyf``
       outlines with cu2qu, because ReportLab embeds only TrueType-outline fonts.
    4. Renames the family to "Workbench Sans SC": a modified version under the OFL should
       not pose as the original, and a name of its own cannot collide with a system-wide
       Noto Sans CJK SC in Qt's font database.
    5. Writes ``LICENSE-WorkbenchSansSC.txt`` (the font's copyright notice plus the OFL 1.1
       text from the Debian package's copyright file) beside the font, and checks coverage.

Where the source comes from (Debian bookworm)
    apt-get install fonts-noto-cjk          # NotoSansCJK-{Regular,Bold}.ttc, 1:20220127
                                            # (Noto Sans CJK 2.004), OFL text in
                                            # /usr/share/doc/fonts-noto-cjk/copyright
    .venv/bin/pip install fonttools         # 4.x: subsetter, cu2qu (build only)

Usage
    .venv/bin/python packaging/fonts/build_font.py             # Regular (what is shipped)
    .venv/bin/python packaging/fonts/build_font.py --weight Bold --out-dir /tmp/fonts
                                                               # not shipped, see README

The output is reproducible: same source + same fontTools => same bytes (the head table's
timestamps are copied from the source, not taken from the clock).
"""

from __future__ import annotations

import argparse
import re
import sys
from pathlib import Path

from fontTools import subset
from fontTools.pens.cu2quPen import Cu2QuPen
from fontTools.pens.transformPen import TransformPen
from fontTools.pens.ttGlyphPen import TTGlyphPen
from fontTools.ttLib import TTCollection, TTFont, newTable
from fontTools.ttLib.tables._g_a_s_p import GASP_DOGRAY, GASP_SYMMETRIC_SMOOTHING

sys.path.insert(0, str(Path(__file__).resolve().parents[2]))  # run from a checkout
from workbench.fontfile import gbk_codepoints, han_codepoints  # noqa: E402

ROOT = Path(__file__).resolve().parents[2]
OUT_DIR = ROOT / "resources" / "fonts"
SOURCE_DIR = Path("/usr/share/fonts/opentype/noto")
SOURCE_COPYRIGHT = Path("/usr/share/doc/fonts-noto-cjk/copyright")
SOURCE_FAMILY = "Noto Sans CJK SC"

FAMILY = "Workbench Sans SC"
PS_FAMILY = "WorkbenchSansSC"

# cu2qu's tolerance in font units (1000 per em): 1.0 keeps every curve within 1/1000 em of
# the original (a tenth of a pixel at 100 px), and yields far fewer points than 0.5.
MAX_ERR = 1.0

# Layout features kept. Everything else goes, above all 'locl' (which would pull in the
# Japanese, Korean and Traditional glyph variants of every Han character) and the vertical
# features (vert, vrt2, vkrn, vpal, vhal): the UI and the PDFs set Chinese horizontally.
LAYOUT_FEATURES = ["ccmp", "liga", "calt", "kern", "mark", "mkmk"]

EXTRA_RANGES: list[tuple[int, int]] = [
    (0x0020, 0x007E),  # ASCII
    (0x00A0, 0x00FF),  # Latin-1 Supplement (¥ £ ¢ § © ® ° ± × ÷ ...)
    (0x0100, 0x017F),  # Latin Extended-A (pinyin ā ē ī ō ū, European names)
    (0x01CD, 0x01DC),  # pinyin third tone and ü forms (ǎ ǐ ǒ ǔ ǖ ǘ ǚ ǜ)
    (0x02C6, 0x02DD),  # spacing modifiers (ˆ ˇ ˉ ˊ ˋ ˙ ˜ ...)
    (0x2000, 0x206F),  # General Punctuation (— – ‘ ’ “ ” … ‰ ※ ...)
    (0x20A0, 0x20CF),  # Currency Symbols (€ ₩ ₹ ...)
    (0x2100, 0x214F),  # Letterlike Symbols (℃ № ™ ...)
    (0x2150, 0x218F),  # Number Forms (Ⅰ-Ⅻ ⅰ-ⅻ)
    (0x2190, 0x21FF),  # Arrows
    (0x2200, 0x22FF),  # Mathematical Operators
    (0x2460, 0x24FF),  # Enclosed Alphanumerics (① ⑴ ⒈ ...)
    (0x2500, 0x257F),  # Box Drawing
    (0x25A0, 0x25FF),  # Geometric Shapes (■ □ ▲ △ ● ○ ...)
    (0x2600, 0x2606),  # ☀ ☁ ☂ ☃ ☄ ★ ☆
    (0x2610, 0x2612),  # ☐ ☑ ☒ (check boxes on forms)
    (0x2713, 0x2717),  # ✓ ✔ ✕ ✖ ✗
    (0x2E80, 0x2EFF),  # CJK Radicals Supplement
    (0x2F00, 0x2FDF),  # Kangxi Radicals
    (0x2FF0, 0x2FFF),  # Ideographic Description Characters
    (0x3000, 0x303F),  # CJK Symbols and Punctuation
    (0x3100, 0x312F),  # Bopomofo
    (0x31A0, 0x31BF),  # Bopomofo Extended
    (0x31C0, 0x31EF),  # CJK Strokes
    (0x3200, 0x32FF),  # Enclosed CJK Letters and Months (㈠ ㈱ ㊣ ...)
    (0x3300, 0x33FF),  # CJK Compatibility (㎡ ㎏ ㎎ ...)
    (0xFE30, 0xFE4F),  # CJK Compatibility Forms
    (0xFF00, 0xFFEF),  # Halfwidth and Fullwidth Forms
    (0xFFFD, 0xFFFD),  # replacement character
]


def gbk_characters() -> set[int]:
    return set(gbk_codepoints())


def wanted_codepoints() -> set[int]:
    wanted = gbk_characters() | set(han_codepoints())
    for first, last in EXTRA_RANGES:
        wanted.update(range(first, last + 1))
    return wanted


def load_source(weight: str) -> TTFont:
    """The SC face of the Debian collection NotoSansCJK-<weight>.ttc."""
    path = SOURCE_DIR / f"NotoSansCJK-{weight}.ttc"
    if not path.exists():
        sys.exit(f"{path} is missing: apt-get install fonts-noto-cjk")
    collection = TTCollection(str(path), lazy=True)
    for number, face in enumerate(collection.fonts):
        if face["name"].getDebugName(1) == SOURCE_FAMILY:
            return TTFont(str(path), fontNumber=number, recalcTimestamp=False)
    sys.exit(f"no face named {SOURCE_FAMILY!r} in {path}")


def subset_font(font: TTFont, codepoints: set[int]) -> set[int]:
    """Cut the font down to ``codepoints`` (those it has); return the code points kept."""
    cmap = font["cmap"]
    # Variation sequences would drag in the Adobe-Japan1 / Hanyo-Denshi glyph variants.
    cmap.tables = [t for t in cmap.tables if t.format != 14]
    available = set(cmap.getBestCmap())
    kept = codepoints & available

    options = subset.Options()
    options.layout_features = LAYOUT_FEATURES
    options.hinting = False
    options.desubroutinize = True
    options.notdef_outline = True
    options.recalc_bounds = True
    options.name_IDs = ["*"]
    options.name_languages = [0x0409]  # English names only; they are replaced below anyway
    options.drop_tables += ["VORG", "vhea", "vmtx", "BASE"]
    options.prune_unicode_ranges = True
    subsetter = subset.Subsetter(options)
    subsetter.populate(unicodes=sorted(kept))
    subsetter.subset(font)
    return kept


def cff_to_glyf(font: TTFont, max_err: float) -> None:
    """Replace the CFF table by quadratic TrueType outlines (after fontTools' otf2ttf)."""
    glyph_order = font.getGlyphOrder()
    glyph_set = font.getGlyphSet()
    quadratic = {}
    for name in glyph_order:
        tt_pen = TTGlyphPen(glyph_set)
        # reverse_direction: PostScript contours run counter-clockwise, TrueType clockwise.
        glyph_set[name].draw(Cu2QuPen(tt_pen, max_err, reverse_direction=True))
        quadratic[name] = tt_pen.glyph()

    font["loca"] = newTable("loca")
    font["glyf"] = glyf = newTable("glyf")
    glyf.glyphOrder = glyph_order
    glyf.glyphs = quadratic
    del font["CFF "]
    glyf.compile(font)

    hmtx = font["hmtx"]
    for name, glyph in quadratic.items():
        width, _ = hmtx[name]
        hmtx[name] = (width, getattr(glyph, "xMin", 0))

    font["maxp"] = maxp = newTable("maxp")
    maxp.tableVersion = 0x00010000
    maxp.maxZones = 1
    for attr in (
        "maxTwilightPoints",
        "maxStorage",
        "maxFunctionDefs",
        "maxInstructionDefs",
        "maxStackElements",
        "maxSizeOfInstructions",
        "maxComponentElements",
    ):
        setattr(maxp, attr, 0)
    maxp.compile(font)  # recalculates the point and contour maxima from glyf

    post = font["post"]
    post.formatType = 3.0  # no glyph names: the CID names "cid12345" would cost ~200 kB
    post.extraNames = []
    post.mapping = {}

    # Unhinted TrueType: ask rasterisers for grey-scale, symmetric smoothing at all sizes.
    font["gasp"] = gasp = newTable("gasp")
    gasp.version = 1
    gasp.gaspRange = {0xFFFF: GASP_DOGRAY | GASP_SYMMETRIC_SMOOTHING}

    font["head"].glyphDataFormat = 0
    font.sfntVersion = "\x00\x01\x00\x00"


def add_approximately_equal(font: TTFont) -> None:
    """Draw U+2252 "≒" (GBK A850), the one GBK character Noto Sans CJK lacks.

    Full width like the font's ≈ and ≡: the two bars of ≡'s weight and length, the upper
    and lower bar of three, and two dots made from the font's own full stop, scaled to 80 %,
    above the left end and below the right end.
    """
    cmap = font.getBestCmap()
    if 0x2252 in cmap:
        return
    glyph_set = font.getGlyphSet()
    pen = TTGlyphPen(glyph_set)
    for bottom, top in ((440, 505), (245, 310)):  # ≡ has its bars 65 units thick
        pen.moveTo((863, top))
        pen.lineTo((863, bottom))
        pen.lineTo((137, bottom))
        pen.lineTo((137, top))
        pen.closePath()
    dot = glyph_set[cmap[ord(".")]]
    for cx, cy in ((220, 610), (780, 140)):  # the full stop's centre is (139, 56.5)
        dot.draw(TransformPen(pen, (0.8, 0, 0, 0.8, cx - 0.8 * 139, cy - 0.8 * 56.5)))
    glyph = pen.glyph()
    glyph.recalcBounds(font["glyf"])

    name = "uni2252"
    font["glyf"][name] = glyph  # also appends the name to the glyph order
    font.setGlyphOrder(font["glyf"].glyphOrder)
    font["hmtx"][name] = (1000, glyph.xMin)
    for table in font["cmap"].tables:
        if table.isUnicode():
            table.cmap[0x2252] = name


def drop_long_cmaps(font: TTFont) -> None:
    """A BMP-only font needs no format 12 subtable (which would cost ~12 bytes a char)."""
    cmap = font["cmap"]
    if max(cmap.getBestCmap()) <= 0xFFFF:
        cmap.tables = [t for t in cmap.tables if t.format == 4 and t.platformID in (0, 3)]


def rename(font: TTFont, weight: str, source_version: str) -> None:
    name = font["name"]
    keep = {0, 8, 9, 10, 11, 12, 13, 14}
    name.names = [r for r in name.names if r.nameID in keep]
    version = f"Version {source_version}"
    postscript = f"{PS_FAMILY}-{weight}"
    if weight in ("Regular", "Bold"):
        values = {1: FAMILY, 2: weight}
    else:  # other weights: RIBBI family plus typographic family / subfamily
        values = {1: f"{FAMILY} {weight}", 2: "Regular", 16: FAMILY, 17: weight}
    values.update(
        {
            3: f"{source_version};WORKBENCH;{postscript}",
            4: f"{FAMILY} {weight}" if weight != "Regular" else FAMILY,
            5: f"{version}; GBK + CJK Ext-A subset of {SOURCE_FAMILY} {source_version} with TrueType outlines",
            6: postscript,
        }
    )
    for name_id, value in values.items():
        name.setName(value, name_id, 3, 1, 0x409)


def write_license(font: TTFont, out: Path) -> None:
    text = SOURCE_COPYRIGHT.read_text(encoding="utf-8")
    match = re.search(r"^License: SIL-1\.1\n((?: .*\n)+)", text, re.MULTILINE)
    if match is None:
        sys.exit(f"no 'License: SIL-1.1' paragraph in {SOURCE_COPYRIGHT}")
    body = "\n".join(
        "" if line.strip() == "." else line[1:] for line in match.group(1).splitlines()
    )
    copyright_notice = font["name"].getDebugName(0)
    debian = re.search(r"^Files: \*\nCopyright: (.+)$", text, re.MULTILINE)
    debian_notice = debian.group(1).strip() if debian else "(none)"
    header = (
        f"{FAMILY} is a modified version (a subset, converted to TrueType outlines and\n"
        f"renamed) of {SOURCE_FAMILY}, part of Noto Sans CJK, an open-source font by\n"
        "Adobe and Google: https://github.com/notofonts/noto-cjk\n"
        "\n"
        f"Copyright notice in the original font: {copyright_notice}\n"
        f"Copyright as recorded by the Debian package: {debian_notice}\n"
        "\n"
        "This Font Software is licensed under the SIL Open Font License, Version 1.1.\n"
        "The licence text below is taken verbatim from the Debian package fonts-noto-cjk\n"
        f"({SOURCE_COPYRIGHT}). It is also available with a FAQ at\n"
        "https://openfontlicense.org\n"
        "\n"
    )
    out.write_text(header + body.rstrip() + "\n", encoding="utf-8")


def check(path: Path, wanted: set[int]) -> None:
    font = TTFont(str(path))
    cmap = set(font.getBestCmap())
    gbk = gbk_characters()
    han = set(han_codepoints())
    missing_gbk = sorted(gbk - cmap)
    missing_han = sorted(han - cmap)
    missing_extra = sorted(wanted - gbk - han - cmap)
    assert "glyf" in font and "CFF " not in font, "not TrueType outlines"
    assert font["OS/2"].fsType & 0x000E == 0, "embedding restricted"
    print(
        f"{path.name}: {path.stat().st_size / 1e6:.2f} MB, {font['maxp'].numGlyphs} glyphs, "
        f"{len(cmap)} characters mapped"
    )
    print(f"  GBK characters: {len(gbk) - len(missing_gbk)}/{len(gbk)} covered")
    if missing_gbk:
        print("  MISSING from GBK:", " ".join(f"U+{c:04X}" for c in missing_gbk))
    print(f"  Han U+4E00-9FEF, U+3400-4DB5: {len(han) - len(missing_han)}/{len(han)} covered")
    if missing_han:
        print("  MISSING Han:", " ".join(f"U+{c:04X}" for c in missing_han))
    print(f"  other wanted code points not in the source font (left out): {len(missing_extra)}")
    if missing_gbk or missing_han:
        sys.exit(1)


def build(weight: str, max_err: float, out_dir: Path = OUT_DIR) -> Path:
    out_dir.mkdir(parents=True, exist_ok=True)
    font = load_source(weight)
    source_version = f"{font['head'].fontRevision:.3f}"
    wanted = wanted_codepoints()
    subset_font(font, wanted)
    cff_to_glyf(font, max_err)
    add_approximately_equal(font)
    drop_long_cmaps(font)
    rename(font, weight, source_version)
    out = out_dir / f"{PS_FAMILY}-{weight}.ttf"
    font.save(str(out), reorderTables=True)
    write_license(font, out_dir / f"LICENSE-{PS_FAMILY}.txt")
    check(out, wanted)
    return out


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument(
        "--weight",
        default="Regular",
        choices=["Thin", "Light", "DemiLight", "Regular", "Medium", "Bold", "Black"],
    )
    parser.add_argument(
        "--max-err",
        type=float,
        default=MAX_ERR,
        help="cu2qu tolerance in font units (default %(default)s)",
    )
    parser.add_argument(
        "--out-dir",
        type=Path,
        default=OUT_DIR,
        help="where the font and its licence go (default resources/fonts)",
    )
    args = parser.parse_args(argv)
    build(args.weight, args.max_err, args.out_dir)


if __name__ == "__main__":
    main()
