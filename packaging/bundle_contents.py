"""What the frozen bundle must carry beyond what PyInstaller finds by itself.

Read by ``packaging/workbench.spec`` (loaded by its path: ``packaging`` is also the name of a
library PyInstaller imports, so this folder is never put on ``sys.path``) and by the tests.
Each item is a fix found by running the real program frozen (packaging/README.md):

- the Alembic migrations travel as files: Alembic reads ``env.py`` and ``versions/*.py`` from
  ``script_location`` on disk, not through the import system;
- ``workbench.resources`` (the font, the catalogue, the translations, the letterhead) as files;
- every module of the package is a hidden import: the screens are loaded through
  ``importlib`` by name (``PAGES`` in workbench/ui/main_window.py), which no import scan sees;
- the installed metadata of what ships, for ``--version`` and Help > About's licences.
"""

from __future__ import annotations

from pathlib import Path

APP_NAME = "workbench"

# Not part of the desktop program: the team's server and what only it uses, test and build
# tools. The desktop code never imports them (tests/packaging/test_bundle_contents.py).
SERVER_ONLY = ("fastapi", "starlette", "uvicorn", "psycopg", "psycopg_binary", "pydantic",
               "pydantic_core", "anyio.pytest_plugin")
# Optional imports of our dependencies that the program never uses: ReportLab's hyphenation
# (pyphen), httpx's brotli decoding (installed here only for WeasyPrint, the benchmark's).
UNUSED = ("pyphen", "brotli", "_brotli", "brotlicffi")
EXCLUDES = ["workbench.server", *SERVER_ONLY, *UNUSED, "tkinter", "pytest", "hypothesis",
            "weasyprint", "schemathesis", "IPython", "PyInstaller"]

# Loaded by Alembic from disk (the migrations) or only as data (the resources' sources).
_NOT_HIDDEN = ("workbench.server", "workbench.store.migrations.env",
               "workbench.store.migrations.versions.")


def _files(folder: Path, dest: str, suffixes: tuple[str, ...] | None = None) -> list[tuple[str, str]]:
    """(source file, destination folder) for every file under ``folder``, byte-code left out."""
    out = []
    for path in sorted(folder.rglob("*")):
        if not path.is_file() or "__pycache__" in path.parts or path.suffix == ".pyc":
            continue
        if suffixes is not None and path.suffix not in suffixes:
            continue
        rel = path.parent.relative_to(folder)
        out.append((str(path), str(Path(dest, rel)) if rel.parts else dest))
    return out


def data_files(root: Path) -> list[tuple[str, str]]:
    """The resources and the store's migrations, as (source, destination folder) pairs."""
    return [
        *_files(root / "resources", "workbench/resources"),
        *_files(root / "workbench" / "store" / "migrations", "workbench/store/migrations",
                (".py", ".mako")),
    ]


def module_names(root: Path) -> list[str]:
    """Every importable module of the ``workbench`` package, by its dotted name."""
    names = []
    for path in sorted((root / "workbench").rglob("*.py")):
        parts = list(path.relative_to(root).with_suffix("").parts)
        if parts[-1] == "__init__":
            parts.pop()
        names.append(".".join(parts))
    return names


def hidden_imports(root: Path) -> list[str]:
    """The package's modules (the desktop program's, the server's left out)."""
    return [name for name in module_names(root) if not name.startswith(_NOT_HIDDEN)
            and name != "workbench.store.migrations.versions"] + ["workbench.resources"]


def shipped_distributions(bundled_modules: set[str]) -> list[str]:
    """The distributions whose code is in the bundle (``bundled_modules``: the top-level names
    of what PyInstaller collected), and ``workbench`` itself: their metadata travels so that
    the About box lists exactly what ships."""
    from importlib import metadata

    from workbench.licences import distributions

    owners = metadata.packages_distributions()
    shipped = {name for top, dists in owners.items() if top in bundled_modules for name in dists}
    return ["workbench", *sorted(s.name for s in distributions() if s.name in shipped)]
