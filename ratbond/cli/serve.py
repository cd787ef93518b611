"""`ratbond serve`: run the web app with uvicorn, on loopback unless told otherwise."""

from __future__ import annotations

import dataclasses
from typing import Annotated

import typer

from ratbond.cli.console import err, shown

# Binding to every address names no host a browser could use.
WILDCARDS = ("0.0.0.0", "::")


def serve(
    host: Annotated[
        str,
        typer.Option(
            help="Address to listen on. Anything but loopback lets others on the network in."
        ),
    ] = "127.0.0.1",
    port: Annotated[int, typer.Option(min=1, max=65535, help="TCP port.")] = 8000,
    allowed_host: Annotated[
        list[str] | None,
        typer.Option(
            help="A name the app answers to besides loopback (repeat it for several), e.g. "
            "the computer's name on the home network; also RATBOND_ALLOWED_HOSTS, "
            "comma-separated. Requests by any other name are refused.",
        ),
    ] = None,
    workers: Annotated[
        int,
        typer.Option(
            min=1,
            max=64,
            help="Processes serving requests (more than 1 wants PostgreSQL: SQLite takes one "
            "writer at a time). Each holds nothing the others need: sign-ins are in the database.",
        ),
    ] = 1,
    trusted_proxy: Annotated[
        list[str] | None,
        typer.Option(
            help="Address of a reverse proxy whose X-Forwarded-For and X-Forwarded-Proto "
            "headers to believe (repeat for several); see docs/deploy.md. Cookies are then "
            "marked Secure when the proxy says the visitor came over HTTPS.",
        ),
    ] = None,
) -> None:
    """Start the web app (Today, animals, introductions, session log, JSON API) on this machine."""
    import os

    import uvicorn

    from ratbond.errors import RatbondError
    from ratbond.store import open_database
    from ratbond.store.people import any_people
    from ratbond.web.settings import LOOPBACK_HOSTS, WebSettings, host_names

    proxy_addresses = _proxy_addresses(trusted_proxy or [])
    settings = WebSettings(freeze_startup_heap=True)
    named = host_names([*(allowed_host or []), *([] if host in WILDCARDS else [host])])
    settings = dataclasses.replace(settings, allowed_hosts=settings.allowed_hosts | named)
    db = open_database(settings.database_url)
    # A bad RATBOND_DATABASE_URL or an unreachable server is one line now, not a 500 later.
    db.ensure_schema()
    someone = any_people(db)
    db.close()
    if host not in LOOPBACK_HOSTS and not someone:
        raise RatbondError(
            f"refusing to listen on {host}: nobody can sign in yet, so anyone on the network "
            "could read and change every record; create the owner first with "
            "`ratbond people add NAME` (then serve again)"
        )
    if not someone:
        err.print(
            "Nobody signs in yet, so only this computer can use ratbond. For the phone: "
            "`ratbond people add NAME`, then `ratbond serve --host 0.0.0.0 --allowed-host "
            "NAME-OF-THIS-COMPUTER` (see docs/deploy.md).",
            highlight=False,
        )
    if workers > 1 and db.is_sqlite:
        raise RatbondError(
            "--workers above 1 needs PostgreSQL (set RATBOND_DATABASE_URL); SQLite takes one "
            "writer at a time, so one process serves it best"
        )
    if host in WILDCARDS and settings.allowed_hosts == LOOPBACK_HOSTS:
        err.print(
            "[bold yellow]warning:[/] no name but loopback is allowed, so other machines will "
            "be refused: add the name they use with --allowed-host NAME.",
            highlight=False,
        )
    _check_free(host, port)
    address = f"[{host}]" if ":" in host else host
    err.print(f"ratbond is at http://{shown(address)}:{port}/ (Ctrl+C to stop)", highlight=False)
    proxies = {
        "proxy_headers": bool(trusted_proxy),
        "forwarded_allow_ips": ",".join(proxy_addresses or ["127.0.0.1"]),
    }
    if workers == 1:
        from ratbond.web.app import create_app

        app = create_app(settings)
        app.state.web.check_store()
        uvicorn.run(
            app,
            host=host,
            port=port,
            log_level="warning",
            server_header=False,
            **proxies,  # type: ignore[arg-type]
        )
        return
    # Every worker builds its app from the environment: the same names and the same key.
    os.environ["RATBOND_ALLOWED_HOSTS"] = ",".join(sorted(settings.allowed_hosts))
    os.environ.setdefault("RATBOND_SECRET_KEY", settings.secret_key.hex())
    uvicorn.run(
        "ratbond.web.app:serving_app",
        factory=True,
        host=host,
        port=port,
        workers=workers,
        log_level="warning",
        server_header=False,
        **proxies,  # type: ignore[arg-type]
    )


def _check_free(host: str, port: int) -> None:
    """One clear line, before the banner, when the port is taken (uvicorn would log and exit 3)."""
    import socket

    from ratbond.errors import RatbondError

    family = socket.AF_INET6 if ":" in host else socket.AF_INET
    with socket.socket(family, socket.SOCK_STREAM) as probe:
        # As uvicorn does: a port left in TIME_WAIT by a stopped server is free again.
        probe.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
        try:
            probe.bind((host, port))
        except OSError as error:
            raise RatbondError(
                f"cannot listen on {host} port {port}: {error.strerror or error}; is ratbond or "
                "another program already using it? Stop it, or pick another with --port"
            ) from None


def _proxy_addresses(given: list[str]) -> list[str]:
    """Each --trusted-proxy as an IP address or network (`10.0.0.0/8`), or `*`: anything else
    (a host name, a typo) uvicorn would keep as a name no connection ever comes from, so the
    proxy's headers would be ignored unsaid (a visitor's HTTPS unseen, cookies not Secure)."""
    import ipaddress

    from ratbond.errors import InputError

    addresses = []
    for value in given:
        for part in value.split(","):  # uvicorn's own list separator
            address = part.strip()
            try:
                if address != "*":
                    if "/" in address:
                        ipaddress.ip_network(address)
                    else:
                        ipaddress.ip_address(address)
            except ValueError:
                raise InputError(
                    "--trusted-proxy",
                    f"'{address[:60]}' is not an IP address or network; give the proxy's "
                    "address as it connects to ratbond, e.g. 127.0.0.1, ::1 or 10.0.0.0/8 "
                    "(not its name)",
                ) from None
            addresses.append(address)
    return addresses
