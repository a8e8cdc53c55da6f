"""The runner's ``latest``: of several requests for one (owner, key), only the newest answer is
delivered, whatever order they finish in."""

from __future__ import annotations

import threading
from typing import Any

from PySide6.QtCore import QObject

from workbench.ui.runner import Runner


def _gated(gate: threading.Event, value: Any) -> Any:
    def work(_op: object) -> Any:
        assert gate.wait(10)
        return value
    return work


def test_an_older_answer_finishing_last_is_dropped(qtbot: Any) -> None:
    runner, owner, got = Runner(), QObject(), []
    slow, fast = threading.Event(), threading.Event()
    runner.latest(owner, "k", _gated(slow, "old"), got.append)
    runner.latest(owner, "k", _gated(fast, "new"), got.append)
    assert runner.loading(owner, "k")
    fast.set()
    qtbot.waitUntil(lambda: got == ["new"])
    assert not runner.loading(owner, "k")
    slow.set()
    assert runner.wait_idle()
    qtbot.wait(50)  # the old answer's signal has been delivered (and dropped) by now
    assert got == ["new"]


def test_keys_and_owners_are_independent_and_supersede_drops(qtbot: Any) -> None:
    runner, a, b, got = Runner(), QObject(), QObject(), []
    gate = threading.Event()
    runner.latest(a, "x", _gated(gate, "a-x"), got.append)
    runner.latest(a, "y", _gated(gate, "a-y"), got.append)
    runner.latest(b, "x", _gated(gate, "b-x"), got.append)
    runner.supersede(b, "x")  # b moved on: its pending answer must not land
    assert not runner.loading(b, "x")
    gate.set()
    qtbot.waitUntil(lambda: sorted(got) == ["a-x", "a-y"])
    assert runner.wait_idle()
    qtbot.wait(50)
    assert sorted(got) == ["a-x", "a-y"]


def test_a_superseded_failure_is_silent_and_the_newest_failure_is_reported(qtbot: Any) -> None:
    runner, owner, failures = Runner(), QObject(), []
    gate = threading.Event()

    def boom(_op: object) -> None:
        assert gate.wait(10)
        raise RuntimeError("old")

    def boom_new(_op: object) -> None:
        raise RuntimeError("new")

    runner.latest(owner, "k", boom, lambda _v: None, on_failure=failures.append)
    runner.latest(owner, "k", boom_new, lambda _v: None, on_failure=failures.append)
    qtbot.waitUntil(lambda: len(failures) == 1)
    gate.set()
    assert runner.wait_idle()
    qtbot.wait(50)
    assert [str(e) for e in failures] == ["new"]
