"""Save as opens where the manager saved last (Documents the first time), and the suggested
file name carries the sheet's date in the locale's format (issue 13, item 15). The real
QFileDialog is driven (Qt's own dialog, offscreen)."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from datetime import date
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import QLocale, QStandardPaths, QTimer
from PySide6.QtWidgets import QApplication, QFileDialog

from workbench.proposals.render import render_proposal
from workbench.proposals.sample import sample_content
from workbench.ui.proposals.launch import file_date
from workbench.ui.proposals.preview import ProposalPreview

NAME = "FA-20261124-0001-V1 某市人民医院 方案建议书.pdf"


@pytest.fixture(scope="module")
def pdf() -> bytes:
    return render_proposal(sample_content(2)).pdf


@pytest.fixture
def documents(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A home of its own whose Documents folder exists (where Qt says Documents is)."""
    home = tmp_path / "home"
    monkeypatch.setenv("HOME", str(home))
    monkeypatch.setenv("XDG_CONFIG_HOME", str(home / ".config"))
    monkeypatch.delenv("XDG_DOCUMENTS_DIR", raising=False)
    folder = Path(QStandardPaths.writableLocation(QStandardPaths.StandardLocation.DocumentsLocation))
    assert folder.is_relative_to(home)
    folder.mkdir(parents=True)
    return folder


def preview(qtbot: Any, env: Any, pdf: bytes) -> ProposalPreview:
    dlg = ProposalPreview(env, pdf, title="t", suggested_name=NAME)
    qtbot.addWidget(dlg)
    dlg.show()
    qtbot.waitExposed(dlg)
    return dlg


def save_through_the_dialog(qtbot: Any, dlg: ProposalPreview, answer: Callable[[QFileDialog], Path | None]) -> Path:
    """Click Save as…; in the real file dialog note where it opened, then let ``answer`` choose
    a file (None: cancel). Returns the path the dialog proposed first."""
    seen: list[Path] = []

    def in_the_dialog() -> None:
        box = QApplication.activeModalWidget()
        if not isinstance(box, QFileDialog):
            QTimer.singleShot(20, in_the_dialog)
            return
        seen.append(Path(box.selectedFiles()[0]))
        chosen = answer(box)
        if chosen is None:
            box.reject()
        else:
            box.selectFile(str(chosen))
            box.accept()

    QTimer.singleShot(0, in_the_dialog)
    dlg.save_button.click()
    assert seen, "no file dialog opened"
    return seen[0]


@pytest.fixture(autouse=True)
def qt_dialogs(qapp: Any) -> Iterator[None]:  # Qt's own file dialog, the one a test can drive
    from PySide6.QtCore import Qt

    qapp.setAttribute(Qt.ApplicationAttribute.AA_DontUseNativeDialogs, True)
    yield
    qapp.setAttribute(Qt.ApplicationAttribute.AA_DontUseNativeDialogs, False)


def test_first_save_opens_in_documents_then_where_saved_last(qtbot, ui_env, pdf: bytes, documents: Path,
                                                            tmp_path: Path) -> None:
    first = preview(qtbot, ui_env, pdf)
    proposed = save_through_the_dialog(qtbot, first, lambda _box: None)  # cancelled
    assert proposed == documents / NAME  # not the process's working directory
    clients = tmp_path / "客户资料" / "某市人民医院"
    clients.mkdir(parents=True)
    save_through_the_dialog(qtbot, first, lambda _box: clients / "建议书.pdf")
    assert (clients / "建议书.pdf").read_bytes() == pdf
    first.close()

    again = preview(qtbot, ui_env, pdf)  # another preview, later: the same folder
    assert save_through_the_dialog(qtbot, again, lambda _box: None) == clients / NAME
    assert ui_env.settings.proposal_folder == str(clients)
    (clients / "建议书.pdf").unlink()
    clients.rmdir()  # the folder went away: back to Documents
    assert save_through_the_dialog(qtbot, again, lambda _box: None) == documents / NAME


@pytest.mark.parametrize(("locale", "shown"), [
    ("zh_CN", "2026年11月24日"), ("en_US", "November 24, 2026"), ("en_GB", "24 November 2026"),
    ("de_DE", "24. November 2026"),
])
def test_file_dates_follow_the_locale(locale: str, shown: str) -> None:
    assert file_date(date(2026, 11, 24), QLocale(locale)) == shown


def test_no_file_system_refuses_the_date() -> None:
    for name in ("zh_CN", "en_US", "en_GB", "de_DE", "fr_FR", "ja_JP", "C", "ar_EG", "fa_IR"):
        text = file_date(date(2026, 1, 5), QLocale(name))
        assert text and not set(text) & set('\\/:*?"<>|'), (name, text)
