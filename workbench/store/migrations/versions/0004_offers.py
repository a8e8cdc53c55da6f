"""Bundle offers: versioned price books (catalogue, policy), offers, versions, their events.

Revision ID: 0004
Revises: 0003
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0004"
down_revision = "0003"
branch_labels = None
depends_on = None

STATES = "state IN ('draft', 'needs_approval', 'approved', 'rejected', 'sent', 'won', 'lost')"


def _fk(table: str, column: str, target: str) -> sa.ForeignKeyConstraint:
    return sa.ForeignKeyConstraint([column], [f"{target}.id"], name=op.f(f"fk_{table}_{column}_{target}"))


def upgrade() -> None:
    op.create_table(
        "price_books",
        sa.Column("id", sa.String(length=36), nullable=False),
        sa.Column("kind", sa.String(length=12), nullable=False),
        sa.Column("book_version", sa.String(length=40), nullable=False),
        sa.Column("valid_from", sa.Date(), nullable=False),
        sa.Column("valid_to", sa.Date(), nullable=True),
        sa.Column("body", sa.Text(), nullable=False),
        sa.Column("published_at", sa.DateTime(), nullable=False),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.Column("updated_at", sa.DateTime(), nullable=False),
        sa.Column("version", sa.Integer(), nullable=False),
        sa.Column("deleted", sa.Boolean(), server_default=sa.text("0"), nullable=False),
        sa.Column("owner_id", sa.String(length=36), nullable=True),
        sa.CheckConstraint("kind IN ('catalogue', 'policy')", name=op.f("ck_price_books_kind_allowed")),
        _fk("price_books", "owner_id", "users"),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_price_books")),
    )
    op.create_index("ix_price_books_kind_book_version", "price_books", ["kind", "book_version"], unique=True)
    op.create_index("ix_price_books_kind_valid", "price_books", ["kind", "valid_from"], unique=False)
    op.create_table(
        "offers",
        sa.Column("id", sa.String(length=36), nullable=False),
        sa.Column("customer_id", sa.String(length=36), nullable=False),
        sa.Column("number", sa.String(length=24), nullable=False),
        sa.Column("title", sa.String(length=500), nullable=False),
        sa.Column("current_version", sa.Integer(), nullable=False),
        sa.Column("state", sa.String(length=16), nullable=False),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.Column("updated_at", sa.DateTime(), nullable=False),
        sa.Column("version", sa.Integer(), nullable=False),
        sa.Column("deleted", sa.Boolean(), server_default=sa.text("0"), nullable=False),
        sa.Column("owner_id", sa.String(length=36), nullable=True),
        sa.CheckConstraint(STATES, name=op.f("ck_offers_state_allowed")),
        sa.CheckConstraint("current_version >= 1", name=op.f("ck_offers_current_version_pos")),
        _fk("offers", "customer_id", "customers"),
        _fk("offers", "owner_id", "users"),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_offers")),
        sa.UniqueConstraint("number", name=op.f("uq_offers_number")),
    )
    op.create_index("ix_offers_customer", "offers", ["customer_id", "updated_at"], unique=False)
    op.create_table(
        "offer_versions",
        sa.Column("id", sa.String(length=36), nullable=False),
        sa.Column("offer_id", sa.String(length=36), nullable=False),
        sa.Column("version_no", sa.Integer(), nullable=False),
        sa.Column("offer_json", sa.Text(), nullable=False),
        sa.Column("quote_json", sa.Text(), nullable=True),
        sa.Column("state", sa.String(length=16), nullable=False),
        sa.Column("frozen", sa.Boolean(), nullable=False),
        sa.Column("priced_on", sa.Date(), nullable=True),
        sa.Column("priced_role", sa.String(length=12), nullable=True),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.Column("updated_at", sa.DateTime(), nullable=False),
        sa.Column("version", sa.Integer(), nullable=False),
        sa.Column("deleted", sa.Boolean(), server_default=sa.text("0"), nullable=False),
        sa.Column("owner_id", sa.String(length=36), nullable=True),
        sa.CheckConstraint(STATES, name=op.f("ck_offer_versions_state_allowed")),
        sa.CheckConstraint("version_no >= 1", name=op.f("ck_offer_versions_version_no_pos")),
        _fk("offer_versions", "offer_id", "offers"),
        _fk("offer_versions", "owner_id", "users"),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_offer_versions")),
    )
    op.create_index("ix_offer_versions_offer_version_no", "offer_versions", ["offer_id", "version_no"], unique=True)
    op.create_table(
        "offer_events",
        sa.Column("id", sa.String(length=36), nullable=False),
        sa.Column("offer_id", sa.String(length=36), nullable=False),
        sa.Column("version_no", sa.Integer(), nullable=False),
        sa.Column("from_state", sa.String(length=16), nullable=True),
        sa.Column("to_state", sa.String(length=16), nullable=False),
        sa.Column("by_user_id", sa.String(length=36), nullable=True),
        sa.Column("comment", sa.String(length=500), nullable=True),
        sa.Column("occurred_at", sa.DateTime(), nullable=False),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.Column("updated_at", sa.DateTime(), nullable=False),
        sa.Column("version", sa.Integer(), nullable=False),
        sa.Column("deleted", sa.Boolean(), server_default=sa.text("0"), nullable=False),
        sa.Column("owner_id", sa.String(length=36), nullable=True),
        _fk("offer_events", "by_user_id", "users"),
        _fk("offer_events", "offer_id", "offers"),
        _fk("offer_events", "owner_id", "users"),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_offer_events")),
    )
    op.create_index("ix_offer_events_offer", "offer_events", ["offer_id", "occurred_at"], unique=False)


def downgrade() -> None:
    for index, table in (("ix_offer_events_offer", "offer_events"),
                         ("ix_offer_versions_offer_version_no", "offer_versions"),
                         ("ix_offers_customer", "offers"),
                         ("ix_price_books_kind_valid", "price_books"),
                         ("ix_price_books_kind_book_version", "price_books")):
        op.drop_index(index, table_name=table)
    for table in ("offer_events", "offer_versions", "offers", "price_books"):
        op.drop_table(table)
