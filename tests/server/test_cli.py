"""``workbench-server``: every command answers --help; users, codes, devices; refusals exit 2."""

from __future__ import annotations

import json
import uuid
from pathlib import Path

import pytest
from fastapi.testclient import TestClient

from workbench.server import db
from workbench.server.app import create_app
from workbench.server.cli import main

from .harness import HEADERS

COMMANDS = [[], ["init"], ["user"], ["user", "add"], ["user", "code"], ["device"], ["device", "list"],
            ["device", "revoke"], ["serve"]]


@pytest.mark.parametrize("command", COMMANDS, ids=lambda c: " ".join(c) or "top")
def test_every_command_answers_help(command: list[str], capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit) as done:
        main([*command, "--help"])
    assert done.value.code == 0 and "usage:" in capsys.readouterr().out


def run(capsys: pytest.CaptureFixture[str], *args: str) -> object:
    assert main(list(args)) == 0
    return json.loads(capsys.readouterr().out)


def test_users_codes_and_devices(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    url = f"sqlite:///{tmp_path / 'cli.sqlite'}"
    run(capsys, "--db", url, "init")
    made = run(capsys, "--db", url, "user", "add", "王经理", "--role", "lead", "--team", "西湖",
               "--email", "wang@example.com")
    assert made["role"] == "team_lead" and made["enrolment_code"]  # type: ignore[index]
    fresh = run(capsys, "--db", url, "user", "code", "王经理")
    assert fresh["user_id"] == made["user_id"]  # type: ignore[index]
    device_id = str(uuid.uuid4())
    with TestClient(create_app(url)) as http:
        answer = http.post("/v1/enrol", headers=HEADERS, json={
            "code": fresh["enrolment_code"], "device_id": device_id, "device_name": "笔记本"})  # type: ignore[index]
        assert answer.status_code == 200
        auth = {**HEADERS, "Authorization": f"Bearer {answer.json()['token']}"}
        assert http.get("/v1/pull", headers=auth).status_code == 200
        (listed,) = run(capsys, "--db", url, "device", "list")  # type: ignore[misc]
        assert (listed["id"], listed["user"], listed["revoked_at"]) == (device_id, "王经理", None)
        run(capsys, "--db", url, "device", "revoke", device_id)
        assert http.get("/v1/pull", headers=auth).status_code == 401
    db.dispose(url)


def test_refusals_exit_2_with_one_line(tmp_path: Path, capsys: pytest.CaptureFixture[str],
                                       monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("WORKBENCH_SERVER_DB", f"sqlite:///{tmp_path / 'env.sqlite'}")
    assert main(["init"]) == 0
    capsys.readouterr()
    for args in (["user", "code", "nobody"], ["device", "revoke", "nothing"],
                 ["user", "add", "张主管", "--role", "lead"]):
        assert main(args) == 2
        err = capsys.readouterr().err
        assert err.startswith("workbench-server: ") and err.count("\n") == 1


def test_the_default_database_lives_under_workbench_home(tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
                                                         capsys: pytest.CaptureFixture[str]) -> None:
    monkeypatch.delenv("WORKBENCH_SERVER_DB", raising=False)
    monkeypatch.setenv("WORKBENCH_HOME", str(tmp_path / "home"))
    run(capsys, "init")
    assert (tmp_path / "home" / "server" / "server.sqlite").is_file()
