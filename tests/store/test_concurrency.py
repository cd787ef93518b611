"""Two processes logging 500 sessions each to one introduction at the same time lose none."""

from __future__ import annotations

import subprocess
import sys
import textwrap
from pathlib import Path

from sqlalchemy import select

from ratbond.store import Database
from ratbond.store.introductions import get_advice
from ratbond.store.sessions import list_sessions
from ratbond.store.tables import sessions
from tests.store.helpers import TODAY, cat_and_rat

PER_PROCESS = 500

WRITER = textwrap.dedent(
    """
    import datetime as dt, sys, time
    from pathlib import Path
    from ratbond.store import open_database
    from ratbond.store.sessions import NewSession, log_session

    url, who, count, go = sys.argv[1], sys.argv[2], int(sys.argv[3]), Path(sys.argv[4])
    db = open_database(url)
    db.ensure_schema()
    (go.parent / f"ready-{who}").touch()
    while not go.exists():  # start together, so the writes really interleave
        time.sleep(0.005)
    today = dt.date.fromisoformat(sys.argv[5])
    for number in range(count):
        log_session(
            db,
            "tom-pip",
            NewSession(stage="visual", date=today, minutes=5, notes=f"{who} {number}",
                       signals={"tom": ["ears_forward"]}, logged_by=who),
            today=today,
        )
    """
)


def test_two_processes_logging_at_once_lose_nothing(
    db: Database, db_url: str, tmp_path: Path
) -> None:
    cat_and_rat(db)
    go = tmp_path / "go"
    writers = [
        subprocess.Popen(
            [sys.executable, "-c", WRITER, db_url, who, str(PER_PROCESS), str(go), str(TODAY)],
            stderr=subprocess.PIPE,
            text=True,
        )
        for who in ("alice", "bob")
    ]
    ready = [tmp_path / "ready-alice", tmp_path / "ready-bob"]
    for writer in writers:
        while writer.poll() is None and not all(path.exists() for path in ready):
            pass
    go.touch()
    for writer in writers:
        _, errors = writer.communicate(timeout=600)
        assert writer.returncode == 0, errors

    _, logged = list_sessions(db, "tom-pip")
    assert len(logged) == 2 * PER_PROCESS
    assert sorted(s.seq for s in logged) == list(range(1, 2 * PER_PROCESS + 1))
    for who in ("alice", "bob"):
        # Each writer's sessions are all there, in the order that writer logged them.
        notes = [s.notes for s in logged if s.logged_by == who]
        assert notes == [f"{who} {n}" for n in range(PER_PROCESS)]
    with db.read() as connection:
        assert len(connection.execute(select(sessions.c.id)).all()) == 2 * PER_PROCESS
    _, advice = get_advice(db, "tom-pip", today=TODAY)
    assert advice.session_count == 2 * PER_PROCESS
