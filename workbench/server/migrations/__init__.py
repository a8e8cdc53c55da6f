"""Alembic migrations of the server's own database (run by ``init`` and at serve start)."""
