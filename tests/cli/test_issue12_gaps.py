"""Issue 12, the defects of the command line that had no test of their own: a refusal never
echoes a 100,000-character value back in full; ``proposal -o`` a place that cannot be written;
``proposal --demo`` after ``search --demo`` / ``check --demo`` on a fresh machine; search
with a trailing ASCII comma or 。; a write on a store another program holds; a damaged store
given to the commands the damage test of test_store_errors.py does not run."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from tests.cli.test_store_errors import one_line, run_unprivileged, snapshot
from tests.store.damage import DAMAGES, copy_store
from workbench.cli import main

ROOT = Path(__file__).resolve().parents[2]
BIG = "x" * 100_000  # a value pasted by mistake, or hostile


def run(argv: list[str], capsys: pytest.CaptureFixture[str]) -> tuple[int, str, str]:
    """``main(argv)`` in-process; argparse's own refusal (SystemExit 2) counts as exit 2."""
    try:
        code = main(argv)
    except SystemExit as exc:
        code = exc.code if isinstance(exc.code, int) else 2
    out, err = capsys.readouterr()
    assert "Traceback" not in err, err[:2000]
    return code, out, err


def workbench(*argv: str, home: Path, cwd: Path | None = None) -> subprocess.CompletedProcess[str]:
    """The real entry point in its own process, with its own WORKBENCH_HOME."""
    env = {**os.environ, "WORKBENCH_HOME": str(home), "PYTHONPATH": str(ROOT)}
    return subprocess.run([sys.executable, "-m", "workbench", *argv], env=env, cwd=cwd, capture_output=True,
                          text=True, timeout=300)


@pytest.fixture
def small_store(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> Path:
    path = tmp_path / "s.sqlite"
    assert main(["demo", "--db", str(path), "--customers", "5", "--quiet"]) == 0
    capsys.readouterr()
    return path


# --- item 5: a refusal never echoes a 100,000-character value back in full -------------------

def huge_argvs(db: Path, tmp_path: Path) -> dict[str, list[str]]:
    out = str(tmp_path / "out.pdf")
    return {
        "price offer": ["price", BIG],
        "price --today": ["price", "--today", BIG, str(tmp_path / "offer.json")],
        "proposal --offer": ["proposal", "--db", str(db), "--offer", BIG, "-o", out],
        "proposal --today": ["proposal", "--sample", "--today", BIG, "-o", out],
        "proposal -o": ["proposal", "--sample", "-o", str(tmp_path / BIG / "x.pdf")],
        "demo --customers (argparse)": ["demo", "--db", str(tmp_path / "new.sqlite"), "--customers", BIG],
        "search --limit (argparse)": ["search", "--db", str(db), "--limit", BIG, "银行"],
        "check --db": ["check", "--db", BIG],
        "search --db": ["search", "--db", BIG, "银行"],
        "reindex --db": ["reindex", "--db", BIG],
        "import file": ["import", "--db", str(db), BIG],
        "export --week": ["export", "weekly", "--db", str(db), "--week", BIG, "-o", str(tmp_path / "w.xlsx")],
    }


@pytest.mark.parametrize("case", sorted(huge_argvs(Path(), Path())))
def test_a_refusal_never_echoes_a_huge_value(case: str, small_store: Path, tmp_path: Path,
                                             capsys: pytest.CaptureFixture[str]) -> None:
    argv = huge_argvs(small_store, tmp_path)[case]
    code, _, err = run(argv, capsys)
    size, echoed = len(err), "x" * 1_000 in err  # not err itself: pytest would print it whole
    assert code == (1 if argv[0] == "check" else 2), err[:2000]
    assert size > 1 and size < 2_000, f"{size:,} characters on stderr"
    assert not echoed
    assert not (tmp_path / "out.pdf").exists() and not (tmp_path / "new.sqlite").exists()


def test_a_huge_value_is_cut_on_the_real_stderr_too(small_store: Path, tmp_path: Path) -> None:
    done = workbench("proposal", "--db", str(small_store), "--offer", BIG, "-o", str(tmp_path / "o.pdf"),
                     home=tmp_path / "home")
    size = len(done.stderr)
    assert done.returncode == 2 and "Traceback" not in done.stderr[:2_000]
    assert "not found" in done.stderr[:2_000] and size < 2_000, f"{size:,} characters on stderr"


# --- item 5: proposal -o a place that cannot be written ---------------------------------------

def test_proposal_into_a_path_under_a_file_is_refused(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    afile = tmp_path / "notes.txt"
    afile.write_text("a file, not a folder", "utf-8")
    for out in (afile / "x.pdf", afile / "sub" / "x.pdf"):  # like /etc/passwd/x.pdf
        code, stdout, err = run(["proposal", "--sample", "-o", str(out)], capsys)
        assert code == 2 and stdout == "" and one_line(err).startswith(f"{afile}: ")
        assert "not a folder" in err and "不是文件夹" in err, err
    assert not list(tmp_path.rglob("*.pdf"))
    assert afile.read_text("utf-8") == "a file, not a folder"


def test_proposal_into_a_name_too_long_is_refused(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    code, _, err = run(["proposal", "--sample", "-o", str(tmp_path / ("长" * 300 + ".pdf"))], capsys)
    assert code == 2 and "File name too long" in one_line(err)
    assert not [p for p in tmp_path.iterdir() if p.name != "home"]


def test_proposal_into_a_read_only_folder_is_refused(tmp_path: Path) -> None:
    folder = tmp_path / "locked"
    folder.mkdir()
    folder.chmod(0o555)
    try:
        results = run_unprivileged({
            "in it": ["proposal", "--sample", "-o", str(folder / "x.pdf")],
            "in a folder to make in it": ["proposal", "--sample", "-o", str(folder / "new" / "x.pdf")],
        })
    finally:
        folder.chmod(0o755)
    for name, r in results.items():
        line = one_line(str(r["err"]))
        assert r["code"] == 2 and r["out"] == "" and "Permission denied" in line and str(folder) in line, (name, r)
    assert list(folder.iterdir()) == []


# --- item 1: proposal --demo after search --demo / check --demo on a fresh machine -----------

def test_proposal_demo_works_after_check_and_search_demo_on_a_fresh_home(tmp_path: Path) -> None:
    """Before issue 12 ``search --demo`` (and ``check --demo``) left an empty demo store, and
    ``proposal --demo`` failed on it for ever ("not found: banking customer ...")."""
    home = tmp_path / "home"
    check = workbench("check", "--demo", home=home, cwd=tmp_path)
    assert check.returncode == 2 and check.stderr.startswith("no store at") and not home.exists()
    search = workbench("search", "--demo", "银行", "--limit", "1", home=home, cwd=tmp_path)
    assert search.returncode == 0 and json.loads(search.stdout)["total"] > 0, search.stderr
    check = workbench("check", "--demo", home=home, cwd=tmp_path)
    assert check.returncode == 0 and json.loads(check.stdout)["ok"] is True
    out = tmp_path / "demo.pdf"
    proposal = workbench("proposal", "--demo", "--today", "2026-11-24", "-o", str(out), home=home, cwd=tmp_path)
    assert proposal.returncode == 0, proposal.stderr
    report = json.loads(proposal.stdout)
    assert report["pages"] >= 1 and out.stat().st_size == report["bytes"]
    assert "built the demo store" not in proposal.stderr  # the store search built was complete


# --- item 6: a trailing ASCII comma or 。 ----------------------------------------------------

@pytest.fixture
def bank_store(tmp_path: Path) -> Path:
    from workbench.services import customers
    from workbench.services.users import user_context
    from workbench.store.engine import open_store

    path = tmp_path / "banks.sqlite"
    store = open_store(path)
    try:
        ctx = user_context(store)
        for name in ("中国银行", "中国银行股份有限公司杭州西湖支行", "杭州银行股份有限公司"):
            customers.create_customer(ctx, values={"name": name, "industry_code": "banking"})
    finally:
        store.close()
    return path


@pytest.mark.parametrize("query", ["中国银行,", "中国银行。", "中国银行, ", "中国银行，", "中国银行.", "“中国银行”,"])
def test_search_ignores_a_trailing_comma_or_full_stop(bank_store: Path, tmp_path: Path, query: str) -> None:
    done = workbench("search", "--db", str(bank_store), query, home=tmp_path / "home")
    assert done.returncode == 0, done.stderr
    found = json.loads(done.stdout)
    assert found["rows"] and found["rows"][0]["name"] == "中国银行", found


# --- item 4: a write on a store another program holds ---------------------------------------

HOLDER = """
import sqlite3, sys
con = sqlite3.connect(sys.argv[1], isolation_level=None)
con.execute("BEGIN EXCLUSIVE")
print("holding", flush=True)
sys.stdin.readline()
con.execute("ROLLBACK")
"""


def test_a_write_on_a_store_another_program_holds_is_said(small_store: Path,
                                                          capsys: pytest.CaptureFixture[str]) -> None:
    before = snapshot(small_store)
    holder = subprocess.Popen([sys.executable, "-c", HOLDER, str(small_store)], stdin=subprocess.PIPE,
                              stdout=subprocess.PIPE, text=True)
    try:
        assert holder.stdout is not None and holder.stdout.readline().strip() == "holding"
        code, out, err = run(["reindex", "--db", str(small_store)], capsys)
    finally:
        assert holder.stdin is not None
        holder.stdin.write("\n")
        holder.stdin.flush()
        holder.wait(30)
    assert code == 2 and out == "" and "another program holds" in one_line(err) and "占用" in err
    assert snapshot(small_store) == before  # nothing written, nothing lost
    assert main(["reindex", "--db", str(small_store)]) == 0  # once it is let go, the write goes through
    assert json.loads(capsys.readouterr().out)["customers_indexed"] == 5


# --- item 3: a damaged store given to the commands test_store_errors.py does not run ---------

OTHERS = {
    "export weekly": lambda t: ["-o", str(t / "w.xlsx")],
    "export customers": lambda t: ["-o", str(t / "c.xlsx")],
    "backup": lambda t: ["--to", str(t / "backups")],
    "encrypt": lambda t: [],
    "demo": lambda t: ["--customers", "2", "--quiet"],
}


@pytest.mark.parametrize("damage", sorted(set(DAMAGES) - {"empty"}))  # demo makes a store of an empty file
@pytest.mark.parametrize("command", sorted(OTHERS))
def test_a_damaged_store_gets_a_message_from_the_other_commands(tmp_path: Path, small_store: Path,
                                                                capsys: pytest.CaptureFixture[str],
                                                                command: str, damage: str) -> None:
    work = tmp_path / "work"
    (work / "backups").mkdir(parents=True)
    path = copy_store(small_store, work / "damaged.sqlite")
    DAMAGES[damage](path)
    before, damaged = snapshot(work), snapshot(path)
    argv = command.split() + ["--db", str(path)] + OTHERS[command](work)
    code, out, err = run(argv, capsys)
    line = one_line(err)
    assert code == 2 and out == "" and str(path) in line and " / " in line, (argv, err)
    assert snapshot(work) == before and snapshot(path) == damaged  # nothing made, nothing repaired
