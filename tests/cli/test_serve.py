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
