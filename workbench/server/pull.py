"""``GET /v1/pull``: the current state of every visible row above a cursor, in server order.

Page and cursor come from one snapshot: with more rows than the page holds the cursor is the
last row's sequence; otherwise it is the highest sequence committed in that snapshot. Numbers
are taken in commit order (workbench.server.store.take_seqs), so no row can commit later
below a cursor already handed out.
"""

from __future__ import annotations

import json
from typing import Any

from sqlalchemy import Connection, Engine, select

from workbench.server import store
from workbench.server.authz import load_actor, visible
from workbench.server.db import transaction
from workbench.server.departures import gone
from workbench.server.errors import bad_request
from workbench.server.schema import rows

MAX_LIMIT = 2000


def parse_pull(after: str | None, limit: str | None) -> tuple[int, int]:
    try:
        a = int(after) if after not in (None, "") else 0
        n = int(limit) if limit not in (None, "") else 1000
    except ValueError:
        raise bad_request("after and limit are whole numbers", "after 和 limit 必须是整数") from None
    if not 0 <= a < 2**63 or not 1 <= n <= MAX_LIMIT:  # a cursor is a BIGINT
        raise bad_request(f"after >= 0 and 1 <= limit <= {MAX_LIMIT}",
                          f"after 不小于 0，limit 在 1 到 {MAX_LIMIT} 之间")
    return a, n


def _text(value: str) -> str:
    return json.dumps(value, ensure_ascii=False)


def _page(conn: Connection, user_id: str, device_id: str, after: int, limit: int) -> str:
    """The page as JSON text; each row's data is spliced in as stored (canonical JSON)."""
    actor = load_actor(conn, user_id, device_id)
    c = rows.alias("c")
    q = (select(rows.c.table_name, rows.c.row_id, rows.c.version, rows.c.deleted, rows.c.seq,
                rows.c.data)
         .select_from(rows.outerjoin(c, (c.c.table_name == "customers")
                                     & (c.c.row_id == rows.c.customer_id)))
         .where(rows.c.seq > after, visible(actor, rows, c))
         .order_by(rows.c.seq).limit(limit + 1))
    found = conn.execute(q).all()
    more = len(found) > limit
    found = found[:limit]
    head = store.max_seq(conn)  # the newest sequence committed: how far a device has to go
    cursor = int(found[-1].seq) if more else max(after, head)
    body = ",".join(
        f'{{"table":{_text(r.table_name)},"row":{_text(r.row_id)},"version":{int(r.version)},'
        f'"deleted":{"true" if r.deleted else "false"},"seq":{int(r.seq)},"data":{r.data}}}'
        for r in found)
    left = ",".join(_text(c) for c in gone(conn, actor, after, cursor))
    return (f'{{"rows":[{body}],"cursor":{cursor},"more":{"true" if more else "false"},'
            f'"head":{max(head, cursor)},"gone":[{left}]}}')


def pull_text(engine: Engine, device: Any, after: int, limit: int) -> str:
    """One page as the JSON text of the response (``{"rows", "cursor", "more", "head"}``)."""
    return transaction(engine, lambda conn: _page(conn, device.user_id, device.id, after, limit),
                       write=False)


def pull(engine: Engine, device: Any, after: int, limit: int) -> dict[str, Any]:
    return dict(json.loads(pull_text(engine, device, after, limit)))
