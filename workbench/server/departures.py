"""Customers leaving someone's view (docs/sync-protocol.md, "Departures").

When a push changes a customer's owner or sharing, the server touches the customer and every
row hanging from it (they get new sequence numbers, so those who see it now pull it all), and
notes a departure: the customer, its sequence number then, and who could see it before (the
previous owner and their team, or everyone while it was shared). A pull answers, beside its
rows, the customers that left the puller's view in the stretch of sequence numbers it covers:
those the puller could see before and cannot see now. The device forgets them. Only those who
held a customer hear that it went, so a departure never tells anyone else it exists.
"""

from __future__ import annotations

from sqlalchemy import Connection, and_, insert, or_, select
from sqlalchemy.sql.elements import ColumnElement

from workbench.server import store
from workbench.server.authz import Actor
from workbench.server.schema import departures, rows, server_users


def record_departures(conn: Connection, moved: list[tuple[str, str | None, bool]]) -> None:
    """Note each customer whose owner or sharing this push changed, at its new sequence."""
    if not moved:
        return
    ids = sorted({customer_id for customer_id, _, _ in moved})
    seqs = dict(conn.execute(select(rows.c.row_id, rows.c.seq).where(
        rows.c.table_name == "customers", rows.c.row_id.in_(ids))).all())
    teams: dict[str | None, str | None] = {}
    for _, owner, _ in moved:
        if owner not in teams:
            u = store.user(conn, owner)
            teams[owner] = u.team if u is not None else None
    conn.execute(insert(departures), [
        {"seq": int(seqs[c]), "customer_id": c, "previous_owner_id": owner, "previous_shared": bool(shared),
         "previous_team": teams[owner]}
        for c, owner, shared in moved if seqs.get(c) is not None])


def _saw(actor: Actor) -> ColumnElement[bool]:
    d = departures.c
    saw: list[ColumnElement[bool]] = [d.previous_owner_id == actor.user_id, d.previous_shared.is_(True)]
    if actor.role == "team_lead" and actor.team:
        saw.append(d.previous_team == actor.team)
    return or_(*saw)


def _sees(actor: Actor, c: object) -> ColumnElement[bool]:
    cc = c.c  # type: ignore[attr-defined]
    now: list[ColumnElement[bool]] = [cc.owner_id == actor.user_id, cc.shared.is_(True)]
    if actor.role == "team_lead" and actor.team:
        now.append(cc.owner_id.in_(select(server_users.c.id).where(server_users.c.team == actor.team)))
    return or_(*now)


def gone(conn: Connection, actor: Actor, after: int, upto: int) -> list[str]:
    """Customers that left ``actor``'s view by departures numbered in ``(after, upto]``."""
    if actor.hq or upto <= after:
        return []
    c = rows.alias("gone_c")
    q = (select(departures.c.customer_id).distinct()
         .select_from(departures.join(c, and_(c.c.table_name == "customers",
                                              c.c.row_id == departures.c.customer_id)))
         .where(departures.c.seq > after, departures.c.seq <= upto, _saw(actor), ~_sees(actor, c))
         .order_by(departures.c.customer_id))
    return [str(x) for x in conn.scalars(q)]
