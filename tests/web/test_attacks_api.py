"""The JSON API attacked as a stranger would: schemathesis generates requests for every
operation of the OpenAPI document, valid and not, and runs every check on each answer (no
5xx, status codes, content types, headers and bodies as documented, undeclared methods
answered 405, bad input refused). The app runs in process on a throw-away store.

The schema is loaded when the module is (`schemathesis.pytest.from_fixture` reaches into
pytest internals that pytest 9.2 no longer has), so the store is a temporary directory removed
when the test process exits."""

from __future__ import annotations

import atexit
import shutil
import tempfile
import warnings
from pathlib import Path
from typing import Any

import schemathesis
from schemathesis.config import SchemathesisConfig
from starlette.exceptions import StarletteDeprecationWarning

from ratbond.web.app import OPENAPI_URL, create_app
from ratbond.web.settings import LOOPBACK_HOSTS, WebSettings
from tests.web.conftest import TODAY

STORE = Path(tempfile.mkdtemp(prefix="ratbond-attacks-"))
APP = create_app(
    WebSettings(
        database_url=f"sqlite:///{STORE / 'ratbond.db'}",
        secret_key=b"k" * 32,
        today=lambda: TODAY,
        # The name schemathesis's in-process client sends as Host.
        allowed_hosts=LOOPBACK_HOSTS | {"testserver"},
    )
)
# Every check runs. A request the document allows may still be refused with 422 for what no
# JSON Schema can say: a date after today, an id no record has, a stage the program lacks,
# rewarded above attempts, an id taken. That refusal is the validation's, in the command
# line's words, so 422 counts as a right answer to such a request too.
CONFIG = SchemathesisConfig.from_dict(
    {"checks": {"positive_data_acceptance": {"expected-statuses": ["2xx", "404", "422"]}}}
)
with warnings.catch_warnings():
    warnings.simplefilter("ignore", StarletteDeprecationWarning)
    schema = schemathesis.openapi.from_asgi(OPENAPI_URL, APP, config=CONFIG)


@atexit.register
def _remove_store() -> None:
    """Every pytest-xdist worker imports this module to collect it, and any may run some of its
    tests, in any order among other modules': the store goes when the process does."""
    APP.state.web.db.close()
    shutil.rmtree(STORE, ignore_errors=True)


@schema.parametrize()
def test_every_operation_answers_as_documented(case: Any) -> None:
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", StarletteDeprecationWarning)
        case.call_and_validate()
