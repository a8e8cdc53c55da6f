"""Errors reach the user as messages; unexpected ones also reach the log, and the program
keeps running (the excepthook replaces Python's default, which would abort under Qt)."""

from __future__ import annotations

import logging
import sys
import traceback
from collections.abc import Callable
from types import TracebackType

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QDialog, QLabel, QMessageBox, QWidget

log = logging.getLogger("workbench")


def write_problem(exc: BaseException) -> str | None:
    """What a write that failed on the store's file says to the user (disk full, read-only,
    held by another program), or None if ``exc`` is no such failure. The store classifies
    SQLite's error once, where the write is made (``Store.write``); this only words it."""
    from workbench.services.store_errors import Problem, StoreError

    if not isinstance(exc, StoreError):
        return None
    kept = QCoreApplication.translate(
            "errors", "Nothing was lost: what you typed is still here; save again once it is fixed.")
    if exc.problem is Problem.FULL:
        what = QCoreApplication.translate(
            "errors", "Not saved: the disk is full. Free some space on the disk holding the store.")
    elif exc.problem is Problem.READ_ONLY:
        what = QCoreApplication.translate(
            "errors", "Not saved: the store is read-only. Make the store file and its folder writable.")
    elif exc.problem is Problem.LOCKED:
        what = QCoreApplication.translate(
            "errors", "Not saved: another program holds the store (is the workbench open twice?). "
            "Close the other program.")
    else:
        return None
    return f"{what}\n{kept}"


def describe(exc: BaseException) -> tuple[str, bool]:
    """(message for the user, whether it was expected). Domain errors carry their own words;
    so does a store error (a write that failed on the file, a store that cannot be used)."""
    from workbench.domain.errors import DomainError, ValidationError
    from workbench.services.store_errors import StoreError

    if (problem := write_problem(exc)) is not None:
        return problem, True
    if isinstance(exc, StoreError):
        from workbench.ui.labels import label

        return label(exc), True

    if isinstance(exc, ValidationError):
        from workbench.ui.labels import label

        return "\n".join(f"{e.field}: {label(e)}" for e in exc.errors), True
    if isinstance(exc, DomainError):
        return str(exc), True
    return f"{type(exc).__name__}: {exc}", False


def write_from_dialog(dialog: QDialog, error: QLabel, write: Callable[[], object]) -> bool:
    """Make a dialog's write on OK; True when it was made. A write that failed on the disk
    (``write_problem``) is said in ``error`` and the dialog stays open with what was typed,
    so OK retries; any other failure (moved elsewhere meanwhile) closes the dialog and reaches
    the user as a message: there is nothing to retry in it."""
    try:
        write()
    except Exception as exc:  # noqa: BLE001 - every failure reaches the user
        if (problem := write_problem(exc)) is None:
            dialog.reject()
            show_error(dialog.parentWidget(), exc)
            return False
        error.setText(problem)
        error.show()
        dialog.adjustSize()  # room for the message's lines
        return False
    return True


def show_error(parent: QWidget | None, exc: BaseException) -> None:
    message, expected = describe(exc)
    if not expected:
        log.error("unexpected error", exc_info=(type(exc), exc, exc.__traceback__))
        message += "\n\n" + QCoreApplication.translate("errors", "The details are in the log file.")
    box = QMessageBox(QMessageBox.Icon.Warning if expected else QMessageBox.Icon.Critical,
                      QCoreApplication.translate("errors", "Error"), message, QMessageBox.StandardButton.Ok, parent)
    if not expected:
        box.setDetailedText("".join(traceback.format_exception(type(exc), exc, exc.__traceback__)))
    box.exec()


def install_excepthook() -> None:
    def hook(exc_type: type[BaseException], exc: BaseException, tb: TracebackType | None) -> None:
        if issubclass(exc_type, KeyboardInterrupt):
            sys.__excepthook__(exc_type, exc, tb)
            return
        exc.__traceback__ = tb
        try:
            show_error(None, exc)
        except Exception:  # never let the hook itself take the program down
            log.exception("could not show an error dialog")

    sys.excepthook = hook


def setup_logging() -> str:
    from logging.handlers import RotatingFileHandler

    from workbench.config import paths

    path = paths().log_file
    path.parent.mkdir(parents=True, exist_ok=True)
    handler = RotatingFileHandler(path, maxBytes=2_000_000, backupCount=3, encoding="utf-8")
    handler.setFormatter(logging.Formatter("%(asctime)s %(levelname)s %(name)s: %(message)s"))
    root = logging.getLogger()
    root.addHandler(handler)
    root.setLevel(logging.INFO)
    return str(path)
