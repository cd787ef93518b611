"""The day's plan and care part as `ratbond today` prints them, read from a SQLite store with
sqlite3 into plain tuples: no records, no data-file pickles (`today_facts` holds the few values
of the data files it needs), so a rescue's 2,000 introductions cost a loop, not 2,000 objects.

The rules are the store's, written once here over plain values: an introduction's kind and rank
(`kind_of`, `rank_of`, used by `ratbond.store.agenda` too), the care alerts' wording (used by
`ratbond.store.care_plan`). The other
readers (`agenda`, `care_plan`: records, either backend) give the same plan: the CLI's tests
print it both ways and compare.
"""

from __future__ import annotations

from ratbond.store.sqltext import ADVICE_HOLDS

TYPE_CHECKING = False  # `typing.TYPE_CHECKING` without importing `typing`
if TYPE_CHECKING:
    import datetime as dt

    from ratbond.care.loss import Loss
    from ratbond.store.sqltext import Run
    from ratbond.store.today_facts import TodayFacts

    # (kind's rank, days, key, kind, label, action, stage, minutes, not_before, alerts,
    # overdue_days, due_on, gate): an introduction on the plan, sorted most urgent first.
    PlanEntry = tuple[
        int,
        int,
        str,
        str,
        str,
        str,
        str,
        float | None,
        dt.date | None,
        tuple[str, ...],
        int,
        dt.date | None,
        str | None,
    ]
    # (status, title, names, first item's last done, first item's due): a care task's animals
    # of one status, as the care part prints them.
    TaskEntry = tuple[str, str, list[str], dt.date | None, dt.date]
    # (rank, days, kind, not_before, alerts, overdue_days, due_on, gate): what a state of
    # advice means on a day, as `PlanEntry` holds it.
    State = tuple[int, int, str, dt.date | None, tuple[str, ...], int, dt.date | None, str | None]
else:
    from ratbond import leandate as dt

PREREQUISITE_ALERTS: frozenset[str] = frozenset({"health_check_needed", "assessment_needed"})
# Urgency ranks, most urgent first; `kind` names them for callers and screens.
KINDS = ("alert", "overdue", "due", "prerequisite", "stop", "waiting", "later", "complete")
CARE_STATUSES = ("overdue", "due", "later")

# Active introductions with the advice holding on :today; their animals' names come apart.
PLAN = f"""
SELECT i.key, i.program, advice.action, advice.stage, advice.minutes, advice.not_before,
       advice.alerts, advice.due_on, i.id
FROM introductions AS i
JOIN advice ON advice.introduction_id = i.id
WHERE i.status = 'active' AND {ADVICE_HOLDS}
"""
# Each active introduction's animals in role order, by name (the key where none is given).
MEMBERS = """
SELECT i.id, COALESCE(NULLIF(m.name, ''), m.key)
FROM introductions AS i
JOIN introduction_animals AS ia ON ia.introduction_id = i.id
JOIN animals AS m ON m.id = ia.animal_id
WHERE i.status = 'active'
ORDER BY i.id, ia.position
"""
ACTIVE_ANIMALS = "SELECT id, key, name, species FROM animals WHERE status = 'active' ORDER BY key"
# The last day each task was done, per animal (NULL: for the household).
LAST_DONE = """
SELECT task, animal_id, MAX(date) FROM care_done
WHERE deleted_at IS NULL AND date <= :today
GROUP BY task, animal_id
"""
# Only a grooming finding asks for the last vet check (one seen since clears the alert).
LAST_VET_CHECK = """
SELECT animal_id, MAX(date) FROM vet_checks
WHERE deleted_at IS NULL AND date <= :today
  AND animal_id IN (SELECT animal_id FROM grooming WHERE deleted_at IS NULL AND findings <> '')
GROUP BY animal_id
"""
GROOMINGS = """
SELECT animal_id, date, findings FROM grooming
WHERE deleted_at IS NULL AND date <= :today
ORDER BY animal_id, date, id
"""
# Weighings of active animals only: the others have neither tasks nor alerts.
WEIGHINGS = """
SELECT weights.animal_id, weights.date, weights.grams FROM weights
JOIN animals ON animals.id = weights.animal_id
WHERE weights.deleted_at IS NULL AND weights.date <= :today AND animals.status = 'active'
ORDER BY weights.animal_id, weights.date, weights.id
"""
# What the care plan reads, in the order it reads it (`ratbond.store.care_plan` reads the same).
CARE_STATEMENTS = (ACTIVE_ANIMALS, LAST_DONE, LAST_VET_CHECK, GROOMINGS, WEIGHINGS)
# Every statement `ratbond today` runs, in order (bench/rescue.py times them raw).
STATEMENTS = (PLAN, MEMBERS, *CARE_STATEMENTS)


def kind_of(
    action: str,
    alerts: tuple[str, ...],
    overdue_days: int,
    not_before: dt.date | None,
    today: dt.date,
    gated: bool,
    danger: frozenset[str],
) -> str:
    """Why an introduction is where it is on the plan: one of `KINDS`. A `danger` alert or a
    stop puts it first, whatever else holds."""
    if action == "stop" or not danger.isdisjoint(alerts):
        return "alert"
    if action == "complete":
        return "complete"
    if action == "wait":
        if not PREREQUISITE_ALERTS.isdisjoint(alerts):
            return "prerequisite"
        return "waiting" if gated else "later"
    if overdue_days > 0:
        return "overdue"
    if not_before is not None and not_before <= today:
        return "due"
    return "later"


def rank_of(
    kind: str, overdue_days: int, not_before: dt.date | None, today: dt.date
) -> tuple[int, int]:
    """Where an introduction of `kind` sorts, before its key: the most overdue first, then the
    nearest date."""
    if kind == "overdue":
        return KINDS.index(kind), -overdue_days
    return KINDS.index(kind), (not_before - today).days if not_before else 0


def work_out(
    day: dt.date,
    facts: TodayFacts,
    program: str,
    action: str,
    stage: str,
    shown: str | None,
    alerts_text: str,
    due_text: str | None,
) -> State:
    """What an introduction's advice (its columns as the plan reads them) means on `day`."""
    alerts = tuple(alerts_text.split())
    not_before = None
    if shown is not None:  # a date that has passed reads as today
        not_before = max(dt.date.fromisoformat(shown), day)
    due_on = None if due_text is None else dt.date.fromisoformat(due_text)
    overdue = 0
    if due_on is not None and action not in ("wait", "stop", "complete") and due_on < day:
        overdue = (day - due_on).days
    first = facts.first_stages.get(program)
    gate = (
        first[0]
        if first is not None
        and first[1]
        and stage == first[0]
        and action == "wait"
        and PREREQUISITE_ALERTS.isdisjoint(alerts)
        else None
    )
    kind = kind_of(action, alerts, overdue, not_before, day, gate is not None, facts.danger)
    return (
        *rank_of(kind, overdue, not_before, day),
        kind,
        not_before,
        alerts,
        overdue,
        due_on,
        gate,
    )


def read_plan(run: Run, day: dt.date, facts: TodayFacts) -> list[PlanEntry]:
    """The plan for `day` (as `ratbond.store.agenda.read_agenda` reads it), most urgent first."""
    # Each introduction's animals' names, joined as the plan shows them.
    labels: dict[int, str] = {}
    for introduction, name in run(MEMBERS):
        label = labels.get(introduction)
        labels[introduction] = name if label is None else f"{label} & {name}"
    # A rescue's thousands of introductions share a few dozen states of advice (program,
    # action, stage, days, alerts): each state is worked out once.
    worked: dict[tuple[str, str, str, str | None, str, str | None], State] = {}
    entries: list[PlanEntry] = []
    for key, program, action, stage, minutes, shown, alerts_text, due_text, intro in run(PLAN):
        state = worked.get((program, action, stage, shown, alerts_text, due_text))
        if state is None:
            state = worked[program, action, stage, shown, alerts_text, due_text] = work_out(
                day, facts, program, action, stage, shown, alerts_text, due_text
            )
        rank, days, kind, not_before, alerts, overdue, due_on, gate = state
        entries.append(
            (
                rank,
                days,
                key,
                kind,
                labels.get(intro, ""),
                action,
                stage,
                minutes,
                not_before,
                alerts,
                overdue,
                due_on,
                gate,
            )
        )
    entries.sort()  # keys are unique, so the rank and key decide
    return entries


def finding_message(
    label: str, findings: tuple[str, ...], titles: dict[str, str], day: dt.date
) -> str:
    """`Kit: lump or swelling found on 2026-11-14; see a vet`."""
    found = ", ".join(titles.get(f, f) for f in findings)
    return f"{label}: {found} found on {day.isoformat()}; see a vet"


def loss_message(label: str, loss: Loss) -> str:
    latest_date, latest, peak_date, peak, percent = loss
    return (
        f"{label} lost {percent:g} % of its weight ({peak:g} g on {peak_date.isoformat()}, "
        f"{latest:g} g on {latest_date.isoformat()}); see a vet"
    )


def read_care(
    run: Run, day: dt.date, facts: TodayFacts
) -> tuple[list[str], list[TaskEntry], int, bool]:
    """The care part for `day` (as `ratbond.store.care_plan.read_care_plan` reads it): the
    health alerts' messages; the tasks due or overdue gathered per task and status, most
    pressing first; how many tasks are for later; and whether there are any tasks at all."""
    fromisoformat = dt.date.fromisoformat
    active = run(ACTIVE_ANIMALS)
    done: dict[str, dict[int | None, str]] = {}  # task -> animal (None: household) -> ISO day
    for task_id, animal, when in run(LAST_DONE):
        done.setdefault(task_id, {})[animal] = when
    last_vet: dict[int, str] = {}
    for animal, when in run(LAST_VET_CHECK):
        last_vet[animal] = when
    # Rows come oldest first per animal, so the last one kept is the latest. A finding stays
    # until a vet has seen the animal: a later grooming that finds nothing does not clear it.
    groomings: dict[int, str] = {}
    findings_at: dict[int, tuple[str, str]] = {}
    for animal, when, noted in run(GROOMINGS):
        groomings[animal] = when
        if noted:
            findings_at[animal] = (when, noted)
    weighings: dict[int, list[tuple[dt.date, float]]] = {}
    for animal, when, grams in run(WEIGHINGS):
        weighings.setdefault(animal, []).append((fromisoformat(when), grams))
    by_records: dict[str, dict[int, str]] = {
        "weights": {animal: points[-1][0].isoformat() for animal, points in weighings.items()},
        "grooming": groomings,
    }
    # Only an animal with a finding or weighings can have an alert: a rescue may keep none.
    labels = (
        {animal_id: (key, name or key) for animal_id, key, name, _ in active}
        if findings_at or weighings
        else {}
    )
    alerts: list[tuple[str, str, str]] = []  # (animal, kind, message)
    for animal_id, (when, findings) in findings_at.items():
        vet = last_vet.get(animal_id)
        if animal_id in labels and (vet is None or vet < when):
            key, label = labels[animal_id]
            message = finding_message(
                label, tuple(findings.split()), facts.finding_titles, fromisoformat(when)
            )
            alerts.append((key, "finding", message))
    if weighings:  # the rule's module imports `datetime` whole
        from ratbond.care.loss import loss_of
    within, percent = facts.weight_loss
    for animal_id, points in weighings.items():
        loss = loss_of(points, within, percent)
        if loss is not None and animal_id in labels:
            key, label = labels[animal_id]
            alerts.append((key, "weight_loss", loss_message(label, loss)))
    alerts.sort()

    today = day.toordinal()
    days: dict[str, int] = {}
    entries: list[tuple[int, int, str, TaskEntry]] = []  # sorted by status, due, task id
    total = later = 0
    # Each species' active animals in key order, by name (the key where none is given).
    of_species: dict[tuple[str, ...], list[tuple[int | None, str]]] = {}
    household: list[tuple[int | None, str]] = [(None, "")]
    for task_id, title, every, scope, species, also_done_by in facts.tasks:
        done_for = done.get(task_id, {})
        also: dict[int, str] = {}
        if scope == "household":
            items = household
        else:
            if also_done_by is not None:
                also = by_records[also_done_by]
            found = of_species.get(species)
            if found is None:
                found = of_species[species] = [
                    (animal_id, name or key)
                    for animal_id, key, name, kind in active
                    if kind in species
                ]
            items = found
        total += len(items)
        # The animals overdue: names, and the first due (due, last done); the animals due
        # today: names, and the first one's last done (they are all due on the same day).
        overdue: tuple[list[str], int, str | None] | None = None
        due_now: tuple[list[str], str | None] | None = None
        for animal, name in items:
            last = done_for.get(animal)
            if also:
                other = also.get(animal)  # type: ignore[arg-type]
                # ISO days sort as the days do.
                if other is not None and (last is None or other > last):
                    last = other
            if last is None:
                due = today  # never done: due at once
            else:
                done_on = days.get(last)
                if done_on is None:
                    done_on = days[last] = fromisoformat(last).toordinal()
                due = done_on + every
            if due > today:
                later += 1
            elif due == today:
                if due_now is None:
                    due_now = ([name], last)
                else:
                    due_now[0].append(name)
            elif overdue is None:
                overdue = ([name], due, last)
            else:
                overdue[0].append(name)
                if due < overdue[1]:
                    overdue = (overdue[0], due, last)
        # A task sorts by its most pressing status, then by its first due.
        rank, first = (0, overdue[1]) if overdue is not None else (1, today)
        for shown, group in (("overdue", overdue), ("due", due_now)):
            if group is not None:
                names, last = group[0], group[-1]
                due_on = day if group is due_now else dt.date.fromordinal(first)
                last_done = None if last is None else fromisoformat(last)
                entries.append((rank, first, task_id, (shown, title, names, last_done, due_on)))
    entries.sort(key=lambda item: item[:3])
    return [message for _, _, message in alerts], [e for *_, e in entries], later, total > 0
