"""`ratbond fix` and `ratbond unlog`: correct or withdraw a session logged by mistake, by the
number `ratbond history` shows. The earlier version is kept; the advice is refreshed at once.
"""

from __future__ import annotations

import datetime as dt
import sys
from typing import Annotated, Any

import typer
from rich.prompt import Confirm

from ratbond.cli.display import database, out, parse_day, print_advice, shown
from ratbond.cli.options import typed
from ratbond.cli.sessions import confirm_danger, parse_signals, print_logged, rewarded_text
from ratbond.errors import InputError
from ratbond.programs import stage_title
from ratbond.store.sessions import (
    delete_session,
    edit_session,
    get_session,
    withdrawal_undoes,
)

IntroRef = Annotated[str, typer.Argument(metavar="INTRO", help="Introduction id (any case).")]
Number = Annotated[
    int, typer.Argument(metavar="N", help="The session's number, as 'ratbond history' shows it.")
]
ClearedBy = Annotated[
    str | None,
    typer.Option(
        "--cleared-by",
        help="Only for a session that recorded danger or keeps a stop: who (the vet who saw "
        "the animals) agreed it was a mistake. Kept in the introduction's notes.",
    ),
]


def cleared_option(error: InputError) -> InputError:
    """A store refusal on `cleared_by` given none, with the option to give (a refusal of one
    given is named by `ratbond.cli.options`)."""
    if error.path != "cleared_by" or typed("cleared_by"):
        return error
    return InputError("--cleared-by", f'{error.message}: give --cleared-by "who cleared it"')


def fix(
    intro: IntroRef,
    number: Number,
    minutes: Annotated[float | None, typer.Option(help="How long it really lasted.")] = None,
    signal: Annotated[
        list[str] | None,
        typer.Option(
            help="ANIMAL:SIGNAL, e.g. tom:hissing (repeatable); replaces all the session's signals."
        ),
    ] = None,
    no_signals: Annotated[
        bool, typer.Option("--no-signals", help="Clear the session's signals (a calm session).")
    ] = False,
    supervised: Annotated[
        bool | None, typer.Option("--supervised/--unsupervised", help="Were you watching?")
    ] = None,
    notes: Annotated[str | None, typer.Option(help='New notes; "" clears them.')] = None,
    attempts: Annotated[int | None, typer.Option(help="Training stages: tries.")] = None,
    rewarded: Annotated[int | None, typer.Option(help="Training stages: tries rewarded.")] = None,
    stage: Annotated[str | None, typer.Option(help="The stage it really was.")] = None,
    date: Annotated[str | None, typer.Option(help="The day it really was (YYYY-MM-DD).")] = None,
    cleared_by: ClearedBy = None,
) -> None:
    """Correct session N of an introduction (its number in 'ratbond history'), e.g.
    `ratbond fix tom-pip 3 --minutes 8 --signal tom:hissing`; the new advice follows."""
    if signal and no_signals:
        raise InputError("--no-signals", "give either --signal or --no-signals, not both")
    changes: dict[str, Any] = {
        name: value
        for name, value in (
            ("minutes", minutes),
            ("supervised", supervised),
            ("notes", notes),
            ("attempts", attempts),
            ("rewarded", rewarded),
            ("stage", None if stage is None else stage.strip()),
            ("date", parse_day(date, "--date")),
        )
        if value is not None
    }
    if signal or no_signals:
        changes["signals"] = parse_signals(signal or [])
    if not changes:
        raise InputError(
            "",
            "say what to change: --minutes, --signal or --no-signals, --supervised or "
            "--unsupervised, --notes, --attempts, --rewarded, --stage or --date",
        )
    db = database()
    today = dt.date.today()
    record, session = get_session(db, intro, number)
    reviewed = False
    if changes.get("notes"):
        signals, reviewed = confirm_danger(
            record,
            changes["notes"],
            changes.get("signals", session.signals),
            ask=sys.stdin.isatty(),
        )
        changes["signals"] = signals
    try:
        logged = edit_session(
            db,
            session.id,
            changes,
            today=today,
            cleared_by=cleared_by,
            notes_reviewed=reviewed,
        )
    except InputError as error:
        raise cleared_option(error) from None
    print_logged("Fixed", logged, today)


def unlog(
    intro: IntroRef,
    number: Number,
    yes: Annotated[bool, typer.Option("--yes", "-y", help="Do not ask for confirmation.")] = False,
    cleared_by: ClearedBy = None,
) -> None:
    """Withdraw session N of an introduction, logged by mistake (kept in the history, left out
    of the advice); asks first unless --yes. A session that recorded danger, or whose
    withdrawal would lift a stop, also needs --cleared-by."""
    db = database()
    today = dt.date.today()
    record, session = get_session(db, intro, number)
    what = ", ".join(
        filter(
            None,
            (
                session.date.isoformat(),
                stage_title(record.program, session.stage),
                rewarded_text(session),
            ),
        )
    )
    question = f"Withdraw session {number} of {shown(record.key)} ({shown(what)})?"
    undoes = withdrawal_undoes(db, session.id, today=today)
    # Without clearance the store refuses such a withdrawal: no question to ask.
    asking = not yes and (undoes is None or cleared_by is not None)
    if undoes is not None and asking:
        question = f"{question} Careful: {shown(undoes)}; withdrawing it undoes that."
    if asking and not Confirm.ask(question):
        out.print("Nothing changed.")
        raise typer.Exit(1)
    try:
        logged = delete_session(db, session.id, today=today, cleared_by=cleared_by)
    except InputError as error:
        raise cleared_option(error) from None
    out.print(
        f"Withdrew session {number} of {shown(record.key)} ({shown(what)}); its record is kept."
    )
    print_advice(logged.advice, today)
