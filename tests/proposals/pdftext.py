"""Text read back from a PDF with poppler's pdftotext, for the proposal tests.

``-raw`` keeps content-stream order, so each table cell's text stays together (the default
and ``-layout`` modes drop the spaces of "第 1 页 / 共 N 页" and interleave wrapped cells).
"""

from __future__ import annotations

import re
import subprocess
from pathlib import Path


def pdf_text(path: Path, page: int | None = None) -> str:
    """The text of the PDF at ``path`` (one ``page``, 1-based, or all)."""
    args = ["pdftotext", "-enc", "UTF-8", "-raw"]
    if page is not None:
        args += ["-f", str(page), "-l", str(page)]
    return subprocess.run([*args, str(path), "-"], check=True, capture_output=True, text=True).stdout


def flat(text: str) -> str:
    """Extracted text without whitespace (wrapped cells break lines anywhere)."""
    return re.sub(r"\s+", "", text)
