"""The layers of docs/architecture.md, kept: widgets reach the data through services only."""

from __future__ import annotations

import ast
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1] / "workbench"


def _imports(path: Path) -> set[str]:
    out: set[str] = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.ImportFrom) and node.module:
            out.add(node.module)
        elif isinstance(node, ast.Import):
            out.update(a.name for a in node.names)
    return out


def test_no_widget_module_imports_the_store_or_sqlalchemy() -> None:
    offenders = {str(p.relative_to(ROOT)): sorted(m for m in _imports(p)
                                                  if m.startswith(("workbench.store", "sqlalchemy")))
                 for p in (ROOT / "ui").rglob("*.py")}
    assert {k: v for k, v in offenders.items() if v} == {}


ENGINES = ("domain", "store", "services", "pricing", "proposals", "sync", "server")


def test_no_module_below_the_widgets_imports_qt() -> None:
    offenders = {str(p.relative_to(ROOT)): sorted(m for m in _imports(p)
                                                  if m.startswith(("PySide6", "shiboken6", "workbench.ui")))
                 for package in ENGINES for p in (ROOT / package).rglob("*.py")}
    assert {k: v for k, v in offenders.items() if v} == {}


REPO = ROOT.parent
#: Documents outside the repository that older files cited; the project's own docs/ say it now.
OUTSIDE = ("../" + "shared", "shared/" + "ARCHITECTURE", "ARCHITECTURE" + ".md", "DOMAIN" + ".md",
           "shared/" + "seed")
TEXT = {".py", ".md", ".toml", ".txt", ".cfg", ".ini", ".in", ".iss", ".spec", ".sh", ".yml", ".yaml", ".ts", ""}


def test_no_file_cites_documents_outside_the_repository() -> None:
    files = [REPO / "README.md", REPO / "pyproject.toml", REPO / ".ci" / "run"]
    for folder in ("docs", "workbench", "tests", "benchmarks", "packaging", "resources", ".github"):
        files += [p for p in (REPO / folder).rglob("*") if p.is_file() and p.suffix in TEXT
                  and "__pycache__" not in p.parts]
    cited = {str(p.relative_to(REPO)): [s for s in OUTSIDE if s in p.read_text("utf-8", errors="replace")]
             for p in files if p.exists()}
    assert {k: v for k, v in cited.items() if v} == {}
