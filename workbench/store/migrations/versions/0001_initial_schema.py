"""Initial schema: the entities, the change journal, the search index, default ladders.

Revision ID: 0001
Revises:
Create Date: 2026-11-24 23:45:34.467296
"""

from __future__ import annotations

from datetime import datetime

import sqlalchemy as sa
from alembic import op

from workbench.domain.enums import INDUSTRIES, STAGES

NOW = datetime(2026, 11, 24)  # the defaults' own version date

revision = "0001"
down_revision = None
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "industries",
        sa.Column("code", sa.String(length=20), nullable=False),
        sa.Column("name_zh", sa.String(length=60), nullable=False),
        sa.Column("name_en", sa.String(length=60), nullable=False),
        sa.Column("is_key", sa.Boolean(), nullable=False),
        sa.Column("price_sensitive", sa.Boolean(), nullable=False),
        sa.Column("decides_on_references", sa.Boolean(), nullable=False),
        sa.Column("loyalty", sa.String(length=12), nullable=False),
        sa.Column("motive", sa.String(length=20), nullable=False),
        sa.Column("position", sa.Integer(), nullable=False),
        sa.Column("version", sa.Integer(), nullable=False),
        sa.Column("updated_at", sa.DateTime(), nullable=False),
        sa.PrimaryKeyConstraint("code", name=op.f("pk_industries")),
    )
    op.create_table(
        "journal",
        sa.Column("seq", sa.Integer(), autoincrement=True, nullable=False),
        sa.Column("device_id", sa.String(length=36), nullable=False),
        sa.Column("table_name", sa.String(length=40), nullable=False),
        sa.Column("row_id", sa.String(length=36), nullable=False),
        sa.Column("op", sa.String(length=8), nullable=False),
        sa.Column("base_version", sa.Integer(), nullable=False),
        sa.Column("new_version", sa.Integer(), nullable=False),
        sa.Column("fields", sa.Text(), nullable=False),
        sa.Column("actor_id", sa.String(length=36), nullable=True),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.Column("pushed_at", sa.DateTime(), nullable=True),
        sa.PrimaryKeyConstraint("seq", name=op.f("pk_journal")),
        sqlite_autoincrement=True,
    )
    with op.batch_alter_table("journal", schema=None) as batch_op:
        batch_op.create_index(
            "ix_journal_unpushed", ["seq"], unique=False, sqlite_where=sa.text("pushed_at IS NULL")
        )

    op.create_table(
        "meta",
        sa.Column("key", sa.String(length=40), nullable=False),
        sa.Column("value", sa.Text(), nullable=False),
        sa.PrimaryKeyConstraint("key", name=op.f("pk_meta")),
    )
    op.create_table(
        "stage_defs",
        sa.Column("code", sa.String(length=20), nullable=False),
        sa.Column("name_zh", sa.String(length=60), nullable=False),
        sa.Column("name_en", sa.String(length=60), nullable=False),
        sa.Column("position", sa.Integer(), nullable=False),
        sa.Column("group_zh", sa.String(length=60), nullable=False),
        sa.Column("group_en", sa.String(length=60), nullable=False),
        sa.Column("side", sa.Boolean(), nullable=False),
        sa.Column("active", sa.Boolean(), nullable=False),
        sa.Column("version", sa.Integer(), nullable=False),
        sa.Column("updated_at", sa.DateTime(), nullable=False),
        sa.PrimaryKeyConstraint("code", name=op.f("pk_stage_defs")),
    )
    op.create_table(
        "users",
        sa.Column("id", sa.String(length=36), nullable=False),
        sa.Column("name", sa.String(length=40), nullable=False),
        sa.Column("role", sa.String(length=12), nullable=False),
        sa.Column("team", sa.String(length=60), nullable=True),
        sa.Column("phone", sa.String(length=24), nullable=True),
        sa.Column("email", sa.String(length=120), nullable=True),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.Column("updated_at", sa.DateTime(), nullable=False),
        sa.Column("version", sa.Integer(), nullable=False),
        sa.Column("deleted", sa.Boolean(), server_default=sa.text("0"), nullable=False),
        sa.CheckConstraint(
            "role IN ('manager', 'team_lead', 'hq')", name=op.f("ck_users_role_allowed")
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_users")),
    )
    op.create_table(
        "customers",
        sa.Column("num", sa.Integer(), autoincrement=True, nullable=False),
        sa.Column("id", sa.String(length=36), nullable=False),
        sa.Column("name", sa.String(length=100), nullable=False),
        sa.Column("short_name", sa.String(length=30), nullable=True),
        sa.Column("credit_code", sa.String(length=18), nullable=True),
        sa.Column("industry_code", sa.String(length=20), nullable=False),
        sa.Column("region", sa.String(length=60), nullable=True),
        sa.Column("address", sa.String(length=200), nullable=True),
        sa.Column("employees", sa.Integer(), nullable=True),
        sa.Column("mobile_lines", sa.Integer(), nullable=True),
        sa.Column("value_grade", sa.String(length=2), nullable=True),
        sa.Column("churn_risk", sa.String(length=8), nullable=True),
        sa.Column("current_provider", sa.String(length=60), nullable=True),
        sa.Column("competitors", sa.String(length=500), nullable=True),
        sa.Column("competitor_contract_end", sa.Date(), nullable=True),
        sa.Column("price_sensitive", sa.Boolean(), nullable=True),
        sa.Column("decides_on_references", sa.Boolean(), nullable=True),
        sa.Column("loyalty", sa.String(length=12), nullable=True),
        sa.Column("motive", sa.String(length=20), nullable=True),
        sa.Column("stage_code", sa.String(length=20), nullable=False),
        sa.Column("stage_changed_at", sa.DateTime(), nullable=True),
        sa.Column("shared", sa.Boolean(), nullable=False),
        sa.Column("notes", sa.Text(), nullable=True),
        sa.Column("next_follow_up", sa.Date(), nullable=True),
        sa.Column("last_visit_at", sa.DateTime(), nullable=True),
        sa.Column("sort_key", sa.String(length=800), nullable=False),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.Column("updated_at", sa.DateTime(), nullable=False),
        sa.Column("version", sa.Integer(), nullable=False),
        sa.Column("deleted", sa.Boolean(), server_default=sa.text("0"), nullable=False),
        sa.Column("owner_id", sa.String(length=36), nullable=True),
        sa.CheckConstraint(
            "churn_risk IS NULL OR churn_risk IN ('low', 'medium', 'high')",
            name=op.f("ck_customers_churn_risk_allowed"),
        ),
        sa.CheckConstraint(
            "value_grade IS NULL OR value_grade IN ('A', 'B', 'C', 'D')",
            name=op.f("ck_customers_value_grade_allowed"),
        ),
        sa.CheckConstraint(
            "credit_code IS NULL OR length(credit_code) = 18",
            name=op.f("ck_customers_credit_code_len"),
        ),
        sa.CheckConstraint(
            "employees IS NULL OR employees >= 0", name=op.f("ck_customers_employees_nonneg")
        ),
        sa.CheckConstraint("length(name) BETWEEN 1 AND 100", name=op.f("ck_customers_name_len")),
        sa.CheckConstraint(
            "mobile_lines IS NULL OR mobile_lines >= 0", name=op.f("ck_customers_lines_nonneg")
        ),
        sa.ForeignKeyConstraint(
            ["industry_code"],
            ["industries.code"],
            name=op.f("fk_customers_industry_code_industries"),
        ),
        sa.ForeignKeyConstraint(
            ["owner_id"], ["users.id"], name=op.f("fk_customers_owner_id_users")
        ),
        sa.ForeignKeyConstraint(
            ["stage_code"], ["stage_defs.code"], name=op.f("fk_customers_stage_code_stage_defs")
        ),
        sa.PrimaryKeyConstraint("num", name=op.f("pk_customers")),
        sa.UniqueConstraint("id", name=op.f("uq_customers_id")),
    )
    with op.batch_alter_table("customers", schema=None) as batch_op:
        batch_op.create_index(
            "ix_customers_contract_end", ["competitor_contract_end"], unique=False
        )
        batch_op.create_index(
            "ix_customers_credit_code_live",
            ["credit_code"],
            unique=True,
            sqlite_where=sa.text("credit_code IS NOT NULL AND deleted = 0"),
        )
        batch_op.create_index("ix_customers_follow_up", ["next_follow_up"], unique=False)
        batch_op.create_index("ix_customers_industry", ["industry_code"], unique=False)
        batch_op.create_index("ix_customers_owner", ["owner_id"], unique=False)
        batch_op.create_index("ix_customers_sort", ["deleted", "sort_key"], unique=False)
        batch_op.create_index("ix_customers_stage", ["stage_code"], unique=False)

    op.create_table(
        "contacts",
        sa.Column("id", sa.String(length=36), nullable=False),
        sa.Column("customer_id", sa.String(length=36), nullable=False),
        sa.Column("name", sa.String(length=40), nullable=False),
        sa.Column("title", sa.String(length=60), nullable=True),
        sa.Column("department", sa.String(length=60), nullable=True),
        sa.Column("mobile", sa.String(length=24), nullable=True),
        sa.Column("phone", sa.String(length=24), nullable=True),
        sa.Column("email", sa.String(length=120), nullable=True),
        sa.Column("cute_role", sa.String(length=12), nullable=True),
        sa.Column("behaviour_style", sa.String(length=12), nullable=True),
        sa.Column("closeness", sa.Integer(), nullable=False),
        sa.Column("trust", sa.Integer(), nullable=False),
        sa.Column("favour", sa.Integer(), nullable=False),
        sa.Column("is_key_person", sa.Boolean(), nullable=False),
        sa.Column("is_liaison", sa.Boolean(), nullable=False),
        sa.Column("birthday", sa.Date(), nullable=True),
        sa.Column("care_dates", sa.Text(), nullable=True),
        sa.Column("notes", sa.Text(), nullable=True),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.Column("updated_at", sa.DateTime(), nullable=False),
        sa.Column("version", sa.Integer(), nullable=False),
        sa.Column("deleted", sa.Boolean(), server_default=sa.text("0"), nullable=False),
        sa.Column("owner_id", sa.String(length=36), nullable=True),
        sa.CheckConstraint(
            "behaviour_style IS NULL OR behaviour_style IN ('driver', 'expressive', 'amiable', 'analytical')",
            name=op.f("ck_contacts_behaviour_style_allowed"),
        ),
        sa.CheckConstraint(
            "cute_role IS NULL OR cute_role IN ('coach', 'user', 'technical', 'economic')",
            name=op.f("ck_contacts_cute_role_allowed"),
        ),
        sa.CheckConstraint("closeness BETWEEN 0 AND 10", name=op.f("ck_contacts_closeness_range")),
        sa.CheckConstraint("favour BETWEEN 0 AND 10", name=op.f("ck_contacts_favour_range")),
        sa.CheckConstraint("length(name) BETWEEN 1 AND 40", name=op.f("ck_contacts_name_len")),
        sa.CheckConstraint("trust BETWEEN 0 AND 10", name=op.f("ck_contacts_trust_range")),
        sa.ForeignKeyConstraint(
            ["customer_id"], ["customers.id"], name=op.f("fk_contacts_customer_id_customers")
        ),
        sa.ForeignKeyConstraint(
            ["owner_id"], ["users.id"], name=op.f("fk_contacts_owner_id_users")
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_contacts")),
    )
    with op.batch_alter_table("contacts", schema=None) as batch_op:
        batch_op.create_index("ix_contacts_customer", ["customer_id"], unique=False)

    op.create_table(
        "visits",
        sa.Column("id", sa.String(length=36), nullable=False),
        sa.Column("customer_id", sa.String(length=36), nullable=False),
        sa.Column("occurred_at", sa.DateTime(), nullable=False),
        sa.Column("duration_min", sa.Integer(), nullable=True),
        sa.Column("kind", sa.String(length=12), nullable=False),
        sa.Column("place", sa.String(length=60), nullable=True),
        sa.Column("objective", sa.String(length=500), nullable=True),
        sa.Column("spin_situation", sa.Text(), nullable=True),
        sa.Column("spin_problem", sa.Text(), nullable=True),
        sa.Column("spin_implication", sa.Text(), nullable=True),
        sa.Column("spin_need_payoff", sa.Text(), nullable=True),
        sa.Column("needs", sa.Text(), nullable=True),
        sa.Column("competitor_notes", sa.Text(), nullable=True),
        sa.Column("outcome", sa.Text(), nullable=True),
        sa.Column("next_step", sa.String(length=500), nullable=True),
        sa.Column("follow_up_date", sa.Date(), nullable=True),
        sa.Column("follow_up_done", sa.Boolean(), nullable=False),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.Column("updated_at", sa.DateTime(), nullable=False),
        sa.Column("version", sa.Integer(), nullable=False),
        sa.Column("deleted", sa.Boolean(), server_default=sa.text("0"), nullable=False),
        sa.Column("owner_id", sa.String(length=36), nullable=True),
        sa.CheckConstraint(
            "kind IN ('onsite', 'phone', 'demo', 'negotiation', 'event', 'after_sales')",
            name=op.f("ck_visits_kind_allowed"),
        ),
        sa.CheckConstraint(
            "duration_min IS NULL OR duration_min BETWEEN 0 AND 1440",
            name=op.f("ck_visits_duration_range"),
        ),
        sa.CheckConstraint(
            "follow_up_date IS NULL OR follow_up_date >= date(occurred_at)",
            name=op.f("ck_visits_follow_up_after"),
        ),
        sa.ForeignKeyConstraint(
            ["customer_id"], ["customers.id"], name=op.f("fk_visits_customer_id_customers")
        ),
        sa.ForeignKeyConstraint(["owner_id"], ["users.id"], name=op.f("fk_visits_owner_id_users")),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_visits")),
    )
    with op.batch_alter_table("visits", schema=None) as batch_op:
        batch_op.create_index("ix_visits_customer", ["customer_id", "occurred_at"], unique=False)
        batch_op.create_index(
            "ix_visits_follow_up",
            ["follow_up_date"],
            unique=False,
            sqlite_where=sa.text("follow_up_done = 0 AND deleted = 0"),
        )
        batch_op.create_index("ix_visits_occurred", ["occurred_at"], unique=False)

    op.create_table(
        "contact_scores",
        sa.Column("id", sa.String(length=36), nullable=False),
        sa.Column("contact_id", sa.String(length=36), nullable=False),
        sa.Column("kind", sa.String(length=12), nullable=False),
        sa.Column("value", sa.Integer(), nullable=False),
        sa.Column("recorded_at", sa.DateTime(), nullable=False),
        sa.Column("note", sa.String(length=500), nullable=True),
        sa.Column("visit_id", sa.String(length=36), nullable=True),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.Column("updated_at", sa.DateTime(), nullable=False),
        sa.Column("version", sa.Integer(), nullable=False),
        sa.Column("deleted", sa.Boolean(), server_default=sa.text("0"), nullable=False),
        sa.Column("owner_id", sa.String(length=36), nullable=True),
        sa.CheckConstraint(
            "kind IN ('closeness', 'trust', 'favour')", name=op.f("ck_contact_scores_kind_allowed")
        ),
        sa.CheckConstraint("value BETWEEN 0 AND 10", name=op.f("ck_contact_scores_value_range")),
        sa.ForeignKeyConstraint(
            ["contact_id"], ["contacts.id"], name=op.f("fk_contact_scores_contact_id_contacts")
        ),
        sa.ForeignKeyConstraint(
            ["owner_id"], ["users.id"], name=op.f("fk_contact_scores_owner_id_users")
        ),
        sa.ForeignKeyConstraint(
            ["visit_id"], ["visits.id"], name=op.f("fk_contact_scores_visit_id_visits")
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_contact_scores")),
    )
    with op.batch_alter_table("contact_scores", schema=None) as batch_op:
        batch_op.create_index(
            "ix_contact_scores_contact", ["contact_id", "recorded_at"], unique=False
        )

    op.create_table(
        "stage_events",
        sa.Column("id", sa.String(length=36), nullable=False),
        sa.Column("customer_id", sa.String(length=36), nullable=False),
        sa.Column("from_code", sa.String(length=20), nullable=True),
        sa.Column("to_code", sa.String(length=20), nullable=False),
        sa.Column("occurred_at", sa.DateTime(), nullable=False),
        sa.Column("by_user_id", sa.String(length=36), nullable=True),
        sa.Column("reason", sa.String(length=500), nullable=True),
        sa.Column("visit_id", sa.String(length=36), nullable=True),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.Column("updated_at", sa.DateTime(), nullable=False),
        sa.Column("version", sa.Integer(), nullable=False),
        sa.Column("deleted", sa.Boolean(), server_default=sa.text("0"), nullable=False),
        sa.Column("owner_id", sa.String(length=36), nullable=True),
        sa.ForeignKeyConstraint(
            ["by_user_id"], ["users.id"], name=op.f("fk_stage_events_by_user_id_users")
        ),
        sa.ForeignKeyConstraint(
            ["customer_id"], ["customers.id"], name=op.f("fk_stage_events_customer_id_customers")
        ),
        sa.ForeignKeyConstraint(
            ["from_code"], ["stage_defs.code"], name=op.f("fk_stage_events_from_code_stage_defs")
        ),
        sa.ForeignKeyConstraint(
            ["owner_id"], ["users.id"], name=op.f("fk_stage_events_owner_id_users")
        ),
        sa.ForeignKeyConstraint(
            ["to_code"], ["stage_defs.code"], name=op.f("fk_stage_events_to_code_stage_defs")
        ),
        sa.ForeignKeyConstraint(
            ["visit_id"], ["visits.id"], name=op.f("fk_stage_events_visit_id_visits")
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_stage_events")),
    )
    with op.batch_alter_table("stage_events", schema=None) as batch_op:
        batch_op.create_index(
            "ix_stage_events_customer", ["customer_id", "occurred_at"], unique=False
        )

    op.create_table(
        "visit_contacts",
        sa.Column("visit_id", sa.String(length=36), nullable=False),
        sa.Column("contact_id", sa.String(length=36), nullable=False),
        sa.ForeignKeyConstraint(
            ["contact_id"], ["contacts.id"], name=op.f("fk_visit_contacts_contact_id_contacts")
        ),
        sa.ForeignKeyConstraint(
            ["visit_id"], ["visits.id"], name=op.f("fk_visit_contacts_visit_id_visits")
        ),
        sa.PrimaryKeyConstraint("visit_id", "contact_id", name=op.f("pk_visit_contacts")),
    )
    _search_tables()
    _defaults()


SEARCH_DDL = (
    "CREATE TABLE search_docs (num INTEGER PRIMARY KEY, doc TEXT NOT NULL, grams TEXT NOT NULL)",
    "CREATE VIRTUAL TABLE search_fts USING fts5(doc, content='search_docs', "
    "content_rowid='num', tokenize='trigram')",
    "CREATE TABLE search_keys (id INTEGER PRIMARY KEY, key TEXT NOT NULL)",
    "CREATE INDEX ix_search_keys_key ON search_keys(key)",
    "CREATE VIRTUAL TABLE keys_fts USING fts5(key, content='search_keys', "
    "content_rowid='id', tokenize='trigram')",
    "CREATE TABLE search_grams (gram TEXT NOT NULL, cls INTEGER NOT NULL, num INTEGER NOT NULL, "
    "PRIMARY KEY (gram, cls, num)) WITHOUT ROWID",
)


def _search_tables() -> None:
    for statement in SEARCH_DDL:
        op.execute(statement)


def _defaults() -> None:
    industries = sa.table(
        "industries",
        *(
            sa.column(c)
            for c in (
                "code",
                "name_zh",
                "name_en",
                "is_key",
                "price_sensitive",
                "decides_on_references",
                "loyalty",
                "motive",
                "position",
                "version",
                "updated_at",
            )
        ),
    )
    op.bulk_insert(
        industries,
        [
            {
                "code": i.code,
                "name_zh": i.zh,
                "name_en": i.en,
                "is_key": i.key,
                "price_sensitive": i.price_sensitive,
                "decides_on_references": i.decides_on_references,
                "loyalty": i.loyalty.value,
                "motive": i.motive.value,
                "position": n,
                "version": 1,
                "updated_at": NOW,
            }
            for n, i in enumerate(INDUSTRIES, start=1)
        ],
    )
    stages = sa.table(
        "stage_defs",
        *(
            sa.column(c)
            for c in (
                "code",
                "name_zh",
                "name_en",
                "position",
                "group_zh",
                "group_en",
                "side",
                "active",
                "version",
                "updated_at",
            )
        ),
    )
    op.bulk_insert(
        stages,
        [
            {
                "code": s.code,
                "name_zh": s.zh,
                "name_en": s.en,
                "position": s.position,
                "group_zh": s.group_zh,
                "group_en": s.group_en,
                "side": s.side,
                "active": True,
                "version": 1,
                "updated_at": NOW,
            }
            for s in STAGES
        ],
    )


def downgrade() -> None:
    for table in ("keys_fts", "search_keys", "search_fts", "search_docs", "search_grams"):
        op.execute(f"DROP TABLE IF EXISTS {table}")
    op.drop_table("visit_contacts")
    with op.batch_alter_table("stage_events", schema=None) as batch_op:
        batch_op.drop_index("ix_stage_events_customer")

    op.drop_table("stage_events")
    with op.batch_alter_table("contact_scores", schema=None) as batch_op:
        batch_op.drop_index("ix_contact_scores_contact")

    op.drop_table("contact_scores")
    with op.batch_alter_table("visits", schema=None) as batch_op:
        batch_op.drop_index("ix_visits_occurred")
        batch_op.drop_index(
            "ix_visits_follow_up", sqlite_where=sa.text("follow_up_done = 0 AND deleted = 0")
        )
        batch_op.drop_index("ix_visits_customer")

    op.drop_table("visits")
    with op.batch_alter_table("contacts", schema=None) as batch_op:
        batch_op.drop_index("ix_contacts_customer")

    op.drop_table("contacts")
    with op.batch_alter_table("customers", schema=None) as batch_op:
        batch_op.drop_index("ix_customers_stage")
        batch_op.drop_index("ix_customers_sort")
        batch_op.drop_index("ix_customers_owner")
        batch_op.drop_index("ix_customers_industry")
        batch_op.drop_index("ix_customers_follow_up")
        batch_op.drop_index(
            "ix_customers_credit_code_live",
            sqlite_where=sa.text("credit_code IS NOT NULL AND deleted = 0"),
        )
        batch_op.drop_index("ix_customers_contract_end")

    op.drop_table("customers")
    op.drop_table("users")
    op.drop_table("stage_defs")
    op.drop_table("meta")
    with op.batch_alter_table("journal", schema=None) as batch_op:
        batch_op.drop_index("ix_journal_unpushed", sqlite_where=sa.text("pushed_at IS NULL"))

    op.drop_table("journal")
    op.drop_table("industries")
