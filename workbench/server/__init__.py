"""The team's sync server (``workbench-server``): FastAPI over SQLAlchemy, SQLite or PostgreSQL.

It implements docs/sync-protocol.md: enrolment, push (re-validation, authorisation, per-field
merge, de-duplication) and pull (commit-ordered, filtered by visibility). No Qt here.
"""
