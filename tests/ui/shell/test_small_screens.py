"""Small laptop screens (issue 13, item 7): on a 1024x600, 1280x720 or 1366x768 screen the main window,
the visit dialog, the offer builder and the import dialog open inside the screen with every
button on it, the list's filters show their whole text, the builder's totals keep their
height. Each screen is a process of its own (Qt's offscreen platform with a screen file)."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest
from PySide6.QtCore import QRect
from PySide6.QtWidgets import QDialog, QWidget
from pytestqt.qtbot import QtBot

from workbench.ui.screen_fit import fit_to_screen, keep_on_screen, vertical_scroll

PROBE = Path(__file__).with_name("small_screen_probe.py")


def run_probe(tmp_path: Path, width: int, height: int, lang: str, saved: str = "") -> dict:
    config = tmp_path / f"screen-{width}x{height}.json"
    config.write_text(json.dumps({"screens": [{"name": "laptop", "x": 0, "y": 0, "width": width, "height": height,
                                               "logicalDpi": 96, "dpr": 1}]}))
    home = tmp_path / f"home-{width}-{lang}"
    home.mkdir()
    env = {**os.environ, "QT_QPA_PLATFORM": f"offscreen:configfile={config}", "WORKBENCH_HOME": str(home)}
    done = subprocess.run([sys.executable, str(PROBE), str(home), lang, saved], env=env, capture_output=True,
                          text=True, timeout=240)
    assert done.returncode == 0, done.stderr[-3000:]
    return json.loads(done.stdout.strip().splitlines()[-1])


@pytest.mark.slow
@pytest.mark.parametrize(("width", "height", "lang"), [(1024, 600, "en"), (1024, 600, "zh_CN"), (1280, 720, "en"),
                                                        (1280, 720, "zh_CN"), (1366, 768, "zh_CN")])
def test_everything_opens_inside_a_small_screen(tmp_path: Path, width: int, height: int, lang: str) -> None:
    got = run_probe(tmp_path, width, height, lang)
    for name in ("main", "visit", "offer", "import"):
        assert got[name]["inside"], (name, got[name]["rect"], got["screen"])
        assert got[name]["buttons_off"] == [], (name, got[name])
    for text, shown, wanted in got["combos"]:  # 'All indus', 'Everyon', '全部阶段' cut no more
        assert shown >= wanted, (text, shown, wanted)
    for text, shown, wanted, shown_w, wanted_w in got["totals"]:  # no figure squashed away
        assert shown >= wanted and shown_w >= wanted_w, (text, shown, wanted, shown_w, wanted_w)
    main_w = got["main"]["rect"][2]
    assert main_w >= width - 40  # a small screen's window takes the screen


@pytest.mark.slow
def test_a_window_remembered_on_a_bigger_screen_comes_back_inside(qtbot: QtBot, tmp_path: Path) -> None:
    big = QWidget()
    qtbot.addWidget(big)
    big.setGeometry(QRect(1500, 900, 1800, 1000))  # on a screen to the right that is gone
    saved = bytes(big.saveGeometry().toHex()).decode()
    got = run_probe(tmp_path, 1024, 600, "en", saved)
    assert got["main"]["inside"], got["main"]


def test_a_dialog_never_opens_larger_than_its_screen(qtbot: QtBot) -> None:
    parent = QWidget()
    qtbot.addWidget(parent)
    parent.show()
    dialog = QDialog(parent)
    fit_to_screen(dialog, 5000, 4000)
    dialog.show()
    qtbot.waitExposed(dialog)
    area = dialog.screen().availableGeometry()
    assert area.contains(dialog.frameGeometry())


def test_keep_on_screen_brings_a_lost_window_back(qtbot: QtBot) -> None:
    window = QWidget()
    qtbot.addWidget(window)
    window.setGeometry(QRect(5000, 5000, 3000, 2000))
    keep_on_screen(window)
    window.show()
    qtbot.waitExposed(window)
    assert window.screen().availableGeometry().contains(window.frameGeometry())


def test_a_scrolling_panel_keeps_its_width(qtbot: QtBot) -> None:
    from PySide6.QtWidgets import QLabel, QVBoxLayout

    panel = QWidget()
    lay = QVBoxLayout(panel)
    for n in range(40):
        lay.addWidget(QLabel(f"a figure that must not be squashed away {n}"))
    scroll = vertical_scroll(panel)
    qtbot.addWidget(scroll)
    assert scroll.minimumSizeHint().width() >= panel.minimumSizeHint().width()
    assert scroll.minimumSizeHint().height() < panel.minimumSizeHint().height()
