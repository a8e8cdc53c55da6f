"""The installed .deb on a machine without Python, on an encrypted store backed up that day
(issue 15: "A Linux user installs the .deb and runs the program with no Python on the machine,
on an encrypted store, with a backup made that day").

Skipped unless a .deb is there (``dist/workbench_*.deb``, newer than the sources) or
``WORKBENCH_DEB`` names one (.ci/run sets it: then nothing here may skip, and a machine where
the root cannot be made fails). Needs root: no_python_root.sh makes, in a private mount
namespace, a copy-on-write root of this machine's /usr, /etc and /var with every Python
interpreter and library deleted, installs the .deb there with ``dpkg -i``, and runs
deb_steps.sh in it as ``nobody``: a new encrypted store (a passphrase, no keyring), a plain one
encrypted on request, a backup, searches, a proposal, and the window offscreen. The machine
itself is not touched (the root's writes go to a tmpfs that vanishes with the namespace).
"""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
import tomllib
from datetime import date
from pathlib import Path

import pytest
from frozen_bundle import ROOT, newest_source

ENV = "WORKBENCH_DEB"
HERE = Path(__file__).resolve().parent
PASSPHRASE = "正确 horse battery staple"
TIMEOUT = 600

pytestmark = pytest.mark.frozen


def _deb() -> Path | None:
    given = os.environ.get(ENV)
    if given:
        if not Path(given).is_file():
            raise FileNotFoundError(f"{ENV}={given}: no .deb there (python packaging/build.py)")
        return Path(given)
    debs = sorted((ROOT / "dist").glob("workbench_*.deb"), key=lambda p: p.stat().st_mtime)
    return debs[-1] if debs and debs[-1].stat().st_mtime >= newest_source() else None


def _cannot() -> str:
    """Why the root cannot be made here ("" when it can)."""
    if not sys.platform.startswith("linux") or os.geteuid() != 0:
        return "needs root on Linux (mount namespaces, overlays, dpkg -i)"
    missing = [t for t in ("unshare", "chroot", "setpriv", "dpkg", "dpkg-deb", "pdffonts") if not shutil.which(t)]
    return f"missing {', '.join(missing)}" if missing else ""


DEB = _deb()
if DEB is None:
    pytest.skip("no .deb, or it is older than the sources (python packaging/build.py, or set WORKBENCH_DEB)",
                allow_module_level=True)
if why := _cannot():
    if os.environ.get(ENV):
        raise RuntimeError(f"{ENV} is set but the no-Python root cannot be made: {why}")
    pytest.skip(why, allow_module_level=True)
assert DEB is not None


def _reference_customer(tmp: Path) -> tuple[str, str]:
    """The name and short name of a demo customer, from the same demo made unfrozen here
    (same seed, same data): the frozen program is then asked to find it."""
    import sqlite3

    store = tmp / "reference.sqlite"
    env = {**os.environ, "WORKBENCH_HOME": str(tmp / "reference-home"), "WORKBENCH_ENCRYPT": "0",
           "WORKBENCH_NO_KEYRING": "1"}
    subprocess.run([sys.executable, "-m", "workbench", "demo", "--db", str(store), "--customers", "50", "--quiet"],
                   env=env, check=True, capture_output=True, timeout=TIMEOUT)
    with sqlite3.connect(store) as con:
        name, short = con.execute("SELECT name, short_name FROM customers ORDER BY name LIMIT 1").fetchone()
    return str(name), str(short)


@pytest.fixture(scope="module")
def ran(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, str]:
    """Runs the whole scenario once; returns the shared folder (its out/ and home/) and the
    customer's name."""
    from pypinyin import Style, lazy_pinyin

    tmp = tmp_path_factory.mktemp("deb")
    name, short = _reference_customer(tmp)
    shared = tmp / "shared"
    (shared / "in").mkdir(parents=True)
    (shared / "in" / "passphrase").write_text(PASSPHRASE, "utf-8")
    (shared / "in" / "query-name").write_text(name, "utf-8")
    initials = "".join(lazy_pinyin(short, style=Style.FIRST_LETTER))
    (shared / "in" / "query-initials").write_text(initials, "utf-8")
    out = subprocess.run(["sh", str(HERE / "no_python_root.sh"), str(DEB), str(tmp / "root"), str(shared),
                          str(HERE / "deb_steps.sh")], capture_output=True, text=True, timeout=TIMEOUT)
    dpkg = shared / "out" / "root.dpkg.out"
    assert out.returncode == 0, (f"exit {out.returncode}\n{out.stdout}\n{out.stderr}\n"
                                 + (dpkg.read_text("utf-8", "replace") if dpkg.exists() else ""))
    return shared, name


def _step(shared: Path, name: str) -> str:
    """What step NAME printed; it must have exited 0."""
    out = shared / "out"
    rc = (out / f"{name}.rc").read_text().strip()
    assert rc == "0", f"{name}: exit {rc}\n{(out / f'{name}.err').read_text('utf-8', 'replace')}"
    return (out / f"{name}.out").read_text("utf-8")


def _host(shared: Path, inside: str) -> Path:
    return shared / Path(inside).relative_to("/shared")


def _encrypted(path: Path, *secrets: str) -> None:
    data = path.read_bytes()
    assert not data.startswith(b"SQLite format 3\0"), f"{path} is a plain SQLite file"
    for s in secrets:
        assert s.encode("utf-8") not in data, f"{path} holds {s!r} in plaintext"


def test_dpkg_installed_it(ran: tuple[Path, str]) -> None:
    shared, _ = ran
    wanted = tomllib.loads((ROOT / "pyproject.toml").read_text("utf-8"))["project"]["version"]
    assert (shared / "out" / "root.dpkg.status").read_text().split() == ["install", "ok", "installed", wanted]
    assert _step(shared, "which-workbench").split() == ["/usr/bin/workbench", "/opt/workbench/workbench"]
    assert _step(shared, "version").strip() == f"workbench {wanted}"


def test_no_python_is_on_the_machine(ran: tuple[Path, str]) -> None:
    out = ran[0] / "out"
    assert (out / "root.which").read_text() == ""  # no python, python3, python3.X on PATH
    assert (out / "root.python3.rc").read_text().strip() == "127"  # "python3: not found"
    assert (out / "which-python3.rc").read_text().strip() != "0"  # nor for the user
    assert (out / "python3.rc").read_text().strip() == "127"
    assert (out / "root.left").read_text() == ""  # nothing named python*/libpython*/site-packages
    brought = (out / "root.left-after").read_text().split()
    assert brought and all(p.startswith("/opt/workbench/") for p in brought), brought
    mapped = (out / "window-up.maps").read_text().split()
    assert "/opt/workbench/_internal/libpython3.11.so.1.0" in mapped or any(
        p.startswith("/opt/workbench/_internal/libpython3") for p in mapped), mapped
    assert all(p.startswith("/opt/workbench/") for p in mapped if "python" in p), mapped


def test_the_stores_are_encrypted(ran: tuple[Path, str]) -> None:
    import sqlite3

    shared, name = ran
    assert json.loads(_step(shared, "demo"))["customers"] == 50
    assert json.loads(_step(shared, "check"))["ok"] is True
    _encrypted(shared / "home" / "store.sqlite", name)
    done = json.loads(_step(shared, "encrypt"))  # a plain store, encrypted on request
    assert done["key"] == "passphrase"
    assert json.loads(_step(shared, "encrypted-check"))["ok"] is True
    with sqlite3.connect(_host(shared, done["plain_copy"])) as con:  # the plain copy: the control
        names = [r[0] for r in con.execute("SELECT name FROM customers")]
    assert len(names) == 3
    assert names[0].encode("utf-8") in _host(shared, done["plain_copy"]).read_bytes()
    _encrypted(shared / "home" / "plain.sqlite", *names)


def test_a_backup_dated_today(ran: tuple[Path, str]) -> None:
    shared, name = ran
    backup = json.loads(_step(shared, "backup"))["backup"]
    today = (shared / "out" / "today").read_text().strip()
    assert today == date.today().isoformat()
    assert backup["taken_at"].startswith(today) and backup["customers"] == 50
    path = _host(shared, backup["path"])
    assert path.parent == shared / "home" / "data" / "backups" and today.replace("-", "") in path.name
    _encrypted(path, name)  # the backup of an encrypted store is encrypted too
    listed = json.loads(_step(shared, "backup-list"))["backups"]
    assert [b["path"] for b in listed] == [backup["path"]]  # and it opens: its customers counted
    assert listed[0]["customers"] == 50


def test_search_finds_the_customer_by_name_and_initials(ran: tuple[Path, str]) -> None:
    shared, name = ran
    assert name in [r["name"] for r in json.loads(_step(shared, "search-name"))["rows"]]
    assert name in [r["name"] for r in json.loads(_step(shared, "search-initials"))["rows"]]


def test_proposal_is_printed_with_the_font_embedded(ran: tuple[Path, str]) -> None:
    shared, _ = ran
    printed = json.loads(_step(shared, "proposal"))
    assert printed["pages"] >= 1 and printed["missing"] == ""
    fonts = subprocess.run(["pdffonts", str(shared / "home" / "proposal.pdf")], capture_output=True,
                           text=True, check=True).stdout
    rows = [line.split() for line in fonts.splitlines()[2:] if line.strip()]
    assert rows and all("WorkbenchSansSC" in r[0] and r[-5] == "yes" for r in rows), fonts


def _log_problems(folder: Path) -> list[str]:
    text = "".join(p.read_text("utf-8", "replace") for p in sorted(folder.glob("workbench.log*")))
    return [line for line in text.splitlines()
            if " ERROR " in line or " CRITICAL " in line or line.startswith("Traceback")]


def test_window_shows_the_encrypted_stores_rows_and_stays_up(ran: tuple[Path, str]) -> None:
    out = ran[0] / "out"
    assert any(line.startswith("rows ") for line in _step(ran[0], "window-rows").splitlines())
    assert (out / "window-rows.logs" / "workbench.log").exists()
    assert _log_problems(out / "window-rows.logs") == []
    assert (out / "window-up.alive").read_text().strip() == "up"  # 5 s after its log opened
    assert (out / "window-up.rc").read_text().strip() == "143"  # stopped by SIGTERM, not before
    assert (out / "window-up.logs" / "workbench.log").exists()
    assert _log_problems(out / "window-up.logs") == []
    for run in ("window-rows", "window-up"):
        assert "Traceback" not in (out / f"{run}.err").read_text("utf-8", "replace")
