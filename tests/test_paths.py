"""Where the program keeps its files (README, "Where your data lives"): the user's
platformdirs folders, or everything under WORKBENCH_HOME (portable mode, a USB stick). On
Linux platformdirs honours the XDG variables, so the real lookup runs here against folders
of the test's own."""

from __future__ import annotations

from pathlib import Path

import pytest

from workbench.config import paths
from workbench.services import backups


def test_the_files_follow_platformdirs(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    import platformdirs

    monkeypatch.delenv("WORKBENCH_HOME")
    for var, sub in (("XDG_DATA_HOME", "share"), ("XDG_STATE_HOME", "state"), ("XDG_CACHE_HOME", "cache")):
        monkeypatch.setenv(var, str(tmp_path / sub))
    p = paths()
    assert p.data == Path(platformdirs.user_data_dir("workbench", "workbench"))
    if platformdirs.PlatformDirs is platformdirs.unix.Unix:  # the table's Linux row
        assert p.store == tmp_path / "share" / "workbench" / "workbench.sqlite"
        assert p.log_file == tmp_path / "state" / "workbench" / "log" / "workbench.log"
    assert backups.default_folder() == p.data / "backups"
    assert backups.backup_folder() == p.data / "backups"
    from workbench.sync.tokens import _file as token_file

    assert token_file("d").parent == p.data / "tokens"  # where no keyring exists


def test_settings_ini_lives_in_the_data_folder(qapp: object, tmp_path: Path) -> None:
    from workbench.ui.settings import Settings

    settings = Settings()
    assert Path(settings.qsettings.fileName()) == paths().data / "settings.ini"


def test_workbench_home_holds_everything(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    stick = tmp_path / "USB STICK" / "工作台"
    monkeypatch.setenv("WORKBENCH_HOME", str(stick))
    p = paths()
    assert (p.store, p.log_file, backups.default_folder()) == (
        stick / "data" / "workbench.sqlite", stick / "logs" / "workbench.log", stick / "data" / "backups")
