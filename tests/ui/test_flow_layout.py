"""FlowLayout: a row of buttons wraps rather than widen the window."""

from __future__ import annotations

from PySide6.QtWidgets import QPushButton, QVBoxLayout, QWidget

from workbench.ui.flow_layout import FlowLayout


def test_buttons_wrap_when_narrow_and_sit_on_one_line_when_wide(qtbot) -> None:  # noqa: ANN001
    host = QWidget()
    qtbot.addWidget(host)
    outer = QVBoxLayout(host)
    flow = FlowLayout()
    buttons = [QPushButton(f"Button number {i}") for i in range(6)]
    for b in buttons:
        flow.addWidget(b)
    outer.addLayout(flow)
    widest = max(b.sizeHint().width() for b in buttons)
    assert host.minimumSizeHint().width() < 2 * widest  # never asks for the whole row
    host.resize(sum(b.sizeHint().width() for b in buttons) + 200, 200)
    host.show()
    qtbot.waitUntil(lambda: buttons[-1].geometry().y() == buttons[0].geometry().y(), timeout=2000)
    host.resize(widest * 2 + 40, 300)
    qtbot.waitUntil(lambda: buttons[-1].geometry().y() > buttons[0].geometry().y(), timeout=2000)
    assert all(b.geometry().right() <= host.width() for b in buttons)  # nothing outside
    buttons[2].hide()  # a hidden button takes no place: the next one starts the second line
    host.resize(widest * 2 + 41, 301)
    qtbot.waitUntil(lambda: buttons[3].geometry().x() == buttons[0].geometry().x()
                    and buttons[3].geometry().y() > buttons[0].geometry().y(), timeout=2000)
