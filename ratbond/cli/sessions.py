"""`ratbond log`, `ratbond next` and `ratbond history`: record a session, see the next step,
look back over the sessions.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import sys
from collections.abc import Mapping, Sequence
from typing import Annotated

import typer
from rich.prompt import Confirm, FloatPrompt, IntPrompt, Prompt
from rich.table import Table
from rich.text import Text

from ratbond.cli.display import (
    CLASS_STYLE,
    database,
    minutes_text,
    out,
    parse_day,
    print_advice,
    print_rows,
    shown,
)
from ratbond.cli.options import asking
from ratbond.counted import notes_read
from ratbond.errors import InputError
from ratbond.model import Program, Species, Stage
from ratbond.programs import builtin_program, builtin_vocabulary, stage_title
from ratbond.store.introductions import get_advice
from ratbond.store.records import IntroductionRecord, SessionRecord, StoredAdvice
from ratbond.store.sessions import (
    Logged,
    NewSession,
    check_open,
    check_session,
    list_sessions,
    log_session,
    signals_by_animal,
)

IntroRef = Annotated[str, typer.Argument(metavar="INTRO", help="Introduction id (any case).")]


def rewarded_text(session: SessionRecord, *, short: bool = False) -> str:
    """`8 of 10 rewarded (80%)` (`8/10 80%` if `short`) for a training session; empty for
    any other."""
    if session.attempts is None:
        return ""
    share = session.rewarded_share
    percent = "" if share is None else f"{share:.0%}"
    if short:
        return f"{session.rewarded or 0}/{session.attempts} {percent}".rstrip()
    return f"{session.rewarded or 0} of {session.attempts} rewarded" + (
        f" ({percent})" if percent else ""
    )


def parse_signals(values: list[str]) -> dict[str, list[str]]:
    """`tom:hissing` (or `tom:hissing,ears_flat`) options, grouped by animal."""
    signals: dict[str, list[str]] = {}
    for value in values:
        animal, sep, names = value.partition(":")
        if not sep or not animal.strip() or not names.strip():
            raise InputError(
                "--signal", f"'{value}' should be ANIMAL:SIGNAL, e.g. --signal tom:hissing"
            )
        signals.setdefault(animal.strip(), []).extend(
            n.strip() for n in names.split(",") if n.strip()
        )
    return signals


def log(
    intro: IntroRef,
    minutes: Annotated[float | None, typer.Option(help="How long the session lasted.")] = None,
    signal: Annotated[
        list[str] | None,
        typer.Option(
            help="What an animal did, ANIMAL:SIGNAL, e.g. tom:hissing (repeatable); "
            "'ratbond signals' lists them."
        ),
    ] = None,
    supervised: Annotated[
        bool | None, typer.Option("--supervised/--unsupervised", help="Default: supervised.")
    ] = None,
    notes: Annotated[str | None, typer.Option(help="What happened, in your words.")] = None,
    attempts: Annotated[
        int | None,
        typer.Option(help="Training stages: tries at the behaviour (clicker programs)."),
    ] = None,
    rewarded: Annotated[
        int | None,
        typer.Option(help="Training stages: tries that earned a click and a treat."),
    ] = None,
    stage: Annotated[
        str | None,
        typer.Option(
            help="Default: the stage advised on the session's date, and its minutes when "
            "--minutes is not given."
        ),
    ] = None,
    date: Annotated[
        str | None, typer.Option(help="Default: today. An earlier day enters a diary.")
    ] = None,
    by: Annotated[
        str | None, typer.Option(help="Who logs it; default: RATBOND_USER or you.")
    ] = None,
) -> None:
    """Log a session and see the new advice at once. With no options, asks step by step."""
    db = database()
    today = dt.date.today()
    record, advice = get_advice(db, intro, today=today)
    given = (minutes, signal, supervised, notes, attempts, rewarded, stage, date)
    interactive = all(v is None for v in given)
    if interactive:
        asking()  # a field the answers gave keeps its name
        new = _ask(record, advice, today, by)
    else:
        new = NewSession(
            stage=None if stage is None else stage.strip(),
            date=parse_day(date, "--date"),
            minutes=minutes,
            supervised=True if supervised is None else supervised,
            signals=parse_signals(signal or []),
            notes=notes,
            attempts=attempts,
            rewarded=rewarded,
            logged_by=by,
        )
    if new.notes:
        signals, reviewed = confirm_danger(
            record, new.notes, new.signals, ask=interactive or sys.stdin.isatty()
        )
        new = dataclasses.replace(new, signals=signals, notes_reviewed=reviewed)
    logged = log_session(db, record.key, new, today=today)
    print_logged("Logged", logged, today)


def confirm_danger(
    record: IntroductionRecord,
    notes: str | None,
    signals: Mapping[str, Sequence[str]],
    *,
    ask: bool,
) -> tuple[dict[str, list[str]], bool]:
    """The signals to save with `notes`, and whether the notes were reviewed: each danger
    reading they cannot rule out (`ratbond.notes.review.to_confirm`) is asked about, a "no"
    dropping it from the owner's ticked `signals`. When there is no one to ask (options given
    and no terminal), each one is named and left unreviewed, so the store counts it
    (`NewSession.notes_reviewed`): never dropped unseen."""
    from ratbond.notes.review import question, ticked_after_answers, to_confirm
    from ratbond.store.text import paragraphs_text

    ticked = signals_by_animal(record, signals)
    # Read as the store keeps them, so what is asked about is what the store would count.
    text = paragraphs_text(notes, "notes")
    read = None if text is None else notes_read(record, text)
    asked = [] if read is None else to_confirm(read.readings)
    if read is None or not asked:
        return ticked, True  # nothing to ask about
    labels = {m.animal.key: m.animal.label for m in record.members}
    if not ask:
        for reading in asked:
            out.print(
                Text(
                    "Counted, as your words cannot rule it out: "
                    f"{labels[reading.animal]}: {reading.signal.replace('_', ' ')}",
                    style="yellow",
                )
            )
        return ticked, False
    answers = {
        (reading.animal, reading.signal): Confirm.ask(
            question(reading, labels[reading.animal]), default=True
        )
        for reading in asked
    }
    return ticked_after_answers(read.readings, ticked, answers), True


def print_logged(verb: str, logged: Logged, today: dt.date) -> None:
    """`Logged session 3 of tom-pip: ...` (the introduction's own session number), a word on
    a meeting that should not have happened yet or on a session that came before its advised
    day, then the new advice: as it stood on the session's date for a session dated before
    today (the next line of a diary being entered), else today's."""
    session = logged.session
    style = CLASS_STYLE[session.session_class]
    line = Text(
        f"{verb} session {session.seq} of {logged.introduction.key}: {session.date.isoformat()} "
    )
    line.append(stage_title(logged.introduction.program, session.stage))
    for detail in (minutes_text(session.minutes), rewarded_text(session)):
        if detail:
            line.append(f", {detail}")
    line.append(", ")
    line.append(session.session_class, style=style)
    out.print(line)
    if session.notes:
        print_notes_read(logged.introduction, session)
    if logged.too_soon_warning:
        out.print(Text("! " + logged.too_soon_warning, style="bold red"))
    if logged.pacing_warning:
        out.print(Text("! " + logged.pacing_warning, style="bold yellow"))
    if logged.dated is None:
        print_advice(logged.advice, today)
        return
    out.print(
        Text(f"As it stood on {session.date.isoformat()}, with this session in:", style="bold")
    )
    print_advice(logged.dated, session.date)
    out.print(Text(f"Today's advice: ratbond next {logged.introduction.key}", style="dim"))


def print_notes_read(intro: IntroductionRecord, session: SessionRecord) -> None:
    """What of the session's notes the advice counted, and what not and how to count it
    (`ratbond.counted`, the web's words too), so the owner can check the reader read them
    right."""
    from ratbond.counted import notes_counted

    read = notes_counted(
        intro,
        session.notes,
        session.signals,
        lambda animal, signal: f"add it with --signal {animal}:{signal}",
    )
    for line in read.lines():
        out.print(Text(line, style="dim"))


def _noted(intro: IntroductionRecord, session: SessionRecord) -> dict[str, tuple[str, ...]]:
    """What a session's notes add to its ticked signals, as the advice reads them."""
    from ratbond.notes.review import noted_signals

    if not session.notes:
        return {}
    return noted_signals(notes_read(intro, session.notes).readings, session.signals)


def _ask(
    record: IntroductionRecord, advice: StoredAdvice, today: dt.date, by: str | None
) -> NewSession:
    """Ask for a session field by field, offering the advised values as defaults."""
    check_open(record)  # now rather than after every question
    program = builtin_program(record.program)
    out.print(
        f"Logging a session for [cyan]{shown(record.key)}[/] ({shown(record.label)}). "
        "Enter keeps the (default)."
    )
    # Each answer is checked as it is typed, by the rules `log_session` applies
    # (`check_session`), the answers not given yet at what the advice offers: a slip is said
    # at once and asked again, and no answer typed before it is lost.
    draft = NewSession(stage=advice.stage, minutes=advice.minutes, logged_by=by)

    def checked(field: str, answer: NewSession) -> bool:
        try:
            check_session(record, answer, today=today)
        except InputError as error:
            if error.path.split(".")[0].split("[")[0] == field:
                out.print(f"[red]{shown(error.message)}[/]")
                return False
        return True

    while True:
        try:
            day = parse_day(Prompt.ask("Date", default="today"), "date")
        except InputError as error:
            out.print(f"[red]{shown(error.message)}[/]")
            continue
        if checked("date", dataclasses.replace(draft, date=day)):
            break
    stage_id = _ask_stage(program, advice.stage)
    stage = program.stages[program.stage_index(stage_id)]
    draft = dataclasses.replace(draft, date=day, stage=stage_id, minutes=None)
    if stage.minutes is not None:
        default = (
            advice.minutes if advice.stage == stage_id and advice.minutes else stage.minutes.start
        )
        while True:
            # Shown as the prompt's default: "4", not "4.0".
            minutes = FloatPrompt.ask(
                "Minutes", default=int(default) if default % 1 == 0 else default
            )
            if checked("minutes", dataclasses.replace(draft, minutes=minutes)):
                break
        draft = dataclasses.replace(draft, minutes=minutes)
    if stage.min_success_rate is not None:
        while True:
            attempts, rewarded = _ask_counts(stage)
            counted = dataclasses.replace(draft, attempts=attempts, rewarded=rewarded)
            if checked("attempts", counted) and checked("rewarded", counted):
                break
        draft = counted
    supervised = Confirm.ask("Were you there, watching, the whole time?", default=True)
    signals: dict[str, list[str]] = {}
    for member in record.members:
        chosen = _ask_signals(program, member.role, member.animal.species, member.animal.label)
        if chosen:
            signals[member.animal.key] = chosen
    draft = dataclasses.replace(draft, supervised=supervised, signals=signals)
    while True:
        notes = Prompt.ask("Notes (optional)", default="", show_default=False)
        if checked("notes", dataclasses.replace(draft, notes=notes or None)):
            break
    return dataclasses.replace(draft, notes=notes or None)


def _ask_stage(program: Program, advised: str) -> str:
    """The session's stage, from a list of "id — title"; either is accepted as the answer."""
    out.print(
        "Stages:\n"
        + "\n".join(f"  {s.id} — {shown(stage_title(program, s.id))}" for s in program.stages)
    )
    titles = {stage_title(program, s.id).casefold(): s.id for s in program.stages}
    ids = {s.id for s in program.stages}
    while True:
        answer = Prompt.ask("Stage (id or title)", default=advised).strip()
        if answer in ids:
            return answer
        if answer.casefold() in titles:
            return titles[answer.casefold()]
        out.print(
            f"[red]'{shown(answer)}' is no stage of {program.id}; "
            "give an id or a title from the list.[/]"
        )


def _ask_counts(stage: Stage) -> tuple[int, int]:
    """A training stage's attempts and rewarded count, asked until they fit together."""
    assert stage.min_success_rate is not None
    out.print(
        f"[bold]{stage.title}[/] is a training stage: {stage.min_success_rate:.0%} or more of "
        "the attempts rewarded, twice in a row, moves on."
    )
    while True:
        attempts = IntPrompt.ask("Attempts (tries at the behaviour)")
        rewarded = IntPrompt.ask("Rewarded (tries that earned a click and a treat)")
        if attempts < 0 or rewarded < 0:
            out.print("[red]Counts are 0 or more.[/]")
        elif rewarded > attempts:
            out.print(f"[red]{rewarded} rewarded is more than {attempts} attempts; count again.[/]")
        else:
            return attempts, rewarded


def _ask_signals(program: Program, role: str, species: Species, label: str) -> list[str]:
    """Show the species' signals grouped by class, with descriptions; read numbers or ids."""
    from ratbond.notes.review import signals_by_class

    vocabulary = builtin_vocabulary().signals[species]
    table = Table(title=f"What did {shown(label)} do?", title_justify="left", show_lines=False)
    table.add_column("no.", justify="right")
    table.add_column("class")
    table.add_column("signal")
    table.add_column("what it is")
    numbered: list[str] = []
    for klass, signals in signals_by_class(program, builtin_vocabulary(), species, role):
        for name, signal in signals:
            numbered.append(name)
            table.add_row(
                str(len(numbered)),
                Text(klass, style=CLASS_STYLE[klass]),
                name,
                signal.description,
            )
    out.print(table)
    while True:
        answer = Prompt.ask(
            f"Signals for {shown(label)} (numbers or ids, comma-separated; Enter: none)",
            default="",
            show_default=False,
        )
        chosen: list[str] = []
        problem = ""
        for part in (p.strip().lower() for p in answer.replace(" ", ",").split(",")):
            if not part:
                continue
            if part.isdigit() and 1 <= int(part) <= len(numbered):
                chosen.append(numbered[int(part) - 1])
            elif part in vocabulary:
                chosen.append(part)
            else:
                problem = part
                break
        if not problem:
            return chosen
        out.print(f"[red]'{shown(problem)}' is not on the list; give its number or its id.[/]")


def next_step(intro: IntroRef) -> None:
    """Show the next step of an introduction: alerts, what to do, when, and how to set it up."""
    today = dt.date.today()
    record, advice = get_advice(database(), intro, today=today)
    out.print(
        f"[bold cyan]{shown(record.key)}[/] — {shown(record.label)} "
        f"({record.program}, {record.status})"
    )
    print_advice(advice, today)
    if advice.action in ("stop", "complete"):
        return
    program = builtin_program(record.program)
    stage = program.stages[program.stage_index(advice.stage)]
    out.print(f"[bold]Set up:[/] {stage.setup}")
    out.print("[bold]Watch for:[/]\n" + "\n".join(f"  • {w}" for w in stage.watch_for))
    out.print("[bold]End early if:[/]\n" + "\n".join(f"  • {w}" for w in stage.end_early_if))


def history(
    intro: IntroRef,
    all_: Annotated[
        bool,
        typer.Option(
            "--all", help="Show withdrawn sessions too, struck through (their record is kept)."
        ),
    ] = False,
) -> None:
    """List an introduction's sessions, with the class of each and the signals behind it:
    the ticked ones, then those read in the notes ("in notes"). An owner sees from the audit
    trail who logged and changed each, through what (web, API, command line) and when."""
    from ratbond.store.audit import changes, per_row
    from ratbond.store.sessions import withdrawn_sessions

    db = database()
    record, sessions = list_sessions(db, intro)
    withdrawn = withdrawn_sessions(db, record.key) if all_ else []
    if not sessions and not withdrawn:
        key = shown(record.key)
        out.print(f"No sessions logged for {key} yet: ratbond log {key}")
        return
    names = {m.animal.key: m.animal.label for m in record.members}
    gone = {s.id for s in withdrawn}
    audited = per_row(
        changes(db, {"sessions": [s.id for s in [*sessions, *withdrawn]]}), "sessions"
    )
    # A terminal strikes withdrawn rows through; piped or saved, the words say it.
    strike = "strike dim" if out.is_terminal else "dim"

    def signals_text(session: SessionRecord) -> str:
        noted = _noted(record, session)
        parts = [f"{names.get(a, a)}: {', '.join(n)}" for a, n in session.signals.items() if n]
        parts += [f"{names.get(a, a)}: {', '.join(n)} (in notes)" for a, n in noted.items()]
        return "; ".join(parts)

    def row(s: SessionRecord) -> dict[str, str | Text]:
        cells: dict[str, str | Text] = {
            "no.": str(s.seq),
            "date": s.date.isoformat(),
            "stage": stage_title(record.program, s.stage),
            "length": minutes_text(s.minutes),
            "rewarded": rewarded_text(s, short=True),
            "watched": "yes" if s.supervised else Text("no", style="bold red"),
            "class": Text(s.session_class, style=CLASS_STYLE[s.session_class]),
            "signals": signals_text(s),
            "notes": s.notes or "",
            "by": s.logged_by,
        }
        if audited is not None:
            cells["audit (UTC)"] = "; ".join(e.said() for e in audited.get(s.id, []))
        if s.id not in gone:
            return cells
        cells = {name: Text(str(cell), style=strike) for name, cell in cells.items()}
        cells["class"] = Text(f"withdrawn ({s.session_class})", style="bold")
        return cells

    ordered = sorted([*sessions, *withdrawn], key=lambda s: (s.date, s.seq))
    # No training counts, signals or notes: their columns are left out.
    print_rows(
        f"{record.key} ({record.program}) — {record.label}",
        [row(s) for s in ordered],
        no_wrap=("date", "class", "rewarded"),
    )
