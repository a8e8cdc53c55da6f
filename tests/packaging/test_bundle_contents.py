"""What packaging/bundle_contents.py adds to the bundle covers what the program loads in ways
PyInstaller's import scan does not see (checked without building: the frozen smoke test,
test_frozen.py, checks the built bundle)."""

from __future__ import annotations

import ast
import importlib.util
from pathlib import Path
from types import ModuleType

ROOT = Path(__file__).resolve().parents[2]


def _contents() -> ModuleType:
    spec = importlib.util.spec_from_file_location("bundle_contents", ROOT / "packaging" / "bundle_contents.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def test_every_screen_loaded_by_name_is_a_hidden_import() -> None:
    from workbench.ui.main_window import PAGES

    hidden = set(_contents().hidden_imports(ROOT))
    assert {target.partition(":")[0] for _, target in PAGES} <= hidden
    assert "workbench.ui.main_window" in hidden and "workbench.resources" in hidden
    assert not any(name.startswith("workbench.server") for name in hidden)


def test_the_migrations_and_resources_travel_as_files() -> None:
    data = {(Path(src).relative_to(ROOT).as_posix(), dest) for src, dest in _contents().data_files(ROOT)}
    migrations = ROOT / "workbench" / "store" / "migrations"
    for version in (migrations / "versions").glob("*.py"):
        assert (version.relative_to(ROOT).as_posix(), "workbench/store/migrations/versions") in data
    assert ("workbench/store/migrations/env.py", "workbench/store/migrations") in data
    assert ("workbench/store/migrations/script.py.mako", "workbench/store/migrations") in data
    for resource in ("fonts/WorkbenchSansSC-Regular.ttf", "catalogue/catalogue.json",
                     "catalogue/policy.json", "i18n/workbench_zh_CN.qm", "branding/logo.png",
                     "__init__.py"):
        folder = str(Path("workbench/resources", resource).parent.as_posix())
        assert (f"resources/{resource}", folder) in data
    assert not any("__pycache__" in src for src, _ in data)


def test_the_desktop_code_never_imports_what_the_bundle_leaves_out() -> None:
    excluded = {name.split(".")[0] for name in _contents().EXCLUDES} - {"workbench"}
    offenders = []
    for path in sorted((ROOT / "workbench").rglob("*.py")):
        if "server" in path.relative_to(ROOT / "workbench").parts:
            continue
        for node in ast.walk(ast.parse(path.read_text("utf-8"))):
            names = ([a.name for a in node.names] if isinstance(node, ast.Import)
                     else [node.module or ""] if isinstance(node, ast.ImportFrom) and node.level == 0
                     else [])
            offenders += [f"{path.relative_to(ROOT)}: {n}" for n in names
                          if n.split(".")[0] in excluded or n.startswith("workbench.server")]
    assert offenders == []


def test_shipped_distributions_follow_what_was_collected() -> None:
    shipped = _contents().shipped_distributions({"sqlalchemy", "PySide6", "reportlab"})
    assert shipped[0] == "workbench"
    names = {n.lower() for n in shipped}
    assert {"sqlalchemy", "reportlab"} <= names
    assert "fastapi" not in names and "uvicorn" not in names  # not collected: not listed
