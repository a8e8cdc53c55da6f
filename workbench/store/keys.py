"""The key of an encrypted store: where it comes from, and which stores get one.

A store is encrypted with SQLCipher 4 under a raw 256-bit key (``PRAGMA key = "x'..'"``: no
key derivation per connection, ~0.2 ms, where a passphrase costs ~120 ms on every one).

- **Keyring** (the default where the OS keyring works, ``workbench.keyring_access``): one
  random key per user, kept as ``workbench-store / store-key``. New stores, their backups
  and the demo store all use it, so a copy or a restored backup opens without asking.
- **Passphrase** (where there is no keyring, or the keyring's key does not open the file,
  e.g. on another laptop): the key is derived once per file from the passphrase and the
  file's salt exactly as SQLCipher derives it (PBKDF2-HMAC-SHA512, 256,000 rounds), then
  used raw. It comes from ``WORKBENCH_PASSPHRASE``, from :func:`give_passphrase` (the
  window's dialog), or from the source set by :func:`set_passphrase_source` (the command
  line's prompt).

Copies (backups, a conversion's result) are created with the key *and the salt* of their
source (``x'<key><salt>'``), so a passphrase opens them too.

Which new stores are encrypted: ``WORKBENCH_ENCRYPT=1`` always (with the keyring's key, or
a passphrase where there is no keyring), ``=0`` never, unset: where the keyring works.

Only the standard library is imported at module level.
"""

from __future__ import annotations

import hashlib
import os
import secrets
import threading
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

SERVICE, ACCOUNT = "workbench-store", "store-key"
ENV_ENCRYPT, ENV_PASSPHRASE = "WORKBENCH_ENCRYPT", "WORKBENCH_PASSPHRASE"
KDF_ROUNDS = 256_000  # SQLCipher 4's default
SALT_BYTES = 16
PASSPHRASE_TRIES = 3

# (path, why) -> a passphrase, or None to give up; why is "open", "retry" or "create".
PassphraseSource = Callable[[Path, str], str | None]


@dataclass(frozen=True, slots=True)
class Key:
    """A raw 256-bit SQLCipher key (64 hex digits) and the salt of the file it opens."""

    hex: str
    salt: bytes
    source: str = "keyring"  # keyring | passphrase

    def pragma(self, *, with_salt: bool = False) -> str:
        """The value of ``PRAGMA key``/``ATTACH ... KEY``; ``with_salt`` for a new file that
        must get this salt (a copy that a passphrase should open too)."""
        salt = self.salt.hex() if with_salt else ""
        return f"\"x'{self.hex}{salt}'\""


_lock = threading.RLock()
_by_salt: dict[bytes, Key] = {}  # keys found this session, by the file's salt
_given: dict[str, str] = {}  # passphrases given for a path (the window's dialog)
_source: PassphraseSource | None = None


def derive(passphrase: str, salt: bytes) -> str:
    """The raw key SQLCipher 4 derives from ``passphrase`` for a file with ``salt``."""
    return hashlib.pbkdf2_hmac("sha512", passphrase.encode("utf-8"), salt, KDF_ROUNDS, 32).hex()


def set_passphrase_source(source: PassphraseSource | None) -> None:
    global _source
    _source = source


def give_passphrase(path: Path, passphrase: str) -> None:
    """A passphrase for the store at ``path``, tried when it is next opened."""
    with _lock:
        _given[str(Path(path).resolve())] = passphrase


def forget() -> None:
    """Forget every key and passphrase of this session (tests; a locked screen)."""
    with _lock:
        _by_salt.clear()
        _given.clear()


def remember(key: Key) -> None:
    with _lock:
        _by_salt[key.salt] = key


def keyring_key(*, create: bool = False) -> str | None:
    """The user's store key from the keyring (made and kept there if ``create``); None
    where there is no keyring, or none kept and not ``create``."""
    from workbench.keyring_access import get_secret, set_secret, usable_keyring

    found = get_secret(SERVICE, ACCOUNT)
    if found or not create or usable_keyring() is None:
        return found
    fresh = secrets.token_hex(32)
    return fresh if set_secret(SERVICE, ACCOUNT, fresh) else None


def encryption_wanted() -> bool:
    """Whether a new store is encrypted (see the module's note)."""
    from workbench.keyring_access import usable_keyring

    wanted = os.environ.get(ENV_ENCRYPT, "").strip().lower()
    if wanted in ("0", "no", "off", "false"):
        return False
    if wanted in ("1", "yes", "on", "true"):
        return True
    return usable_keyring() is not None


def _passphrase(path: Path, why: str) -> str | None:
    given = _given.get(str(path.resolve())) if why != "retry" else None
    if given is None and why != "retry":
        given = os.environ.get(ENV_PASSPHRASE) or None
    if given is None and _source is not None:
        given = _source(path, why)
    return given


def key_for_new(path: Path) -> Key | None:
    """The key of a store about to be created at ``path``, None for a plain one (new stores
    are not encrypted here: :func:`encryption_wanted`)."""
    return new_key(path) if encryption_wanted() else None


def new_key(path: Path) -> Key:
    """A key for a store to be encrypted at ``path`` (created, or converted): the keyring's,
    or one derived from a passphrase where there is no keyring. Raises
    :class:`~workbench.store.opening.StoreError` (``NO_KEY``) when there is neither."""
    salt = secrets.token_bytes(SALT_BYTES)
    with _lock:
        raw = keyring_key(create=True)
        if raw is not None:
            key = Key(raw, salt, "keyring")
        else:
            passphrase = _passphrase(path, "create")
            if not passphrase:
                from workbench.store.opening import Problem, StoreError

                raise StoreError(Problem.NO_KEY, path, "no keyring here: give a passphrase")
            key = Key(derive(passphrase, salt), salt, "passphrase")
        remember(key)
        return key


def key_for(path: Path, salt: bytes, opens: Callable[[Key], bool]) -> Key:
    """The key that opens the encrypted file at ``path`` (whose salt is ``salt``): the one
    found earlier this session, the keyring's, then passphrases. ``opens(key)`` tries one.
    Raises :class:`~workbench.store.opening.StoreError`: ``WRONG_KEY`` when keys were tried
    and none opened it, ``NO_KEY`` when there was none to try."""
    from workbench.store.opening import Problem, StoreError

    with _lock:
        known = _by_salt.get(salt)
        if known is not None:
            return known
        tried = False
        raw = keyring_key()
        if raw is not None:
            tried = True
            key = Key(raw, salt, "keyring")
            if opens(key):
                remember(key)
                return key
        why = "open"
        for _ in range(PASSPHRASE_TRIES):
            passphrase = _passphrase(path, why)
            if not passphrase:
                break
            tried = True
            key = Key(derive(passphrase, salt), salt, "passphrase")
            if opens(key):
                remember(key)
                return key
            if _source is None:
                break
            why = "retry"
        if tried:
            raise StoreError(Problem.WRONG_KEY, path)
        raise StoreError(Problem.NO_KEY, path)
