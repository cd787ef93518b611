"""`kill -9` of a real `ratbond serve` while clients log sessions as fast as it answers: every
session the server acknowledged (201) is in the store afterwards, once, and the store opens."""

from __future__ import annotations

import os
import signal
import sqlite3
import subprocess
import sys
import threading
import time
from pathlib import Path

import httpx
import pytest

from ratbond.store import open_database
from tests.web.test_browser import free_port

CLIENTS = 4
ACKNOWLEDGED = 12

pytestmark = pytest.mark.real_clock


def _serve(store: Path, port: int, log: Path) -> subprocess.Popen[bytes]:
    env = {**os.environ, "RATBOND_DATABASE_URL": f"sqlite:///{store}"}
    with log.open("w") as output:
        return subprocess.Popen(
            [sys.executable, "-c", "from ratbond.cli.entry import main; main()", "serve",
             "--port", str(port)],
            env=env, stdout=output, stderr=subprocess.STDOUT,
        )  # fmt: skip


def _wait_until_up(base: str, process: subprocess.Popen[bytes], log: Path) -> None:
    deadline = time.monotonic() + 30
    while True:
        try:
            if httpx.get(f"{base}/api/v1/animals", timeout=1).status_code == 200:
                return
        except httpx.TransportError:
            pass
        if process.poll() is not None or time.monotonic() > deadline:
            raise RuntimeError(log.read_text())
        time.sleep(0.1)


def test_every_acknowledged_session_survives_kill_9_under_load(tmp_path: Path) -> None:
    store, log = tmp_path / "ratbond.db", tmp_path / "server.log"
    port = free_port()
    base = f"http://127.0.0.1:{port}"
    server = _serve(store, port, log)
    try:
        _wait_until_up(base, server, log)
        api = httpx.Client(base_url=base, timeout=10)
        pip = {"name": "Pip", "species": "rat", "arrived": "2026-01-01"}
        assert api.post("/api/v1/animals", json=pip).status_code == 201
        assert api.post("/api/v1/animals/pip/vet-checks", json={"date": "2026-01-05"}).is_success
        started = api.post(
            "/api/v1/introductions", json={"program": "rat-human", "roles": {"rat": ["pip"]}}
        )
        assert started.status_code == 201, started.text
        intro = started.json()["id"]
        api.close()
        acknowledged: list[int] = []
        stop = threading.Event()

        def log_sessions() -> None:
            with httpx.Client(base_url=base, timeout=10) as client:
                while not stop.is_set():
                    try:
                        answer = client.post(
                            f"/api/v1/introductions/{intro}/sessions",
                            json={"minutes": 5, "notes": "calm, ate from my hand"},
                        )
                    except httpx.TransportError:
                        return  # the server is gone: what it acknowledged is what counts
                    if answer.status_code == 201:
                        acknowledged.append(answer.json()["session"]["id"])

        clients = [threading.Thread(target=log_sessions) for _ in range(CLIENTS)]
        for client in clients:
            client.start()
        deadline = time.monotonic() + 20
        while len(acknowledged) < ACKNOWLEDGED and time.monotonic() < deadline:
            time.sleep(0.05)
        server.send_signal(signal.SIGKILL)
        server.wait(timeout=10)
        stop.set()
        for client in clients:
            client.join(timeout=15)
    finally:
        if server.poll() is None:
            server.kill()
            server.wait(timeout=10)
    assert len(acknowledged) >= ACKNOWLEDGED, log.read_text()
    with sqlite3.connect(store) as connection:
        stored = [id_ for (id_,) in connection.execute("SELECT id FROM sessions")]
        assert connection.execute("PRAGMA integrity_check").fetchone() == ("ok",)
    assert set(acknowledged) <= set(stored)
    assert len(stored) == len(set(stored))
    # The store opens as ever, and its advice counts every session it holds.
    db = open_database(f"sqlite:///{store}")
    from ratbond.store.sessions import list_sessions

    _, logged = list_sessions(db, intro)
    assert {s.id for s in logged} == set(stored)
    db.close()
