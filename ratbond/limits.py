"""The limits of what ratbond takes in, in one place: the validation checks them (the contract's
in `ratbond.scenario`, the store's plausibility in `ratbond.store`), the database columns hold
them (`ratbond.store.tables`), the API's OpenAPI document states them (`ratbond.web.schemas`),
and docs/limits.md tells owners. Beyond each, a value is a slip (a pasted file, a unit or a
year typed wrong), never a record."""

from __future__ import annotations

import datetime as dt

DATE_FLOOR = dt.date(1980, 1, 1)
"""The earliest date of any record: no cat or rat alive today was born before it (the oldest
cat on record, Creme Puff, lived 38 years, 1967-2005, says Guinness World Records)."""

DATE_CEILING = dt.date(9000, 12, 31)
"""The latest date ratbond reckons with, `today` included: far beyond any owner's diary, and
far enough below the calendar's end (9999-12-31) that the days a program adds (a quarantine,
a vet check's year, the day after the last session) always land on a real date."""
MAX_PROGRAM_DAYS = 36_500
"""The longest period, in days, a program file may set (a waiting period, a long break, a vet
check's validity): a century, so `DATE_CEILING` plus any of them is still a date."""

PLAN_AHEAD_DAYS = 30
"""How far ahead `ratbond today --date` plans: a month, for a trip or a sitter's stay. Each day
ahead assumes nothing is logged before it, so a plan further off says little."""

MAX_ID = 64
"""The longest id of an animal or introduction."""
MAX_NAME = 60
"""The longest name of an animal: a name is typed, not pasted."""
MAX_SEX = 40
"""The longest `sex` of an animal (`female, spayed` and the like)."""
MAX_NOTES = 10_000
"""The longest session note: several pages of what was seen. Reading notes costs time with
their length, so a longer text is refused before it is read. Every other free text that can
hold paragraphs (an animal's or an introduction's notes, a vet's findings, the notes of a
grooming, a trust sign, a care task or a free-roam run) has the same limit."""
MAX_LINE_TEXT = 200
"""The longest short free text of one line: an animal's markings, a vet's name. The database
column of a vet's name holds as much (`ratbond.store.tables`), so what is written imports again."""

MIN_GRAMS = 1.0
"""The least a weighing can be: a newborn rat weighs about 5 g, so less is a slip of the unit."""
MIN_PET_GRAMS = {"rat": 40, "cat": 250}
"""The least a pet past its first weeks weighs (rats are weaned at about 3 weeks and some
40 g; a kitten of a month weighs about 400 g): a lighter figure for an animal older than
`NEWBORN_DAYS` is a slip of the unit (2.5 typed for 250 g, or for 2.5 kg), refused with a hint."""
NEWBORN_DAYS = 28
"""Younger than this (by its `born` date), an animal may weigh anything from `MIN_GRAMS`."""
TYPICAL_GRAMS = {"rat": (150, 1_000), "cat": (2_000, 10_000)}
"""What a pet of the species usually weighs, young to heavy adult (Merck Veterinary Manual,
"Description and Physical Characteristics of Rats": adult females 350-450 g, males 450-650 g):
the range a refused weight's hint looks in ("did you mean 250 g?")."""
MAX_GRAMS = {"rat": 1_500, "cat": 15_000}
"""Above these no pet of the species weighs (a big buck rat is under a kilo, a large cat
under ten): a heavier figure is a slip of the keyboard or of the unit."""

MAX_MINUTES = 24 * 60
"""The longest session: one longer than a day is a typing slip (minutes for seconds)."""
MAX_ATTEMPTS = 1_000
"""The most tries at a behaviour one training session can count: a few dozen is a long one."""

MAX_SIDE_CM = 1000.0
"""The largest plausible side of a cage, in centimetres (a room): a longer one is a slip of the
unit or the keyboard."""
MIN_SIDE_CM = 1.0
"""The shortest side of a cage: a smaller figure is a slip of the unit, not a cage."""
MAX_RATS = 100
"""The most rats one cage check is for."""
MAX_LEVELS = 50
"""The most levels of one cage: a 10 m cage with more would have them under 20 cm apart."""

MAX_QUESTION = 500
"""The longest question `ratbond ask` and the Ask page read, in characters: a question is a
sentence or two, not a pasted page."""
MAX_FOOD_NAME = 100
"""The longest food name `ratbond food` and the Food page look up, in characters."""
MAX_ANSWERS = 50
"""The most answers `ratbond ask --limit` lists: more than the knowledge base has for any
question."""

MAX_BODY_BYTES = 1_000_000
"""The largest request body the web server reads, forms and API alike (a session with its
longest notes is under 100 kB)."""

MAX_EXPORT_LINE_CHARS = 1_000_000
"""The longest line of a JSON-lines export (one record; the longest, a session with its longest
notes, is under 100,000): a longer one is not an export, and is refused before it is read."""
MAX_DOCUMENT_CHARS = 20_000_000
"""The largest file imported whole (a scenario, or an export of the old one-object version):
a larger one is refused before it is read, so `/dev/zero` or a stray video ends at once."""

MAX_LISTED = 10_000
"""The most free-roam checks `freeroam history --limit` lists: years of daily play."""

MAX_TREND_WEEKS = 520
"""The most weeks `trust trend --weeks` goes back: ten years, longer than a rat lives."""

MAX_AHEAD_DAYS = 366
"""The furthest a sitter's last day or a share link's lies ahead: a year. A later one is a slip
of the year (2062 for 2026), and access meant to last is a role, not a stay or a link."""

MAX_HOUSEHOLD_NAME = 200
"""The longest name of a household, as its column holds."""
