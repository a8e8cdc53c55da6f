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


def test_wrapped_lines_are_never_squeezed_under_what_follows(qtbot, ui_env) -> None:  # noqa: ANN001
    from workbench.services import customers, offers
    from workbench.ui.customers.offers_tab import OffersTab

    c = customers.create_customer(ui_env.ctx, values={"name": "某区实验中学", "industry_code": "education"})
    offers.create_offer(ui_env.ctx, customer_id=c.id, title="方案", today=ui_env.today(),
                        offer={"lines": [{"product": "MOB-58", "quantity": 5, "term_months": 12}]})
    tab = OffersTab(ui_env)
    qtbot.addWidget(tab)
    with qtbot.waitSignal(tab.loaded, timeout=5000):
        tab.set_customer(customers.get_customer(ui_env.ctx, customer_id=c.id))
    tab.show()
    tab.resize(560, 160)  # narrow, and shorter than the tab can be: held at its minimum

    def bottom(button) -> int:  # noqa: ANN001
        return button.mapTo(tab, button.rect().bottomLeft()).y()

    qtbot.waitUntil(lambda: bottom(tab.lost_button) > bottom(tab.new_button), timeout=2000)  # wrapped
    qtbot.wait(50)
    assert max(bottom(tab.new_button), bottom(tab.lost_button)) < tab.table.geometry().top()
