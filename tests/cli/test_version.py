"""``workbench --version``: the version of the installed distribution, exit code 0."""

from __future__ import annotations

import subprocess
import sys
from importlib import metadata

import pytest

from workbench.cli import main


def test_version_is_the_installed_distributions(capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit) as exited:
        main(["--version"])
    assert exited.value.code == 0
    assert capsys.readouterr().out == f"workbench {metadata.version('workbench')}\n"


def test_version_from_the_command_line() -> None:
    out = subprocess.run([sys.executable, "-m", "workbench", "--version"], capture_output=True, text=True,
                         timeout=60)
    assert out.returncode == 0, out.stderr
    assert out.stdout == f"workbench {metadata.version('workbench')}\n"
    assert out.stderr == ""
