"""A throw-away PostgreSQL schema, for the tests and the benchmarks alike: each gets a fresh,
empty schema of a name no other run or worker uses, reached by its URL, and dropped after.

The server is the one `RATBOND_TEST_POSTGRES_URL` names (default: database `test` on
127.0.0.1:5432 as `postgres`, trust auth, as on the project's machines and in CI).
"""

from __future__ import annotations

import os
import uuid
from collections.abc import Iterator
from contextlib import contextmanager
from typing import Any

SERVER_URL = os.environ.get(
    "RATBOND_TEST_POSTGRES_URL", "postgresql+psycopg://postgres@127.0.0.1:5432/test"
)


def _conninfo(url: str) -> dict[str, Any]:
    from sqlalchemy.engine import make_url

    base = make_url(url)
    return {
        "host": base.host,
        "port": base.port or 5432,
        "user": base.username,
        "password": base.password,
        "dbname": base.database,
    }


def unreachable(url: str = SERVER_URL) -> str | None:
    """Why the server cannot be used, in one line, or None when it can."""
    import psycopg
    from sqlalchemy.engine import make_url

    try:
        with psycopg.connect(**_conninfo(url), connect_timeout=3):
            return None
    except psycopg.Error as error:
        shown = make_url(url).render_as_string(hide_password=True)
        return f"PostgreSQL at {shown} is unreachable: {error}"


@contextmanager
def throwaway_schema(prefix: str, url: str = SERVER_URL) -> Iterator[str]:
    """The URL of a fresh, empty schema named `prefix` + a random suffix, dropped afterwards
    with all it holds. Random, so parallel test workers and benchmarks never share one."""
    import psycopg
    from sqlalchemy.engine import make_url

    schema = prefix + uuid.uuid4().hex[:16]
    conninfo = _conninfo(url)
    with psycopg.connect(**conninfo, autocommit=True) as connection:
        connection.execute(f'CREATE SCHEMA "{schema}"')
    try:
        yield (
            make_url(url)
            .update_query_dict({"options": f"-csearch_path={schema}"})
            .render_as_string(hide_password=False)
        )
    finally:
        with psycopg.connect(**conninfo, autocommit=True) as connection:
            connection.execute(f'DROP SCHEMA "{schema}" CASCADE')
