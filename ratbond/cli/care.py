"""`ratbond cage check`, `food`, `signs`, `ask` and `freeroam checklist`: everyday care tools."""

from __future__ import annotations

import json
import sys
from collections.abc import Iterator
from contextlib import contextmanager
from typing import Annotated, Any

import typer
from rich.padding import Padding
from rich.table import Table

from ratbond.care.model import Source
from ratbond.cli.console import err, out, shown
from ratbond.cli.options import as_typed
from ratbond.errors import InputError, RatbondError

cage_app = typer.Typer(help="Check a cage against the figures in the seeds.", no_args_is_help=True)

VERDICT_STYLE = {
    "staple": "bold cyan",
    "safe": "bold green",
    "caution": "bold yellow",
    "avoid": "bold red",
    "unknown": "bold magenta",
}
STATUS_STYLE = {
    "pass": "[green]✔ pass[/]",
    "fail": "[bold red]✘ fail[/]",
    "unanswered": "[yellow]? not answered[/]",
}


@contextmanager
def user_errors() -> Iterator[None]:
    """Print a user's mistake as one line and exit 2, also when called without `run()`."""
    try:
        yield
    except RatbondError as error:
        if isinstance(error, InputError):
            error = as_typed(error)
        err.print(f"[bold red]error:[/] {shown(str(error))}", soft_wrap=True)
        # SystemExit, not typer.Exit: `app(standalone_mode=False)` in `run()` turns a
        # typer.Exit into a return value that is then dropped, and the status would be 0.
        raise SystemExit(2) from None


def cites(seeds: tuple[str, ...], sources: tuple[Source, ...] = ()) -> str:
    """`seeds 002, 003; Rat Shack Forum (url)` for a table cell or a footer."""
    parts = []
    if seeds:
        parts.append(("seed " if len(seeds) == 1 else "seeds ") + ", ".join(seeds))
    parts += [s.name + (f" <{s.url}>" if s.url else "") for s in sources]
    return "; ".join(parts)


def _print_json(value: dict[str, Any]) -> None:
    sys.stdout.write(json.dumps(value, ensure_ascii=False, indent=2) + "\n")


# The environment checklist flags of `cage check`, by checklist id in cage.yaml; a test makes
# sure every id in the file has its flag here.
CAGE_FLAGS = ("paper_bedding", "toys_rotated", "hideaways", "quiet_spot", "out_of_sun")


@cage_app.command("check")
def cage_check(
    length: Annotated[float, typer.Option(help="Inside length of the cage.", show_default=False)],
    width: Annotated[float, typer.Option(help="Inside width (depth).", show_default=False)],
    height: Annotated[float, typer.Option(help="Inside height.", show_default=False)],
    rats: Annotated[int, typer.Option(help="How many rats will live in it.", show_default=False)],
    unit: Annotated[str, typer.Option(help="Unit of all lengths: cm, in, ft or m.")] = "cm",
    levels: Annotated[
        int | None, typer.Option(help="Levels to climb: floor, shelves, platforms.")
    ] = None,
    bar_spacing: Annotated[
        float | None, typer.Option(help="Widest gap between bars, in the same unit.")
    ] = None,
    paper_bedding: Annotated[
        bool | None, typer.Option(help="Bedding is paper-based.", show_default=False)
    ] = None,
    toys_rotated: Annotated[
        bool | None, typer.Option(help="Toys in the cage, swapped now and then.")
    ] = None,
    hideaways: Annotated[bool | None, typer.Option(help="A hideaway for every rat.")] = None,
    quiet_spot: Annotated[
        bool | None, typer.Option(help="Cage stands somewhere quiet and draft-free.")
    ] = None,
    out_of_sun: Annotated[bool | None, typer.Option(help="Cage is out of direct sun.")] = None,
    prompt: Annotated[
        bool, typer.Option(help="Ask about unanswered checklist items (only in a terminal).")
    ] = True,
    as_json: Annotated[bool, typer.Option("--json", help="Print the verdict as JSON.")] = False,
) -> None:
    """Pass or fail a cage: volume for the number of rats, height, bars, levels, set-up.

    Example: ratbond cage check --length 80 --width 50 --height 60 --rats 2 --levels 3

    Lengths are in --unit (cm, in, ft or m). Checklist items left out are asked in a terminal.
    """
    from ratbond.care.cage import check_cage
    from ratbond.care.knowledge import builtin_cage_rules

    given = dict(
        zip(
            CAGE_FLAGS,
            (paper_bedding, toys_rotated, hideaways, quiet_spot, out_of_sun),
            strict=True,
        )
    )
    with user_errors():
        rules = builtin_cage_rules()
        answers: dict[str, bool | None] = {item.id: given.get(item.id) for item in rules.checklist}
        # Check the numbers first, so a typo is reported before any question is asked.
        check_cage(
            length=length, width=width, height=height, unit=unit, rats=rats, levels=levels,
            bar_spacing=bar_spacing, rules=rules,
        )  # fmt: skip
        if prompt and not as_json and sys.stdin.isatty() and sys.stdout.isatty():
            for item in rules.checklist:
                if answers[item.id] is None:
                    answers[item.id] = ask_yes_no(f"{item.question} [y/n, Enter to skip]")
        verdict = check_cage(
            length=length, width=width, height=height, unit=unit, rats=rats, levels=levels,
            bar_spacing=bar_spacing, answers=answers, rules=rules,
        )  # fmt: skip
    if as_json:
        _print_json(verdict.to_json())
        return
    word, style = ("PASS", "bold green") if verdict.passed else ("FAIL", "bold red")
    out.print(
        f"[{style}]{word}[/]  cage for {verdict.rats} rat{'s' if verdict.rats != 1 else ''}: "
        f"{verdict.volume_cubic_ft:.1f} cubic ft ({verdict.volume_litres:.0f} L), "
        f"{verdict.room}"
    )
    table = Table(show_lines=False, expand=False)
    table.add_column("check", style="bold", no_wrap=True)
    table.add_column("result", no_wrap=True)
    table.add_column("detail")
    for check in verdict.checks:
        table.add_row(check.title, STATUS_STYLE[check.status], shown(check.detail))
    out.print(table)
    for check in verdict.failures:
        out.print(f"[red]✘ {check.title}:[/] {shown(check.why)}")
        out.print(f"  [dim]({shown(cites(check.seeds, check.sources))})[/]")
    unanswered = [c for c in verdict.unanswered if c.id in CAGE_FLAGS]
    if unanswered:
        flags = " ".join(
            f"--{c.id.replace('_', '-')}/--no-{c.id.replace('_', '-')}" for c in unanswered
        )
        out.print(f"[yellow]Not answered:[/] add {flags}")
    for note in verdict.notes:
        out.print(f"[cyan]•[/] {shown(note)}")


def ask_yes_no(prompt: str) -> bool | None:
    """A checklist question in the terminal: yes, no, or None when Enter skips it."""
    reply = typer.prompt(prompt, default="", show_default=False)
    text = reply.strip().lower()
    if text in {"y", "yes"}:
        return True
    if text in {"n", "no"}:
        return False
    return None


def freeroam_checklist(
    as_json: Annotated[bool, typer.Option("--json", help="Print the checklist as JSON.")] = False,
) -> None:
    """Print the checks to run before rats play outside the cage."""
    from ratbond.care.freeroam import free_roam_checklist

    with user_errors():
        checklist = free_roam_checklist()
    if as_json:
        _print_json(
            {
                "title": checklist.title,
                "intro": checklist.intro,
                "items": [
                    {
                        "id": item.id,
                        "title": item.title,
                        "question": item.question,
                        "why": item.why,
                        "required": item.required,
                        "seeds": list(item.seeds),
                    }
                    for item in checklist.items
                ],
            }
        )
        return
    out.print(f"[bold]{shown(checklist.title)}[/]")
    out.print(shown(checklist.intro))
    for number, item in enumerate(checklist.items, start=1):
        mark = "[red]required[/]" if item.required else "[dim]optional[/]"
        # The id is what `ratbond freeroam check --yes ID` takes.
        answer = f"[cyan]--yes {item.id.replace('_', '-')}[/]"
        out.print(f"\n[bold]{number}. {shown(item.title)}[/] ({mark}) {answer}")
        out.print(Padding(f"☐ {shown(item.question)}", (0, 0, 0, 3)))
        why = f"[dim]{shown(item.why)} ({shown(cites(item.seeds, item.sources))})[/]"
        out.print(Padding(why, (0, 0, 0, 3)))


def food(
    name: Annotated[
        list[str] | None,
        typer.Argument(help="The food, e.g. banana or 'blue cheese'; leave out to list all."),
    ] = None,
    as_json: Annotated[bool, typer.Option("--json", help="Print the answer as JSON.")] = False,
) -> None:
    """Is a food safe for rats? Why, and how much. Typos and plurals are fine."""
    from ratbond.care.food import VERDICT_ORDER, VERDICT_WORDS, lookup_food
    from ratbond.care.knowledge import builtin_foods

    if not name:
        with user_errors():
            food_list = builtin_foods()
        table = Table(title="Foods ratbond knows")
        table.add_column("verdict", no_wrap=True)
        table.add_column("food", style="bold")
        table.add_column("also called")
        for verdict in VERDICT_ORDER:
            word, style = VERDICT_WORDS[verdict].upper(), VERDICT_STYLE[verdict]
            for known in (f for f in food_list.foods if f.verdict == verdict):
                table.add_row(f"[{style}]{word}[/]", known.name, ", ".join(known.aliases))
        out.print(table)
        out.print(f"[dim]{shown(food_list.diet.text)}[/]")
        out.print("Look one up: ratbond food NAME")
        return
    query = " ".join(name)
    with user_errors():
        answer = lookup_food(query)
    if as_json:
        _print_json(answer.to_json())
        return
    word, style = answer.verdict_words.upper(), VERDICT_STYLE[answer.verdict]
    entry = answer.food
    if entry is None:
        out.print(f"[{style}]{word}[/]  {shown(query)}")
        out.print(shown(answer.unknown_advice))
        if answer.suggestions:
            out.print("Did you mean: " + ", ".join(shown(s) for s in answer.suggestions) + "?")
        return
    out.print(f"[{style}]{word}[/]  [bold]{shown(entry.name)}[/]")
    if answer.how_read:
        out.print(f"[dim]({shown(answer.how_read)})[/]")
    out.print(f"[bold]Why:[/] {shown(entry.why)}")
    if entry.portion:
        out.print(f"[bold]How much:[/] {shown(entry.portion)}")
    out.print(f"[dim]Source: {shown(cites(entry.seeds, entry.sources))}[/]")
    out.print(f"[dim]{shown(answer.diet)}[/]")


def signs(
    topic: Annotated[
        list[str] | None,
        typer.Argument(
            help="A topic (sounds, body, shy, aggressive, trust) or a sign (bruxing, hissing)."
        ),
    ] = None,
    as_json: Annotated[bool, typer.Option("--json", help="Print the reference as JSON.")] = False,
) -> None:
    """What rats' sounds and body language mean, and what to do about each sign."""
    from ratbond.care.behaviour import find_signs

    with user_errors():
        answer = find_signs(" ".join(topic or []))
    if as_json:
        _print_json(answer.to_json())
        return
    if answer.signs:
        for group, sign in answer.signs:
            out.rule(f"{shown(sign.name)} [dim]({shown(group.title.lower())})[/]", align="left")
            out.print(f"[bold]Means:[/] {shown(sign.meaning)}")
            out.print(f"[bold]Do:[/] {shown(sign.what_to_do)}")
            out.print(f"[dim]Source: {shown(cites(sign.seeds, sign.sources))}[/]")
        return
    for group in answer.topics:
        out.rule(f"[bold]{shown(group.title)}[/] [dim]({group.id})[/]", align="left")
        out.print(shown(group.summary))
        table = Table(show_lines=True)
        table.add_column("sign", style="bold")
        table.add_column("means")
        table.add_column("what to do")
        table.add_column("seeds", no_wrap=True)
        for sign in group.signs:
            table.add_row(
                shown(sign.name),
                shown(sign.meaning),
                shown(sign.what_to_do),
                ", ".join(sign.seeds),
            )
        out.print(table)
    if len(answer.topics) > 1:
        out.print("[dim]One topic: ratbond signs shy · one sign: ratbond signs bruxing[/]")


def ask(
    question: Annotated[
        list[str] | None,
        typer.Argument(help='Your question, e.g. "how long does bonding take?"'),
    ] = None,
    detail: Annotated[bool, typer.Option("--detail", help="Answer at length.")] = False,
    limit: Annotated[int, typer.Option(help="How many related entries to list.")] = 3,
    as_json: Annotated[bool, typer.Option("--json", help="Print the answers as JSON.")] = False,
) -> None:
    """Ask a question; the answer comes from the knowledge base, with its seed."""
    from ratbond.care.ask import ask as search

    text = " ".join(question or [])
    with user_errors():
        result = search(text, limit=limit)
    if as_json:
        _print_json(result.to_json())
        return
    for typed, searched in result.corrections:
        out.print(f"[dim](searched for '{shown(searched)}' instead of '{shown(typed)}')[/]")
    if not result.answers:
        out.print(shown(result.message))
        for topic in result.topics:
            example = shown(topic.example)
            out.print(f"  - {shown(topic.title)} [dim](e.g. ratbond ask {example})[/]")
        return
    best, *others = result.answers
    if best.urgent:
        out.print(f"[bold red]URGENT[/]  [bold]{shown(best.title)}[/]")
        out.print(f"[bold]Now:[/] {shown(best.now or '')}")
        out.print(f"[bold]Vet:[/] {shown(best.vet or '')}")
    else:
        out.print(f"[bold cyan]{shown(best.title)}[/]")
    out.print(shown(best.detail if detail else best.brief))
    out.print(f"[dim]Source: {shown(cites(best.seeds, best.sources))}[/]")
    if others:
        out.print("[bold]See also:[/] " + "; ".join(shown(doc.title) for doc in others))
    if not detail:
        out.print("[dim]More: add --detail[/]")
