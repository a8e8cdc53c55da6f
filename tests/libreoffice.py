"""LibreOffice headless for the tests that open our .xlsx files as a user's spreadsheet would.

``soffice`` (the fixture) is the binary; without it the test is skipped, unless
WORKBENCH_REQUIRE_LIBREOFFICE=1 (``.ci/run`` sets it, and installs Debian's
``libreoffice-calc-nogui``): then it fails, so these tests never go silently unrun.
``convert(soffice, path, out_dir, profile)`` converts every sheet of ``path`` to CSV (UTF-8,
one file per sheet, named ``<stem>-<sheet>.csv``) and returns {sheet name: rows}.
"""

from __future__ import annotations

import csv
import os
import shutil
import subprocess
from pathlib import Path

import pytest

REQUIRE = "WORKBENCH_REQUIRE_LIBREOFFICE"
# Text CSV filter options: comma, double quotes, UTF-8 (76), from line 1, default cell formats,
# language 0, quoted fields not as text, special numbers detected, cells saved "as shown" (or
# their raw values), no formulas, spaces kept, every sheet (-1) to its own file.
_CSV = "csv:Text - txt - csv (StarCalc):44,34,76,1,,0,false,true,{shown},false,false,-1"


def find_soffice() -> str | None:
    return shutil.which("soffice") or shutil.which("libreoffice")


@pytest.fixture
def soffice() -> str:
    found = find_soffice()
    if found is None:
        if os.environ.get(REQUIRE) == "1":
            pytest.fail(f"{REQUIRE}=1 but LibreOffice (soffice) is not installed", pytrace=False)
        pytest.skip("LibreOffice (soffice) is not installed")
    return found


def run(soffice: str, path: Path, target: str, out_dir: Path, profile: Path) -> None:
    """``soffice --headless --convert-to target`` with a private profile (parallel runs never
    share one); raises with LibreOffice's own words when it writes nothing."""
    out_dir.mkdir(parents=True, exist_ok=True)
    done = subprocess.run(
        [soffice, "--headless", "--norestore", f"-env:UserInstallation={profile.resolve().as_uri()}",
         "--convert-to", target, "--outdir", str(out_dir), str(path)],
        capture_output=True, text=True, timeout=240, check=False)
    if not any(out_dir.iterdir()):
        raise AssertionError(f"LibreOffice wrote nothing (exit {done.returncode}): {done.stdout} {done.stderr}")


def convert(soffice: str, path: Path, out_dir: Path, profile: Path, *, as_shown: bool = True
            ) -> dict[str, list[list[str]]]:
    run(soffice, path, _CSV.format(shown="true" if as_shown else "false"), out_dir, profile)
    sheets: dict[str, list[list[str]]] = {}
    for f in sorted(out_dir.glob(f"{path.stem}-*.csv")):
        with f.open(encoding="utf-8", newline="") as fh:
            sheets[f.stem.removeprefix(f"{path.stem}-")] = list(csv.reader(fh))
    return sheets
