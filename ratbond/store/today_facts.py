"""What `ratbond today` needs of the shipped data files, as plain values: each alert's severity
and title, each program's first stage, the care tasks, the grooming findings' titles and the
weight-loss rule.

Read from the validated files, they cost the import of the records those files are made of and
the unpickling of every program whole, for a few dozen values. So the values are kept with
`marshal` in the data files' cache folder, keyed like the validated files (path, size and
modification time of every data file and of the modules that shape them), and made again from
the validated files whenever the key changes. Nothing read from the store is kept.
"""

from __future__ import annotations

import marshal
import os

from ratbond import __version__
from ratbond.cachedir import cache_dir

TYPE_CHECKING = False  # `typing.TYPE_CHECKING` without importing `typing`
if TYPE_CHECKING:
    from typing import Any

    # (id, title, every_days, scope, species, also_done_by)
    Task = tuple[str, str, int, str, tuple[str, ...], str | None]

PACKAGE = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
DATA_DIR = os.path.join(PACKAGE, "data")
# The modules whose records the data files are validated into, and this one, which picks the
# values: a change to any of them makes the values again.
SHAPES = (
    os.path.join(PACKAGE, "model.py"),
    os.path.join(PACKAGE, "care", "model.py"),
    os.path.abspath(__file__),
)
FILE_NAME = "today-facts.marshal"


class TodayFacts:
    """The values, each as plain as `marshal` keeps it."""

    __slots__ = (
        "danger",
        "finding_titles",
        "first_stages",
        "severity",
        "tasks",
        "titles",
        "weight_loss",
    )

    def __init__(self, values: tuple[Any, ...]) -> None:
        severity, titles, first_stages, tasks, finding_titles, weight_loss = values
        self.severity: dict[str, str] = severity
        """Alert code -> `danger`, `warning` or `info`."""
        self.titles: dict[str, str] = titles
        """Alert code -> its title, e.g. `Vet check needed`."""
        self.first_stages: dict[str, tuple[str, bool]] = first_stages
        """Shipped program -> its first stage's id and whether it is a waiting stage."""
        self.tasks: tuple[Task, ...] = tasks
        """The care tasks, in the order of care-tasks.yaml."""
        self.finding_titles: dict[str, str] = finding_titles
        """Grooming finding -> its title in lower case."""
        self.weight_loss: tuple[int, float] = weight_loss
        """The weight-loss rule: (within_days, percent)."""
        self.danger = frozenset(code for code, level in severity.items() if level == "danger")


def _key() -> str:
    files = sorted(
        os.path.join(folder, name)
        for folder, _, names in os.walk(DATA_DIR)
        for name in names
        if name.endswith(".yaml")
    )
    key = __version__
    for file in (*files, *SHAPES):
        stat = os.stat(file)
        key += f":{file}:{stat.st_size}:{stat.st_mtime_ns}"
    return key


def _values() -> tuple[Any, ...]:
    """The values, from the validated data files (which raise a located error if one is bad)."""
    from ratbond.care.knowledge import builtin_care_tasks
    from ratbond.programs import builtin_program, builtin_program_files, builtin_vocabulary

    alerts = builtin_vocabulary().alerts
    firsts = {}
    for program in builtin_program_files():
        first = builtin_program(program).stages[0]
        firsts[program] = (first.id, first.gate is not None)
    care = builtin_care_tasks()
    return (
        {code: info.severity for code, info in alerts.items()},
        {code: info.title for code, info in alerts.items()},
        firsts,
        tuple(
            (t.id, t.title, t.every_days, t.scope, tuple(t.species), t.also_done_by)
            for t in care.tasks
        ),
        {finding.id: finding.title.lower() for finding in care.findings},
        (care.weight_loss.within_days, care.weight_loss.percent),
    )


def today_facts() -> TodayFacts:
    """The values, from the cache when its key still holds, else made and cached."""
    key = _key()
    target = os.path.join(cache_dir(), FILE_NAME)
    try:
        with open(target, "rb") as handle:
            stored_key, values = marshal.load(handle)
        if stored_key == key:
            return TodayFacts(values)
    except Exception:  # whatever is wrong with a cache file, it is made again
        pass
    values = _values()
    try:
        os.makedirs(os.path.dirname(target), exist_ok=True)
        # Write then rename, so a concurrent reader never sees half a file.
        temporary = f"{target}.{os.getpid()}"
        with open(temporary, "wb") as handle:
            marshal.dump((key, values), handle)
        os.replace(temporary, target)
    except OSError:
        pass  # a read-only cache only costs speed
    return TodayFacts(values)
