"""The server's Ed25519 key pair for signing the price books HQ publishes.

Revision ID: s0002
Revises: s0001
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

from workbench.pricing.signing import new_key_pair

revision = "s0002"
down_revision = "s0001"
branch_labels = None
depends_on = None


def upgrade() -> None:
    private, public = new_key_pair()
    meta = sa.table("server_meta", sa.column("key", sa.String), sa.column("value", sa.Text))
    op.bulk_insert(meta, [{"key": "policy_private_key", "value": private},
                          {"key": "policy_public_key", "value": public}])


def downgrade() -> None:
    op.execute("DELETE FROM server_meta WHERE key IN ('policy_private_key', 'policy_public_key')")
