"""Smoke test of the frozen program (the PyInstaller bundle, packaging/build.py).

Skipped unless a bundle is there (``dist/workbench/``) or ``WORKBENCH_FROZEN_BUNDLE`` names
one (.ci/run builds it and sets it: then nothing here may skip). The frozen program, with no
Python of ours on the path, migrates a fresh store, builds a small demo, searches it, prints
a proposal with the font embedded (pdffonts), and starts its window offscreen: once up to the
first customer rows and quitting by itself, once left up and stopped with SIGTERM; the error
log stays empty both times.
"""

from __future__ import annotations

import json
import os
import shutil
import signal
import sqlite3
import subprocess
import sys
import time
import tomllib
from pathlib import Path

import pytest
from frozen_bundle import ROOT, executable, required

pytestmark = pytest.mark.frozen

EXE = executable()
if EXE is None:
    pytest.skip("no frozen bundle, or dist/workbench is older than the sources "
                "(python packaging/build.py, or set WORKBENCH_FROZEN_BUNDLE)",
                allow_module_level=True)
assert EXE is not None
TIMEOUT = 300  # a hung program (a modal error dialog offscreen) fails instead of blocking


def _env(home: Path, **extra: str) -> dict[str, str]:
    """A clean environment: nothing on PATH (no Python of any kind), no PYTHONPATH, no venv,
    offscreen Qt, its own home."""
    keep = {k: v for k, v in os.environ.items() if k in ("LANG", "LC_ALL", "TMPDIR", "HOME")}
    return {**keep, "PATH": str(home / "no-such-dir"), "QT_QPA_PLATFORM": "offscreen",
            "WORKBENCH_HOME": str(home), "WORKBENCH_NO_KEYRING": "1", **extra}


def _run(home: Path, *args: str) -> subprocess.CompletedProcess[str]:
    out = subprocess.run([str(EXE), *args], env=_env(home), capture_output=True, text=True,
                         timeout=TIMEOUT)
    assert out.returncode == 0, f"{args}: exit {out.returncode}\n{out.stdout}\n{out.stderr}"
    return out


def _log_problems(home: Path) -> str:
    """ERROR / CRITICAL lines and tracebacks in the program's log files ("" when none)."""
    logs = sorted((home / "logs").glob("workbench.log*"))
    text = "".join(p.read_text("utf-8", "replace") for p in logs)
    bad = [line for line in text.splitlines()
           if " ERROR " in line or " CRITICAL " in line or line.startswith("Traceback")]
    return "\n".join(bad) and text


@pytest.fixture(scope="module")
def home(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return tmp_path_factory.mktemp("frozen-home")


@pytest.fixture(scope="module")
def store(home: Path) -> Path:
    """A fresh store made and migrated by the frozen program, with 50 demo customers."""
    path = home / "demo.sqlite"
    out = _run(home, "demo", "--db", str(path), "--customers", "50", "--quiet")
    assert json.loads(out.stdout)["customers"] == 50
    return path


def test_version_is_the_projects() -> None:
    wanted = tomllib.loads((ROOT / "pyproject.toml").read_text("utf-8"))["project"]["version"]
    out = subprocess.run([str(EXE), "--version"], env=_env(ROOT), capture_output=True, text=True,
                         timeout=TIMEOUT)
    assert out.stdout.strip() == f"workbench {wanted}"


def test_the_bundles_migrations_bring_a_fresh_store_to_head(home: Path, store: Path) -> None:
    from workbench.store.migrations.runner import script_head

    with sqlite3.connect(store) as con:
        (revision,) = con.execute("SELECT version_num FROM alembic_version").fetchone()
        customers = con.execute("SELECT count(*) FROM customers").fetchone()[0]
    assert revision == script_head()  # every version file travelled with the bundle
    assert customers == 50
    _run(home, "migrate", "--db", str(store))
    assert json.loads(_run(home, "check", "--db", str(store)).stdout)["ok"] is True


def test_search_finds_a_customer_by_name_and_by_initials(home: Path, store: Path) -> None:
    with sqlite3.connect(store) as con:
        name, short = con.execute("SELECT name, short_name FROM customers ORDER BY name LIMIT 1").fetchone()
    rows = json.loads(_run(home, "search", "--db", str(store), name).stdout)["rows"]
    assert name in [r["name"] for r in rows]
    from pypinyin import Style, lazy_pinyin  # the initials, as a manager would type them

    initials = "".join(lazy_pinyin(short, style=Style.FIRST_LETTER))
    rows = json.loads(_run(home, "search", "--db", str(store), initials, "--limit", "200").stdout)["rows"]
    assert name in [r["name"] for r in rows]


def test_proposal_is_printed_with_the_font_embedded(home: Path, store: Path) -> None:
    if shutil.which("pdffonts") is None:
        if required():
            pytest.fail("pdffonts (poppler-utils) is needed by the frozen smoke test")
        pytest.skip("pdffonts (poppler-utils) is not installed")
    pdf = home / "proposal.pdf"
    out = json.loads(_run(home, "proposal", "--db", str(store), "--demo", "-o", str(pdf)).stdout)
    assert out["pages"] >= 1 and out["missing"] == ""
    fonts = subprocess.run(["pdffonts", str(pdf)], capture_output=True, text=True, check=True).stdout
    rows = [line.split() for line in fonts.splitlines()[2:] if line.strip()]
    assert rows, fonts
    assert all("WorkbenchSansSC" in r[0] for r in rows), fonts  # no other font, none substituted
    assert all(r[-5] == "yes" for r in rows), fonts  # the "emb" column


def test_window_shows_the_first_customers_and_quits_cleanly(tmp_path: Path, store: Path) -> None:
    home = tmp_path / "gui"
    out = subprocess.run([str(EXE), "--db", str(store)], capture_output=True, text=True, timeout=TIMEOUT,
                         env=_env(home, WORKBENCH_FIRST_PAINT_EXIT="rows"))
    assert out.returncode == 0, out.stderr
    assert any(line.startswith("rows ") for line in out.stdout.splitlines()), out.stdout
    assert _log_problems(home) == ""
    assert "Traceback" not in out.stderr, out.stderr


@pytest.mark.skipif(sys.platform == "win32", reason="SIGTERM")
def test_window_stays_up_with_nothing_in_the_error_log(tmp_path: Path, store: Path) -> None:
    home = tmp_path / "gui-up"
    proc = subprocess.Popen([str(EXE), "--db", str(store)], env=_env(home),
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    try:
        log = home / "logs" / "workbench.log"
        deadline = time.monotonic() + 120
        # The log file is opened once the window has painted, just before the store opens.
        while not log.exists() and proc.poll() is None and time.monotonic() < deadline:
            time.sleep(0.2)
        time.sleep(5)  # let the store open, the screens load and the first search run
        assert proc.poll() is None, f"exited {proc.returncode}: {proc.communicate()}"
        assert log.exists()
    finally:
        if proc.poll() is None:
            proc.send_signal(signal.SIGTERM)
        _, err = proc.communicate(timeout=TIMEOUT)
    assert proc.returncode == -signal.SIGTERM
    assert _log_problems(home) == ""
    assert "Traceback" not in err, err
