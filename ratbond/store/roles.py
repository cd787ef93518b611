"""Which role may do what in a household: the one table the store, CLI, web and API consult.

- `owner`: everything, including people, roles, shares and the audit trail;
- `carer`: log and correct sessions, care records, start, pause and resume introductions,
  add and edit animals;
- `viewer`: read only;
- `sitter`: a carer for the animals an owner chose, until an end date, then nothing (the
  animals are enforced by `ratbond.store.scope`, the date by `ratbond.store.people`).
"""

from __future__ import annotations

from typing import Literal, get_args

Role = Literal["owner", "carer", "viewer", "sitter"]
Action = Literal[
    "read",
    "log",
    "care",
    "introductions",
    "animals",
    "people",
    "share",
    "audit",
    "import",
]

ROLES: tuple[Role, ...] = get_args(Role)

PERMISSIONS: dict[Action, frozenset[Role]] = {
    "read": frozenset(ROLES),
    # Log and correct sessions (and the advice and history they refresh).
    "log": frozenset({"owner", "carer", "sitter"}),
    # Vet checks, weights, free-roam checks, trust signs, grooming, tasks done.
    "care": frozenset({"owner", "carer", "sitter"}),
    # Start, pause, resume, stop and complete introductions.
    "introductions": frozenset({"owner", "carer", "sitter"}),
    # Add and edit animals (a sitter edits only the chosen ones and adds none).
    "animals": frozenset({"owner", "carer", "sitter"}),
    # People, roles, invitations, households.
    "people": frozenset({"owner"}),
    # Read-only links for someone without an account.
    "share": frozenset({"owner"}),
    "audit": frozenset({"owner"}),
    # Importing a whole household's records.
    "import": frozenset({"owner"}),
}

WHAT: dict[Action, str] = {
    "read": "read this household's records",
    "log": "log or correct sessions",
    "care": "record care",
    "introductions": "start, pause or resume introductions",
    "animals": "add or edit animals",
    "people": "manage people and roles",
    "share": "make share links",
    "audit": "read the audit trail",
    "import": "import records",
}


def allowed(role: Role, action: Action) -> bool:
    return role in PERMISSIONS[action]


def refusal(role: Role, action: Action) -> str:
    """The one message for a refused action: what, why, and who can."""
    who = " or ".join(sorted(PERMISSIONS[action]))
    return f"a {role} cannot {WHAT[action]} in this household; ask an owner ({who} may)"
