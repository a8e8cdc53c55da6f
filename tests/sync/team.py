"""A team for sync tests: the server (in process, or a real `workbench-server serve` process on
loopback), its users, laptops (real stores) enrolled through the real protocol, and what the
tests compare."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Any

import httpx
from sqlalchemy import select

from workbench.services.context import Context
from workbench.services.users import user_context
from workbench.store import models as m
from workbench.store.engine import Store, open_store
from workbench.store.payload import model_for, row_key, row_payload
from workbench.sync.client import ServerClient
from workbench.sync.engine import SyncSummary, enrol, sync_once
from workbench.sync.tokens import load_token

URL = "http://testserver"


@dataclass
class Laptop:
    """One enrolled device: its store and a client to the team server."""

    name: str
    store: Store
    http: httpx.Client
    url: str = URL

    @property
    def ctx(self) -> Context:
        return user_context(self.store)

    def client(self, http: httpx.Client | None = None) -> ServerClient:
        return ServerClient(self.url, load_token(self.store.device_id), http=http or self.http)

    def sync(self, http: httpx.Client | None = None) -> SyncSummary:
        summary, _ = sync_once(self.store, self.client(http))
        return summary


@dataclass
class Team:
    db_url: str
    http: httpx.Client
    tmp: Path
    laptops: list[Laptop]
    url: str = URL
    server: Any = None  # the server process (benchmarks.sync_setup.Served), when there is one

    def user(self, name: str, *, role: str = "manager", team: str = "西湖") -> str:
        from workbench.server.admin import add_user

        _, code = add_user(self.db_url, name=name, role=role, team=team)
        return code

    def laptop(self, name: str, *, role: str = "manager", team: str = "西湖") -> Laptop:
        code = self.user(name, role=role, team=team)
        store = open_store(self.tmp / f"{name}-{len(self.laptops)}.sqlite")
        enrol(store, url=self.url, code=code, device_name=name,
              client=ServerClient(self.url, http=self.http))
        laptop = Laptop(name, store, self.http, self.url)
        self.laptops.append(laptop)
        return laptop


SHARED = ("customers", "contacts", "contact_scores", "visits", "visit_contacts", "stage_events",
          "offers", "offer_versions", "offer_events", "proposals", "conflicts")

def snapshot(store: Store) -> dict[str, dict[str, Any]]:
    """Every synced row's wire form but the local change counter."""
    out: dict[str, dict[str, Any]] = {}
    with store.read() as s:
        for table in SHARED:
            rows = {}
            for row in s.scalars(select(model_for(table))):
                payload = row_payload(row)
                payload.pop("version", None)
                rows[row_key(table, row)] = payload
            out[table] = rows
    return out


def conflicts(store: Store) -> list[m.Conflict]:
    with store.read() as s:
        return list(s.scalars(select(m.Conflict).order_by(m.Conflict.created_at)))


class Faulty(httpx.BaseTransport):
    """Passes requests to the real server, then loses the answer of the chosen ones: the
    server has done its work, the device never hears of it."""

    def __init__(self, inner: httpx.BaseTransport, *, drop: str, times: int = 1) -> None:
        self.inner, self.drop, self.left = inner, drop, times

    def handle_request(self, request: httpx.Request) -> httpx.Response:
        response = self.inner.handle_request(request)
        if request.url.path == self.drop and self.left > 0:
            self.left -= 1
            response.read()
            raise httpx.ReadError("connection dropped after the server answered", request=request)
        return response


def faulty(team: Team, *, drop: str, times: int = 1) -> httpx.Client:
    return httpx.Client(base_url=team.url, transport=Faulty(team.http._transport, drop=drop, times=times))


def edit_races_delete(team: Team, customer: dict[str, Any]) -> tuple[Laptop, Laptop, str, str]:
    """A deletes a contact while B, offline, edits it; all sync: an ``edit_delete`` conflict.
    Returns (a, b, customer id, contact id)."""
    from workbench.services import contacts, customers

    a, b = team.laptop("王经理"), team.laptop("李经理")
    c = customers.create_customer(a.ctx, values=customer)
    k = contacts.add_contact(a.ctx, customer_id=c.id, values={"name": "王喆"})
    a.sync()
    b.sync()
    contacts.set_contact_deleted(a.ctx, contact_id=k.id, deleted=True)
    contacts.update_contact(b.ctx, contact_id=k.id, changes={"title": "副行长"})
    for laptop in (a, b, a):
        laptop.sync()
    return a, b, c.id, k.id
