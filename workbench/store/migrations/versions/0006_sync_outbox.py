"""Sync outbox: journal entries tied to their transaction and to the server's answer; conflicts;
the server version of each row as last seen; the server's signature on price books; the unique keys two laptops can both fill offline
(a live credit code, an offer's version number, its proposal) become plain indexes.

Entries journaled before this revision are marked ``legacy``: their payloads predate the wire
encoding, so the first sync sends the current state of their rows instead.

Revision ID: 0006
Revises: 0005
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0006"
down_revision = "0005"
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table("journal", schema=None) as batch_op:
        batch_op.add_column(sa.Column("tx_id", sa.String(length=36), nullable=False, server_default=""))
        batch_op.add_column(sa.Column("push_status", sa.String(length=12), nullable=True))
        batch_op.add_column(sa.Column("push_reason", sa.Text(), nullable=True))
    op.execute("UPDATE journal SET tx_id = 'legacy-' || seq, push_status = 'legacy' WHERE pushed_at IS NULL")
    with op.batch_alter_table("price_books", schema=None) as batch_op:
        batch_op.add_column(sa.Column("signature", sa.Text(), nullable=True))
    op.create_table(
        "conflicts",
        sa.Column("id", sa.String(length=36), nullable=False),
        sa.Column("table_name", sa.String(length=40), nullable=False),
        sa.Column("row_id", sa.String(length=80), nullable=False),
        sa.Column("customer_id", sa.String(length=36), nullable=True),
        sa.Column("field", sa.String(length=40), nullable=True),
        sa.Column("kind", sa.String(length=20), nullable=False),
        sa.Column("kept_value", sa.Text(), nullable=True),
        sa.Column("other_value", sa.Text(), nullable=True),
        sa.Column("kept_by", sa.String(length=36), nullable=True),
        sa.Column("other_by", sa.String(length=36), nullable=True),
        sa.Column("kept_at", sa.DateTime(), nullable=True),
        sa.Column("other_at", sa.DateTime(), nullable=True),
        sa.Column("other_row_id", sa.String(length=80), nullable=True),
        sa.Column("status", sa.String(length=12), nullable=False),
        sa.Column("resolution", sa.Text(), nullable=True),
        sa.Column("resolved_by", sa.String(length=36), nullable=True),
        sa.Column("resolved_at", sa.DateTime(), nullable=True),
        sa.Column("note", sa.String(length=500), nullable=True),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.Column("updated_at", sa.DateTime(), nullable=False),
        sa.Column("version", sa.Integer(), nullable=False),
        sa.Column("deleted", sa.Boolean(), server_default=sa.text("0"), nullable=False),
        sa.Column("owner_id", sa.String(length=36), nullable=True),
        sa.ForeignKeyConstraint(["owner_id"], ["users.id"], name=op.f("fk_conflicts_owner_id_users")),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_conflicts")),
    )
    with op.batch_alter_table("conflicts", schema=None) as batch_op:
        batch_op.create_index("ix_conflicts_row", ["table_name", "row_id"], unique=False)
        batch_op.create_index("ix_conflicts_customer_status", ["customer_id", "status"], unique=False)
    op.create_table(
        "row_sync",
        sa.Column("table_name", sa.String(length=40), nullable=False),
        sa.Column("row_id", sa.String(length=80), nullable=False),
        sa.Column("server_version", sa.Integer(), nullable=False),
        sa.Column("seen_at", sa.DateTime(), nullable=False),
        sa.PrimaryKeyConstraint("table_name", "row_id", name=op.f("pk_row_sync")),
    )
    op.drop_index("ix_customers_credit_code_live", table_name="customers")
    op.create_index("ix_customers_credit_code_live", "customers", ["credit_code"], unique=False,
                    sqlite_where=sa.text("credit_code IS NOT NULL AND deleted = 0"))
    op.drop_index("ix_offer_versions_offer_version_no", table_name="offer_versions")
    op.create_index("ix_offer_versions_offer_version_no", "offer_versions", ["offer_id", "version_no"], unique=False)
    op.drop_index("ix_proposals_offer_version", table_name="proposals")
    op.create_index("ix_proposals_offer_version", "proposals", ["offer_id", "version_no"], unique=False)


def downgrade() -> None:
    raise NotImplementedError("the sync outbox cannot be taken back without losing unsynced work")
