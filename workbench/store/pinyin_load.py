"""Loading pypinyin without holding the GIL for a third of a second.

pypinyin parses its 2.5 MB phrase dictionary (``phrases_dict.json``) with one ``json.loads``
when it is first imported: one C call that holds the GIL (measured: 0.25-0.45 s here), so a
GUI thread waiting for the GIL meanwhile freezes. The first pinyin a program computes is in
a bulk write more often than not (an import's commit, a sync's search index), on a worker
beside the window. :func:`load` parses the same file in slices of about 50 KB (a few ms of
C each, the GIL free between them), hands the result to pypinyin as its already-loaded
``pypinyin.phrases_dict`` module and imports pypinyin, which then trains its segmenter in
Python (the GIL switching as usual). Any surprise (no file, another layout) falls back to a
plain import: slower to share the GIL, never wrong.
"""

from __future__ import annotations

import importlib.util
import json
import re
import sys
import threading
import types
from pathlib import Path
from typing import Any

from workbench.store.base import collector_paused

WINDOW = 50_000  # characters of JSON per json.loads
_NEXT_KEY = re.compile(r',\n(?="[^"\n]*": \[)')  # the file's layout: a top-level key opens a line
_lock = threading.Lock()


def phrases_path() -> Path | None:
    spec = importlib.util.find_spec("pypinyin")
    for folder in (spec.submodule_search_locations or []) if spec is not None else []:
        path = Path(folder) / "phrases_dict.json"
        if path.is_file():
            return path
    return None


def read_phrases(path: Path, window: int = WINDOW) -> dict[str, Any]:
    """The phrase dictionary, parsed ``window`` characters at a time (ValueError when the
    file is not laid out as expected)."""
    text = path.read_text(encoding="utf-8")
    body = text[text.index("{") + 1 : text.rindex("}")]
    out: dict[str, Any] = {}
    start = 0
    while start < len(body):
        cut = _NEXT_KEY.search(body, start + window)
        end = cut.start() if cut else len(body)
        part = json.loads("{" + body[start:end] + "}")
        if not isinstance(part, dict):
            raise ValueError("not a phrase dictionary")
        out.update(part)
        start = cut.end() if cut else len(body)
    return out


def load() -> None:
    """Import pypinyin, its phrase dictionary read in slices (a no-op once imported)."""
    if "pypinyin" in sys.modules:
        return
    with _lock, collector_paused():  # its 47,000 phrases would set off full collections
        if "pypinyin" in sys.modules:
            return
        try:
            path = phrases_path()
            phrases = read_phrases(path) if path is not None else None
        except (OSError, ValueError):
            phrases = None
        if phrases is not None and "pypinyin" not in sys.modules:
            module = types.ModuleType("pypinyin.phrases_dict")
            module.phrases_dict = phrases  # type: ignore[attr-defined]
            sys.modules.setdefault("pypinyin.phrases_dict", module)
        import pypinyin  # noqa: F401  # trains its segmenter over the phrases, in Python
