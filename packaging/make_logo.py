"""Draw the placeholder operator logo resources/branding/logo.png (fictitious, replaceable).

A rounded square in the brand's primary colour with three white signal arcs and an accent
dot. Run: ``.venv/bin/python packaging/make_logo.py``. Deterministic output (no metadata).
"""

from __future__ import annotations

import json
from pathlib import Path

from PIL import Image, ImageDraw

ROOT = Path(__file__).resolve().parent.parent
BRANDING = ROOT / "resources" / "branding"
SIZE = 160  # pixels of the final image; drawn 4x larger and reduced for smooth edges
SCALE = 4


def _rgb(hex_colour: str) -> tuple[int, int, int]:
    value = hex_colour.lstrip("#")
    return int(value[0:2], 16), int(value[2:4], 16), int(value[4:6], 16)


def main() -> None:
    data = json.loads((BRANDING / "branding.json").read_text(encoding="utf-8"))
    primary, accent = _rgb(data["primary"]), _rgb(data["accent"])
    big = SIZE * SCALE
    image = Image.new("RGBA", (big, big), (255, 255, 255, 0))
    draw = ImageDraw.Draw(image)
    draw.rounded_rectangle((0, 0, big - 1, big - 1), radius=big // 5, fill=(*primary, 255))
    cx, cy = int(big * 0.30), int(big * 0.70)  # the arcs' centre, lower left
    width = int(big * 0.075)
    for radius in (0.22, 0.38, 0.54):
        r = int(big * radius)
        draw.arc((cx - r, cy - r, cx + r, cy + r), start=270, end=360, fill=(255, 255, 255, 255), width=width)
    dot = int(big * 0.085)
    draw.ellipse((cx - dot, cy - dot, cx + dot, cy + dot), fill=(*accent, 255))
    small = image.resize((SIZE, SIZE), Image.Resampling.LANCZOS)
    small.save(BRANDING / "logo.png", optimize=True)


if __name__ == "__main__":
    main()
