"""Fixtures of the write-failure tests: message boxes caught and closed, and rows saved before
the disk fails (every one of them must survive it)."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from write_conditions import Boxes

from workbench.services import contacts
from workbench.ui.env import UiEnv


@pytest.fixture
def boxes() -> Iterator[Boxes]:
    b = Boxes()
    yield b
    b.stop()


@pytest.fixture
def saved(ui_env: UiEnv, hospital):  # noqa: ANN001 - tests/ui/conftest.py
    """The hospital and one contact, saved before the failure."""
    contacts.add_contact(ui_env.ctx, customer_id=hospital.id, values={"name": "李娜", "cute_role": "technical"})
    return hospital
