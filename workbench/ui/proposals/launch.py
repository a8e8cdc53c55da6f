"""Opening an offer's proposal: produced in the background, then shown in the preview.

``services.proposals.produce_proposal`` renders off the GUI thread (``env.runner``, a write:
it stores the PDF with the offer version); a sent version's stored proposal comes back
unchanged and the preview says so. A refusal (a rejected offer, an offer changed meanwhile)
goes to ``on_refused`` for the caller to show beside the offer; anything else to a dialog.

The sheet is made in Chinese, whatever the window's language; the preview offers English,
and choosing it produces the sheet again in it (stored as the version's proposal, so Save and
Print hand over the sheet shown). A kept sheet (sent, or an older version's) keeps the
language it was made in.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from datetime import date, datetime
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, QDate, QLocale, Qt
from PySide6.QtWidgets import QMenu, QWidget

from workbench.domain.errors import FieldError, StaleEditError, ValidationError
from workbench.services import proposals
from workbench.services.proposals import ProposalRecord
from workbench.ui.env import UiEnv
from workbench.ui.errors import show_error
from workbench.ui.offers.format import text
from workbench.ui.runner import Op

if TYPE_CHECKING:  # the preview (QtPrintSupport, PDFium: ~40 ms) is imported when first shown
    from workbench.ui.proposals.preview import ProposalPreview


_UNSAFE = re.compile(r'[\\/:*?"<>|\x00-\x1f]')


def file_date(day: date, locale: QLocale | None = None) -> str:
    """``day`` in the locale's long date format without the weekday ("2026年11月24日",
    "November 24, 2026", "24 November 2026"), with nothing a file system refuses."""
    locale = QLocale() if locale is None else locale
    pattern = re.sub(r"d{3,}", "", locale.dateFormat(QLocale.FormatType.LongFormat)).strip(" ,")
    shown = locale.toString(QDate(day.year, day.month, day.day), pattern or "yyyy-MM-dd")
    return _UNSAFE.sub("-", shown).strip()


def file_name(record: ProposalRecord, locale: QLocale | None = None) -> str:
    """``FA-…-V1 某某银行 方案建议书 2026年11月24日.pdf`` (the date of the sheet in the
    locale's format; "Proposal" for a sheet in English) without characters file systems refuse."""
    kind = "Proposal" if record.content.lang == "en" else "方案建议书"
    name = f"{record.number} {record.content.customer_name} {kind} {file_date(record.issued_on, locale)}.pdf"
    return _UNSAFE.sub("_", name)


def open_proposal(env: UiEnv, parent: QWidget, *, offer_id: str, on_refused: Callable[[str], None],
                  on_shown: Callable[[ProposalPreview, ProposalRecord], None] | None = None,
                  version_no: int | None = None, now: Callable[[], datetime] = proposals.local_now) -> Op:
    """Produce (or fetch the frozen) proposal of the offer's current version, in Chinese, and
    preview it; with ``version_no``, the proposal stored for that version, as it is (nothing
    produced). ``now`` is the clock of the sheet's making moment (the PDF's CreationDate)."""
    today = env.today()

    def work(_op: Op) -> ProposalRecord:
        if version_no is not None:
            record = proposals.get_proposal(env.ctx, offer_id=offer_id, version_no=version_no)
            if record is None:
                raise ValidationError(FieldError("version_no", f"第 {version_no} 版没有建议书",
                                                 f"version {version_no} has no proposal"))
            return record
        return proposals.produce_proposal(env.ctx, offer_id=offer_id, today=today, now=now())

    def shown(record: ProposalRecord) -> None:
        from workbench.ui.proposals.preview import ProposalPreview

        note = None
        if record.frozen:
            note = QCoreApplication.translate(
                "ProposalLaunch", "This version was sent to the client: this is the proposal exactly "
                "as produced on {0}, it never changes. A revision makes a new version.").format(
                    record.issued_on.isoformat())
        preview = ProposalPreview(env, record.pdf, title=f"{record.number} {record.content.title}",
                                  suggested_name=file_name(record), missing=record.missing, frozen_note=note,
                                  lang=record.content.lang, lang_fixed=record.frozen or version_no is not None,
                                  parent=parent)
        preview.language_chosen.connect(
            lambda lang: _produce_in(env, preview, offer_id=offer_id, lang=lang, today=env.today(), now=now))
        preview.setWindowTitle(QCoreApplication.translate("ProposalLaunch", "Proposal {0} — {1}").format(
            record.number, record.content.customer_name))
        preview.open()
        if on_shown is not None:
            on_shown(preview, record)

    def failed(exc: BaseException) -> None:
        if isinstance(exc, ValidationError):
            on_refused("\n".join(text(e) for e in exc.errors))
        elif isinstance(exc, StaleEditError):
            on_refused(QCoreApplication.translate(
                "ProposalLaunch", "The offer changed while the proposal was being prepared; try again."))
        else:
            show_error(parent, exc)

    return env.runner.run(work, on_success=shown, on_failure=failed, write=version_no is None, owner=parent,
                          label=QCoreApplication.translate("ProposalLaunch", "Preparing the proposal…"))


def _produce_in(env: UiEnv, preview: ProposalPreview, *, offer_id: str, lang: str, today: date,
                now: Callable[[], datetime]) -> Op:
    """The offer's proposal made again in ``lang`` (off the GUI thread, stored as the version's
    record), then shown in ``preview``; a refusal stays in the preview's status line."""
    def work(_op: Op) -> ProposalRecord:
        return proposals.produce_proposal(env.ctx, offer_id=offer_id, today=today, lang=lang, now=now())

    def done(record: ProposalRecord) -> None:
        preview.show_pdf(record.pdf, lang=record.content.lang, suggested_name=file_name(record),
                         missing=record.missing)

    def failed(exc: BaseException) -> None:
        if isinstance(exc, ValidationError):
            preview.language_failed("\n".join(text(e) for e in exc.errors))
        elif isinstance(exc, StaleEditError):
            preview.language_failed(QCoreApplication.translate(
                "ProposalLaunch", "The offer changed while the proposal was being prepared; try again."))
        else:
            preview.language_failed(QCoreApplication.translate("ProposalLaunch", "Not prepared."))
            show_error(preview, exc)

    return env.runner.run(work, on_success=done, on_failure=failed, write=True, owner=preview,
                          label=QCoreApplication.translate("ProposalLaunch", "Preparing the proposal…"))


def stored_proposals_menu(env: UiEnv, parent: QWidget, *, offer_id: str, on_refused: Callable[[str], None],
                          on_shown: Callable[[ProposalPreview, ProposalRecord], None] | None = None) -> QMenu:
    """A menu of the offer's stored proposals, one entry per version (disabled when none)."""
    menu = QMenu(parent)
    menu.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)  # one per right-click
    stored = proposals.list_proposals(env.ctx, offer_id=offer_id)
    for item in stored:
        label = QCoreApplication.translate("ProposalLaunch", "Proposal of version {0} ({1}, {2})").format(
            item.version_no, item.issued_on.isoformat(),
            QCoreApplication.translate("ProposalLaunch", "as sent") if item.frozen
            else QCoreApplication.translate("ProposalLaunch", "draft"))
        action = menu.addAction(label)
        action.triggered.connect(lambda _checked=False, no=item.version_no: open_proposal(
            env, parent, offer_id=offer_id, on_refused=on_refused, on_shown=on_shown, version_no=no))
    if not stored:
        menu.addAction(QCoreApplication.translate("ProposalLaunch", "No proposal produced yet")).setEnabled(False)
    return menu
