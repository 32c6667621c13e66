"""PostgreSQL-only tests: skipped on the SQLite demo database, but failing in CI,
which must run them (CI sets ``CI`` and a PostgreSQL ``DATABASE_URL``)."""

import os

import pytest
from django.db import connection

ON_POSTGRESQL = connection.vendor == "postgresql"

requires_postgresql = pytest.mark.skipif(
    not ON_POSTGRESQL and not os.environ.get("CI"),
    reason="needs PostgreSQL (full-text search, pg_trgm); set DATABASE_URL",
)


@pytest.fixture
def postgresql(db):
    """Fail with a clear message where the skip above does not apply: in CI on another database."""
    if not ON_POSTGRESQL:
        pytest.fail("CI must run the PostgreSQL tests on PostgreSQL: set DATABASE_URL to a postgres:// URL.")
