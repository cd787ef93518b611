"""Settings of one web app instance: where the store is, the signing key, and what day it is."""

from __future__ import annotations

import datetime as dt
import os
import secrets
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field

from ratbond.limits import MAX_BODY_BYTES

DEFAULT_HOST = "127.0.0.1"
DEFAULT_PORT = 8000
LOOPBACK_HOSTS = frozenset({"127.0.0.1", "::1", "localhost"})


def _hosts_from_environment() -> frozenset[str]:
    """The loopback names, and the names in `RATBOND_ALLOWED_HOSTS` (comma-separated)."""
    configured = os.environ.get("RATBOND_ALLOWED_HOSTS", "")
    return LOOPBACK_HOSTS | host_names(configured.split(","))


def host_names(names: Iterable[str]) -> frozenset[str]:
    """Host names as the Host header carries them: lower case, without a port or brackets."""
    return frozenset(name.strip().lower().strip("[]") for name in names if name.strip())


def _secret_from_environment() -> bytes:
    """`RATBOND_SECRET_KEY` when set (so tokens survive a restart), else a fresh random key."""
    configured = os.environ.get("RATBOND_SECRET_KEY")
    return configured.encode() if configured else secrets.token_bytes(32)


@dataclass(frozen=True)
class WebSettings:
    """Everything `create_app` needs; the defaults suit `ratbond serve` on one machine."""

    database_url: str | None = None
    """SQLAlchemy URL of the store; None means the store's own default (SQLite, or
    `RATBOND_DATABASE_URL`)."""
    secret_key: bytes = field(default_factory=_secret_from_environment, repr=False)
    """Key that signs the CSRF tokens. Invitation and reset links are signed with another, kept
    in the database (`server_keys`, migration 0008): the command line makes those links
    (`ratbond people invite`, `reset`) and any `serve` process checks them, days later."""
    today: Callable[[], dt.date] = dt.date.today
    """The owner's local date; tests pin it."""
    secure_cookies: bool = False
    """Mark cookies `Secure` (only when served over HTTPS by a proxy)."""
    allowed_hosts: frozenset[str] = field(default_factory=_hosts_from_environment)
    """The names this app answers to (the Host header of every request, and the host of an
    unsafe request's `Origin`); anything else is refused before any route, so a web page that
    points its own name at this machine (DNS rebinding) reads and writes nothing. The loopback
    names, plus `RATBOND_ALLOWED_HOSTS` (comma-separated) or `ratbond serve --allowed-host`."""
    max_body_bytes: int = MAX_BODY_BYTES
    """Largest request body accepted on a form or API call."""
    freeze_startup_heap: bool = False
    """Move everything alive once the server has started out of the garbage collector's
    reach (`gc.freeze`). `ratbond serve` sets it: the process serves this app alone, and a
    full collection over the startup heap (the frameworks, the programs and knowledge, the
    compiled templates) stalls every request in flight for tens of milliseconds. Off for an
    app embedded elsewhere, where the process is not ours to tune."""
