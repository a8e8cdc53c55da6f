"""A store with a known week (Monday 2026-11-23 to Sunday 2026-11-29) for the export tests,
made through the services, and helpers that read an .xlsx's XML (what calamine does not show).

Two managers: 李明 (this device's user) and 王芳. In the week: four visits (two each; 王芳
visits one of 李明's customers), one stage move, offers made / sent / won; outside it, a visit
the Sunday before and one the Monday after. Overdue (as on TODAY): three follow-ups.
"""

from __future__ import annotations

import re
import zipfile
from dataclasses import dataclass
from datetime import date, datetime
from decimal import Decimal
from pathlib import Path
from typing import Any

from sqlalchemy import update

from workbench.domain.enums import Role
from workbench.services import contacts, customers, offers, visits
from workbench.services.context import Context
from workbench.services.users import create_user, set_current_user
from workbench.store import models as m
from workbench.store.engine import Store

MONDAY, SUNDAY = date(2026, 11, 23), date(2026, 11, 29)
TODAY = date(2026, 12, 1)
HOSPITAL, BANK, PORT = "杭州市第一人民医院", "浙江省农村信用社联合社", "宁波舟山港集团有限公司"


@dataclass(frozen=True)
class Week:
    me: Context
    colleague: Context
    hospital: str
    bank: str
    port: str
    won_offer: offers.OfferInfo  # made, sent and won in the week by 李明
    late_offer: offers.OfferInfo  # made the week before, sent in the week, by 李明
    colleague_offer: offers.OfferInfo  # made in the week by 王芳


def _at(day: date, hour: int, minute: int = 0) -> datetime:
    return datetime(day.year, day.month, day.day, hour, minute)


def _offer_doc(quantity: int) -> dict[str, Any]:
    return {"customer": {"industry": "banking"},
            "lines": [{"product": "MOB-58", "quantity": quantity, "term_months": 12,
                       "manual_discount_percent": Decimal("0")}]}


def _move_events(store: Store, offer_id: str, times: dict[str, datetime]) -> None:
    """Offer events are stamped with the real clock: put them where the test wants them."""
    with store.write() as s:
        for to_state, at in times.items():
            cond = m.OfferEvent.from_state.is_(None) if to_state == "created" else m.OfferEvent.to_state == to_state
            s.execute(update(m.OfferEvent).where(m.OfferEvent.offer_id == offer_id, cond).values(occurred_at=at))


def build_week(store: Store) -> Week:
    me_user = create_user(store, name="李明", role=Role.MANAGER)
    set_current_user(store, user_id=me_user.id)
    other = create_user(store, name="王芳", role=Role.MANAGER)
    me, colleague = Context(store, me_user.id, me_user.name), Context(store, other.id, other.name)
    hospital = customers.create_customer(me, values={"name": HOSPITAL, "industry_code": "healthcare"}).id
    bank = customers.create_customer(me, values={"name": BANK, "industry_code": "banking", "mobile_lines": 160}).id
    port = customers.create_customer(colleague, values={"name": PORT, "industry_code": "logistics"}).id
    director = contacts.add_contact(me, customer_id=hospital, values={"name": "张主任", "title": "信息科主任"}).id
    engineer = contacts.add_contact(me, customer_id=hospital, values={"name": "李工"}).id

    def visit(ctx: Context, customer_id: str, at: datetime, kind: str, **values: Any) -> None:
        move = values.pop("move_to_stage", None)
        visits.log_visit(ctx, customer_id=customer_id, values={"occurred_at": at, "kind": kind, **values},
                         move_to_stage=move)

    visit(me, bank, _at(date(2026, 11, 22), 18), "phone", next_step="寄资料", follow_up_date=date(2026, 11, 25))
    visit(me, hospital, _at(date(2026, 11, 24), 10, 30), "onsite", contact_ids=[director, engineer],
          spin_situation="三个院区,专线两条,合同明年三月到期", spin_problem="院区间视频会议卡顿",
          spin_implication="远程会诊常被打断,患者投诉", spin_need_payoff="一张专网连通三院区,会诊不再中断",
          outcome="同意下周做演示", next_step="安排专网演示", follow_up_date=date(2026, 11, 27),
          move_to_stage="background")
    visit(me, bank, _at(date(2026, 11, 26), 15), "phone", outcome="确认需求", follow_up_date=date(2026, 12, 3))
    visit(colleague, hospital, _at(date(2026, 11, 27), 9), "negotiation", outcome="价格初步谈妥")
    visit(colleague, port, _at(SUNDAY, 23, 30), "demo", follow_up_date=date(2026, 11, 30))
    visit(me, port, _at(date(2026, 11, 30), 0), "onsite")  # the Monday after: not in the week

    won = offers.create_offer(me, customer_id=bank, title="信用社移动办公", offer=_offer_doc(10), today=MONDAY)
    offers.mark_sent(me, offer_id=won.id)
    won = offers.mark_won(me, offer_id=won.id)
    _move_events(store, won.id, {"created": _at(date(2026, 11, 24), 9), "sent": _at(date(2026, 11, 25), 10),
                                 "won": _at(date(2026, 11, 27), 16)})
    late = offers.create_offer(me, customer_id=hospital, title="医院专网", offer=_offer_doc(20), today=MONDAY)
    late = offers.mark_sent(me, offer_id=late.id)
    _move_events(store, late.id, {"created": _at(date(2026, 11, 18), 9), "sent": _at(date(2026, 11, 26), 11)})
    theirs = offers.create_offer(colleague, customer_id=port, title="港口物联网", offer=_offer_doc(5), today=MONDAY)
    _move_events(store, theirs.id, {"created": _at(date(2026, 11, 28), 11)})
    return Week(me, colleague, hospital, bank, port, won, late, theirs)


# --- the xlsx's XML ------------------------------------------------------------------------


def sheet_xml(path: Path, index: int) -> str:
    """The XML of the ``index``-th worksheet (1-based, in the book's order)."""
    with zipfile.ZipFile(path) as z:
        return z.read(f"xl/worksheets/sheet{index}.xml").decode("utf-8")


def column_widths(path: Path, index: int) -> dict[int, float]:
    """Column (0-based) -> width set, from the <cols> of a worksheet."""
    out: dict[int, float] = {}
    for lo, hi, width in re.findall(r'<col min="(\d+)" max="(\d+)" width="([\d.]+)"', sheet_xml(path, index)):
        for c in range(int(lo), int(hi) + 1):
            out[c - 1] = float(width)
    return out


def frozen_rows(path: Path, index: int) -> int:
    """How many rows the worksheet keeps frozen at its top (0: none)."""
    pane = re.search(r'<pane ([^>]*)/>', sheet_xml(path, index))
    if pane is None or 'state="frozen"' not in pane.group(1):
        return 0
    split = re.search(r'ySplit="(\d+)"', pane.group(1))
    return int(split.group(1)) if split else 0


def number_format(path: Path, index: int, cell: str) -> str:
    """The number format code of ``cell`` ("B2") on a worksheet ("General" when none)."""
    with zipfile.ZipFile(path) as z:
        styles = z.read("xl/styles.xml").decode("utf-8")
    codes = {int(i): c for i, c in re.findall(r'<numFmt numFmtId="(\d+)" formatCode="([^"]*)"', styles)}
    codes.update({0: "General", 1: "0", 2: "0.00", 4: "#,##0.00", 14: "m/d/yyyy"})
    xfs = re.search(r"<cellXfs[^>]*>(.*?)</cellXfs>", styles, re.S)
    assert xfs is not None
    fmt_ids = [int(x) for x in re.findall(r'<xf numFmtId="(\d+)"', xfs.group(1))]
    found = re.search(rf'<c r="{cell}"(?: s="(\d+)")?', sheet_xml(path, index))
    assert found is not None, f"no cell {cell}"
    style = int(found.group(1) or 0)
    return codes.get(fmt_ids[style], str(fmt_ids[style])).replace("&quot;", '"')
