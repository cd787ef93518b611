"""`ratbond animal`, `ratbond vet` and `ratbond weigh`: the household's animals and their care."""

from __future__ import annotations

import datetime as dt
from typing import TYPE_CHECKING, Annotated, Any

import typer
from rich.cells import cell_len
from rich.console import Group
from rich.table import Table
from rich.text import Text

from ratbond.care.health import weight_loss
from ratbond.cli.display import database, out, parse_day, print_rows, shown
from ratbond.cli.options import typed
from ratbond.errors import InputError, RatbondError
from ratbond.store.animals import (
    NewAnimal,
    add_animal,
    add_vet_check,
    add_weight,
    archive_animal,
    edit_animal,
    get_animal,
    list_animals,
    list_vet_checks,
    list_weights,
    parse_weight,
)
from ratbond.store.introductions import list_introductions
from ratbond.store.records import AnimalRecord, Weight

if TYPE_CHECKING:
    from ratbond.store import Database

app = typer.Typer(help="Your animals: add, list, show, edit, archive.", no_args_is_help=True)
vet_app = typer.Typer(
    help="Vet checks (the latest counts as the health check).", no_args_is_help=True
)

Species = Annotated[str, typer.Option("--species", "-s", help="cat or rat.")]
Sex = Annotated[
    str | None,
    typer.Option(
        help="female, spayed female, male, neutered male or unknown (intact male, buck, doe and "
        "the like are read too)."
    ),
]
Born = Annotated[str | None, typer.Option(help="Birth date, YYYY-MM-DD.")]
Arrived = Annotated[str | None, typer.Option(help="Date the animal came home, YYYY-MM-DD.")]
Origin = Annotated[str | None, typer.Option(help="breeder, pet_store, rescue or unknown.")]
PreyDrive = Annotated[str | None, typer.Option(help="Cats only: low, moderate or high.")]
Markings = Annotated[str | None, typer.Option(help="Colour and markings, to tell them apart.")]
Notes = Annotated[str | None, typer.Option(help="Anything else worth remembering.")]
AnimalRef = Annotated[str, typer.Argument(metavar="ANIMAL", help="Id or name (any case).")]


@app.command("add")
def add(
    name: Annotated[str, typer.Argument(help="The animal's name, e.g. Tom.")],
    species: Species,
    key: Annotated[
        str | None, typer.Option("--id", help="Id used in commands; default: from the name.")
    ] = None,
    sex: Sex = None,
    born: Born = None,
    arrived: Arrived = None,
    origin: Origin = None,
    prey_drive: PreyDrive = None,
    markings: Markings = None,
    notes: Notes = None,
) -> None:
    """Add an animal to the household."""
    animal = add_animal(
        database(),
        NewAnimal(
            species=species.strip().lower(),
            name=name,
            key=key,
            sex=sex,
            born=parse_day(born, "--born"),
            arrived=parse_day(arrived, "--arrived"),
            origin=origin,
            prey_drive=prey_drive,
            markings=markings,
            notes=notes,
        ),
    )
    out.print(
        f"Added {animal.species} [bold]{shown(animal.label)}[/] "
        f"with id [cyan]{shown(animal.key)}[/]."
    )
    if animal.species == "cat" and animal.prey_drive is None:
        out.print(
            "[dim]Before a cat meets a rat, assess its prey drive: "
            f"ratbond animal edit {shown(animal.key)} --prey-drive low|moderate|high[/]"
        )


@app.command("list")
def list_command(
    species: Annotated[str | None, typer.Option(help="Only cats or only rats.")] = None,
    all_: Annotated[
        bool, typer.Option("--all", help="Include rehomed and deceased animals.")
    ] = False,
) -> None:
    """List the animals (active ones unless --all)."""
    animals = list_animals(database(), species=species, include_archived=all_)
    if not animals:
        out.print("No animals yet. Add one: ratbond animal add Tom --species cat")
        return
    rows: list[dict[str, str | Text]] = [
        {
            "id": Text(a.key, style="cyan"),
            "name": a.name or "",
            "species": a.species,
            "sex": a.sex or "",
            "born": _day(a.born),
            "arrived": _day(a.arrived),
            "origin": a.origin or "",
            "prey drive": Text(a.prey_drive)
            if a.prey_drive
            else Text("not assessed" if a.species == "cat" else "", style="yellow"),
            "vet check": Text(_day(a.health_check)) if a.health_check else Text("none", "yellow"),
            # Without --all every animal listed is active: no column needed.
            "status": (a.status if a.status == "active" else Text(a.status, "dim")) if all_ else "",
        }
        for a in animals
    ]
    if _table_width(rows) <= out.width:
        print_rows("Animals", rows, no_wrap=("id", "species", "born", "arrived", "vet check"))
        return
    # Too narrow for a table: each animal as its id, name and species, then what is known.
    lines = [Text("Animals", style="bold")]
    for row in rows:
        head = Text.assemble(row["id"], "  ", row["name"], f" ({row['species']})")
        rest = [
            Text.assemble(f"{column} ", value)
            for column, value in row.items()
            if column not in ("id", "name", "species") and value
        ]
        lines.append(head)
        lines.append(Text("  ") + Text(" · ").join(rest))
    out.print(Group(*lines))


def _table_width(rows: list[dict[str, str | Text]]) -> int:
    """How wide `print_rows` draws `rows` with nothing wrapped: each column as wide as its
    longest cell or header, a space either side and a line between and around them."""
    widths = [
        max(cell_len(column), *(cell_len(str(row[column])) for row in rows))
        for column in rows[0]
        if any(row[column] for row in rows)
    ]
    return sum(widths) + 3 * len(widths) + 1


def _day(day: dt.date | None) -> str:
    return day.isoformat() if day else ""


@app.command()
def show(animal: AnimalRef) -> None:
    """Show an animal: details, vet checks, weights and introductions."""
    db = database()
    record = get_animal(db, animal)
    table = Table(show_header=False, box=None, padding=(0, 1))
    table.add_column(style="bold")
    table.add_column()
    fields: list[tuple[str, Any]] = [
        ("id", record.key),
        ("species", record.species),
        ("sex", record.sex),
        ("born", record.born),
        ("arrived", record.arrived),
        ("origin", record.origin),
        ("prey drive", record.prey_drive),
        ("markings", record.markings),
        ("status", record.status),
        ("last vet check", record.health_check),
        ("notes", record.notes),
    ]
    for label, value in fields:
        if value is not None:
            table.add_row(label, shown(value.isoformat() if isinstance(value, dt.date) else value))
    out.rule(f"[bold]{shown(record.label)}[/]", align="left")
    out.print(table)
    checks = list_vet_checks(db, record.key)
    if checks:
        vets = Table(title="Vet checks", title_justify="left")
        for column in ("no.", "date", "vet", "findings"):
            vets.add_column(column)
        for check in checks:
            vets.add_row(
                str(check.id),
                check.date.isoformat(),
                shown(check.vet or ""),
                shown(check.findings or ""),
            )
        out.print(vets)
    weights = list_weights(db, record.key)
    if weights:
        scale = Table(title="Weights", title_justify="left")
        scale.add_column("date")
        scale.add_column("grams", justify="right")
        for weight in weights:
            scale.add_row(weight.date.isoformat(), f"{weight.grams:g}")
        out.print(scale)
    intros = [
        (intro, member.role)
        for intro in list_introductions(db)
        for member in intro.members
        if member.animal.id == record.id
    ]
    if intros:
        out.print(
            "[bold]Introductions:[/] "
            + ", ".join(
                f"[cyan]{shown(i.key)}[/] ({i.program}, {role}, {i.status})" for i, role in intros
            )
        )


@app.command()
def edit(
    animal: AnimalRef,
    name: Annotated[str | None, typer.Option(help="New name.")] = None,
    species: Annotated[str | None, typer.Option(help="cat or rat (not once introduced).")] = None,
    sex: Sex = None,
    born: Born = None,
    arrived: Arrived = None,
    origin: Origin = None,
    prey_drive: PreyDrive = None,
    markings: Markings = None,
    notes: Notes = None,
    clear: Annotated[
        list[str] | None, typer.Option(help="Empty a field, e.g. --clear markings (repeatable).")
    ] = None,
) -> None:
    """Change an animal's details; the earlier version is kept."""
    changes: dict[str, Any] = {
        key: value
        for key, value in {
            "name": name,
            "species": species.strip().lower() if species else None,
            "sex": sex,
            "born": parse_day(born, "--born"),
            "arrived": parse_day(arrived, "--arrived"),
            "origin": origin,
            "prey_drive": prey_drive,
            "markings": markings,
            "notes": notes,
        }.items()
        if value is not None
    }
    cleared = {field.strip().lower().replace("-", "_"): field for field in clear or []}
    changes.update(dict.fromkeys(cleared))
    if not changes:
        raise RatbondError("nothing to change; give an option such as --name or --prey-drive")
    try:
        record = edit_animal(database(), animal, changes)
    except InputError as error:
        field = error.path.split(".")[0]
        if field not in cleared or typed(field):
            raise
        raise InputError(f"--clear {cleared[field]}", error.message) from None
    out.print(
        f"Updated [bold]{shown(record.label)}[/] ([cyan]{shown(record.key)}[/]), "
        f"version {record.version}."
    )


@app.command()
def archive(
    animal: AnimalRef,
    status: Annotated[
        str, typer.Option("--status", help="rehomed (or adopted) or deceased (or died).")
    ],
) -> None:
    """Archive an animal that was rehomed or has died; its records are kept."""
    db = database()
    record, stopped = archive_animal(db, animal, status.strip().lower())
    out.print(f"[bold]{shown(record.label)}[/] is now marked {record.status}.")
    if stopped:
        programs = {intro.key: intro.program for intro in list_introductions(db)}
        out.print(
            "Stopped introductions: "
            + ", ".join(f"{shown(key)} ({programs[key]})" for key in stopped)
        )


@vet_app.command("add")
def vet_add(
    animal: AnimalRef,
    date: Annotated[str, typer.Option(help="Date of the check, YYYY-MM-DD or today.")] = "today",
    vet: Annotated[str | None, typer.Option(help="Vet or practice.")] = None,
    findings: Annotated[str | None, typer.Option(help="What the vet found.")] = None,
) -> None:
    """Record a vet check; introductions need one from the last year."""
    day = parse_day(date, "--date")
    assert day is not None
    check = add_vet_check(database(), animal, day, vet=vet, findings=findings)
    record = get_animal(database(), animal)
    out.print(f"Vet check of {check.date.isoformat()} recorded for [bold]{shown(record.label)}[/].")


@vet_app.command("list")
def vet_list(animal: AnimalRef) -> None:
    """List an animal's vet checks."""
    checks = list_vet_checks(database(), animal)
    if not checks:
        out.print("No vet checks recorded.")
        return
    table = Table(title="Vet checks")
    for column in ("no.", "date", "vet", "findings"):
        table.add_column(column)
    for check in checks:
        table.add_row(
            str(check.id),
            check.date.isoformat(),
            shown(check.vet or ""),
            shown(check.findings or ""),
        )
    out.print(table)


def weigh(
    animal: AnimalRef,
    # Named as the store's field (`grams`), so a refusal names the WEIGHT typed.
    grams: Annotated[
        str,
        typer.Argument(
            metavar="WEIGHT",
            help="250g, 250 g, 0.55 lb or 9 oz (units g, kg, lb, oz; a plain number is grams).",
        ),
    ],
    date: Annotated[str | None, typer.Option(help="Default: today.")] = None,
) -> None:
    """Record an animal's weight; a loss to see a vet about is said at once."""
    db = database()
    added = add_weight(db, animal, parse_weight(grams), parse_day(date, "--date"))
    report_weighing(db, get_animal(db, animal), added)


def report_weighing(db: Database, record: AnimalRecord, added: Weight) -> None:
    """Say the weight just recorded, the change since the weighing before, and a loss to see
    a vet about at once."""
    history = list_weights(db, record.key)
    # The weighing before this one by date (one typed in for an earlier day has later ones).
    earlier = [w for w in history if (w.date, w.id) < (added.date, added.id)]
    change = ""
    if earlier:
        before = earlier[-1]
        change = f" ({added.grams - before.grams:+g} g since {before.date.isoformat()})"
    out.print(
        f"[bold]{shown(record.label)}[/]: {added.grams:g} g on {added.date.isoformat()}{change}."
    )
    loss = weight_loss((w.date, w.grams) for w in history)
    if loss is not None:
        out.print(Text("ALERT ", style="bold red") + Text(loss.text(record.label)))
