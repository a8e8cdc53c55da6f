"""The per-field merge (docs/sync-protocol.md, "Merge"), without the database.

For an entry with base version B from device D, a field changes cleanly when its last change
has a version <= B or was made by D; otherwise the server's value stays (the provisional
winner) and the clash is reported. An edit racing a delete, in either order, keeps the row
alive with the edit and reports an ``edit_delete``.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from workbench.server.store import StoredRow
from workbench.server.tables import BOOKKEEPING


@dataclass(frozen=True)
class Clash:
    field: str
    kept: Any
    other: Any
    kept_device: str | None


@dataclass(frozen=True)
class EditDelete:
    """The row stays alive: ``editor_device`` edited it, ``deleter_device`` deleted it."""

    editor_device: str | None
    deleter_device: str | None


@dataclass
class Merged:
    changed: dict[str, Any] = field(default_factory=dict)
    clashes: list[Clash] = field(default_factory=list)
    edit_delete: EditDelete | None = None


def _foreign(row: StoredRow, key: str, base: int, device: str) -> bool:
    """Was ``key`` last changed by another device after the version the entry builds on?"""
    last = row.field_versions.get(key)
    return last is not None and int(last[0]) > base and last[1] != device


def _last_device(row: StoredRow, key: str) -> str | None:
    last = row.field_versions.get(key)
    return None if last is None else str(last[1])


def merge(row: StoredRow, op: str, fields: dict[str, Any], base: int, device: str) -> Merged:
    """What an entry changes in ``row`` and what it clashes with."""
    out = Merged()
    if op == "delete":
        if row.deleted:
            return out
        edited = [k for k in row.field_versions if k != "deleted" and _foreign(row, k, base, device)]
        if edited:  # a delete racing an edit: the edit stands
            out.edit_delete = EditDelete(_last_device(row, edited[0]), device)
        else:
            out.changed["deleted"] = True
        return out
    edits = {k: v for k, v in fields.items()
             if k not in BOOKKEEPING and k != "deleted" and row.data.get(k) != v}
    deleted_elsewhere = row.deleted and _foreign(row, "deleted", base, device)
    if deleted_elsewhere:
        if edits:  # an edit racing a delete: the row comes back with the edit
            out.edit_delete = EditDelete(device, _last_device(row, "deleted"))
            out.changed["deleted"] = False
    elif "deleted" in fields and bool(fields["deleted"]) != row.deleted:
        out.changed["deleted"] = bool(fields["deleted"])
    for key, value in edits.items():
        if _foreign(row, key, base, device):
            out.clashes.append(Clash(key, row.data.get(key), value, _last_device(row, key)))
        else:
            out.changed[key] = value
    return out
