"""Indexes for the daily screens: the pipeline columns and the Today agenda.

Revision ID: 0003
Revises: 0002
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0003"
down_revision = "0002"
branch_labels = None
depends_on = None


def upgrade() -> None:
    # a stage's most recently moved customers (pipeline board)
    op.create_index("ix_customers_stage_moved", "customers", ["stage_code", "stage_changed_at"])
    # one owner's follow-ups and contract ends (Today), exact counts without a table walk
    op.create_index("ix_customers_owner_follow_up", "customers", ["owner_id", "next_follow_up"])
    op.create_index("ix_customers_owner_contract_end", "customers", ["owner_id", "competitor_contract_end"])
    op.create_index("ix_visits_customer_open_follow_up", "visits", ["customer_id", "follow_up_date"],
                    sqlite_where=sa.text("follow_up_done = 0 AND deleted = 0"))


def downgrade() -> None:
    for name, table in (("ix_visits_customer_open_follow_up", "visits"),
                        ("ix_customers_owner_contract_end", "customers"),
                        ("ix_customers_owner_follow_up", "customers"),
                        ("ix_customers_stage_moved", "customers")):
        op.drop_index(name, table_name=table)
