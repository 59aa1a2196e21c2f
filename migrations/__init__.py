"""Alembic migrations of the database (SQLite and PostgreSQL share them): env.py, versions/.

A package of its own so that they ship in the wheel; ``dailycast.migrations`` finds the folder
with ``importlib.resources.files("migrations")``. Alembic loads env.py and the revisions by path,
not as modules of this package, so this file changes nothing for ``alembic`` at the command line.
"""
