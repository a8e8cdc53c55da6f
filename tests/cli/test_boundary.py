"""The command line's one error boundary: hostile arguments and files get a message and exit
2 (or one line and exit 1 when unexpected, the traceback in the log), never a Python
traceback, never a huge value echoed back; a closed stdout ends a command quietly."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from workbench.cli import main

ROOT = Path(__file__).resolve().parents[2]


def run(argv: list[str], capsys: pytest.CaptureFixture[str]) -> tuple[int, str, str]:
    code = main(argv)
    out, err = capsys.readouterr()
    assert "Traceback" not in err and "Traceback" not in out, err
    assert code in (0, 1, 2)
    return code, out, err


@pytest.fixture(autouse=True)
def _home(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("WORKBENCH_HOME", str(tmp_path / "home"))


def _offer(tmp_path: Path, name: str, body: str) -> str:
    path = tmp_path / name
    path.write_text(body, encoding="utf-8")
    return str(path)


def test_json_nested_five_thousand_deep_is_refused(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    code, _, err = run(["price", _offer(tmp_path, "deep.json", "[" * 5000 + "]" * 5000)], capsys)
    assert code == 2 and "nested too deeply" in err


def test_a_4301_digit_quantity_is_refused_in_one_short_line(tmp_path: Path,
                                                           capsys: pytest.CaptureFixture[str]) -> None:
    body = json.dumps({"customer": {"name": "甲"}, "lines": [{"product": "MOB-58", "quantity": "9" * 4301}]})
    code, _, err = run(["price", _offer(tmp_path, "big.json", body)], capsys)
    assert code == 2 and "9" * 500 not in err and len(err) < 2000


def test_a_lone_surrogate_in_a_name_prints(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    body = '{"customer": {"name": "\\ud800银行"}, "lines": [{"product": "MOB-58", "quantity": 1}]}'
    code, _, _ = run(["price", _offer(tmp_path, "sur.json", body), "--json"], capsys)
    assert code in (0, 2)


def test_a_proposal_written_onto_a_folder_is_refused(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    code, _, err = run(["proposal", "--sample", "-o", str(tmp_path)], capsys)
    assert code == 2 and "folder" in err


@pytest.mark.parametrize("argv", [
    ["price", "/"], ["price", "missing.json"], ["check", "--db", "/"], ["search", "--db", "/dev/null", "x"],
    ["migrate", "--db", "\x00"], ["reindex", "--db", "a" * 5000], ["import", "--db", "/", "x.csv"],
    ["price", "--policy", "/dev/null", "missing.json"],
])
def test_hostile_arguments_are_answered_not_crashed(argv: list[str], capsys: pytest.CaptureFixture[str]) -> None:
    code, _, err = run(argv, capsys)
    assert code in (1, 2) and err.strip() and len(err) < 2000


def test_an_unexpected_error_is_one_line_and_logged(tmp_path: Path, capsys: pytest.CaptureFixture[str],
                                                    monkeypatch: pytest.MonkeyPatch) -> None:
    import workbench.pricing

    def boom(*_a: object, **_k: object) -> object:
        raise RuntimeError("a bug")

    monkeypatch.setattr(workbench.pricing, "load_catalogue", boom)
    body = json.dumps({"customer": {"name": "甲"}, "lines": [{"product": "MOB-58", "quantity": 1}]})
    code, _, err = run(["price", _offer(tmp_path, "ok.json", body)], capsys)
    assert code == 1 and err.count("\n") == 1 and "RuntimeError: a bug" in err
    log = (tmp_path / "home" / "logs" / "workbench.log").read_text("utf-8")
    assert "Traceback" in log and "a bug" in log


def test_a_reader_that_stops_reading_ends_the_command_quietly(tmp_path: Path) -> None:
    env = {**os.environ, "WORKBENCH_HOME": str(tmp_path / "home"), "PYTHONPATH": str(ROOT)}
    db = str(tmp_path / "s.sqlite")
    subprocess.run([sys.executable, "-m", "workbench", "demo", "--db", db, "--customers", "40"], env=env,
                   check=True, capture_output=True)
    proc = subprocess.Popen([sys.executable, "-m", "workbench", "search", "--db", db, "", "--limit", "40"],
                            env=env, stdout=subprocess.PIPE, stderr=subprocess.PIPE)
    assert proc.stdout is not None
    proc.stdout.read(100)
    proc.stdout.close()  # `| head -c 100`
    _, err = proc.communicate(timeout=60)
    assert proc.returncode == 0 and b"Traceback" not in err and b"BrokenPipe" not in err, err
