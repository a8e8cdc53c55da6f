"""Interactive writes run on the single write worker (``Runner.write_now``, ``ui.env.apply``):
off the GUI thread, one at a time, while the GUI thread keeps serving its timers and paints;
what the write changed is published on the GUI thread once it committed."""

from __future__ import annotations

import threading
from typing import Any

import pytest
from PySide6.QtCore import QTimer
from PySide6.QtGui import QPaintEvent
from PySide6.QtWidgets import QWidget

from workbench.domain.errors import ValidationError
from workbench.services import customers
from workbench.ui.env import apply
from workbench.ui.runner import Runner


def test_the_write_runs_off_the_gui_thread_and_answers_here(qtbot: Any) -> None:
    runner = Runner()
    gui = threading.get_ident()
    assert runner.write_now(lambda: threading.get_ident()) != gui

    def boom() -> None:
        raise LookupError("no such row")

    with pytest.raises(LookupError, match="no such row"):
        runner.write_now(boom)


class _Painted(QWidget):
    def __init__(self) -> None:
        super().__init__()
        self.paints = 0

    def paintEvent(self, event: QPaintEvent) -> None:  # noqa: N802 - Qt's name
        self.paints += 1


def test_the_gui_thread_serves_timers_and_paints_while_a_write_waits(qtbot: Any) -> None:
    """The write below can only finish because the GUI thread runs its timer meanwhile (the
    timer opens the gate the write waits at): on the GUI thread itself it would wait forever."""
    runner, widget = Runner(), _Painted()
    qtbot.addWidget(widget)
    widget.show()
    qtbot.waitUntil(lambda: widget.paints > 0)
    gate, ticks = threading.Event(), []

    def tick() -> None:
        ticks.append(1)
        widget.update()  # a repaint asked for while the write runs
        if len(ticks) == 5:
            gate.set()

    timer = QTimer()
    timer.timeout.connect(tick)
    timer.start(5)
    painted_before = widget.paints
    assert runner.write_now(lambda: gate.wait(10)) is True
    timer.stop()
    assert len(ticks) >= 5
    assert widget.paints > painted_before


def test_writes_never_overlap_and_a_write_asked_for_meanwhile_runs_after(qtbot: Any) -> None:
    """A timer that saves (the visit draft's autosave) while another write waits: the second
    write is queued behind the first on the one worker, both answer, in order."""
    runner, order, gate = Runner(), [], threading.Event()
    inner: list[Any] = []

    def first() -> str:
        order.append("first started")
        assert gate.wait(10)
        order.append("first done")
        return "first"

    def second() -> str:
        order.append("second")
        return "second"

    def during() -> None:
        gate.set()
        inner.append(runner.write_now(second))

    QTimer.singleShot(20, during)
    assert runner.write_now(first) == "first"
    qtbot.waitUntil(lambda: inner == ["second"])
    assert order == ["first started", "first done", "second"]


def test_apply_publishes_what_the_write_changed_on_the_gui_thread(qtbot: Any, ui_env: Any) -> None:
    got: list[tuple[int, Any]] = []
    ui_env.bus.changed.connect(lambda changes: got.append((threading.get_ident(), changes)))
    writer: list[int] = []

    def create() -> Any:
        writer.append(threading.get_ident())
        return customers.create_customer(ui_env.ctx, values={"name": "写线程测试局", "industry_code": "government"})

    created = apply(ui_env, create)
    assert writer and writer[0] != threading.get_ident()
    assert [t for t, _ in got] == [threading.get_ident()]
    assert created.id in got[0][1].customers
    got.clear()
    with pytest.raises(ValidationError):  # a refused write publishes nothing
        apply(ui_env, lambda: customers.create_customer(ui_env.ctx, values={"name": ""}))
    assert got == []
