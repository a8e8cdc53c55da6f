"""Languages: Chinese on a Chinese system, English otherwise, switchable at run time.

Source strings are English, wrapped in ``tr()``; ``resources/i18n/workbench_zh_CN.ts`` holds
the Chinese, compiled to ``.qm`` (``python -m workbench.ui.i18n``). A count goes through Qt's
numerus: ``self.tr("%n visit(s)", "", n)``; ``workbench_en.ts`` holds only such messages, with
the English singular and plural ("1 visit", "2 visits"), and is installed in the English UI.
Installing a translator sends every widget a LanguageChange event; widgets re-set their texts
in ``changeEvent`` (rule 7).
"""

from __future__ import annotations

import subprocess
import sys
from importlib.resources import files
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QEvent, QLibraryInfo, QLocale, QTranslator
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QInputDialog, QWidget

from workbench.ui.fonts import set_latin_ellipsis
from workbench.ui.settings import Settings

LANGUAGES = (("", "System / 跟随系统"), ("zh_CN", "中文"), ("en", "English"))
_installed: list[QTranslator] = []


def i18n_dir() -> Path:
    return Path(str(files("workbench.resources") / "i18n"))


def effective_language(setting: str) -> str:
    if setting:
        return setting
    return "zh_CN" if QLocale.system().language() == QLocale.Language.Chinese else "en"


def install(language: str) -> str:
    """Install the translators for ``language`` ("" = system); returns the one in force."""
    app = QCoreApplication.instance()
    assert app is not None
    had_translators = bool(_installed)
    for old in _installed:
        app.removeTranslator(old)
    _installed.clear()
    lang = effective_language(language)
    ours = QTranslator(app)  # English: its numerus forms only ("1 visit", "2 visits")
    if ours.load(str(i18n_dir() / f"workbench_{lang if lang.startswith('zh') else 'en'}.qm")):
        _installed.append(ours)
    if lang.startswith("zh"):
        qt = QTranslator(app)  # Qt's own dialogs and buttons
        if qt.load(f"qtbase_{lang}", QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)):
            _installed.append(qt)
    if isinstance(app, QGuiApplication):
        set_latin_ellipsis(app, not lang.startswith("zh"))
    for t in _installed:
        app.installTranslator(t)
    if had_translators and not _installed:  # back to the English sources: re-set the texts
        from PySide6.QtCore import QEvent

        QCoreApplication.sendEvent(app, QEvent(QEvent.Type.LanguageChange))
    return lang


def choose_language(parent: QWidget, settings: Settings) -> None:
    labels = [label for _, label in LANGUAGES]
    current = next((i for i, (code, _) in enumerate(LANGUAGES) if code == settings.language), 0)
    label, ok = QInputDialog.getItem(parent, QCoreApplication.translate("i18n", "Language"),
                                     QCoreApplication.translate("i18n", "Language of the program:"),
                                     labels, current, False)
    if ok:
        code = LANGUAGES[labels.index(label)][0]
        settings.language = code
        install(code)


def compile_translations() -> None:
    """Update the .ts sources from the code and compile them to .qm (a developer command)."""
    root = Path(__file__).resolve().parents[2]
    sources = sorted(str(p) for p in (root / "workbench" / "ui").rglob("*.py"))
    for ts in sorted(i18n_dir().glob("*.ts")):
        # the English .ts: the plural forms alone (the sources are English already)
        english = ["-pluralonly", "-source-language", "en", "-target-language", "en"] if ts.stem.endswith("_en") else []
        subprocess.run([str(Path(sys.executable).parent / "pyside6-lupdate"), *sources, "-no-obsolete", *english,
                        "-ts", str(ts)], check=True)
        subprocess.run([str(Path(sys.executable).parent / "pyside6-lrelease"), str(ts), "-qm",
                        str(ts.with_suffix(".qm"))], check=True)


if __name__ == "__main__":
    compile_translations()


class Retranslating:
    """Mixin for a widget with a ``retranslate()`` that re-sets its texts: it is called on
    every language change (put it first among the bases: ``class Pane(Retranslating, QWidget)``)."""

    def retranslate(self) -> None:
        raise NotImplementedError

    def changeEvent(self, event: QEvent) -> None:  # noqa: N802 - Qt's name
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)  # type: ignore[misc]
