"""Alembic migrations, inside the package so that a bundle carries them.

HEAD_REVISION lets start-up check the file's revision without importing Alembic;
a test keeps it equal to the scripts' real head.
"""

HEAD_REVISION = "0008"
