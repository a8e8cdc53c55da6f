"""Where things live (platformdirs) and the typed settings of the program.

Paths can be moved for tests and portable installs with WORKBENCH_HOME: data, logs and
caches then all live under that one directory.
"""

from __future__ import annotations

import os
from dataclasses import dataclass
from pathlib import Path

APP_NAME = "workbench"
APP_AUTHOR = "workbench"


@dataclass(frozen=True, slots=True)
class Paths:
    data: Path
    logs: Path
    cache: Path

    @property
    def store(self) -> Path:
        return self.data / "workbench.sqlite"

    @property
    def demo_store(self) -> Path:
        return self.data / "demo.sqlite"

    @property
    def log_file(self) -> Path:
        return self.logs / "workbench.log"


def paths() -> Paths:
    home = os.environ.get("WORKBENCH_HOME")
    if home:
        root = Path(home)
        return Paths(root / "data", root / "logs", root / "cache")
    import platformdirs

    return Paths(
        Path(platformdirs.user_data_dir(APP_NAME, APP_AUTHOR)),
        Path(platformdirs.user_log_dir(APP_NAME, APP_AUTHOR)),
        Path(platformdirs.user_cache_dir(APP_NAME, APP_AUTHOR)),
    )
