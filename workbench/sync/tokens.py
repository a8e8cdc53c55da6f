"""Where a device keeps its sync token: the OS keyring, or a file only its owner can read.

``keyring`` raises ``NoKeyringError`` (or offers only its "fail" / plaintext backends) on a
headless Linux; then the token goes to ``<data dir>/tokens/<device>.token`` with mode 0600.
The plaintext ``keyrings.alt`` backends are never used: they would be no safer than the file
and would hide where the secret is.
"""

from __future__ import annotations

import logging
import os
from pathlib import Path

from workbench import config

log = logging.getLogger(__name__)

SERVICE = "workbench-sync"
_UNSAFE_BACKENDS = ("keyrings.alt", "keyring.backends.fail", "keyring.backends.null")


def _keyring() -> object | None:
    if os.environ.get("WORKBENCH_NO_KEYRING"):
        return None
    try:
        import keyring
        from keyring.errors import KeyringError
    except ImportError:
        return None
    try:
        backend = keyring.get_keyring()
    except KeyringError:
        return None
    name = f"{type(backend).__module__}.{type(backend).__name__}"
    if name.startswith(_UNSAFE_BACKENDS) or getattr(backend, "priority", 1) <= 0:
        return None
    return backend


def _file(device_id: str) -> Path:
    return config.paths().data / "tokens" / f"{device_id}.token"


def save_token(device_id: str, token: str) -> str:
    """Store ``token`` for ``device_id``; returns where it went (``keyring`` or a path)."""
    backend = _keyring()
    if backend is not None:
        try:
            backend.set_password(SERVICE, device_id, token)  # type: ignore[attr-defined]
            _file(device_id).unlink(missing_ok=True)
            return "keyring"
        except Exception as exc:  # a locked or broken keyring: fall back to the file
            log.warning("keyring refused the sync token (%s); using a 0600 file", exc)
    path = _file(device_id)
    path.parent.mkdir(parents=True, exist_ok=True)
    fd = os.open(path.with_suffix(".tmp"), os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
    with os.fdopen(fd, "w", encoding="utf-8") as out:
        out.write(token)
    os.replace(path.with_suffix(".tmp"), path)
    os.chmod(path, 0o600)
    return str(path)


def load_token(device_id: str) -> str | None:
    backend = _keyring()
    if backend is not None:
        try:
            found = backend.get_password(SERVICE, device_id)  # type: ignore[attr-defined]
            if found:
                return str(found)
        except Exception as exc:
            log.warning("keyring could not be read (%s)", exc)
    path = _file(device_id)
    return path.read_text(encoding="utf-8").strip() if path.exists() else None


def move_token(old_device_id: str, new_device_id: str) -> None:
    """The device took a new identity: its token follows it."""
    token = load_token(old_device_id)
    if token:
        save_token(new_device_id, token)
