"""`ratbond serve`'s refusals before it starts listening."""

from __future__ import annotations

import socket
from collections.abc import Callable

from tests.conftest import Outcome

Cli = Callable[..., Outcome]


def test_a_port_in_use_is_one_line_with_the_option_to_change_it(cli: Cli) -> None:
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as taken:
        taken.bind(("127.0.0.1", 0))
        taken.listen()
        port = taken.getsockname()[1]
        refused = cli("serve", "--port", str(port))
    assert refused.code == 2
    assert f"port {port}" in refused.error
    assert "--port" in refused.error
    assert "Traceback" not in refused.output + refused.error


def test_a_trusted_proxy_that_is_no_address_is_refused_before_serving(cli: Cli) -> None:
    """uvicorn keeps such a value as a name no connection comes from: the proxy's headers
    were ignored unsaid (HTTPS unseen, cookies not Secure)."""
    for given, shown in (("proxy.lan", "proxy.lan"), ("127.0.0.1,10.0.0.0/33", "10.0.0.0/33")):
        refused = cli("serve", "--port", "1", "--trusted-proxy", given)
        assert refused.code == 2
        assert refused.error == (
            f"--trusted-proxy: '{shown}' is not an IP address or network; give the proxy's "
            "address as it connects to ratbond, e.g. 127.0.0.1, ::1 or 10.0.0.0/8 (not its name)"
        )
