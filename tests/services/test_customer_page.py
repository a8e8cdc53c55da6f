from __future__ import annotations

from datetime import date, datetime

import pytest

from workbench.domain.errors import NotFoundError, ValidationError
from workbench.services import contacts, customers, stages, visits
from workbench.services.context import Context
from workbench.services.customer_page import (
    check_contact_values,
    check_customer_values,
    load_page,
    trend,
)

BANK = {"name": "中国银行股份有限公司杭州分行", "industry_code": "banking", "credit_code": "91110000600037341L"}


def test_page_gathers_contacts_scores_visits_and_stage_history(ctx: Context) -> None:
    c = customers.create_customer(ctx, values=BANK)
    k = contacts.add_contact(ctx, customer_id=c.id, values={"name": "王敏", "cute_role": "coach", "trust": 4})
    contacts.update_contact(ctx, contact_id=k.id, changes={"trust": 7})
    visits.log_visit(ctx, customer_id=c.id, move_to_stage="approach",
                     values={"occurred_at": datetime(2026, 11, 2, 10), "kind": "onsite", "contact_ids": [k.id],
                             "follow_up_date": date(2026, 11, 9)})
    page = load_page(ctx, customer_id=c.id)
    assert page.customer.stage_code == "approach" and page.industry is not None
    assert page.industry.code == "banking"
    assert [p.name for p in page.contacts] == ["王敏"] and page.contact_name(k.id) == "王敏"
    assert [r.value for r in page.scores[k.id] if r.kind == "trust"] == [4, 7]
    assert trend(page.scores[k.id], "trust") == 1 and trend(page.scores[k.id], "closeness") == 0
    assert len(page.visits) == 1 and page.visits[0].contact_ids == (k.id,)
    assert [(e.from_code, e.to_code) for e in page.stage_events] == [(None, "target_market"),
                                                                      ("target_market", "approach")]
    assert page.user_name(ctx.user_id) is not None and "lost" in page.stages


def test_trend_goes_down_and_deleted_customer_is_not_found(ctx: Context) -> None:
    c = customers.create_customer(ctx, values=BANK)
    k = contacts.add_contact(ctx, customer_id=c.id, values={"name": "李", "favour": 6})
    contacts.update_contact(ctx, contact_id=k.id, changes={"favour": 3})
    assert trend(contacts.score_history(ctx, contact_id=k.id), "favour") == -1
    stages.move_stage(ctx, customer_id=c.id, to_code="prospect")
    customers.delete_customer(ctx, customer_id=c.id)
    with pytest.raises(NotFoundError):
        load_page(ctx, customer_id=c.id)


def test_customer_check_names_bad_fields_and_a_taken_credit_code(ctx: Context) -> None:
    a = customers.create_customer(ctx, values=BANK)
    b = customers.create_customer(ctx, values={"name": "另一家", "industry_code": "tax"})
    with pytest.raises(ValidationError) as err:
        check_customer_values(ctx, values={"credit_code": BANK["credit_code"], "employees": -1}, customer_id=b.id)
    assert set(err.value.fields) == {"credit_code", "employees"}
    # its own code is not "taken"; a new customer needs a name and an industry
    assert check_customer_values(ctx, values={"credit_code": BANK["credit_code"]}, customer_id=a.id)
    with pytest.raises(ValidationError) as err:
        check_customer_values(ctx, values={"short_name": "x"})
    assert set(err.value.fields) == {"name", "industry_code"}
    assert customers.get_customer(ctx, customer_id=b.id).version == 1  # nothing written


def test_contact_check(ctx: Context) -> None:
    assert check_contact_values({"trust": 3}, new=False) == {"trust": 3}
    with pytest.raises(ValidationError) as err:
        check_contact_values({"trust": 11, "email": "nope"}, new=True)
    assert set(err.value.fields) == {"trust", "email", "name"}
