"""The Chinese translation: complete, compiled, and applied at run time (LanguageChange).

Every test puts English back at the end: the other tests read English texts.
"""

from __future__ import annotations

import re
import subprocess
import sys
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest
from PySide6.QtCore import QCoreApplication, QSettings, QTranslator
from pytestqt.qtbot import QtBot

from workbench.ui import i18n
from workbench.ui.labels import current_lang
from workbench.ui.main_window import MainWindow
from workbench.ui.settings import Settings

TS = i18n.i18n_dir() / "workbench_zh_CN.ts"
QM = TS.with_suffix(".qm")
EN_TS = i18n.i18n_dir() / "workbench_en.ts"

#: (context, English source, Chinese) that must come out once zh_CN is installed.
KNOWN = (
    ("lang", "en", "zh"),
    ("MainWindow", "Today", "今日"),
    ("MainWindow", "Customers", "客户"),
    ("MainWindow", "&File", "文件(&F)"),
    ("MainWindow", "New &visit…", "新建拜访(&V)…"),
    ("FormTexts", "&Situation", "背景问题(&S)"),
    ("FormTexts", "N&eed-payoff", "需求-效益问题(&E)"),
    ("TodayPage", "Planned for the next {0} days", "未来 {0} 天计划"),
)


def _text(translation: ET.Element) -> str:
    """A translation's text; a numerus message's forms, one a line."""
    forms = translation.findall("numerusform")
    return "\n".join(f.text or "" for f in forms) if forms else (translation.text or "")


def _messages(ts: Path = TS) -> list[tuple[str, str, str | None, ET.Element]]:
    """(context, source, disambiguation comment, <translation>) of every message of the .ts."""
    root = ET.parse(ts).getroot()
    out = []
    for ctx in root.iter("context"):
        name = ctx.findtext("name") or ""
        for msg in ctx.iter("message"):
            translation = msg.find("translation")
            assert translation is not None
            out.append((name, msg.findtext("source") or "", msg.findtext("comment"), translation))
    return out


def test_chinese_installs_and_english_comes_back(english_after: None) -> None:
    assert i18n.install("zh_CN") == "zh_CN"
    assert current_lang() == "zh"
    for context, source, chinese in KNOWN:
        assert QCoreApplication.translate(context, source) == chinese, (context, source)
    assert i18n.install("en") == "en"
    assert current_lang() == "en"
    for context, source, _ in KNOWN:
        assert QCoreApplication.translate(context, source) == source


def test_every_message_is_translated_and_finished() -> None:
    messages = _messages()
    assert len(messages) > 300
    bad = [(c, s) for c, s, _, t in messages
           if t.get("type") in ("unfinished", "vanished", "obsolete") or not _text(t).strip()]
    assert bad == []
    for context, source, _, t in messages:
        chinese = _text(t)
        # placeholders kept; one "(&X)" mnemonic for each "&X" of the source
        assert sorted(re.findall(r"\{\d+\}|%n", source)) == sorted(re.findall(r"\{\d+\}|%n", chinese)), \
            (context, source, chinese)
        letters = re.findall(r"&([^&\s;])", source.replace("&nbsp;", ""))
        assert re.findall(r"\(&(.)\)", chinese) == [x.upper() for x in letters], (context, source, chinese)


def test_compiled_qm_is_current_and_complete(qapp) -> None:  # noqa: ANN001
    assert QM.is_file(), "run: python -m workbench.ui.i18n"
    # 2 s of slack for checkouts that write both files in either order
    assert QM.stat().st_mtime >= TS.stat().st_mtime - 2, "the .ts changed: run python -m workbench.ui.i18n"
    translator = QTranslator()
    assert translator.load(str(QM))
    stale = [(c, s) for c, s, comment, t in _messages()
             if translator.translate(c, s, comment) != _text(t)]
    assert stale == [], "the .qm differs from the .ts: run python -m workbench.ui.i18n"


def test_counts_take_the_plural_form_of_the_language(english_after: None) -> None:
    """"1 contact", "2 contacts" (workbench_en.ts, installed in the English UI); one form in
    Chinese ("1 位联系人"). No "(s)" is left for the reader to work out."""
    assert i18n.install("en") == "en"
    count = QCoreApplication.translate
    assert [count("BuyingCentreView", "%n contact(s)", "", n) for n in (0, 1, 2)] == \
        ["0 contacts", "1 contact", "2 contacts"]
    assert count("TimelineView", "Follow-up {0}: overdue by %n day(s)", "", 1) == "Follow-up {0}: overdue by 1 day"
    i18n.install("zh_CN")
    assert [count("BuyingCentreView", "%n contact(s)", "", n) for n in (1, 2)] == ["1 位联系人", "2 位联系人"]
    plural = [(c, s) for c, s, _, t in _messages() if "(s)" in s]
    numerus = {(c, s) for c, s, _, t in _messages() if t.findall("numerusform")}
    assert plural and set(plural) <= numerus, set(plural) - numerus
    english = {(c, s): [f.text for f in t.findall("numerusform")] for c, s, _, t in _messages(EN_TS)}
    assert set(english) == numerus
    for (c, s), (one, many) in english.items():
        assert "(s)" not in one + many and one != many and "%n" in one and "%n" in many, (c, s)
    qm = EN_TS.with_suffix(".qm")
    assert qm.stat().st_mtime >= EN_TS.stat().st_mtime - 2, "run: python -m workbench.ui.i18n"


def test_lrelease_reports_nothing_unfinished(tmp_path: Path) -> None:
    lrelease = Path(sys.executable).parent / "pyside6-lrelease"
    if not lrelease.exists():
        pytest.skip("pyside6-lrelease is not installed next to the interpreter")
    result = subprocess.run([str(lrelease), str(TS), "-qm", str(tmp_path / "check.qm")],
                            capture_output=True, text=True, check=True)
    match = re.search(r"Generated (\d+) translation\(s\) \((\d+) finished and (\d+) unfinished\)",
                      result.stdout + result.stderr)
    assert match is not None, result.stdout + result.stderr
    generated, finished, unfinished = map(int, match.groups())
    assert (generated, finished, unfinished) == (len(_messages()), len(_messages()), 0)
    assert "untranslated" not in (result.stdout + result.stderr).lower()


def test_main_window_retranslates_on_language_change(qtbot: QtBot, qapp, tmp_path: Path,  # noqa: ANN001
                                                     english_after: None) -> None:
    settings = Settings(QSettings(str(tmp_path / "s.ini"), QSettings.Format.IniFormat))
    w = MainWindow(settings)
    qtbot.addWidget(w)

    def texts() -> tuple[str, list[str], list[str]]:
        menus = [m.title() for m in (w.menu_file, w.menu_edit, w.menu_view, w.menu_settings)]
        return w.windowTitle(), menus, [a.text() for a in w.act_pages]

    english = ("Account Manager's Workbench", ["&File", "&Edit", "&View", "&Settings"],
               ["Today", "Customers", "Pipeline", "Conflicts", "Approvals", "Dashboard"])
    chinese = ("集团客户经理工作台", ["文件(&F)", "编辑(&E)", "视图(&V)", "设置(&S)"],
               ["今日", "客户", "阶段看板", "冲突", "审批", "数据看板"])
    assert texts() == english

    i18n.install("zh_CN")
    qtbot.waitUntil(lambda: texts() == chinese, timeout=5_000)
    assert w.act_new_visit.text() == "新建拜访(&V)…"
    assert w.loading.text() == "正在打开数据库…"

    i18n.install("en")
    qtbot.waitUntil(lambda: texts() == english, timeout=5_000)
    assert w.act_new_visit.text() == "New &visit…"


def test_one_retranslating_mixin_serves_every_widget(qapp) -> None:  # noqa: ANN001
    """A language change reaches ``retranslate()`` through the mixin; no widget keeps its own
    copy of the ``changeEvent`` override."""
    from PySide6.QtCore import QCoreApplication, QEvent
    from PySide6.QtWidgets import QLabel

    from workbench.ui.i18n import Retranslating

    class Pane(Retranslating, QLabel):
        calls = 0

        def retranslate(self) -> None:
            Pane.calls += 1

    pane = Pane()
    QCoreApplication.sendEvent(pane, QEvent(QEvent.Type.LanguageChange))
    assert Pane.calls == 1
    ui = Path(__file__).resolve().parents[2] / "workbench" / "ui"
    copies = [p.name for p in ui.rglob("*.py") if "def changeEvent" in p.read_text() and p.name != "i18n.py"]
    assert copies == []


def test_one_bilingual_picker() -> None:
    """Chinese or English is chosen in one place (ui/labels.py: label, stage_name, ui_locale)."""
    ui = Path(__file__).resolve().parents[2] / "workbench" / "ui"
    pickers = [p.name for p in ui.rglob("*.py")
               if re.search(r"current_lang\(\) == \"zh\"|\.zh if |name_zh if ", p.read_text()) and p.name != "labels.py"]
    assert pickers == []
