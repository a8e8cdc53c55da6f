"""Re-validation of a pushed row with the app's own rules: the wire decoding of
``workbench.store.payload`` (unknown columns, malformed values, instants without an offset),
column lengths, the field specs of ``workbench.services.fields`` and a few model checks, the
columns an insert must carry, and foreign keys that must point at rows the server holds."""

from __future__ import annotations

from typing import Any

from sqlalchemy import String

from workbench.domain.enums import INDUSTRY_CODES, STAGES, ScoreKind
from workbench.domain.errors import ValidationError
from workbench.domain.validation import check_follow_up
from workbench.server.errors import Refused
from workbench.server.store import PushRows
from workbench.server.tables import (
    SYNCED_TABLES,
    columns,
    foreign_keys,
    id_column,
    required,
    row_id_of,
)
from workbench.server.wire import to_utc
from workbench.services import fields as specs
from workbench.store.offer_models import OFFER_STATES, PRICE_BOOK_KINDS
from workbench.store.payload import decode_fields, model_for

SPECS = {"customers": specs.CUSTOMER, "contacts": specs.CONTACT, "visits": specs.VISIT}
CHOICES: dict[tuple[str, str], tuple[str, ...]] = {
    ("offers", "state"): OFFER_STATES,
    ("offer_versions", "state"): OFFER_STATES,
    ("offer_events", "to_state"): OFFER_STATES,
    ("offer_events", "from_state"): OFFER_STATES,
    ("contact_scores", "kind"): tuple(k.value for k in ScoreKind),
    ("price_books", "kind"): PRICE_BOOK_KINDS,
    ("conflicts", "status"): ("open", "resolved", "dismissed"),
}
RANGES: dict[tuple[str, str], tuple[int, int]] = {
    ("contact_scores", "value"): (0, 10),
    ("offers", "current_version"): (1, 1_000_000),
    ("offer_versions", "version_no"): (1, 1_000_000),
    ("offer_events", "version_no"): (1, 1_000_000),
    ("proposals", "version_no"): (1, 1_000_000),
    ("proposals", "pages"): (1, 100_000),
}
STAGE_CODES = frozenset(s.code for s in STAGES)


def _invalid(field: str, en: str, zh: str) -> Refused:
    return Refused("invalid", f"{field}: {en}", f"{field}：{zh}", field)


def _decode(table: str, fields: dict[str, Any]) -> dict[str, Any]:
    model = model_for(table)
    out: dict[str, Any] = {}
    for key, value in fields.items():
        try:
            out.update(decode_fields(model, {key: value}))
        except KeyError:
            raise Refused("unknown_column", f"{table} has no column {key!r}",
                          f"{table} 没有字段“{key}”", key) from None
        except (ValueError, TypeError, OverflowError) as exc:
            raise _invalid(key, f"malformed value ({exc})", f"取值格式无效（{exc}）") from None
    return out


def _check_columns(table: str, decoded: dict[str, Any]) -> None:
    cols = columns(table)
    for key, value in decoded.items():
        kind = cols[key].type
        if isinstance(value, str) and isinstance(kind, String) and kind.length \
                and len(value) > kind.length:
            raise _invalid(key, f"at most {kind.length} characters", f"最多{kind.length}个字符")
        allowed = CHOICES.get((table, key))
        if allowed is not None and value is not None and value not in allowed:
            raise _invalid(key, f"invalid value {value!r}", f"取值无效：{value!r}")
        bounds = RANGES.get((table, key))
        if bounds is not None and value is not None and not bounds[0] <= value <= bounds[1]:
            raise _invalid(key, f"must be between {bounds[0]} and {bounds[1]}",
                           f"必须在{bounds[0]}到{bounds[1]}之间")
    if table == "customers" and decoded.get("stage_code") not in (None, *STAGE_CODES):
        raise _invalid("stage_code", "unknown stage", "未知阶段")


def _check_domain(table: str, fields: dict[str, Any], decoded: dict[str, Any]) -> None:
    spec = SPECS.get(table)
    if spec is None:
        return
    try:
        specs.clean(spec, {k: v for k, v in fields.items() if k in spec})
        if table == "visits" and decoded.get("occurred_at") and decoded.get("follow_up_date"):
            check_follow_up(specs.a_datetime(fields["occurred_at"], "occurred_at").date(),
                            decoded["follow_up_date"])
    except ValidationError as exc:
        raise Refused.from_validation(exc) from None


def clean_entry(table: str, op: str, row_id: str, fields: dict[str, Any]) -> dict[str, Any]:
    """The entry's fields re-validated, in wire form with instants in UTC (Refused if not)."""
    if table not in SYNCED_TABLES:
        raise Refused("unknown_table", f"devices do not write table {table!r}",
                      f"设备不能写入表“{table}”")
    key_column = id_column(table)
    key_type = columns(table)[key_column].type if key_column else None
    if isinstance(key_type, String) and key_type.length and len(row_id) > key_type.length:
        raise Refused("invalid", f"a {table} row id has at most {key_type.length} characters",
                      f"记录编号最多{key_type.length}个字符", key_column)
    if op == "delete":
        fields = {k: v for k, v in fields.items() if k in ("visit_id", "contact_id")}
        fields["deleted"] = True
    if table == "visit_contacts":
        deleted = fields.pop("deleted", op == "delete")
        if not isinstance(deleted, bool):
            raise _invalid("deleted", "a flag is true or false", "必须是“是”或“否”")
        visit_id, _, contact_id = row_id.partition(":")
        fields.setdefault("visit_id", visit_id)
        fields.setdefault("contact_id", contact_id)
        if row_id_of(table, fields) != row_id:
            raise Refused("row_mismatch", "a visit contact's row id is visit:contact",
                          "拜访联系人的编号应为 拜访:联系人", "visit_id")
    decoded = _decode(table, fields)
    _check_columns(table, decoded)
    _check_domain(table, fields, decoded)
    if op == "insert":
        for key in required(table):
            if decoded.get(key) is None:
                raise Refused("required", f"{key} is required", f"“{key}”不能为空", key)
        named = row_id_of(table, fields)
        if named is not None and named != row_id:
            raise Refused("row_mismatch", f"the row's data names {named}, not {row_id}",
                          "行数据与行编号不一致", "id")
    return to_utc(table, fields)


def _exists(rows: PushRows, target: str, value: str) -> bool:
    if target == "users":
        return rows.user(value) is not None
    if target == "industries" and value in INDUSTRY_CODES:
        return True
    if target == "stage_defs" and value in STAGE_CODES:
        return True
    return rows.get(target, value) is not None


def check_references(rows: PushRows, table: str, fields: dict[str, Any], customer_id: str | None = None) -> None:
    """Every foreign key set by the entry points at a row the server holds and, for a row
    that hangs from a customer, at a row of that same customer: a visit's contact, a score's
    visit, a stage move's visit all belong to the customer (the app's own rule), so no row can
    name another team's records."""
    for key, target in foreign_keys(table).items():
        value = fields.get(key)
        if value is None:
            continue
        if not _exists(rows, target, str(value)):
            raise Refused("missing_reference", f"{key}: no {target} row {value}",
                          f"{key}：服务器上没有此{target}记录 {value}", key)
        if customer_id is None or target not in _CUSTOMER_SCOPED:
            continue
        other = rows.get(target, str(value))
        if other is not None and other.customer_id not in (None, customer_id):
            raise Refused("foreign_customer", f"{key}: {target} row {value} belongs to another customer",
                          f"{key}：该{target}记录属于另一个客户", key)


# Tables whose rows hang from a customer (a reference to one must stay within the customer).
_CUSTOMER_SCOPED = frozenset({"contacts", "visits", "offers", "offer_versions", "contact_scores",
                              "stage_events", "offer_events", "proposals"})
