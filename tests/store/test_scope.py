"""Households are kept apart by one mechanism (`ratbond.store.scope`): every table is scoped or
global on purpose, every statement of a scoped transaction is filtered, roles are enforced,
writes are audited, and on PostgreSQL row-level security is a second wall."""

from __future__ import annotations

import ast
import uuid
from pathlib import Path

import pytest
from sqlalchemy import func, inspect, select, text, union, update
from sqlalchemy.engine import make_url

from ratbond.errors import Forbidden, NotFound
from ratbond.store import Database
from ratbond.store import scope as scoping
from ratbond.store.agenda import agenda
from ratbond.store.animals import NewAnimal, add_animal, list_animals
from ratbond.store.audit import read_audit
from ratbond.store.care_plan import care_plan
from ratbond.store.introductions import list_introductions
from ratbond.store.people import add_household, add_person
from ratbond.store.scope import Scope, ScopeError, TextScopeError, check_tables, within
from ratbond.store.sessions import NewSession, list_sessions, log_session
from ratbond.store.tables import GLOBAL, SCOPED, animals, audit, metadata, vet_checks
from tests.store.helpers import TODAY, bitten, cat_and_rat, day


def test_every_table_is_scoped_by_household_or_global_on_purpose(db: Database) -> None:
    assert check_tables() == []
    assert not {t.name for t in SCOPED} & set(GLOBAL)
    with db.read() as connection:
        stored = inspect(connection)
        for table in SCOPED:
            columns = {c["name"] for c in stored.get_columns(table.name)}
            assert "household_id" in columns, table.name
        assert set(stored.get_table_names()) - {"alembic_version"} == set(metadata.tables)


@pytest.fixture
def two(db: Database) -> tuple[Database, Database]:
    """Household `home` with Tom and Pip (Tom bit Pip), and household `rescue` with its own
    Tom and Pip (same ids, other rows) in a calm introduction."""
    bitten(db)
    rescue = add_household(db, "rescue", "The Rescue")
    other = db.scoped(Scope(household_id=rescue.id, role="owner", actor="rescuer"))
    cat_and_rat(other)
    log_session(other, "tom-pip", NewSession(stage="visual", date=day(-1), minutes=5), today=TODAY)
    return db, other


def test_each_household_reads_only_its_own_rows_through_every_store_function(
    two: tuple[Database, Database],
) -> None:
    home, rescue = two
    for db in (home, rescue):
        assert [a.key for a in list_animals(db)] == ["pip", "tom"]
        assert [i.key for i in list_introductions(db)] == ["tom-pip"]
        assert len(list_sessions(db, "tom-pip")[1]) == 1
    assert agenda(home, today=TODAY)[0].advice.action == "stop"
    assert agenda(rescue, today=TODAY)[0].advice.action != "stop"
    assert len(care_plan(home, today=TODAY).tasks) == len(care_plan(rescue, today=TODAY).tasks)


def test_every_scoped_table_read_raw_holds_only_the_households_rows(
    two: tuple[Database, Database],
) -> None:
    home, rescue = two
    assert rescue.scope is not None
    rescue_id = rescue.scope.household_id
    for db, other in ((home, rescue_id), (rescue, 1)):
        with db.read() as connection:
            for table in SCOPED:
                if "household_id" in table.c:
                    rows = connection.execute(select(table.c.household_id)).scalars().all()
                    assert other not in rows, table.name


def test_an_update_of_another_households_row_changes_nothing(
    two: tuple[Database, Database],
) -> None:
    home, rescue = two
    theirs = list_animals(rescue)[0].id
    with home.write() as connection:
        changed = connection.execute(
            update(animals).where(animals.c.id == theirs).values(name="Stolen")
        )
        assert changed.rowcount == 0
    assert "Stolen" not in {a.name for a in list_animals(rescue)}


def test_sql_text_naming_a_household_table_without_the_filter_is_refused(db: Database) -> None:
    with pytest.raises(TextScopeError), db.read() as connection:
        connection.execute(text("SELECT id FROM animals"))
    with db.read() as connection:
        found = connection.execute(
            text("SELECT id FROM animals WHERE household_id = :household")
        ).all()
    assert found == []


def test_sql_text_naming_a_household_table_is_refused_to_a_limited_scope(db: Database) -> None:
    """SQL text is read, never rewritten, so it cannot be narrowed to a sitter's animals."""
    cat_and_rat(db)
    sitter = db.scoped(Scope(1, "sitter", actor="Sam", animals=frozenset({1})))
    statement = text("SELECT id FROM animals WHERE household_id = :household")
    with pytest.raises(TextScopeError, match="sitter's scope cannot narrow"), sitter.read() as c:
        c.execute(statement)
    assert statement.text == "SELECT id FROM animals WHERE household_id = :household"
    with sitter.read() as connection:  # text naming no household table is left alone
        assert connection.execute(text("SELECT 1")).scalar() == 1


def test_a_subquery_not_filtered_by_within_is_refused_before_it_runs(
    two: tuple[Database, Database],
) -> None:
    home, _ = two
    checked = select(vet_checks.c.animal_id)
    for statement in (
        select(animals.c.key).where(animals.c.id.in_(checked)),
        select(animals.c.key, select(func.count()).select_from(vet_checks).scalar_subquery()),
        select(animals.c.key).where(checked.where(vet_checks.c.animal_id == animals.c.id).exists()),
        update(animals).where(animals.c.id.in_(checked)).values(name="Nobody"),
        union(checked, select(vet_checks.c.animal_id)),
    ):
        with pytest.raises(ScopeError, match="vet_checks unfiltered"), home.write() as c:
            c.execute(statement)
    for statement in (
        select(animals.c.key).where(text("animals.id IN (SELECT animal_id FROM vet_checks)")),
        text("SELECT key FROM animals WHERE household_id = :household").columns(animals.c.key),
    ):
        with pytest.raises(TextScopeError), home.write() as c:
            c.execute(statement)
    assert {a.name for a in list_animals(home)} == {"Tom", "Pip"}


def test_a_subquery_filtered_by_within_reads_only_the_households_rows(
    two: tuple[Database, Database],
) -> None:
    home, rescue = two
    counted = select(func.count()).select_from(vet_checks)
    for db in (home, rescue):
        with db.read() as connection:
            total = connection.execute(select(within(connection, counted).scalar_subquery()))
            assert total.scalar() == 2  # each household's own two vet checks, not four
    # Filtered for one transaction, a subquery is not taken for filtered in the next.
    with home.read() as connection:
        kept = within(connection, counted).scalar_subquery()
    with pytest.raises(ScopeError), rescue.read() as connection:
        connection.execute(select(kept))


def test_scoping_uses_only_sqlalchemys_public_names() -> None:
    """`scope` imports from the top level of `sqlalchemy` alone (the names its documentation
    lists), so no internal module (`sqlalchemy.sql.visitors`, `...elements`) is relied on."""
    tree = ast.parse(Path(scoping.__file__).read_text())
    modules = {
        node.module
        for node in ast.walk(tree)
        if isinstance(node, ast.ImportFrom) and (node.module or "").startswith("sqlalchemy")
    }
    modules |= {
        alias.name
        for node in ast.walk(tree)
        if isinstance(node, ast.Import)
        for alias in node.names
        if alias.name.startswith("sqlalchemy")
    }
    assert modules == {"sqlalchemy"}


def test_a_viewer_reads_but_writes_nothing(db: Database) -> None:
    cat_and_rat(db)
    viewer = db.scoped(Scope(household_id=1, role="viewer", actor="Vi"))
    assert [a.key for a in list_animals(viewer)] == ["pip", "tom"]
    with pytest.raises(Forbidden, match="a viewer cannot log or correct sessions"):
        log_session(
            viewer, "tom-pip", NewSession(stage="visual", date=day(-1), minutes=5), today=TODAY
        )
    with pytest.raises(Forbidden, match="a viewer cannot add or edit animals"):
        add_animal(viewer, NewAnimal(species="rat", name="Nib"), today=TODAY)
    assert len(list_sessions(db, "tom-pip")[1]) == 0


def test_a_sitter_sees_and_logs_only_the_chosen_animals(db: Database) -> None:
    cat_and_rat(db)
    add_animal(db, NewAnimal(species="rat", name="Nib"), today=TODAY)
    by_key = {a.key: a.id for a in list_animals(db)}
    sitter = db.scoped(
        Scope(
            household_id=1,
            role="sitter",
            actor="Sam",
            animals=frozenset({by_key["tom"], by_key["pip"]}),
        )
    )
    assert [a.key for a in list_animals(sitter)] == ["pip", "tom"]
    log_session(sitter, "tom-pip", NewSession(stage="visual", date=day(-1), minutes=5), today=TODAY)
    only_nib = db.scoped(
        Scope(household_id=1, role="sitter", actor="Sam", animals=frozenset({by_key["nib"]}))
    )
    assert [a.key for a in list_animals(only_nib)] == ["nib"]
    # The plans made by SQL text are narrowed the same way.
    assert agenda(only_nib, today=TODAY) == []
    assert [i.key for i in agenda(sitter, today=TODAY)] == ["tom-pip"]
    assert {t.animal for t in care_plan(only_nib, today=TODAY).tasks} <= {"nib", None}
    with pytest.raises(NotFound):
        log_session(
            only_nib, "tom-pip", NewSession(stage="visual", date=day(-1), minutes=5), today=TODAY
        )


def test_every_write_is_in_the_audit_and_the_audit_cannot_be_changed(db: Database) -> None:
    add_person(db, "Ann", password="correct horse")
    ann = db.scoped(Scope(household_id=1, role="owner", actor="Ann", person_id=1, via="web"))
    cat_and_rat(ann)
    log_session(ann, "tom-pip", NewSession(stage="visual", date=day(-1), minutes=5), today=TODAY)
    assert list_sessions(ann, "tom-pip")[1][0].logged_by == "Ann"
    entries = read_audit(ann)
    assert {e.action for e in entries} >= {"insert animals", "insert introductions"}
    assert {(e.actor, e.via) for e in entries if e.action == "insert animals"} == {("Ann", "web")}
    with pytest.raises(Forbidden, match="cannot be changed"), ann.write() as connection:
        connection.execute(update(audit).values(actor="Bob"))
    carer = db.scoped(Scope(household_id=1, role="carer", actor="Cy"))
    with pytest.raises(Forbidden, match="a carer cannot read the audit trail"):
        read_audit(carer)


def test_row_level_security_hides_other_households_from_a_raw_query(postgres_url: str) -> None:
    """PostgreSQL: as an ordinary role (a superuser passes every policy), a query that names
    no household at all sees only the transaction's household, and nothing without one."""
    import psycopg

    from ratbond.store import open_database

    db = open_database(postgres_url)
    bitten(db)
    rescue = add_household(db, "rescue", "The Rescue")
    cat_and_rat(db.scoped(Scope(household_id=rescue.id, role="owner", actor="r")))
    db.close()
    role = "rb_rls_" + uuid.uuid4().hex[:8]
    url = make_url(postgres_url)
    options = url.query["options"]
    schema = (options if isinstance(options, str) else options[0]).split("=", 1)[1]
    conninfo = f"host={url.host} port={url.port or 5432} user={url.username} dbname={url.database}"
    with psycopg.connect(conninfo, autocommit=True) as admin:
        admin.execute(f"CREATE ROLE {role}")
        admin.execute(f'GRANT USAGE ON SCHEMA "{schema}" TO {role}')
        admin.execute(f'GRANT SELECT ON ALL TABLES IN SCHEMA "{schema}" TO {role}')
    try:
        with psycopg.connect(conninfo) as connection:
            connection.execute(f'SET search_path = "{schema}"')
            connection.execute(f"SET ROLE {role}")
            for table in SCOPED:
                rows = connection.execute(f"SELECT household_id FROM {table.name}").fetchall()
                assert rows == [], table.name
            connection.execute("SELECT set_config('app.household', %s, true)", (str(rescue.id),))
            seen = {
                r[0] for t in SCOPED for r in connection.execute(f"SELECT household_id FROM {t}")
            }
            assert seen == {rescue.id}
            connection.rollback()
    finally:
        with psycopg.connect(conninfo, autocommit=True) as admin:
            admin.execute(f'REVOKE ALL ON ALL TABLES IN SCHEMA "{schema}" FROM {role}')
            admin.execute(f'REVOKE USAGE ON SCHEMA "{schema}" FROM {role}')
            admin.execute(f"DROP ROLE {role}")
