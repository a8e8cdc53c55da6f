"""Choosing a file to read or write (one place, so that tests can answer for the user)."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QStandardPaths
from PySide6.QtWidgets import QFileDialog, QWidget


def documents() -> Path:
    """The user's documents folder (home when there is none)."""
    found = QStandardPaths.writableLocation(QStandardPaths.StandardLocation.DocumentsLocation)
    return Path(found) if found else Path.home()


def ask_open_path(parent: QWidget | None, title: str, folder: Path, filters: str) -> Path | None:
    path, _ = QFileDialog.getOpenFileName(parent, title, str(folder), filters)
    return Path(path) if path else None


def ask_save_path(parent: QWidget | None, title: str, suggested: Path, filters: str) -> Path | None:
    path, _ = QFileDialog.getSaveFileName(parent, title, str(suggested), filters)
    return Path(path) if path else None


def file_problem(exc: BaseException) -> str | None:
    """Why a file could not be written, when that is what ``exc`` says (None otherwise):
    an OSError, or xlsxwriter's FileCreateError wrapping one."""
    from xlsxwriter.exceptions import FileCreateError

    if isinstance(exc, FileCreateError):
        inner = exc.args[0] if exc.args else exc
        exc = inner if isinstance(inner, BaseException) else exc
    if isinstance(exc, OSError):
        return str(exc.strerror or exc)
    if isinstance(exc, FileCreateError):
        return str(exc)
    return None
