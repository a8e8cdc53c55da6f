"""Proposal sheets: the PDF bytes and their content, one row per offer version.

Revision ID: 0005
Revises: 0004
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0005"
down_revision = "0004"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "proposals",
        sa.Column("id", sa.String(length=36), nullable=False),
        sa.Column("offer_id", sa.String(length=36), nullable=False),
        sa.Column("version_no", sa.Integer(), nullable=False),
        sa.Column("number", sa.String(length=32), nullable=False),
        sa.Column("issued_on", sa.Date(), nullable=False),
        sa.Column("content_json", sa.Text(), nullable=False),
        sa.Column("pdf", sa.LargeBinary(), nullable=False),
        sa.Column("pdf_sha256", sa.String(length=64), nullable=False),
        sa.Column("pages", sa.Integer(), nullable=False),
        sa.Column("missing_chars", sa.Text(), nullable=False),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.Column("updated_at", sa.DateTime(), nullable=False),
        sa.Column("version", sa.Integer(), nullable=False),
        sa.Column("deleted", sa.Boolean(), server_default=sa.text("0"), nullable=False),
        sa.Column("owner_id", sa.String(length=36), nullable=True),
        sa.CheckConstraint("pages >= 1", name=op.f("ck_proposals_pages_pos")),
        sa.ForeignKeyConstraint(["offer_id"], ["offers.id"], name=op.f("fk_proposals_offer_id_offers")),
        sa.ForeignKeyConstraint(["owner_id"], ["users.id"], name=op.f("fk_proposals_owner_id_users")),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_proposals")),
    )
    op.create_index("ix_proposals_offer_version", "proposals", ["offer_id", "version_no"], unique=True)


def downgrade() -> None:
    op.drop_index("ix_proposals_offer_version", table_name="proposals")
    op.drop_table("proposals")
