"""Where the frozen bundle under test is: ``WORKBENCH_FROZEN_BUNDLE`` (the bundle's folder or
its executable; set by .ci/run, and then a missing bundle fails instead of skipping), else
``dist/workbench/`` as ``python packaging/build.py`` leaves it, unless it is older than the
package's sources (a stale bundle would test yesterday's code)."""

from __future__ import annotations

import os
import sys
from pathlib import Path

ENV = "WORKBENCH_FROZEN_BUNDLE"
ROOT = Path(__file__).resolve().parents[2]
EXE_NAME = "workbench.exe" if sys.platform == "win32" else "workbench"


def required() -> bool:
    """True when the bundle was asked for (CI): its tests must run, never skip."""
    return bool(os.environ.get(ENV))


def executable() -> Path | None:
    """The frozen program, or None when there is none to test (and none was asked for)."""
    given = os.environ.get(ENV)
    path = Path(given) if given else ROOT / "dist" / "workbench"
    if path.is_dir():
        path = path / EXE_NAME
    if given and path.is_file():
        return path
    if path.is_file() and path.stat().st_mtime >= newest_source():
        return path
    if given:
        raise FileNotFoundError(f"{ENV}={given}: no frozen program there (python packaging/build.py)")
    return None


def newest_source() -> float:
    """The modification time of the newest file of the package and its resources."""
    return max(p.stat().st_mtime for folder in (ROOT / "workbench", ROOT / "resources")
               for p in folder.rglob("*") if p.is_file() and "__pycache__" not in p.parts)
