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
) -> None:
    """Start the web app (Today, animals, introductions, session log, JSON API) on this machine."""
    import uvicorn

    from ratbond.web.app import create_app
    from ratbond.web.settings import LOOPBACK_HOSTS, WebSettings, host_names

    settings = WebSettings(freeze_startup_heap=True)
    named = host_names([*(allowed_host or []), *([] if host in WILDCARDS else [host])])
    settings = dataclasses.replace(settings, allowed_hosts=settings.allowed_hosts | named)
    if host not in LOOPBACK_HOSTS:
        err.print(
            f"[bold yellow]warning:[/] listening on {shown(host)}: ratbond has no login, so "
            "anyone who can reach this address can read and change your log.",
            highlight=False,
        )
    if host in WILDCARDS and settings.allowed_hosts == LOOPBACK_HOSTS:
        err.print(
            "[bold yellow]warning:[/] no name but loopback is allowed, so other machines will "
            "be refused: add the name they use with --allowed-host NAME.",
            highlight=False,
        )
    app = create_app(settings)
    # A bad RATBOND_DATABASE_URL or an unreachable server is one line now, not a 500 later.
    app.state.web.check_store()
    address = f"[{host}]" if ":" in host else host
    err.print(f"ratbond is at http://{shown(address)}:{port}/ (Ctrl+C to stop)", highlight=False)
    uvicorn.run(app, host=host, port=port, log_level="warning", server_header=False)
