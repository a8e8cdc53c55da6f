from __future__ import annotations

from datetime import date, datetime

import pytest
from sqlalchemy import func, select

from workbench.domain.errors import ValidationError
from workbench.services import contacts, customers, stages, visits
from workbench.services.context import Context
from workbench.store import models as m


@pytest.fixture
def customer(ctx: Context):
    return customers.create_customer(ctx, values={"name": "杭州市第一人民医院", "industry_code": "healthcare"})


def count(ctx: Context, model: type) -> int:
    with ctx.store.read() as s:
        return s.scalar(select(func.count()).select_from(model))


def test_visit_with_spin_notes_contacts_and_stage_move_in_one_save(ctx: Context, customer) -> None:
    k = contacts.add_contact(ctx, customer_id=customer.id, values={"name": "李堃", "cute_role": "technical",
                                                                  "mobile": "138 1234 5678"})
    v = visits.log_visit(ctx, customer_id=customer.id, move_to_stage="approach", stage_reason="首次拜访",
                         values={"occurred_at": datetime(2026, 11, 20, 9, 30), "kind": "onsite",
                                 "spin_situation": "院区三个,专线两条", "spin_need_payoff": "统一网络管家",
                                 "follow_up_date": date(2026, 11, 27), "contact_ids": [k.id]})
    assert v.contact_ids == (k.id,)
    hist = stages.stage_history(ctx, customer_id=customer.id)
    assert [(e.from_code, e.to_code) for e in hist] == [(None, "target_market"), ("target_market", "approach")]
    assert hist[-1].visit_id == v.id and hist[-1].reason == "首次拜访"
    c = customers.get_customer(ctx, customer_id=customer.id)
    assert c.stage_code == "approach" and c.next_follow_up == date(2026, 11, 27)
    assert c.last_visit_at == datetime(2026, 11, 20, 9, 30)


def test_follow_up_before_visit_refused_and_nothing_saved(ctx: Context, customer) -> None:
    before = count(ctx, m.JournalEntry)
    with pytest.raises(ValidationError) as err:
        visits.log_visit(ctx, customer_id=customer.id, values={
            "occurred_at": datetime(2026, 11, 20, 9), "kind": "phone", "follow_up_date": date(2026, 11, 19)})
    assert err.value.fields == ("follow_up_date",)
    assert count(ctx, m.Visit) == 0 and count(ctx, m.JournalEntry) == before


def test_undefined_stage_rolls_back_the_visit_too(ctx: Context, customer) -> None:
    before = count(ctx, m.JournalEntry)
    with pytest.raises(ValidationError) as err:
        visits.log_visit(ctx, customer_id=customer.id, move_to_stage="no_such_stage",
                         values={"occurred_at": datetime(2026, 11, 20, 9), "kind": "phone"})
    assert err.value.fields == ("stage_code",)
    assert count(ctx, m.Visit) == 0 and count(ctx, m.JournalEntry) == before


def test_contacts_of_another_customer_refused(ctx: Context, customer) -> None:
    other = customers.create_customer(ctx, values={"name": "杭州海关", "industry_code": "customs"})
    k = contacts.add_contact(ctx, customer_id=other.id, values={"name": "张昇"})
    with pytest.raises(ValidationError) as err:
        visits.log_visit(ctx, customer_id=customer.id, values={
            "occurred_at": datetime(2026, 11, 20, 9), "kind": "phone", "contact_ids": [k.id]})
    assert err.value.fields == ("contact_ids",)
    assert err.value.errors[0].en == "1 contact does not belong to this customer"  # not "contact(s)"


def test_stage_history_is_appended_never_overwritten(ctx: Context, customer) -> None:
    for code in ("prospect", "background", "prospect", "dormant"):
        stages.move_stage(ctx, customer_id=customer.id, to_code=code, reason=f"to {code}")
    assert stages.move_stage(ctx, customer_id=customer.id, to_code="dormant") is None
    hist = stages.stage_history(ctx, customer_id=customer.id)
    assert [e.to_code for e in hist] == ["target_market", "prospect", "background", "prospect", "dormant"]
    with pytest.raises(ValidationError):
        stages.move_stage(ctx, customer_id=customer.id, to_code="imaginary")


def test_score_changes_keep_their_history(ctx: Context, customer) -> None:
    k = contacts.add_contact(ctx, customer_id=customer.id, values={"name": "王喆", "trust": 3, "closeness": 2})
    contacts.update_contact(ctx, contact_id=k.id, changes={"trust": 6}, score_note="一起参加了演示")
    contacts.update_contact(ctx, contact_id=k.id, changes={"trust": 8, "favour": 4})
    hist = contacts.score_history(ctx, contact_id=k.id)
    assert [r.value for r in hist if r.kind == "trust"] == [3, 6, 8]
    assert contacts.latest_score(hist, "favour") == 4
    with pytest.raises(ValidationError) as err:
        contacts.update_contact(ctx, contact_id=k.id, changes={"trust": 11, "email": "not-an-email"})
    assert set(err.value.fields) == {"trust", "email"}


def test_follow_ups_due_today_and_overdue(ctx: Context, customer) -> None:
    for day, follow in ((1, 5), (2, 24), (3, 30)):
        visits.log_visit(ctx, customer_id=customer.id, values={
            "occurred_at": datetime(2026, 11, day, 9), "kind": "phone", "follow_up_date": date(2026, 11, follow)})
    due = visits.follow_ups_due(ctx, on=date(2026, 11, 24))
    assert [v.follow_up_date for v in due] == [date(2026, 11, 5), date(2026, 11, 24)]
    visits.update_visit(ctx, visit_id=due[0].id, changes={"follow_up_done": True})
    assert customers.get_customer(ctx, customer_id=customer.id).next_follow_up == date(2026, 11, 24)


def test_changing_only_the_contacts_met_is_a_journaled_version(ctx: Context, customer) -> None:
    import json

    a = contacts.add_contact(ctx, customer_id=customer.id, values={"name": "甲"})
    b = contacts.add_contact(ctx, customer_id=customer.id, values={"name": "乙"})
    v = visits.log_visit(ctx, customer_id=customer.id, values={
        "occurred_at": datetime(2026, 11, 20, 9), "kind": "phone", "contact_ids": [a.id]})
    after = visits.update_visit(ctx, visit_id=v.id, changes={"contact_ids": [a.id, b.id]}, expected_version=1)
    assert after.version == 2 and set(after.contact_ids) == {a.id, b.id}
    # the contacts met travel as set members, not as a whole list: an addition on another
    # laptop survives this one
    with ctx.store.read() as s:
        last = s.scalars(select(m.JournalEntry).order_by(m.JournalEntry.seq.desc())).first()
    assert (last.table_name, last.row_id, last.op) == ("visit_contacts", f"{v.id}:{b.id}", "insert")
    assert json.loads(last.fields) == {"visit_id": v.id, "contact_id": b.id}
    visits.update_visit(ctx, visit_id=v.id, changes={"contact_ids": [b.id]}, expected_version=2)
    with ctx.store.read() as s:
        last = s.scalars(select(m.JournalEntry).order_by(m.JournalEntry.seq.desc())).first()
    assert (last.table_name, last.row_id, last.op) == ("visit_contacts", f"{v.id}:{a.id}", "delete")
