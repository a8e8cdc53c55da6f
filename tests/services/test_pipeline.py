from __future__ import annotations

from datetime import datetime

import pytest
from sqlalchemy import func, select, update

from workbench.services import customers, pipeline, stages
from workbench.services.context import Context
from workbench.services.users import create_user
from workbench.store import models as m


def make(ctx: Context, name: str, industry: str = "banking", stage: str = "prospect", **values: object) -> str:
    return customers.create_customer(ctx, values={"name": name, "industry_code": industry, **values},
                                     stage_code=stage).id


def set_moved(ctx: Context, customer_id: str, at: datetime) -> None:
    with ctx.store.write() as s:
        s.execute(update(m.Customer).where(m.Customer.id == customer_id).values(stage_changed_at=at))


@pytest.fixture
def board(ctx: Context) -> dict[str, str]:
    other = create_user(ctx.store, name="王芳", role="manager")
    ids = {
        "bank1": make(ctx, "中国工商银行杭州分行", "banking", "prospect", short_name="工行杭分"),
        "bank2": make(Context(ctx.store, other.id), "招商银行杭州分行", "banking", "prospect"),
        "school": make(ctx, "杭州第二中学", "education", "prospect"),
        "tax": make(ctx, "杭州市税务局", "tax", "build"),
        "lost": make(ctx, "某物流公司", "logistics", "lost"),
    }
    ids["other_user"] = other.id
    return ids


def test_counts_group_live_customers_by_stage_with_filters(ctx: Context, board: dict[str, str]) -> None:
    assert pipeline.stage_counts(ctx) == {"prospect": 3, "build": 1, "lost": 1}
    assert pipeline.stage_counts(ctx, industry_code="banking") == {"prospect": 2}
    assert pipeline.stage_counts(ctx, owner_id=ctx.user_id) == {"prospect": 2, "build": 1, "lost": 1}
    assert pipeline.stage_counts(ctx, owner_id=board["other_user"], industry_code="banking") == {"prospect": 1}
    assert pipeline.stage_counts(ctx, industry_code="customs") == {}
    customers.delete_customer(ctx, customer_id=board["tax"])
    assert "build" not in pipeline.stage_counts(ctx)


def test_cards_newest_move_first_limited_and_filtered(ctx: Context, board: dict[str, str]) -> None:
    set_moved(ctx, board["bank1"], datetime(2026, 11, 1, 9))
    set_moved(ctx, board["bank2"], datetime(2026, 11, 20, 9))
    set_moved(ctx, board["school"], datetime(2026, 10, 5, 9))
    cards = pipeline.stage_cards(ctx, stage_code="prospect")
    assert [c.id for c in cards] == [board["bank2"], board["bank1"], board["school"]]
    first = cards[1]
    assert (first.name, first.short_name, first.display_name) == ("中国工商银行杭州分行", "工行杭分", "工行杭分")
    assert first.industry_code == "banking" and first.owner_id == ctx.user_id and first.stage_code == "prospect"
    assert first.stage_changed_at == datetime(2026, 11, 1, 9) and first.next_follow_up is None
    assert [c.id for c in pipeline.stage_cards(ctx, stage_code="prospect", limit=2)] == [board["bank2"], board["bank1"]]
    assert [c.id for c in pipeline.stage_cards(ctx, stage_code="prospect", industry_code="education")] == [
        board["school"]]
    assert [c.id for c in pipeline.stage_cards(ctx, stage_code="prospect", owner_id=board["other_user"])] == [
        board["bank2"]]
    assert pipeline.stage_cards(ctx, stage_code="leverage") == []


def test_a_move_shows_at_the_top_of_its_new_column(ctx: Context, board: dict[str, str]) -> None:
    set_moved(ctx, board["tax"], datetime(2026, 1, 1))
    stages.move_stage(ctx, customer_id=board["school"], to_code="build", reason="校长引荐")
    cards = pipeline.stage_cards(ctx, stage_code="build")
    assert [c.id for c in cards] == [board["school"], board["tax"]]
    assert pipeline.stage_counts(ctx)["prospect"] == 2


def test_card_of_one_customer_and_none_when_deleted(ctx: Context, board: dict[str, str]) -> None:
    c = pipeline.card(ctx, customer_id=board["tax"])
    assert c is not None and c.stage_code == "build" and c.display_name == "杭州市税务局"
    customers.delete_customer(ctx, customer_id=board["tax"])
    assert pipeline.card(ctx, customer_id=board["tax"]) is None
    assert pipeline.card(ctx, customer_id="no-such-id") is None


def test_load_board_adds_the_changed_customers_current_column(ctx: Context, board: dict[str, str]) -> None:
    data = pipeline.load_board(ctx, stage_codes=["prospect", "prospect", "leverage"])
    assert set(data.cards) == {"prospect", "leverage"} and len(data.cards["prospect"]) == 3
    assert data.cards["leverage"] == () and data.counts == pipeline.stage_counts(ctx)
    stages.move_stage(ctx, customer_id=board["bank1"], to_code="deepen")
    data = pipeline.load_board(ctx, stage_codes=["prospect"], customer_ids=[board["bank1"]])
    assert set(data.cards) == {"prospect", "deepen"}
    assert [c.id for c in data.cards["deepen"]] == [board["bank1"]]
    assert board["bank1"] not in {c.id for c in data.cards["prospect"]}
    # A customer outside the filters adds no column.
    data = pipeline.load_board(ctx, stage_codes=[], industry_code="tax", customer_ids=[board["bank1"]])
    assert data.cards == {} and data.counts == {"build": 1}


def test_counts_equal_a_direct_count_on_the_demo_store(demo_store_path) -> None:  # noqa: ANN001
    from workbench.services.users import current_user
    from workbench.store.engine import open_store

    store = open_store(demo_store_path)
    try:
        ctx = Context(store, current_user(store).id)
        with store.read() as s:
            direct = dict(s.execute(select(m.Customer.stage_code, func.count()).where(
                m.Customer.deleted.is_(False), m.Customer.owner_id == ctx.user_id).group_by(m.Customer.stage_code)).all())
            total = s.scalar(select(func.count()).select_from(m.Customer).where(m.Customer.deleted.is_(False)))
        assert pipeline.stage_counts(ctx, owner_id=ctx.user_id) == direct
        assert sum(pipeline.stage_counts(ctx).values()) == total == 400
    finally:
        store.close()
