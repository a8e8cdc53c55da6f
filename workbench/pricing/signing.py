"""Signatures on the price books HQ publishes (Ed25519), so that an edited local copy of a
catalogue or a pricing policy cannot widen a discount authority or lower a floor.

The server signs each book it accepts from HQ; a laptop enrolled with that server prices only
with books whose signature verifies against the server's public key (pinned at enrolment), with
the shipped defaults (they come with the program) or with a book its HQ user has just published
and not yet synced. Pure: no store, no network.
"""

from __future__ import annotations

import base64
import json
from datetime import date

from cryptography.exceptions import InvalidSignature
from cryptography.hazmat.primitives import serialization
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey, Ed25519PublicKey


def book_message(*, kind: str, book_version: str, valid_from: date | str, valid_to: date | str | None,
                 body: str) -> bytes:
    """The exact bytes signed: every field that decides what a quote is priced with."""
    def iso(value: date | str | None) -> str | None:
        return value.isoformat() if isinstance(value, date) else value

    return json.dumps({"kind": kind, "book_version": book_version, "valid_from": iso(valid_from),
                       "valid_to": iso(valid_to), "body": body},
                      ensure_ascii=False, sort_keys=True, separators=(",", ":")).encode("utf-8")


def new_key_pair() -> tuple[str, str]:
    """A fresh (private, public) key pair, each as base64 of its raw 32 bytes."""
    private = Ed25519PrivateKey.generate()
    raw_private = private.private_bytes(serialization.Encoding.Raw, serialization.PrivateFormat.Raw,
                                        serialization.NoEncryption())
    raw_public = private.public_key().public_bytes(serialization.Encoding.Raw, serialization.PublicFormat.Raw)
    return base64.b64encode(raw_private).decode(), base64.b64encode(raw_public).decode()


def sign(private_key: str, message: bytes) -> str:
    key = Ed25519PrivateKey.from_private_bytes(base64.b64decode(private_key))
    return base64.b64encode(key.sign(message)).decode()


def verify(public_key: str, message: bytes, signature: str | None) -> bool:
    """True when ``signature`` is the key's signature of ``message``; False for anything else
    (no signature, a malformed one, another key's, an edited message)."""
    if not signature:
        return False
    try:
        key = Ed25519PublicKey.from_public_bytes(base64.b64decode(public_key, validate=True))
        key.verify(base64.b64decode(signature, validate=True), message)
    except (InvalidSignature, ValueError, TypeError):
        return False
    return True
