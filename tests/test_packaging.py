"""The installed package carries every subpackage, the migrations and the resources."""

from __future__ import annotations

import tomllib
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]


def test_every_subpackage_is_listed_in_pyproject() -> None:
    listed = set(tomllib.loads((ROOT / "pyproject.toml").read_text())["tool"]["setuptools"]["packages"])
    found = {
        ".".join(p.parent.relative_to(ROOT).parts)
        for p in (ROOT / "workbench").rglob("__init__.py")
    } | {"workbench.resources"}
    assert found == listed


def test_resources_and_migrations_are_reachable_as_package_data() -> None:
    from importlib.resources import files

    assert files("workbench.resources").is_dir()
    assert files("workbench.store.migrations").joinpath("script.py.mako").is_file()
    assert files("workbench.store.migrations").joinpath("env.py").is_file()
