"""The store's typed errors as the window sees them (the UI imports no store module)."""

from __future__ import annotations

from workbench.store.opening import Problem, StoreError

__all__ = ["Problem", "StoreError"]
