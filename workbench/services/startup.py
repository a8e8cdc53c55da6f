"""Opening the program's store: the one place a front end (the GUI, on a worker thread) gets
its context from. Builds the demo store first when asked for one that is missing or incomplete."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from workbench.services.context import Context

Progress = Callable[[int, int], None]


def open_context(path: Path, *, demo: bool, demo_customers: int, progress: Progress | None = None) -> Context:
    """The current user's context over the store at ``path`` (migrated when it is older).
    ``progress(done, total)`` follows a demo build and may raise to abandon it."""
    from workbench.services.demo import ensure_demo_store
    from workbench.services.users import user_context
    from workbench.store.engine import open_store
    from workbench.store.opening import classify, open_existing

    if demo:  # missing, empty or an interrupted build: built (again) before it is opened
        ensure_demo_store(path, customers=demo_customers, progress=progress)
    try:
        # The first start creates the store; a file already there is checked, never replaced.
        # (A symlink to nowhere or to itself is something there, said as such, not a missing store.)
        store = open_existing(path) if path.exists() or path.is_symlink() else open_store(path)
        return user_context(store)
    except Exception as exc:
        known = classify(exc, path)  # a damaged, unreadable or foreign file: say which
        if known is None or known is exc:
            raise
        raise known from exc


def backups(path: Path) -> list[Path]:
    """The store's backups (daily ones in the backup folder, the copies taken before
    migrations beside it), newest first (services.backups)."""
    from workbench.services.backups import list_backups

    try:
        return [b.path for b in list_backups(path)]
    except OSError:
        return []


def restore_backup(path: Path, backup: Path) -> Path:
    """Put ``backup`` in the place of the store at ``path``, which cannot be opened; the store
    there is moved aside (``NAME.damaged-STAMP``), never deleted. Returns where it went."""
    from workbench.services.backups import restore_damaged

    return restore_damaged(path, backup)


def needs_key(exc: BaseException) -> bool:
    """Whether opening failed for want of the store's key (wrong or none): a passphrase may
    open it (store/keys.py)."""
    return str(getattr(exc, "problem", "")) in ("wrong_key", "no_key")


def give_passphrase(path: Path, passphrase: str) -> None:
    """A passphrase for the encrypted store at ``path``, tried when it is next opened."""
    from workbench.store.keys import give_passphrase as give

    give(path, passphrase)
