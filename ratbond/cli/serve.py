"""`ratbond serve`: run the web app with uvicorn, on loopback unless told otherwise."""

from __future__ import annotations

from typing import Annotated

import typer
from rich.console import Console

err = Console(stderr=True)
LOOPBACK = ("127.0.0.1", "::1", "localhost")


def serve(
    host: Annotated[
        str,
        typer.Option(
            help="Address to listen on. Anything but loopback lets others on the network in."
        ),
    ] = "127.0.0.1",
    port: Annotated[int, typer.Option(min=1, max=65535, help="TCP port.")] = 8000,
) -> None:
    """Start the web app (Today, animals, introductions, session log, JSON API) on this machine."""
    import uvicorn

    from ratbond.web.app import create_app
    from ratbond.web.settings import WebSettings

    if host not in LOOPBACK:
        err.print(
            f"[bold yellow]warning:[/] listening on {host}: ratbond has no login, so anyone who "
            "can reach this address can read and change your log.",
            highlight=False,
        )
    app = create_app(WebSettings(freeze_startup_heap=True))
    # A bad RATBOND_DATABASE_URL or an unreachable server is one line now, not a 500 later.
    app.state.web.check_store()
    shown = f"[{host}]" if ":" in host else host
    err.print(f"ratbond is at http://{shown}:{port}/ (Ctrl+C to stop)", highlight=False)
    uvicorn.run(app, host=host, port=port, log_level="warning", server_header=False)
