"""The OS keyring, when there is a safe one: shared by the sync token (``sync/tokens.py``)
and the store's encryption key (``store/keys.py``).

``keyring`` raises ``NoKeyringError`` (or offers only its "fail" / "null" backends) on a
headless Linux; then there is no keyring and the callers fall back (a 0600 file for the
token, a passphrase for the store). The plaintext ``keyrings.alt`` backends are never used:
they would be no safer than a file and would hide where the secret is.
``WORKBENCH_NO_KEYRING=1`` turns the keyring off (portable use, tests).
"""

from __future__ import annotations

import logging
import os
from typing import Any

log = logging.getLogger(__name__)

UNSAFE_BACKENDS = ("keyrings.alt", "keyring.backends.fail", "keyring.backends.null")


def usable_keyring() -> Any | None:
    """The keyring backend to keep secrets in, or None where there is no safe one."""
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
    if name.startswith(UNSAFE_BACKENDS) or getattr(backend, "priority", 1) <= 0:
        return None
    return backend


def get_secret(service: str, account: str) -> str | None:
    """The secret kept for ``(service, account)``; None when there is none or no keyring
    (a locked or broken keyring is logged and counts as none)."""
    backend = usable_keyring()
    if backend is None:
        return None
    try:
        found = backend.get_password(service, account)
    except Exception as exc:
        log.warning("the keyring could not be read (%s)", exc)
        return None
    return str(found) if found else None


def set_secret(service: str, account: str, secret: str) -> bool:
    """Keep ``secret`` in the keyring; False when there is none or it refused."""
    backend = usable_keyring()
    if backend is None:
        return False
    try:
        backend.set_password(service, account, secret)
    except Exception as exc:
        log.warning("the keyring refused a secret (%s)", exc)
        return False
    return True
