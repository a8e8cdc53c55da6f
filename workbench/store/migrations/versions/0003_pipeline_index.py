"""Index for the pipeline board: a stage's most recently moved customers.

Revision ID: 0003
Revises: 0002
"""

from __future__ import annotations

from alembic import op

revision = "0003"
down_revision = "0002"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_index("ix_customers_stage_moved", "customers", ["stage_code", "stage_changed_at"])


def downgrade() -> None:
    op.drop_index("ix_customers_stage_moved", table_name="customers")
