"""The server's half of signed price books: its key pair (made by migration s0002, kept in
``server_meta``) and the signature put on every price book it stores, whatever a device sent
(workbench.pricing.signing; a laptop pins the public key at enrolment)."""

from __future__ import annotations

from typing import Any

from sqlalchemy import select
from sqlalchemy.engine import Connection

from workbench.pricing.signing import book_message, sign
from workbench.server.schema import server_meta


def _meta(conn: Connection, key: str) -> str:
    value = conn.scalar(select(server_meta.c.value).where(server_meta.c.key == key))
    if value is None:
        raise RuntimeError(f"server_meta has no {key}: run `workbench-server init`")
    return str(value)


def public_key(conn: Connection) -> str:
    return _meta(conn, "policy_public_key")


def sign_book(conn: Connection, data: dict[str, Any]) -> None:
    """Set ``data["signature"]``: the server's signature of the book as stored."""
    message = book_message(kind=str(data.get("kind")), book_version=str(data.get("book_version")),
                           valid_from=str(data.get("valid_from")), valid_to=data.get("valid_to"),
                           body=str(data.get("body")))
    data["signature"] = sign(_meta(conn, "policy_private_key"), message)
