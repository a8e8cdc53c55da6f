"""Customers whose search rows are due: a pulled page marks them, and they are indexed in bulk
once the pull is over (a customer whose contacts arrive over many pages is indexed once, not
once per page). Kept in the file, so an interrupted sync finishes the work when it resumes.

Revision ID: 0007
Revises: 0006
"""

from __future__ import annotations

from alembic import op

revision = "0007"
down_revision = "0006"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.execute("CREATE TABLE search_pending (customer_id TEXT PRIMARY KEY) WITHOUT ROWID")


def downgrade() -> None:
    op.execute("DROP TABLE search_pending")
