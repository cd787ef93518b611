"""`ratbond serve --workers 2` on PostgreSQL under 20 clients logging at once: no session is
lost, and every introduction's stored advice equals a fresh evaluation."""

from __future__ import annotations

import datetime as dt
import os
import subprocess
import sys
import time
from collections import Counter
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import httpx
import pytest

from ratbond.store import open_database
from ratbond.store.introductions import get_advice, refresh_advice
from ratbond.store.sessions import list_sessions
from tests.web.test_browser import free_port

PAIRS = 4
CLIENTS = 20
EACH = 4

pytestmark = pytest.mark.real_clock


def test_two_workers_under_twenty_clients_lose_nothing(postgres_url: str, tmp_path: Path) -> None:
    port = free_port()
    env = {
        **os.environ,
        "RATBOND_DATABASE_URL": postgres_url,
        "RATBOND_SECRET_KEY": "k" * 32,
    }
    log = (tmp_path / "server.log").open("w")
    command = "from ratbond.cli.entry import main; main()"
    args = ["serve", "--port", str(port), "--workers", "2"]
    server = subprocess.Popen(
        [sys.executable, "-c", command, *args], env=env, stdout=log, stderr=subprocess.STDOUT
    )
    base = f"http://127.0.0.1:{port}"
    try:
        deadline = time.monotonic() + 60
        while True:
            try:
                if httpx.get(f"{base}/programs", timeout=1).status_code == 200:
                    break
            except httpx.TransportError:
                pass
            assert server.poll() is None, (tmp_path / "server.log").read_text()
            assert time.monotonic() < deadline, "the server did not start"
            time.sleep(0.3)
        checked = (dt.date.today() - dt.timedelta(days=30)).isoformat()
        keys = []
        with httpx.Client(base_url=base, timeout=30) as client:
            for number in range(PAIRS):
                for body in (
                    {"species": "cat", "name": f"Tom{number}", "prey_drive": "low"},
                    {
                        "species": "rat",
                        "name": f"Pip{number}",
                        "origin": "breeder",
                        "arrived": checked,
                    },
                ):
                    assert client.post("/api/v1/animals", json=body).status_code == 201
                for animal in (f"tom{number}", f"pip{number}"):
                    vet = {"date": checked, "vet": "Dr Lee"}
                    assert (
                        client.post(f"/api/v1/animals/{animal}/vet-checks", json=vet).status_code
                        == 201
                    )
                start = {
                    "program": "cat-rat",
                    "roles": {"cat": [f"tom{number}"], "rat": [f"pip{number}"]},
                }
                made = client.post("/api/v1/introductions", json=start)
                assert made.status_code == 201, made.text
                keys.append(made.json()["id"])

        def work(worker: int) -> Counter[str]:
            logged: Counter[str] = Counter()
            with httpx.Client(base_url=base, timeout=60) as client:
                for step in range(EACH):
                    key = keys[(worker + step) % len(keys)]
                    day = (dt.date.today() - dt.timedelta(days=(worker + step) % 20)).isoformat()
                    answer = client.post(
                        f"/api/v1/introductions/{key}/sessions",
                        json={"date": day, "minutes": 5},
                    )
                    assert answer.status_code in (201, 422), answer.text
                    if answer.status_code == 201:
                        logged[key] += 1
            return logged

        with ThreadPoolExecutor(CLIENTS) as pool:
            total = sum(pool.map(work, range(CLIENTS)), Counter())
        assert sum(total.values()) > 0
    finally:
        server.terminate()
        server.wait(timeout=20)
        log.close()
    db = open_database(postgres_url)
    today = dt.date.today()
    for key in keys:
        assert len(list_sessions(db, key)[1]) == total[key], key
        stored = get_advice(db, key, today=today)[1]
        assert refresh_advice(db, key, today=today) == stored, key
    db.close()
