"""Web benchmark: throughput and p50/p99 latency of logging a session and of the Today page,
against a bundled hello-world FastAPI endpoint, all served by uvicorn on loopback; logging
again with sign-in on; the Today page at rescue size; an introduction's page at 10 and 1,000
sessions of history.

    python bench/web.py [--seconds 8] [--clients 20] [--rescue-scale 1] [--no-write]

Each server runs in its own uvicorn subprocess (one worker, as `ratbond serve` runs) on a free
127.0.0.1 port; the load comes from a second process (asyncio + httpx, `--clients` connections,
bounded by `--seconds` and `--max-requests`). Logging a session goes through the real form
(CSRF token, htmx fragment answer) into one of `--clients` introductions on a fresh SQLite
store; afterwards every session the server acknowledged must be in the store. The same run is
repeated on a second store that has a person (so a household with an owner, and sign-in on):
each client signs in through the sign-in form first and logs with its own web session, so
every request pays the session check; that check is also timed in-process (median), beside
the question a store without people asks instead (is there anyone yet?). The Today page
is loaded from that store (20 introductions) and from a rescue-sized one built as
`bench/rescue.py` builds it (2,000 introductions times `--rescue-scale`, 25 sessions each),
served by a third server. An introduction's page is timed in-process, with 10 sessions of
history and again with 1,000.
"""

from __future__ import annotations

import argparse
import asyncio
import datetime as dt
import json
import os
import re
import resource
import socket
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import Any
from urllib.parse import urlencode

ROOT = Path(__file__).resolve().parent.parent
TOKEN = re.compile(r'name="csrf_token" value="([^"]+)"')
# The person the signed-in run's clients sign in as (each with a web session of its own).
BENCH_PERSON, BENCH_PASSWORD = "Bench Owner", "bench password, not secret"
SESSION_CHECKS = 500
# Both servers run as `ratbond serve` runs the app (uvicorn's defaults pick its HTTP parser and
# event loop), so the ratio compares the app with a bare endpoint under the same server.
SERVER_OPTIONS: dict[str, Any] = {"log_level": "warning", "server_header": False}


def server_kind() -> str:
    """The HTTP parser and event loop uvicorn picks by default here."""
    import importlib.util

    import uvicorn

    parser = "httptools" if importlib.util.find_spec("httptools") else "h11"
    loop = "uvloop" if importlib.util.find_spec("uvloop") else "asyncio"
    return f"uvicorn {uvicorn.__version__} ({parser} parser, {loop} loop), one worker"


# --- servers ---------------------------------------------------------------------------------


def serve(kind: str, port: int, url: str) -> None:
    """Run one server in this process until it is terminated."""
    import uvicorn

    if kind == "hello":
        from fastapi import FastAPI

        app = FastAPI()

        @app.get("/hello")
        def hello() -> dict[str, str]:
            return {"hello": "world"}

        target: Any = app
    else:
        from ratbond.web.app import create_app
        from ratbond.web.settings import WebSettings

        target = create_app(WebSettings(database_url=url, freeze_startup_heap=True))
    uvicorn.run(target, host="127.0.0.1", port=port, **SERVER_OPTIONS)


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port: int = probe.getsockname()[1]
        return port


def start(kind: str, url: str = "") -> tuple[subprocess.Popen[bytes], str]:
    import httpx

    port = free_port()
    process = subprocess.Popen(
        [sys.executable, __file__, "--serve", kind, "--port", str(port), "--url", url],
        cwd=ROOT,
    )
    base = f"http://127.0.0.1:{port}"
    probe = "/hello" if kind == "hello" else "/sign-in"  # open with or without people
    deadline = time.monotonic() + 30
    while time.monotonic() < deadline:
        try:
            if httpx.get(base + probe, timeout=1).status_code == 200:
                return process, base
        except httpx.TransportError:
            time.sleep(0.1)
    process.terminate()
    raise SystemExit(f"the {kind} server did not start")


# --- load generator (runs in its own process) -------------------------------------------------


async def load(base: str, mode: str, clients: int, seconds: float, limit: int) -> dict[str, Any]:
    import httpx

    latencies: list[float] = []
    errors: list[str] = []
    logged: dict[str, int] = {}
    budget = [limit]
    today = dt.date.today().isoformat()
    # The clock starts once every client is ready (signed in, its form fetched): signing in
    # costs an argon2 check each, which would otherwise eat the first seconds of the run.
    ready = asyncio.Barrier(clients)
    started: list[float] = []

    async def worker(number: int) -> None:
        limits = httpx.Limits(max_connections=1, max_keepalive_connections=1)
        async with httpx.AsyncClient(base_url=base, limits=limits, timeout=30) as client:
            if await prepared(client, number):
                await run(client, number)

    async def prepared(client: Any, number: int) -> bool:
        """Ready the client for its run, then wait for the others; False (the error noted)
        if it cannot be readied."""
        setup = await setup_client(client, number)
        await ready.wait()
        started.append(time.perf_counter())
        if setup is None:
            return False
        requests[number] = setup
        return True

    requests: dict[int, tuple[bytes, dict[str, str]]] = {}

    async def setup_client(client: Any, number: int) -> tuple[bytes, dict[str, str]] | None:
        """Sign in (signed-in runs) and build the log form's request once: body, headers."""
        key = f"bench-{number}"
        form = b""
        headers: dict[str, str] = {}
        session = ""
        if mode == "log-signed":
            session = await sign_in(client)
            if not session:
                errors.append(f"client {number} could not sign in")
                return None
        if mode in ("log", "log-signed"):
            page = await client.get(f"/introductions/{key}/log")
            found = TOKEN.search(page.text)
            if found is None:
                errors.append(f"no form for {key}: {page.status_code}")
                return None
            # The request htmx sends for the log form: the fields, urlencoded, the CSRF
            # token in the header `base.html` sets as well, and the browser's CSRF cookie.
            # Built once, and the cookie sent as a plain header rather than from httpx's
            # cookie jar, whose policy checks on every request and response cost the
            # generator about 0.14 ms a request: work a browser does natively, and none
            # of the server's. (The hello-world requests carry no cookie, so both runs
            # pay the same for the jar: nothing in it.)
            cookie = f"ratbond_csrf={client.cookies.get('ratbond_csrf')}"
            if session:
                cookie += f"; ratbond_session={session}"
            client.cookies.clear()
            form = urlencode(
                {
                    "csrf_token": found.group(1),
                    "date": today,
                    "stage": "visual",
                    "minutes": "5",
                    "supervised": "on",
                    "signal": [f"cat{number}:slow_blink", f"rat{number}:relaxed"],
                },
                doseq=True,
            ).encode()
            headers = {
                "HX-Request": "true",
                "X-CSRF-Token": found.group(1),
                "Content-Type": "application/x-www-form-urlencoded",
                "Cookie": cookie,
            }
        return form, headers

    async def run(client: Any, number: int) -> None:
        key = f"bench-{number}"
        form, headers = requests[number]
        stop_at = min(started) + seconds
        while time.perf_counter() < stop_at and budget[0] > 0:
            budget[0] -= 1
            began = time.perf_counter()
            try:
                if mode in ("log", "log-signed"):
                    response = await client.post(
                        f"/introductions/{key}/sessions", content=form, headers=headers
                    )
                    ok = response.status_code == 200 and "Saved session #" in response.text
                elif mode in ("today", "rescue"):
                    response = await client.get("/")
                    ok = response.status_code == 200
                else:
                    response = await client.get("/hello")
                    ok = response.status_code == 200
            except httpx.HTTPError as error:
                errors.append(repr(error))
                continue
            latencies.append(time.perf_counter() - began)
            if ok:
                if mode in ("log", "log-signed"):
                    logged[key] = logged.get(key, 0) + 1
            else:
                errors.append(f"{response.status_code}: {response.text[:200]}")

    await asyncio.gather(*(worker(n) for n in range(clients)))
    elapsed = time.perf_counter() - min(started)
    return {"latencies": latencies, "errors": errors, "logged": logged, "elapsed": elapsed}


async def sign_in(client: Any) -> str:
    """Sign in through the form, as a browser does; the new web session's cookie ("" if
    refused)."""
    page = await client.get("/sign-in")
    found = TOKEN.search(page.text)
    if found is None:
        return ""
    answer = await client.post(
        "/sign-in",
        data={"name": BENCH_PERSON, "password": BENCH_PASSWORD, "csrf_token": found.group(1)},
    )
    if answer.status_code != 303:
        return ""
    return str(client.cookies.get("ratbond_session") or "")


def cpu_seconds(pid: int) -> float | None:
    """CPU time (user + system) a process has used so far; None where /proc cannot tell."""
    try:
        fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
    except OSError:
        return None
    return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")


def children_cpu() -> float:
    usage = resource.getrusage(resource.RUSAGE_CHILDREN)
    return usage.ru_utime + usage.ru_stime


def drive(
    server: subprocess.Popen[bytes], base: str, mode: str, clients: int, seconds: float, limit: int
) -> dict[str, Any]:
    """Run the load generator in a second process and return its figures, with the CPU time
    the server and the load generator spent on the run."""
    server_before = cpu_seconds(server.pid)
    client_before = children_cpu()
    out = subprocess.run(
        [
            sys.executable,
            __file__,
            "--load",
            mode,
            "--base",
            base,
            "--clients",
            str(clients),
            "--seconds",
            str(seconds),
            "--max-requests",
            str(limit),
        ],
        capture_output=True,
        text=True,
        check=True,
        timeout=seconds + 120,
    )
    result: dict[str, Any] = json.loads(out.stdout)
    server_after = cpu_seconds(server.pid)
    result["client_cpu"] = children_cpu() - client_before
    if server_before is not None and server_after is not None:
        result["server_cpu"] = server_after - server_before
    return result


# --- the benchmark ----------------------------------------------------------------------------


def seed(url: str, clients: int) -> None:
    """One cat-rat introduction per client, ready for sessions, plus a rat-rat in quarantine."""
    from ratbond.store import open_database
    from ratbond.store.animals import NewAnimal, add_animal, add_vet_check
    from ratbond.store.introductions import start_introduction

    db = open_database(url)
    today = dt.date.today()
    for number in range(clients):
        add_animal(db, NewAnimal("cat", name=f"Cat {number}", key=f"cat{number}", prey_drive="low"))
        add_animal(db, NewAnimal("rat", name=f"Rat {number}", key=f"rat{number}"))
        for animal in (f"cat{number}", f"rat{number}"):
            add_vet_check(db, animal, today - dt.timedelta(days=30))
        start_introduction(
            db, "cat-rat", {"cat": [f"cat{number}"], "rat": [f"rat{number}"]}, key=f"bench-{number}"
        )
    db.close()


def with_a_person(url: str) -> None:
    """Sign-in on: the store's first person, who owns its household (`home`)."""
    from ratbond.store import open_database
    from ratbond.store.people import add_person

    db = open_database(url)
    add_person(db, BENCH_PERSON, password=BENCH_PASSWORD)
    db.close()


def check_costs(signed_url: str, open_url: str) -> dict[str, float]:
    """The median cost (seconds) of what the sign-in middleware asks the store per request:
    a web session's check (`session_scope`) with people, `any_people` without."""
    from ratbond.store import open_database
    from ratbond.store.people import any_people, session_scope, sign_in

    today = dt.date.today()
    costs: dict[str, float] = {}
    db = open_database(signed_url)
    cookie = sign_in(db, BENCH_PERSON, BENCH_PASSWORD, "127.0.0.1", today).cookie
    assert session_scope(db, cookie, today) is not None
    costs["session"] = median_time(lambda: session_scope(db, cookie, today))
    db.close()
    db = open_database(open_url)
    assert not any_people(db)
    costs["nobody"] = median_time(lambda: any_people(db))
    db.close()
    return costs


def median_time(call: Any) -> float:
    times = []
    for _ in range(SESSION_CHECKS):
        began = time.perf_counter()
        call()
        times.append(time.perf_counter() - began)
    return statistics.median(times)


def summary(name: str, result: dict[str, Any]) -> dict[str, Any]:
    latencies = sorted(result["latencies"])
    count = len(latencies)
    return {
        "name": name,
        "requests": count,
        "rps": count / result["elapsed"],
        "p50": statistics.median(latencies) * 1000 if count else 0.0,
        "p99": latencies[min(count - 1, int(count * 0.99))] * 1000 if count else 0.0,
        "errors": len(result["errors"]),
        **{
            key: f"{result[key] / count * 1000:.2f}" if count and key in result else "—"
            for key in ("server_cpu", "client_cpu")
        },
    }


def missing_sessions(acknowledged: dict[str, int], stored: dict[str, int]) -> dict[str, Any]:
    return {
        key: (count, stored.get(key, 0))
        for key, count in acknowledged.items()
        if stored.get(key, 0) != count
    }


def stored_sessions(url: str, clients: int) -> dict[str, int]:
    from ratbond.store import open_database
    from ratbond.store.sessions import list_sessions

    db = open_database(url)
    counts = {f"bench-{n}": len(list_sessions(db, f"bench-{n}")[1]) for n in range(clients)}
    db.close()
    return counts


def rescue(folder: Path, scale: float) -> tuple[str, int]:
    """A rescue-sized store (`bench/rescue.py`'s, with a tenth of its history) and the
    number of its introductions."""
    sys.path.insert(0, str(ROOT))
    from bench.rescue import Builder, progress
    from ratbond.store import open_database

    url = f"sqlite:///{folder / 'rescue.db'}"
    db = open_database(url)
    builder = Builder(db, scale)
    with progress() as bar:
        builder.base()
        builder.add_sessions(0, builder.sessions // builder.intros // 10, bar)
        builder.refresh_all(bar)
    db.close()
    return url, builder.intros


HISTORY_SHORT, HISTORY_LONG = 10, 1_000
# A full page of the history table: from here on the page shows as many rows whatever the history.
HISTORY_FULL_PAGE = 20
PAGE_VIEWS = 30


def history_cost(folder: Path) -> dict[str, float]:
    """An introduction's page, in-process (median of `PAGE_VIEWS` views), with
    `HISTORY_SHORT` sessions of history and with `HISTORY_LONG`: two a day, calm and not."""
    import warnings

    from ratbond.store import open_database
    from ratbond.store.animals import NewAnimal, add_animal, add_vet_check
    from ratbond.store.introductions import start_introduction
    from ratbond.store.sessions import NewSession, log_session
    from ratbond.web.app import create_app
    from ratbond.web.settings import WebSettings

    with warnings.catch_warnings():
        warnings.simplefilter("ignore")  # Starlette's note on the httpx it tests with
        from fastapi.testclient import TestClient

    url = f"sqlite:///{folder / 'history.db'}"
    db = open_database(url)
    today = dt.date.today()
    first = today - dt.timedelta(days=HISTORY_LONG // 2)
    add_animal(db, NewAnimal("cat", name="Tom", key="tom", prey_drive="low"), today=today)
    rat = NewAnimal("rat", name="Pip", key="pip", arrived=first - dt.timedelta(days=30))
    add_animal(db, rat, today=today)
    for animal in ("tom", "pip"):
        add_vet_check(db, animal, first - dt.timedelta(days=1), today=today)
    start_introduction(db, "cat-rat", {"cat": ["tom"], "rat": ["pip"]}, started=first, today=today)

    def log(numbers: range) -> None:
        for number in numbers:
            signals = {"tom": ["slow_blink" if number % 5 else "ears_flat"], "pip": ["relaxed"]}
            new = NewSession(
                stage="visual",
                date=first + dt.timedelta(days=number // 2),
                minutes=5 + number % 3,
                signals=signals,
                notes="Pip groomed herself" if number % 7 == 0 else None,
                logged_by="bench",
            )
            log_session(db, "tom-pip", new, today=today)

    def views() -> float:
        app = create_app(WebSettings(database_url=url))
        with TestClient(app, base_url="http://127.0.0.1") as client:  # an allowed host
            assert client.get("/introductions/tom-pip").status_code == 200
            times = []
            for _ in range(PAGE_VIEWS):
                began = time.perf_counter()
                client.get("/introductions/tom-pip")
                times.append(time.perf_counter() - began)
        app.state.web.db.close()
        return statistics.median(times)

    log(range(HISTORY_SHORT))
    short = views()
    log(range(HISTORY_SHORT, HISTORY_FULL_PAGE))
    full = views()
    log(range(HISTORY_FULL_PAGE, HISTORY_LONG))
    long = views()
    db.close()
    return {"short": short, "full": full, "long": long}


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--seconds", type=float, default=8.0)
    parser.add_argument("--clients", type=int, default=20)
    parser.add_argument("--max-requests", type=int, default=50_000)
    parser.add_argument("--no-write", action="store_true", help="do not update docs/benchmarks.md")
    parser.add_argument("--serve", choices=["hello", "ratbond"])
    parser.add_argument("--load", choices=["hello", "log", "log-signed", "today", "rescue"])
    parser.add_argument(
        "--rescue-scale", type=float, default=1.0, help="fraction of the rescue size"
    )
    parser.add_argument("--port", type=int, default=0)
    parser.add_argument("--url", default="")
    parser.add_argument("--base", default="")
    args = parser.parse_args()
    if args.serve:
        serve(args.serve, args.port, args.url)
        return 0
    if args.load:
        result = asyncio.run(
            load(args.base, args.load, args.clients, args.seconds, args.max_requests)
        )
        print(json.dumps(result))
        return 0

    with tempfile.TemporaryDirectory() as folder:
        url = f"sqlite:///{Path(folder) / 'bench.db'}"
        signed_url = f"sqlite:///{Path(folder) / 'signed.db'}"
        os.environ["RATBOND_USER"] = "bench"
        seed(url, args.clients)
        seed(signed_url, args.clients)
        with_a_person(signed_url)
        costs = check_costs(signed_url, url)
        rescue_url, rescue_intros = rescue(Path(folder), args.rescue_scale)
        history = history_cost(Path(folder))
        hello, hello_base = start("hello")
        app, app_base = start("ratbond", url)
        signed, signed_base = start("ratbond", signed_url)
        big, big_base = start("ratbond", rescue_url)
        try:
            import httpx

            rescue_bytes = len(httpx.get(big_base + "/", timeout=60).content)
            drive(hello, hello_base, "hello", args.clients, 1.0, args.max_requests)  # warm-up
            drive(app, app_base, "today", args.clients, 1.0, args.max_requests)
            runs = {
                name: drive(server, base, name, args.clients, args.seconds, args.max_requests)
                for name, server, base in (
                    ("hello", hello, hello_base),
                    ("log", app, app_base),
                    ("log-signed", signed, signed_base),
                    ("today", app, app_base),
                    ("rescue", big, big_base),
                )
            }
        finally:
            for process in (hello, app, signed, big):
                process.terminate()
                process.wait(timeout=10)
        stored = stored_sessions(url, args.clients)
        stored_signed = stored_sessions(signed_url, args.clients)

    acknowledged = runs["log"]["logged"]
    acknowledged_signed = runs["log-signed"]["logged"]
    missing = missing_sessions(acknowledged, stored)
    missing_signed = missing_sessions(acknowledged_signed, stored_signed)
    rows = {name: summary(name, result) for name, result in runs.items()}
    hello_rps = rows["hello"]["rps"]
    log = rows["log"]
    signed_log = rows["log-signed"]
    share = rows["rescue"]["rps"] / rows["today"]["rps"]
    checks = {
        "log throughput >= 20% of hello-world": log["rps"] >= hello_rps * 0.2,
        "log p99 <= 5x hello-world's p99": log["p99"] <= 5 * rows["hello"]["p99"],
        "log throughput with sign-in on >= 20% of hello-world": (
            signed_log["rps"] >= hello_rps * 0.2
        ),
        "log p99 with sign-in on <= 5x hello-world's p99": (
            signed_log["p99"] <= 5 * rows["hello"]["p99"]
        ),
        "zero errors": all(row["errors"] == 0 for row in rows.values()),
        "every logged session stored": (
            not missing
            and not missing_signed
            and sum(acknowledged.values()) > 0
            and sum(acknowledged_signed.values()) > 0
        ),
        "Today at rescue size >= 25% of the 20-introduction Today's throughput": share >= 0.25,
        "Today at rescue size <= 150 KB": rescue_bytes <= 150_000,
        "an introduction's page at 1,000 sessions <= 1.5x at 10": (
            history["long"] <= 1.5 * history["short"]
        ),
    }
    labels = {
        "hello": "hello-world `GET /hello` (bundled FastAPI app)",
        "log": "log a session (`POST /introductions/{id}/sessions`, htmx form), nobody signs in",
        "log-signed": "log a session, each client signed in (its own web session)",
        "today": f"Today page (`GET /`), {args.clients} introductions",
        "rescue": f"Today page (`GET /`), {rescue_intros:,} introductions",
    }
    lines = [
        f"{args.clients} concurrent clients (one keep-alive connection each) for "
        f"{args.seconds:g} s per run, load from a second process on loopback; {server_kind()}, "
        f"as `ratbond serve` runs; SQLite store with {args.clients} cat-rat introductions "
        "(and a second such store with a person, for the signed-in run).",
        "",
        "| endpoint | requests | throughput (req/s) | p50 (ms) | p99 (ms) | errors "
        "| server CPU (ms/req) | load generator CPU (ms/req) |",
        "|---|---:|---:|---:|---:|---:|---:|---:|",
    ]
    for name, row in rows.items():
        lines.append(
            f"| {labels[name]} | {row['requests']} | {row['rps']:.0f} | {row['p50']:.1f} | "
            f"{row['p99']:.1f} | {row['errors']} | {row['server_cpu']} | {row['client_cpu']} |"
        )
    lines += [
        "",
        "CPU time per request is each process's user + system time over the run divided by "
        "its requests (the load generator's includes its start and, for the log, one form "
        "fetched per client, and the signed-in run's server CPU its sign-ins, an argon2 check "
        "each); the hello-world's pace is set by the load generator, the log's by the server.",
        "",
        f"Logging a session runs at {log['rps'] / hello_rps:.0%} of hello-world throughput, "
        f"and at {signed_log['rps'] / hello_rps:.0%} with sign-in on "
        f"({signed_log['rps'] / log['rps']:.0%} of the run without people; p50 "
        f"{signed_log['p50'] - log['p50']:+.1f} ms). "
        f"Sessions acknowledged: {sum(acknowledged.values())} and "
        f"{sum(acknowledged_signed.values())}; found in the stores afterwards: "
        f"{sum(stored.values())} and {sum(stored_signed.values())}.",
        "",
        f"The session check per request (the cookie's web session, its person and role, "
        f"in-process, median of {SESSION_CHECKS}): {costs['session'] * 1000:.2f} ms, where a "
        f"store without people asks only whether anyone exists yet: "
        f"{costs['nobody'] * 1000:.2f} ms.",
        "",
        f"The Today page at rescue size ({rescue_intros:,} introductions, built as "
        "`bench/rescue.py` builds them) weighs "
        f"{rescue_bytes / 1000:.0f} KB and serves {share:.0%} of the {args.clients}-introduction "
        "page's throughput.",
        "",
        f"An introduction's page (in-process, median of {PAGE_VIEWS} views): "
        f"{history['short'] * 1000:.1f} ms with {HISTORY_SHORT} sessions of history, "
        f"{history['long'] * 1000:.1f} ms with {HISTORY_LONG:,} "
        f"({history['long'] / history['short']:.2f}x); "
        f"{history['full'] * 1000:.1f} ms with {HISTORY_FULL_PAGE} (a full page of the history "
        f"table: {history['long'] / history['full']:.2f}x from there to {HISTORY_LONG:,}).",
        "",
        "| target | met |",
        "|---|---|",
        *[f"| {name} | {'yes' if ok else '**no**'} |" for name, ok in checks.items()],
    ]
    body = "\n".join(lines) + "\n"
    print(body)
    for name, result in runs.items():
        for error in result["errors"][:3]:
            print(f"{name} error: {error}", file=sys.stderr)
    if not args.no_write:
        sys.path.insert(0, str(ROOT))
        from bench.report import write_section

        write_section("web", "Web app: logging a session and the Today page", body)
    return 0 if checks["zero errors"] and checks["every logged session stored"] else 1


if __name__ == "__main__":
    sys.exit(main())
