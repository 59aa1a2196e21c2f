"""dailycast.postgres_admin without a server: names and URLs (the server side is in tests/integration)."""

import pytest
import sqlalchemy as sa

from dailycast.postgres_admin import check_name, database_url, drop_database, unique_name

SERVER = "postgresql+psycopg://dailycast:s%40cret@127.0.0.1:55432/dailycast"


@pytest.mark.parametrize("name", ["dailycast", "dailycast_test_0123456789ab", "_x", "a" * 63])
def test_plain_identifiers_are_accepted(name):
    assert check_name(name) == name


@pytest.mark.parametrize(
    "name", ["", "Dailycast", "9lives", "a-b", 'x"; DROP DATABASE dailycast; --', "a b", "é", "a" * 64]
)
def test_other_names_are_refused(name):
    with pytest.raises(ValueError, match="database name"):
        check_name(name)


def test_unique_names_differ_and_keep_the_prefix():
    names = {unique_name("dailycast_bench") for _ in range(50)}
    assert len(names) == 50
    assert all(n.startswith("dailycast_bench_") and len(n) == len("dailycast_bench_") + 12 for n in names)


def test_a_prefix_that_makes_a_bad_name_is_refused():
    with pytest.raises(ValueError):
        unique_name("Bench")


def test_database_url_keeps_driver_role_and_password():
    url = sa.make_url(database_url(SERVER, "dailycast_new"))
    assert url.drivername == "postgresql+psycopg"
    assert (url.username, url.password, url.host, url.port) == ("dailycast", "s@cret", "127.0.0.1", 55432)
    assert url.database == "dailycast_new"


@pytest.mark.parametrize("server", ["sqlite:///dailycast.db", "mysql://u@h/db"])
def test_only_postgresql_servers(server):
    with pytest.raises(ValueError, match="PostgreSQL"):
        database_url(server, "dailycast_new")
    with pytest.raises(ValueError, match="PostgreSQL"):
        drop_database(server, "dailycast_new")  # refused before connecting anywhere
