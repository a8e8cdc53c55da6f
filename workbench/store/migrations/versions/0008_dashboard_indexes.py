"""Indexes for the dashboard (services/dashboard.py): its figures read from indexes alone.

- ``ix_customers_dashboard``: the live customers' owner, stage, value grade, last visit,
  next follow-up and id, so that one scan of an index counts the funnel, the quiet customers by
  grade and the follow-up customers (a scan of the table reads every wide row).
- ``ix_visits_live_occurred``: live visits by time with who logged them and for whom, so
  that a week's visits are a count over an index range.

Revision ID: 0008
Revises: 0007
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0008"
down_revision = "0007"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_index("ix_customers_dashboard", "customers",
                    ["owner_id", "stage_code", "value_grade", "last_visit_at", "next_follow_up", "id"],
                    sqlite_where=sa.text("deleted = 0"))
    op.create_index("ix_visits_live_occurred", "visits", ["occurred_at", "owner_id", "customer_id"],
                    sqlite_where=sa.text("deleted = 0"))


def downgrade() -> None:
    op.drop_index("ix_visits_live_occurred", table_name="visits")
    op.drop_index("ix_customers_dashboard", table_name="customers")
