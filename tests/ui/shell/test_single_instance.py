"""One program per store (issue 13, item 11), with real processes: a second start on the
same store brings the first window to the front and ends; the command line's read-only
sub-commands work beside the running program; a lock left by ``kill -9`` is recovered."""

from __future__ import annotations

import os
import queue
import shutil
import signal
import subprocess
import sys
import threading
from collections.abc import Iterator
from pathlib import Path

import pytest
from pytestqt.qtbot import QtBot

from workbench.ui import single_instance

DRIVER = Path(__file__).with_name("app_driver.py")


class Child:
    """A program started by the driver; its stdout lines arrive on a queue."""

    def __init__(self, store: Path, env: dict[str, str]) -> None:
        self.proc = subprocess.Popen([sys.executable, str(DRIVER), str(store), "serve"], env=env, text=True,
                                     cwd=store.parent,
                                     stdin=subprocess.PIPE, stdout=subprocess.PIPE, stderr=subprocess.PIPE)
        self.lines: queue.Queue[str] = queue.Queue()
        self.seen: list[str] = []
        threading.Thread(target=self._read, daemon=True).start()

    def _read(self) -> None:
        assert self.proc.stdout is not None
        for line in self.proc.stdout:
            self.lines.put(line.strip())

    def wait_for(self, text: str, timeout: float = 60) -> None:
        while text not in self.seen:
            try:
                self.seen.append(self.lines.get(timeout=timeout))
            except queue.Empty:
                pytest.fail(f"{text!r} never came; saw {self.seen}")

    def quit(self) -> int:
        assert self.proc.stdin is not None
        self.proc.stdin.write("quit\n")
        self.proc.stdin.flush()
        return self.proc.wait(timeout=60)


@pytest.fixture
def env(tmp_path: Path) -> dict[str, str]:
    (tmp_path / "home").mkdir()
    return {**os.environ, "WORKBENCH_HOME": str(tmp_path / "home"), "QT_QPA_PLATFORM": "offscreen"}


@pytest.fixture
def children() -> Iterator[list[Child]]:
    made: list[Child] = []
    yield made
    for child in made:
        if child.proc.poll() is None:
            child.proc.kill()
            child.proc.wait()


def _cli(env: dict[str, str], *args: str, timeout: float = 60) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-m", "workbench", *args], env=env, capture_output=True, text=True,
                          timeout=timeout, cwd=env["WORKBENCH_HOME"])


@pytest.mark.slow
def test_a_second_start_brings_the_first_to_the_front_and_ends(tmp_path: Path, env: dict[str, str],
                                                               children: list[Child],
                                                               demo_store_path: Path) -> None:
    store = tmp_path / "store.sqlite"
    shutil.copy(demo_store_path, store)
    first = Child(store, env)
    children.append(first)
    first.wait_for("ready")

    try:
        second = _cli(env, "--db", str(store), timeout=60)
    except subprocess.TimeoutExpired:
        pytest.fail("the second start kept running beside the first (a second writer)")
    assert second.returncode == 0, second.stderr
    assert "already running" in second.stderr
    first.wait_for("raised")

    # the command line's read-only sub-commands beside the running program
    found = _cli(env, "--db", str(store), "search", "zgyh", "--limit", "3")
    assert found.returncode == 0, found.stderr
    assert "中国" in found.stdout
    checked = _cli(env, "--db", str(store), "check")
    assert checked.returncode == 0, checked.stderr

    assert first.quit() == 0
    first.wait_for("exit 0")


@pytest.mark.slow
def test_a_lock_left_by_kill_9_is_recovered(tmp_path: Path, env: dict[str, str], children: list[Child]) -> None:
    store = tmp_path / "store.sqlite"
    crashed = Child(store, env)
    children.append(crashed)
    crashed.wait_for("ready")
    assert single_instance.lock_path(store).exists()
    os.kill(crashed.proc.pid, signal.SIGKILL)
    crashed.proc.wait()
    assert single_instance.lock_path(store).exists()  # left behind, naming a dead process

    again = Child(store, env)
    children.append(again)
    again.wait_for("ready")  # the stale lock (and its socket) were taken over
    assert again.quit() == 0
    assert not single_instance.lock_path(store).exists()


def test_the_lock_is_per_store_and_released(qtbot: QtBot, tmp_path: Path) -> None:
    a, b = tmp_path / "a.sqlite", tmp_path / "b.sqlite"
    first = single_instance.claim(a)
    assert first is not None
    assert single_instance.claim(a) is None  # held (by this very process)
    other = single_instance.claim(b)
    assert other is not None  # another store: another program may run
    assert single_instance.server_name(a) == single_instance.server_name(tmp_path / "." / "a.sqlite")
    assert single_instance.server_name(a) != single_instance.server_name(b)
    first.release()
    other.release()
    again = single_instance.claim(a)
    assert again is not None
    again.release()


def test_a_holder_that_does_not_answer_is_said_in_a_box(qtbot: QtBot, tmp_path: Path,
                                                        monkeypatch: pytest.MonkeyPatch) -> None:
    from PySide6.QtCore import QTimer
    from PySide6.QtWidgets import QApplication, QMessageBox

    store = tmp_path / "s.sqlite"
    holder = single_instance.claim(store)  # locked here, never listening: a hung first program
    assert holder is not None
    monkeypatch.setattr(single_instance, "REACH_MS", 300)
    seen: list[str] = []

    def close_box() -> None:
        box = QApplication.activeModalWidget()
        if not isinstance(box, QMessageBox):
            QTimer.singleShot(20, close_box)
            return
        seen.append(box.text())
        box.accept()

    QTimer.singleShot(0, close_box)
    assert single_instance.start_or_hand_over(store) is None  # this start ends
    assert seen and "does not answer" in seen[0] and str(store) in seen[0]
    holder.release()
