"""The revisions, one file each (<rev>_<slug>.py); a package so the wheel ships them. Alembic skips this file."""
