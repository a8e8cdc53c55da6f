"""The visit dialog by keyboard (issue 13, item 3): focus opens where typing starts, Tab moves
between fields, and the visit's date changes only on purpose."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QDate, QDateTime, QPoint, QPointF, Qt, QTime
from PySide6.QtGui import QWheelEvent
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication, QWidget

from workbench.ui.visits.dialog import VisitDialog

SHIFT = Qt.KeyboardModifier.ShiftModifier


@pytest.fixture
def dialog(visit_dialog: VisitDialog) -> VisitDialog:
    return visit_dialog  # tests/ui/conftest.py: a new visit for a hospital, shown and active


def focused() -> QWidget:
    widget = QApplication.focusWidget()
    assert widget is not None
    return widget


def test_focus_opens_on_the_duration_ready_to_type(dialog: VisitDialog) -> None:
    form = dialog.form
    when = form.when.dateTime()
    assert focused() is form.duration  # the date and time default to now: typing starts here
    QTest.keyClicks(focused(), "45")
    assert form.duration.value() == 45
    assert form.when.dateTime() == when


def test_tab_leaves_the_date_for_the_next_field(dialog: VisitDialog) -> None:
    form = dialog.form
    form.when.setDateTime(QDateTime(QDate(2026, 11, 24), QTime(9, 30)))
    form.when.setFocus(Qt.FocusReason.TabFocusReason)  # the cursor on the year, as it opened before
    assert focused() is form.when
    QTest.keyClick(focused(), Qt.Key.Key_Tab)  # one Tab: the next field, not the date's month
    assert focused() is form.duration
    QTest.keyClicks(focused(), "45")  # meant for the duration, and it goes there
    assert form.duration.value() == 45
    assert form.when.dateTime() == QDateTime(QDate(2026, 11, 24), QTime(9, 30))  # not 2026-04-05
    QTest.keyClick(focused(), Qt.Key.Key_Tab)
    assert focused() is form.kind
    QTest.keyClick(focused(), Qt.Key.Key_Backtab, SHIFT)
    QTest.keyClick(focused(), Qt.Key.Key_Backtab, SHIFT)
    assert focused() is form.when  # and Shift+Tab comes back to it
    values, _, _ = form.visit_values()
    assert (values["occurred_at"].isoformat(), values["duration_min"]) == ("2026-11-24T09:30:00", 45)


def test_tab_walks_the_fields_not_the_sections_of_a_date(dialog: VisitDialog) -> None:
    form = dialog.form
    form.follow_check.setChecked(True)
    form.follow_date.setFocus(Qt.FocusReason.TabFocusReason)
    day = form.follow_date.date()
    QTest.keyClick(focused(), Qt.Key.Key_Tab)
    assert focused() is form.plus_day
    QTest.keyClick(focused(), Qt.Key.Key_Backtab, SHIFT)
    assert focused() is form.follow_date
    QTest.keyClick(focused(), Qt.Key.Key_Backtab, SHIFT)
    assert focused() is form.follow_check
    assert form.follow_date.date() == day


def test_the_date_changes_on_purpose_by_arrow_keys_or_the_calendar(dialog: VisitDialog) -> None:
    form = dialog.form
    form.when.setDateTime(QDateTime(QDate(2026, 11, 24), QTime(9, 30)))
    assert form.when.calendarPopup() and form.follow_date.calendarPopup()
    QTest.keyClick(focused(), Qt.Key.Key_Backtab, SHIFT)
    assert focused() is form.when
    QTest.keyClick(form.when, Qt.Key.Key_Up)  # the section the cursor is in: on purpose
    assert form.when.dateTime() != QDateTime(QDate(2026, 11, 24), QTime(9, 30))


def test_a_wheel_over_a_date_not_being_edited_leaves_it(dialog: VisitDialog) -> None:
    form = dialog.form
    before = form.when.dateTime()
    assert not form.when.hasFocus()
    pos = QPointF(form.when.rect().center())
    wheel = QWheelEvent(pos, QPointF(form.when.mapToGlobal(pos.toPoint())), QPoint(), QPoint(0, 120),
                        Qt.MouseButton.NoButton, Qt.KeyboardModifier.NoModifier, Qt.ScrollPhase.NoScrollPhase, False)
    QApplication.sendEvent(form.when, wheel)
    assert form.when.dateTime() == before  # scrolling past the field does not move the visit
