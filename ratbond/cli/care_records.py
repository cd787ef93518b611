"""`ratbond freeroam check|history`, `trust log|trend`, `groom` and `care tasks|done`: the
dated care records. The care part of `ratbond today` is printed by `ratbond.cli.agenda`."""

from __future__ import annotations

import datetime as dt
import json
import sys
from typing import Annotated, Any

import typer
from rich.table import Table

from ratbond.cli.agenda import care_text
from ratbond.cli.care import ask_yes_no, cites, freeroam_checklist, user_errors
from ratbond.cli.console import out, shown
from ratbond.cli.display import database, parse_day
from ratbond.errors import InputError, RatbondError
from ratbond.limits import MAX_LISTED, MAX_TREND_WEEKS, PLAN_AHEAD_DAYS

freeroam_app = typer.Typer(
    help="Safety checks before rats play outside the cage, and the record of each run.",
    no_args_is_help=True,
)
freeroam_app.command("checklist")(freeroam_checklist)
trust_app = typer.Typer(
    help="Log the trust signs each rat shows, and see the trend.", no_args_is_help=True
)
care_app = typer.Typer(
    help="Recurring care tasks: weigh-in, health check, toy rotation, cage cleaning.",
    no_args_is_help=True,
)

SIGN_HELP = "A trust sign, e.g. bruxing, climbs_onto_hand (repeat for several)."
FINDING_HELP = "Something found: lump, cut, skin, red_tears, breathing_noise (repeat)."


def _print_json(value: Any) -> None:
    sys.stdout.write(json.dumps(value, ensure_ascii=False, indent=2, default=str) + "\n")


def _item(name: str) -> str:
    return name.strip().lower().replace("-", "_")


# --- free roam ----------------------------------------------------------------------------


def _label(ref: str) -> str:
    """The animal's name as the owner gave it (its id when it has none)."""
    from ratbond.store.animals import get_animal

    return get_animal(database(), ref).label


@freeroam_app.command("check")
def freeroam_check(
    yes: Annotated[
        list[str] | None,
        typer.Option("--yes", help="A checklist item you checked (repeat), e.g. windows-closed."),
    ] = None,
    no: Annotated[
        list[str] | None, typer.Option("--no", help="A checklist item that is not safe (repeat).")
    ] = None,
    date: Annotated[str | None, typer.Option(help="Default: today.")] = None,
    by: Annotated[str | None, typer.Option(help="Who checked (default: RATBOND_USER).")] = None,
    notes: Annotated[str | None, typer.Option(help="Anything to remember.")] = None,
    prompt: Annotated[
        bool,
        typer.Option(
            help="Ask about each item not given (only in a terminal; without one, give every "
            "required item as --yes or --no)."
        ),
    ] = True,
    as_json: Annotated[bool, typer.Option("--json", help="Print the record as JSON.")] = False,
) -> None:
    """Run the free-roam checklist before play time and record it, dated and signed.

    Example: ratbond freeroam check --yes windows-closed --yes cats-elsewhere ...

    Ready only when every required item is a yes; the run is recorded either way, and the
    command exits 1 when the rats should stay in.

    Without a terminal (a script, a pipe), or with --no-prompt or --json, nothing is asked:
    every required item must then be given as --yes or --no, or nothing is recorded (exit 2).
    """
    from ratbond.care.freeroam import free_roam_checklist
    from ratbond.store.care import record_free_roam
    from ratbond.store.common import not_future

    with user_errors():
        day = parse_day(date, "--date")
        answers: dict[str, bool | None] = {}
        typed: dict[str, str] = {}  # item id -> the option and item as typed
        for option, value, names in (("--yes", True, yes or []), ("--no", False, no or [])):
            for name in names:
                if _item(name) in answers and answers[_item(name)] is not value:
                    raise_both(name)
                answers[_item(name)] = value
                typed.setdefault(_item(name), f"{option} {name}")
        checklist = free_roam_checklist()
        known = [item.id for item in checklist.items]
        for item_id in answers:
            if item_id not in known:
                raise_unknown(typed[item_id], item_id, known)
        not_future(day, dt.date.today(), "date")  # before any question
        terminal = sys.stdin.isatty() and sys.stdout.isatty()
        if prompt and not as_json and terminal:
            out.print(f"[bold]{shown(checklist.title)}[/]  [dim](y/n, Enter to skip)[/]")
            for item in checklist.items:
                if item.id not in answers:
                    optional = "" if item.required else " (optional)"
                    answers[item.id] = ask_yes_no(f"{item.question}{optional}")
        else:
            # Nobody was asked: a verdict needs every required item answered as given.
            missing = [i.id for i in checklist.items if i.required and answers.get(i.id) is None]
            if missing:
                why = "no terminal" if not terminal else "--no-prompt" if not prompt else "--json"
                raise_unanswered(missing, why)
        record = record_free_roam(database(), answers, date=day, checked_by=by, notes=notes)
    if as_json:
        _print_json(record.__dict__)
    else:
        titles = {item.id: item for item in checklist.items}
        if record.ready:
            out.print(
                f"[bold green]READY[/]  free-roam check recorded for {record.date} "
                f"by {shown(record.checked_by)}."
            )
        else:
            out.print(
                f"[bold red]NOT READY[/]  recorded for {record.date} by "
                f"{shown(record.checked_by)}: keep the rats in until these are fixed:"
            )
            for item_id, answer in record.answers.items():
                item = titles[item_id]
                if item.required and answer is not True:
                    word = "no" if answer is False else "not answered"
                    out.print(f"  [red]✘[/] {shown(item.title)} ({word}): {shown(item.why)}")
        hints = [
            titles[i].title for i, a in record.answers.items() if not titles[i].required and not a
        ]
        if hints:
            out.print("[dim]Also worth doing: " + shown(", ".join(hints)) + "[/]")
    if not record.ready:
        raise SystemExit(1)


def raise_both(name: str) -> None:
    from ratbond.errors import InputError

    raise InputError("--yes/--no", f"'{name}' is given as both yes and no")


def raise_unanswered(missing: list[str], why: str) -> None:
    """Required items nobody answered, and nobody to ask: nothing is recorded."""
    from ratbond.errors import RatbondError

    asked, or_else = {
        "no terminal": (
            "there is no terminal to ask them in",
            "run 'ratbond freeroam check' in a terminal to be asked",
        ),
        "--no-prompt": ("--no-prompt asks nothing", "leave out --no-prompt to be asked"),
        "--json": ("--json asks nothing", "leave out --json to be asked"),
    }[why]
    names = ", ".join(name.replace("_", "-") for name in missing)
    count = f"{len(missing)} required item" + ("" if len(missing) == 1 else "s")
    raise RatbondError(
        f"free-roam check not recorded: no answer for {count} ({names}), and {asked}. "
        "Give each as --yes ITEM (checked and safe) or --no ITEM (not safe), as "
        f"'ratbond freeroam checklist' lists them, or {or_else}"
    )


def raise_unknown(typed: str, item_id: str, known: list[str]) -> None:
    """`--yes windows-shut`: not an item, the nearest one and every one, as options take them."""
    from ratbond.errors import InputError, did_you_mean

    names = [name.replace("_", "-") for name in known]
    raise InputError(
        typed,
        "not a free-roam checklist item"
        + did_you_mean(item_id.replace("_", "-"), names)
        + "; the items: "
        + ", ".join(names),
    )


@freeroam_app.command("history")
def freeroam_history(
    limit: Annotated[int, typer.Option(help="How many checks to show.")] = 20,
    as_json: Annotated[bool, typer.Option("--json", help="Print the records as JSON.")] = False,
) -> None:
    """Earlier free-roam checks, newest first: when, who, and whether the room was ready."""
    from ratbond.store.care import list_free_roam

    with user_errors():
        if not 1 <= limit <= MAX_LISTED:
            raise InputError(
                "--limit", f"{limit} checks; show from 1 to {MAX_LISTED:,} (newest first)"
            )
        records = list_free_roam(database(), limit=limit)
    if as_json:
        _print_json([r.__dict__ for r in records])
        return
    if not records:
        out.print("No free-roam check recorded yet. Run one: ratbond freeroam check")
        return
    table = Table()
    table.add_column("#", justify="right", style="dim")
    table.add_column("date", no_wrap=True)
    table.add_column("result", no_wrap=True)
    table.add_column("by")
    table.add_column("not safe / not answered")
    table.add_column("notes")
    for r in records:
        missing = [i for i, a in r.answers.items() if a is not True]
        table.add_row(
            str(r.id),
            r.date.isoformat(),
            "[green]ready[/]" if r.ready else "[red]not ready[/]",
            shown(r.checked_by),
            shown(", ".join(f"{i} (no)" if r.answers[i] is False else i for i in missing)),
            shown(r.notes or ""),
        )
    out.print(table)


# --- trust --------------------------------------------------------------------------------


@trust_app.command("log")
def trust_log(
    rat: Annotated[str, typer.Argument(help="The rat's id or name.")],
    sign: Annotated[list[str] | None, typer.Option("--sign", "-s", help=SIGN_HELP)] = None,
    date: Annotated[str | None, typer.Option(help="Default: today.")] = None,
    notes: Annotated[str | None, typer.Option(help="Anything to remember.")] = None,
) -> None:
    """Record the trust signs a rat showed you today (or on --date)."""
    from ratbond.care.knowledge import builtin_care_tasks
    from ratbond.store.care import log_trust

    with user_errors():
        rows = log_trust(database(), rat, sign or [], date=parse_day(date, "--date"), notes=notes)
    titles = {s.id: s.title for s in builtin_care_tasks().trust_signs}
    out.print(
        f"Logged for {shown(_label(rat))} on {rows[0].date}: "
        + ", ".join(shown(titles.get(r.sign, r.sign)) for r in rows)
        + "."
    )


@trust_app.command("trend")
def trust_trend_command(
    rat: Annotated[str, typer.Argument(help="The rat's id or name.")],
    weeks: Annotated[
        int | None, typer.Option(help="How many weeks back (default: since the first sign).")
    ] = None,
    date: Annotated[str | None, typer.Option(help="Week to end on (default: today).")] = None,
    as_json: Annotated[bool, typer.Option("--json", help="Print the weeks as JSON.")] = False,
) -> None:
    """Trust signs per week for a rat: how many, and a score where bolder signs count more."""
    from ratbond.care.trust import trust_trend
    from ratbond.store.care import list_trust
    from ratbond.store.common import not_future

    with user_errors():
        day = parse_day(date, "--date") or dt.date.today()
        # A week after today holds no sign, and each week back is a line: both bounded, so
        # neither a far date nor a huge --weeks makes a table of centuries (or overflows).
        not_future(day, dt.date.today(), "date")
        if weeks is not None and not 1 <= weeks <= MAX_TREND_WEEKS:
            raise InputError(
                "weeks", f"{weeks} weeks; give from 1 to {MAX_TREND_WEEKS:,} (ten years)"
            )
        animal, seen = list_trust(database(), rat)
        result = trust_trend([(s.date, s.sign) for s in seen], day, weeks=weeks)
    if as_json:
        _print_json([{**w.__dict__, "end": w.end} for w in result])
        return
    if not result:
        out.print(
            f"No trust signs logged for {shown(animal.label)} yet: "
            f"ratbond trust log {animal.key} --sign bruxing"
        )
        return
    best = max((w.score for w in result), default=0) or 1
    table = Table(title=f"Trust signs of {shown(animal.label)}, per week")
    table.add_column("week of", no_wrap=True)
    table.add_column("signs", justify="right")
    table.add_column("score", justify="right")
    table.add_column("", no_wrap=True, min_width=20)
    table.add_column("seen")
    for week in result:
        bar = "█" * round(20 * week.score / best)
        table.add_row(
            week.start.isoformat(),
            str(week.count),
            str(week.score),
            f"[green]{bar}[/]",
            shown(", ".join(f"{s} x{n}" if n > 1 else s for s, n in week.signs.items())),
        )
    out.print(table)


# --- grooming -----------------------------------------------------------------------------


def groom(
    rat: Annotated[str, typer.Argument(help="The rat's id or name.")],
    finding: Annotated[list[str] | None, typer.Option("--finding", "-f", help=FINDING_HELP)] = None,
    notes: Annotated[str | None, typer.Option(help="What you saw or did.")] = None,
    date: Annotated[str | None, typer.Option(help="Default: today.")] = None,
    read: Annotated[
        bool,
        typer.Option(
            help="Read findings in --notes (asked one by one in a terminal; recorded, and "
            "said, without one). --no-read records only the --finding ones."
        ),
    ] = True,
) -> None:
    """Record a grooming session and health check; any finding raises a see-a-vet alert.

    Findings described in --notes ("a small scab on her back") are read too, and confirmed.
    """
    from ratbond.care.knowledge import builtin_care_tasks
    from ratbond.store.animals import get_animal
    from ratbond.store.care import log_grooming

    with user_errors():
        given = list(finding or [])
        if read and notes:
            given += _confirmed_from_notes(get_animal(database(), rat).to_model(), notes, given)
        record = log_grooming(database(), rat, given, date=parse_day(date, "--date"), notes=notes)
    care = builtin_care_tasks()
    if not record.findings:
        out.print(
            f"Grooming of {shown(_label(record.animal_key))} on {record.date} recorded: "
            "nothing found."
        )
        return
    out.print(f"Grooming of {shown(_label(record.animal_key))} on {record.date} recorded.")
    known = {f.id: f for f in care.findings}
    for found in record.findings:
        entry = known[found]
        out.print(f"[bold red]! See a vet:[/] {shown(entry.title)}: {shown(entry.what_to_do)}")
        out.print(f"  [dim]({shown(cites(entry.seeds, entry.sources))})[/]")
    out.print(f"[dim]{shown(care.finding_advice.text)}[/]")


def _confirmed_from_notes(animal: Any, notes: str, given: list[str]) -> list[str]:
    """The findings read in the notes that the owner confirms (all of them, said aloud, when
    there is no terminal to ask in), leaving out those already given as --finding."""
    from ratbond.care.grooming import read_grooming_note
    from ratbond.care.health import find_findings

    already = {f.id for f in find_findings(given)} if given else set()
    read = [item for item in read_grooming_note(notes, animal) if item.finding.id not in already]
    terminal = sys.stdin.isatty() and sys.stdout.isatty()
    kept: list[str] = []
    for item in read:
        title, phrase = shown(item.finding.title), shown(item.phrase)
        if terminal:
            if typer.confirm(
                f"Read in your notes: {item.finding.title} ('{item.phrase}'). Record it?",
                default=True,
            ):
                kept.append(item.finding.id)
        else:
            out.print(f"Read in your notes: {title} ('{phrase}'); recorded (--no-read to skip).")
            kept.append(item.finding.id)
    return kept


# --- care tasks ---------------------------------------------------------------------------


@care_app.command("done")
def care_done_command(
    task: Annotated[
        str, typer.Argument(help="weigh-in, health-check, toy-rotation or cage-cleaning.")
    ],
    animal: Annotated[
        list[str] | None,
        typer.Argument(help="For weigh-in and health check: which rats (default: all of them)."),
    ] = None,
    date: Annotated[str | None, typer.Option(help="Default: today.")] = None,
    notes: Annotated[str | None, typer.Option(help="Anything to remember.")] = None,
) -> None:
    """Record a care task as done; its next due date counts from this one."""
    from ratbond.care.routine import find_task
    from ratbond.store.care import mark_done

    with user_errors():
        if find_task(task).id == "weigh_in":
            _weigh_in(animal or [], parse_day(date, "--date"))
            return
        done = mark_done(
            database(), task, animal or [], date=parse_day(date, "--date"), notes=notes
        )
        info = find_task(done[0].task)
    who = ", ".join(_label(d.animal_key) for d in done if d.animal_key) or "the household"
    next_due = done[0].date + dt.timedelta(days=info.every_days)
    out.print(f"{shown(info.title)} done on {done[0].date} for {shown(who)}; next due {next_due}.")


def _weigh_in(refs: list[str], day: dt.date | None) -> None:
    """A weigh-in is its weights (any weighing counts as one): asked for each rat `mark_done`
    would record it for, in a terminal; elsewhere refused, saying how to give them."""
    from ratbond.cli.animals import report_weighing
    from ratbond.store.animals import add_weight, parse_weight
    from ratbond.store.care import care_targets

    db = database()
    rats = [rat for rat in care_targets(db, "weigh-in", refs, date=day) if rat is not None]
    if not (sys.stdin.isatty() and sys.stdout.isatty()):
        raise RatbondError(
            "a weigh-in records each rat's weight; give them one rat at a time with "
            "'ratbond weigh NAME 250g' (units g, kg, lb, oz)"
        )
    for rat in rats:
        typed = typer.prompt(f"{rat.label}'s weight (e.g. 250g, 0.55 lb)")
        report_weighing(db, rat, add_weight(db, rat.key, parse_weight(typed), day))


@care_app.command("tasks")
def care_tasks(
    date: Annotated[
        str | None,
        typer.Option(
            help=f"Plan for another day (YYYY-MM-DD): a past one, or up to {PLAN_AHEAD_DAYS} ahead."
        ),
    ] = None,
    as_json: Annotated[
        bool, typer.Option("--json", help="Print tasks and alerts as JSON.")
    ] = False,
) -> None:
    """Every care task with its due date, and the health alerts."""
    from ratbond.cli.agenda import plan_day
    from ratbond.store.care import care_plan

    with user_errors():
        # The care part alone: any past day, as it stood then; days ahead as `today` has them.
        day = plan_day(None, date, dt.date.today())
        plan = care_plan(database(), today=day)
    if as_json:
        _print_json(
            {
                "today": day,
                "alerts": [
                    {"kind": a.kind, "animal": a.animal, "date": a.date, "message": a.message}
                    for a in plan.alerts
                ],
                "tasks": [
                    {
                        "task": t.task.id,
                        "animal": t.animal,
                        "last_done": t.last_done,
                        "due": t.due,
                        "status": t.status,
                    }
                    for t in plan.tasks
                ],
            }
        )
        return
    out.print(care_text(plan, day, everything=True), end="")
