"""services.startup: the GUI's way in builds the demo when it is missing or was left
half-built, and opens a complete one as it is."""

from __future__ import annotations

from pathlib import Path

from workbench.services.demo import demo_complete
from workbench.services.startup import open_context


def test_an_interrupted_demo_build_is_built_again(tmp_path: Path) -> None:
    path = tmp_path / "demo.sqlite"
    path.write_bytes(b"")  # what a killed build or a stray empty file leaves
    ctx = open_context(path, demo=True, demo_customers=20)
    try:
        assert demo_complete(path)
        from workbench.services.search import search_customers

        assert len(search_customers(ctx, query="").rows) > 0
    finally:
        ctx.store.close()
    again = open_context(path, demo=True, demo_customers=20)  # complete: opened, not rebuilt
    again.store.close()
