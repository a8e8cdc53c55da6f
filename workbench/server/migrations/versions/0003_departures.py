"""Departures: a customer that left someone's view (given to another owner, or no longer
shared), so that the devices that held it forget it (docs/sync-protocol.md, "Departures").

Revision ID: s0003
Revises: s0002
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "s0003"
down_revision = "s0002"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "departures",
        sa.Column("id", sa.Integer, primary_key=True, autoincrement=True),
        sa.Column("seq", sa.BigInteger, nullable=False),
        sa.Column("customer_id", sa.String(36), nullable=False),
        sa.Column("previous_owner_id", sa.String(36)),
        sa.Column("previous_shared", sa.Boolean, nullable=False),
        sa.Column("previous_team", sa.String(80)),
    )
    op.create_index("ix_departures_seq", "departures", ["seq"])


def downgrade() -> None:
    op.drop_index("ix_departures_seq", "departures")
    op.drop_table("departures")
