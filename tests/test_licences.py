"""The licences of what ships, read from the installed distributions and the bundled font."""

from __future__ import annotations

import builtins
import email.message
from importlib import metadata
from pathlib import Path
from typing import Any

import pytest

from workbench import licences
from workbench.fontfile import FONT_FAMILY, font_path
from workbench.licences import Shipped, canonical, shipped


def _by_name() -> dict[str, Shipped]:
    return {canonical(s.name): s for s in shipped()}


def test_key_distributions_with_their_licence_family() -> None:
    found = _by_name()
    assert "LGPL" in found["pyside6-essentials"].licence
    assert "LGPL" in found["shiboken6"].licence
    assert "BSD" in found["reportlab"].licence
    assert "MIT" in found["sqlalchemy"].licence
    assert "MIT" in found["alembic"].licence
    for key in ("pyside6-essentials", "reportlab", "sqlalchemy", "pypinyin", "platformdirs"):
        assert found[key].version == metadata.version(key)


def test_dependencies_are_walked_recursively() -> None:
    """Not only the direct requirements: what they require too (ReportLab needs Pillow,
    PySide6-Essentials needs shiboken6, psycopg[binary] brings psycopg-binary)."""
    found = _by_name()
    assert {"pillow", "shiboken6", "psycopg-binary", "pydantic"} <= set(found)
    assert "workbench" not in found  # the program itself is not one of its dependencies
    assert "pytest" not in found  # an extra (test) nobody asked for
    installed = {canonical(d.metadata["Name"]) for d in metadata.distributions()}
    bundled_fonts = {canonical(f.name) for f in licences.fonts()}  # the CJK font, the ellipsis font
    assert canonical(FONT_FAMILY) in bundled_fonts
    assert set(found) - bundled_fonts <= installed


def test_no_duplicates_and_every_entry_complete() -> None:
    listed = shipped()
    names = [canonical(s.name) for s in listed]
    assert len(names) == len(set(names))
    assert all(s.name and s.version and s.licence for s in listed)
    assert all(isinstance(s, tuple) and len(s) == 3 for s in listed)


def test_the_bundled_font_is_listed_with_its_ofl() -> None:
    font = _by_name()[canonical(FONT_FAMILY)]
    assert font.name == FONT_FAMILY
    assert font.licence == "OFL-1.1"
    assert font.version == "2.004"
    licence_file = licences.font_licence_file(font_path())
    assert licence_file.is_file()  # the OFL asks for its text to travel with the font
    assert "SIL OPEN FONT LICENSE Version 1.1" in licence_file.read_text("utf-8")


def test_a_font_without_licence_file_falls_back_to_its_name_table(tmp_path: Path) -> None:
    (tmp_path / font_path().name).symlink_to(font_path())
    (font,) = licences.fonts(tmp_path)
    assert font == Shipped(FONT_FAMILY, "2.004", "OFL-1.1")


def test_licence_field_precedence() -> None:
    def meta(**fields: Any) -> Any:
        m = email.message.Message()  # what importlib.metadata hands back
        for key, value in fields.items():
            for v in value if isinstance(value, list) else [value]:
                m[key.replace("_", "-")] = v
        return m

    assert licences.licence_of(meta(License_Expression="MIT", License="BSD")) == "MIT"
    assert licences.licence_of(meta(License="Apache-2.0")) == "Apache-2.0"
    long_text = "BSD license (see license.txt for details), Copyright (c) 2000-2024 ReportLab Inc."
    assert licences.licence_of(meta(License=long_text, Classifier=[
        "License :: OSI Approved :: BSD License", "Programming Language :: Python"])) == "BSD License"
    assert licences.licence_of(meta(License="UNKNOWN")) == licences.UNKNOWN
    assert licences.licence_of(meta()) == licences.UNKNOWN


def test_markers_without_packaging(monkeypatch: pytest.MonkeyPatch) -> None:
    """A frozen bundle may lack ``packaging``: extras are still honoured."""
    real_import = builtins.__import__

    def no_packaging(name: str, *args: Any, **kwargs: Any) -> Any:
        if name.startswith("packaging"):
            raise ImportError(name)
        return real_import(name, *args, **kwargs)

    monkeypatch.setattr(builtins, "__import__", no_packaging)
    assert licences._wanted('extra == "test"', set()) is False
    assert licences._wanted('extra == "binary"', {"binary"}) is True
    assert licences._wanted('python_version >= "3.8"', set()) is True
    assert {canonical(s.name) for s in licences.distributions()} >= {"pyside6-essentials", "psycopg-binary"}
