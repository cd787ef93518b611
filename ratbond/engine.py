"""The advice engine: replay a validated scenario and decide the next step. Pure, no I/O.

Every number comes from the program file; the rules and their precedence are the advice
contract's (section 7): prerequisite wait, time gate wait, injury stop, stop rule, skipped
stage, danger, aggression, stress, long break, calm. Alerts of every rule that fired are kept.
"""

from __future__ import annotations

import datetime as dt
import itertools
from typing import TYPE_CHECKING

from ratbond.model import (
    CLASS_RANK,
    Advice,
    Animal,
    Program,
    Scenario,
    Session,
    Stage,
    Vocabulary,
    can_breed,
    read_sex,
)
from ratbond.wording import minutes_text

if TYPE_CHECKING:
    from collections.abc import Iterator
    from typing import Any

    from ratbond.model import Action, AlertCode, SessionClass, SignalClass, Species

DANGEROUS: frozenset[SessionClass] = frozenset({"aggression", "danger"})
ONE_DAY = dt.timedelta(days=1)
# The version of the replay's state and of the rules that feed it: bump it whenever `Replay`'s
# fields, their JSON or what `Engine.feed` does with a session change, so a state stored by
# an earlier version is replayed again rather than resumed.
ENGINE_VERSION = 5


def class_table(program: Program, vocabulary: Vocabulary) -> dict[Species, dict[str, SignalClass]]:
    """Each species' signal classes, with the program's overrides applied."""
    table: dict[Species, dict[str, SignalClass]] = {
        species: {name: signal.class_ for name, signal in signals.items()}
        for species, signals in vocabulary.signals.items()
    }
    for species, overrides in program.signal_class_overrides.items():
        table[species] = {**table[species], **overrides}
    return table


def all_signals(session: Session) -> Iterator[tuple[str, str]]:
    """(animal, signal) pairs of a session: the ticked ones, then those read from its notes."""
    for animal, names in session.signals.items():
        for name in names:
            yield animal, name
    for animal, names in session.noted.items():
        ticked = session.signals.get(animal, ())
        for name in names:
            if name not in ticked:
                yield animal, name


class Observed:
    """What one session showed, once classified."""

    __slots__ = (
        "below_rate",
        "contact",
        "early",
        "hurt",
        "ill",
        "illness",
        "index",
        "injury",
        "klass",
        "neutral",
        "rushed",
        "session",
        "shows_progress",
        "skipped",
        "stage",
        "worst",
    )

    def __init__(
        self,
        index: int,
        session: Session,
        stage: int,
        klass: SessionClass,
        illness: bool,
        worst: list[tuple[str, str]],  # the (animal, signal) pairs that set the class
        injury: bool,
        shows_progress: bool,  # some animal showed the stage's progress signal
    ) -> None:
        self.index = index
        self.session = session
        self.stage = stage
        self.klass = klass
        self.illness = illness
        self.worst = worst
        self.injury = injury
        self.shows_progress = shows_progress
        self.contact = True
        self.early = False
        self.skipped = False
        self.neutral = False  # calm, but without the stage's progress signal
        self.below_rate = False  # calm, but too few attempts rewarded for a training stage
        self.ill: list[str] = []  # the animals that showed illness signs
        self.hurt: list[str] = []  # the rats a vet must see: hurt, or bitten by a cat
        # Why a calm session earned nothing (contract 8): its date had added its share
        # (`day`), or it was too short (`short`); None when it counted.
        self.rushed: str | None = None

    def to_json(self) -> dict[str, Any]:
        return {
            **{name: getattr(self, name) for name in _OBSERVED_FLAGS},
            "worst": [list(pair) for pair in self.worst],
            "session": _session_json(self.session),
        }

    @classmethod
    def from_json(cls, data: dict[str, Any]) -> Observed:
        observed = cls(
            data["index"],
            _session_from_json(data["session"]),
            data["stage"],
            data["klass"],
            data["illness"],
            [(animal, name) for animal, name in data["worst"]],
            data["injury"],
            data["shows_progress"],
        )
        for name in _FEED_FLAGS:
            setattr(observed, name, data[name])
        return observed


# The fields of `Observed` that feeding sets after observing, and all that JSON holds as they are.
_FEED_FLAGS = ("contact", "early", "skipped", "neutral", "below_rate", "rushed", "ill", "hurt")
_OBSERVED_FLAGS = ("index", "stage", "klass", "illness", "injury", "shows_progress", *_FEED_FLAGS)


def _session_json(session: Session) -> dict[str, Any]:
    return {
        "date": session.date.isoformat(),
        "stage": session.stage,
        "minutes": session.minutes,
        "supervised": session.supervised,
        "signals": {animal: list(names) for animal, names in session.signals.items()},
        "notes": session.notes,
        "attempts": session.attempts,
        "rewarded": session.rewarded,
        "noted": {animal: list(names) for animal, names in session.noted.items()},
    }


def _session_from_json(data: dict[str, Any]) -> Session:
    return Session(
        date=dt.date.fromisoformat(data["date"]),
        stage=data["stage"],
        minutes=data["minutes"],
        supervised=data["supervised"],
        signals={animal: tuple(names) for animal, names in data["signals"].items()},
        notes=data["notes"],
        attempts=data["attempts"],
        rewarded=data["rewarded"],
        noted={animal: tuple(names) for animal, names in data["noted"].items()},
    )


def _observed_json(observed: Observed | None) -> dict[str, Any] | None:
    return None if observed is None else observed.to_json()


def _observed_from_json(data: dict[str, Any] | None) -> Observed | None:
    return None if data is None else Observed.from_json(data)


class Replay:
    """State carried through the history, one session at a time.

    `to_json` and `from_json` let a store keep it between writes and feed it the next
    session (`ENGINE_VERSION` names the shape and rules it was made under)."""

    __slots__ = (
        "bad_dates",
        "checks_until",
        "counted_day",
        "day_count",
        "earned",
        "gate_cause",
        "gate_end",
        "ill_on",
        "injury",
        "last",
        "last_contact",
        "needed",
        "rushed_run",
        "rushed_tail",
        "species",
        "stage_bad",
        "stop_run",
        "stopped",
        "streak",
        "streak_days",
        "streak_stage",
        "wounded_on",
    )

    def __init__(
        self,
        earned: int,
        species: dict[str, Species],
        needed: list[int],
        checks_until: dt.date | None = None,
    ) -> None:
        self.earned = earned
        self.species = species  # each animal's species, by id
        self.needed = needed  # calm sessions in a row to move on, by stage index
        # The last day the prerequisites hold (None: always; `date.min`: never).
        self.checks_until = checks_until
        self.gate_end: dt.date | None = None
        self.gate_cause = ""
        self.streak = 0
        self.streak_stage = -1
        # The calm run's days, each with its number of sessions: as long as the run's days,
        # however many sessions a day brings.
        self.streak_days: list[tuple[dt.date, int]] = []
        self.bad_dates: list[dt.date] = []  # the run of aggression or danger
        self.stage_bad: dict[int, int] = {}
        self.injury: Observed | None = None
        self.last_contact: Observed | None = None
        self.last: Observed | None = None
        self.day_count = 0  # sessions on the last session's day
        # The day whose calm sessions counted last, and how many it added (its share caps it).
        self.counted_day: tuple[dt.date, int] | None = None
        # Calm sessions that earned nothing: how many since the last one that counted (the
        # answer is decided without them), and those of the current run, as (day, why, stage,
        # how many) so that a day of many sessions is one entry (named in reasons).
        self.rushed_tail = 0
        self.rushed_run: list[tuple[dt.date, str, int, int]] = []
        # The run of aggression or danger that reached the stop rule, kept once it has.
        self.stop_run: list[dt.date] | None = None
        # Once an answer was `stop`, it stays `stop` (contract 8).
        self.stopped = False
        # Health alerts last until a vet check: each animal's latest session with illness
        # signs, and each rat's latest injury.
        self.ill_on: dict[str, dt.date] = {}
        self.wounded_on: dict[str, dt.date] = {}

    def to_json(self) -> dict[str, Any]:
        """The state as JSON: dates as ISO text, observed sessions in full."""
        return {
            "earned": self.earned,
            "species": self.species,
            "needed": self.needed,
            "gate_end": None if self.gate_end is None else self.gate_end.isoformat(),
            "gate_cause": self.gate_cause,
            "streak": self.streak,
            "streak_stage": self.streak_stage,
            "streak_days": [[day.isoformat(), count] for day, count in self.streak_days],
            "bad_dates": [day.isoformat() for day in self.bad_dates],
            # JSON keys are text: the stage indexes become strings and come back as numbers.
            "stage_bad": {str(stage): count for stage, count in self.stage_bad.items()},
            "day_count": self.day_count,
            "checks_until": None if self.checks_until is None else self.checks_until.isoformat(),
            "counted_day": (
                None
                if self.counted_day is None
                else [self.counted_day[0].isoformat(), self.counted_day[1]]
            ),
            "rushed_tail": self.rushed_tail,
            "rushed_run": [
                [day.isoformat(), why, stage, count] for day, why, stage, count in self.rushed_run
            ],
            "stop_run": (
                None if self.stop_run is None else [day.isoformat() for day in self.stop_run]
            ),
            "stopped": self.stopped,
            "ill_on": {animal: day.isoformat() for animal, day in self.ill_on.items()},
            "wounded_on": {animal: day.isoformat() for animal, day in self.wounded_on.items()},
            "injury": _observed_json(self.injury),
            "last_contact": _observed_json(self.last_contact),
            "last": _observed_json(self.last),
        }

    @classmethod
    def from_json(cls, data: dict[str, Any]) -> Replay:
        """The state `to_json` gave."""
        state = cls(
            data["earned"],
            dict(data["species"]),
            list(data["needed"]),
            None if data["checks_until"] is None else dt.date.fromisoformat(data["checks_until"]),
        )
        gate_end = data["gate_end"]
        state.gate_end = None if gate_end is None else dt.date.fromisoformat(gate_end)
        state.gate_cause = data["gate_cause"]
        state.streak = data["streak"]
        state.streak_stage = data["streak_stage"]
        state.streak_days = [(dt.date.fromisoformat(day), n) for day, n in data["streak_days"]]
        state.bad_dates = [dt.date.fromisoformat(day) for day in data["bad_dates"]]
        state.stage_bad = {int(stage): count for stage, count in data["stage_bad"].items()}
        state.day_count = data["day_count"]
        counted = data["counted_day"]
        state.counted_day = (
            None if counted is None else (dt.date.fromisoformat(counted[0]), counted[1])
        )
        state.rushed_tail = data["rushed_tail"]
        state.rushed_run = [
            (dt.date.fromisoformat(day), why, stage, count)
            for day, why, stage, count in data["rushed_run"]
        ]
        stop_run = data["stop_run"]
        state.stop_run = None if stop_run is None else [dt.date.fromisoformat(d) for d in stop_run]
        state.stopped = data["stopped"]
        state.ill_on = {a: dt.date.fromisoformat(d) for a, d in data["ill_on"].items()}
        state.wounded_on = {a: dt.date.fromisoformat(d) for a, d in data["wounded_on"].items()}
        state.injury = _observed_from_json(data["injury"])
        state.last_contact = _observed_from_json(data["last_contact"])
        state.last = _observed_from_json(data["last"])
        return state


class Engine:
    """Evaluates scenarios of one program; build once, call `advise` many times."""

    def __init__(self, program: Program, vocabulary: Vocabulary) -> None:
        self.program = program
        self.rules = program.rules
        self.stages = program.stages
        self.index = {stage.id: i for i, stage in enumerate(program.stages)}
        self.table = class_table(program, vocabulary)
        self.gate = program.stages[0].gate
        self.first_contact = 1 if self.gate is not None else 0
        self.long_break = dt.timedelta(days=self.rules.long_break_days)
        injury = self.rules.injury_stop
        self.injury_signals: dict[Species, frozenset[str]] = (
            {species: frozenset(names) for species, names in injury.signals.items()}
            if injury is not None
            else {}
        )
        # Signals that send a rat to the vet (contract 8: a wound, or a cat's bite or scratch,
        # which sends every rat of the session).
        self.vet_signals: dict[Species, frozenset[str]] = {
            species: frozenset(name for name, codes in by_signal.items() if "vet_now" in codes)
            for species, by_signal in self.rules.signal_alerts.items()
        }
        if injury is not None and "vet_now" in injury.alerts:
            for species, names in self.injury_signals.items():
                self.vet_signals[species] = self.vet_signals.get(species, frozenset()) | names

    # --- classification -------------------------------------------------------------------

    def observe(self, index: int, session: Session, species: dict[str, Species]) -> Observed:
        klass: SessionClass = "calm"
        rank = 0
        illness = injury = progress = cat_struck = False
        worst: list[tuple[str, str]] = []
        # Kept as ordered sets: a session may name thousands of animals.
        ill: dict[str, None] = {}
        hurt: dict[str, None] = {}
        stage = self.index[session.stage]
        wanted = self.stages[stage].progress_signal
        pairs = (
            all_signals(session)
            if session.noted
            else ((animal, name) for animal, names in session.signals.items() for name in names)
        )
        for animal, name in pairs:
            kind = species[animal]
            signal_class = self.table[kind][name]
            if signal_class == "illness":
                illness = True
                signal_class = "stress"
                ill[animal] = None
            if name in self.vet_signals.get(kind, ()):
                # A cat's bite or scratch sends every rat of the introduction (`species` holds
                # only its animals) to the vet, once however many signals say so.
                if kind == "rat":
                    hurt[animal] = None
                elif not cat_struck:
                    cat_struck = True
                    hurt.update((a, None) for a, s in species.items() if s == "rat")
            signal_rank = CLASS_RANK[signal_class]
            if signal_rank > rank:
                klass, rank, worst = signal_class, signal_rank, [(animal, name)]
            elif signal_rank == rank and rank:
                worst.append((animal, name))
            if name == wanted:
                progress = True
            if name in self.injury_signals.get(kind, ()):
                injury = True
        floor = self.rules.unsupervised_class
        if not session.supervised and floor is not None and CLASS_RANK[floor] > rank:
            klass, worst = floor, []
        observed = Observed(index, session, stage, klass, illness, worst, injury, progress)
        observed.ill, observed.hurt = list(ill), list(hurt)
        return observed

    def classes_shown(self, observed: Observed, species: dict[str, Species]) -> set[SessionClass]:
        """Every class a session showed: its own (the worst, or the floor of an unsupervised
        session) and each of its signals' (illness counts as stress); `species` by animal."""
        shown: set[SessionClass] = {observed.klass}
        for animal, name in all_signals(observed.session):
            signal_class = self.table[species[animal]][name]
            shown.add("stress" if signal_class == "illness" else signal_class)
        return shown

    def needed(self, stage: Stage, scenario: Scenario) -> int:
        """Calm sessions in a row needed to move on from `stage`."""
        by_origin = self.rules.calm_to_advance_by_origin
        if stage.calm_to_advance is not None:
            count = stage.calm_to_advance
        elif by_origin:
            origins = [
                animal.origin or "unknown"
                for animal in self.members(scenario)
                if animal.species == "rat"
            ] or ["unknown"]
            count = max(by_origin.get(origin, max(by_origin.values())) for origin in origins)
        else:  # a waiting stage: its end is a date, not a count
            count = 0
        if self.high_prey_drive(scenario):
            count += self.rules.high_prey_drive_extra_calm
        return count

    def high_prey_drive(self, scenario: Scenario) -> bool:
        return any(animal.prey_drive == "high" for animal in self.members(scenario))

    # --- replay ---------------------------------------------------------------------------

    def replay(self, scenario: Scenario) -> Replay:
        state = self.begin(scenario)
        for index, session in enumerate(scenario.sessions):
            self.feed(state, index, session)
        return state

    def begin(self, scenario: Scenario) -> Replay:
        """The state before the first session: the time gate as the arrivals set it. It
        depends on the scenario's animals and roles, not on its sessions or its date."""
        # The introduction's animals only: an animal of the household that plays no role was at
        # no session (a cat's bite sends every rat of the introduction to the vet, not others).
        species = {animal.id: animal.species for animal in self.members(scenario)}
        needed = [self.needed(stage, scenario) for stage in self.stages]
        state = Replay(self.first_contact, species, needed, self.checks_until(scenario))
        if self.gate is not None:
            # The latest arrival known: a missing one is asked for before anything else
            # (`Decision._missing_prerequisites`), so the answer waits until it is given.
            arrivals = [scenario.animals[a].arrived for a in scenario.roles[self.gate.role]]
            latest = max((day for day in arrivals if day is not None), default=None)
            if latest is not None:
                state.gate_end = latest + dt.timedelta(days=self.gate.days)
                state.gate_cause = f"arrival on {latest.isoformat()}"
        return state

    def members(self, scenario: Scenario) -> list[Animal]:
        """The animals playing a role, in role order."""
        return [scenario.animals[a] for ids in scenario.roles.values() for a in ids]

    def check_valid_until(self, animal: Animal) -> dt.date | None:
        """The last day `animal`'s vet check meets the prerequisites (None: the program asks
        for none; `date.min`: there is none on record)."""
        if "health_check" not in self.rules.prerequisites:
            return None
        if animal.health_check is None:
            return dt.date.min
        return animal.health_check + dt.timedelta(days=self.rules.health_check_max_age_days)

    def unassessed(self, animal: Animal) -> bool:
        """A cat whose prey drive the program asks for and nobody has assessed."""
        return (
            "prey_drive" in self.rules.prerequisites
            and animal.species == "cat"
            and animal.prey_drive is None
        )

    def checks_until(self, scenario: Scenario) -> dt.date | None:
        """The last day the prerequisites hold for the scenario's animals (None: no limit;
        `date.min`: they never do)."""
        until: dt.date | None = None
        for animal in self.members(scenario):
            if self.unassessed(animal):
                return dt.date.min
            last = self.check_valid_until(animal)
            if last is not None:
                until = last if until is None else min(until, last)
        return until

    def feed(self, state: Replay, index: int, session: Session) -> None:
        """Move `state` past one more session, the `index`th of the history in engine order
        (sessions come in that order, so a state fed n sessions equals a replay of those n)."""
        observed = self.observe(index, session, state.species)
        # An answer of `stop` on the day before this session stays `stop` (contract 8).
        self._latch_stop(state, session.date)
        same_day = state.last is not None and state.last.session.date == session.date
        state.day_count = state.day_count + 1 if same_day else 1
        state.last = observed
        self._note_health(state, observed)
        if self.gate is not None and observed.stage == 0:
            # An observation, which never counts towards streaks or the stop rule; but one that
            # shows the animals together before the end broke the wait all the same.
            observed.contact = False
            before_end = state.gate_end is not None and session.date < state.gate_end
            if before_end and self.touched(session, state.species):
                observed.early = True
                if self.gate.restart_on_contact:
                    self._restart_gate(state, session.date, "contact")
            if observed.illness and self.gate.restart_on_illness:
                self._restart_gate(state, session.date, "illness signs")
            return
        if self.gate is not None and state.gate_end is not None and session.date < state.gate_end:
            observed.early = True
            if self.gate.restart_on_contact:
                self._restart_gate(state, session.date, "contact")
        stage = self.stages[observed.stage]
        observed.skipped = observed.stage > state.earned
        rate = stage.min_success_rate
        observed.below_rate = rate is not None and (
            not session.attempts or (session.rewarded or 0) / session.attempts < rate
        )
        if observed.klass == "calm" and not observed.skipped and not observed.below_rate:
            why = observed.rushed = self._rushed(state, observed)
            if why is not None:
                # Kept and shown, but it neither adds to the streak nor breaks it, and the
                # answer is decided as if it had not been logged.
                state.rushed_tail += 1
                run, entry = state.rushed_run, (session.date, why, observed.stage)
                if run and run[-1][:3] == entry:
                    run[-1] = (*entry, run[-1][3] + 1)
                else:
                    run.append((*entry, 1))
                return
        state.rushed_tail = 0
        previous = state.last_contact
        if previous is not None and session.date - previous.session.date > self.long_break:
            state.streak, state.streak_days, state.rushed_run = 0, [], []
        state.last_contact = observed
        if state.injury is None and observed.injury:
            state.injury = observed
        self._count(state, observed, state.needed[observed.stage])
        self._latch_stop(state, session.date)

    def touched(self, session: Session, species: dict[str, Species]) -> bool:
        """Whether a session at the waiting stage shows the animals in contact: a signal only
        animals together can show. Minutes alone are not contact: an observation of the
        newcomer (contract 5, rat-rat) may be timed."""
        gate = self.gate
        if gate is None:
            return False
        return any(
            name in gate.contact_signals.get(species[animal], ())
            for animal, name in all_signals(session)
        )

    def _rushed(self, state: Replay, observed: Observed) -> str | None:
        """Why a calm session earns nothing (contract 8), or None when it counts."""
        stage = self.stages[observed.stage]
        session = observed.session
        policy = stage.minutes
        if (
            policy is not None
            and stage.min_success_rate is None
            and session.minutes is not None
            and session.minutes < self.rules.min_fraction * policy.start
        ):
            return "short"
        counted = state.counted_day
        full = counted is not None and counted[1] >= self.rules.sessions_per_day
        if full and counted is not None and counted[0] == session.date:
            return "day"
        return None

    def stop_holds(self, state: Replay, day: dt.date) -> bool:
        """Whether the answer on `day` is `stop` by the history fed so far: an injury or the
        stop rule, with the prerequisites met and no time gate holding on that day."""
        if state.injury is None and state.stop_run is None:
            return False
        if state.checks_until is not None and day > state.checks_until:
            return False
        return self.gate is None or state.gate_end is None or day >= state.gate_end

    def _latch_stop(self, state: Replay, day: dt.date) -> None:
        if not state.stopped and self.stop_holds(state, day):
            state.stopped = True

    def _note_health(self, state: Replay, observed: Observed) -> None:
        """Remember who showed illness signs and which rats were hurt, and when: those
        alerts last until a vet check dated on or after (contract 8)."""
        day = observed.session.date
        for animal in observed.ill:
            state.ill_on[animal] = day
        for animal in observed.hurt:
            state.wounded_on[animal] = day

    def _restart_gate(self, state: Replay, day: dt.date, cause: str) -> None:
        assert self.gate is not None
        restarted = day + dt.timedelta(days=self.gate.days)
        if state.gate_end is None or restarted > state.gate_end:
            state.gate_end = restarted
            state.gate_cause = f"{cause} on {day.isoformat()}"

    def _count(self, state: Replay, observed: Observed, needed: int) -> None:
        stage = self.stages[observed.stage]
        klass = observed.klass
        if klass in DANGEROUS:
            # Kept only while the stop rule can still be reached: at most its K dates, so the
            # state stays small however long a history of bites without a stop rule runs.
            stop_after = self.rules.stop_after
            if stop_after is not None and state.stop_run is None:
                state.bad_dates.append(observed.session.date)
                if len(state.bad_dates) >= stop_after:
                    state.stop_run = list(state.bad_dates)
        else:
            state.bad_dates.clear()
        state.stage_bad[observed.stage] = (
            state.stage_bad.get(observed.stage, 0) + 1
            if klass in self.rules.step_back_classes
            else 0
        )
        if klass == "calm" and not observed.skipped and not observed.below_rate:
            observed.neutral = stage.progress_signal is not None and not observed.shows_progress
            if state.streak_stage != observed.stage:
                state.streak_stage, state.streak, state.streak_days = observed.stage, 0, []
                # Sessions at this stage that earned nothing before the run began stay named.
                state.rushed_run = [r for r in state.rushed_run if r[2] == observed.stage]
            if not observed.neutral:
                state.streak += 1
                days, day = state.streak_days, observed.session.date
                if days and days[-1][0] == day:
                    days[-1] = (day, days[-1][1] + 1)
                else:
                    days.append((day, 1))
                counted = state.counted_day
                if counted is not None and counted[0] == day:
                    state.counted_day = (day, counted[1] + 1)
                else:
                    state.counted_day = (day, 1)
                if state.streak >= needed:
                    state.earned = max(state.earned, min(observed.stage + 1, len(self.stages) - 1))
        else:
            state.streak_stage, state.streak, state.streak_days = observed.stage, 0, []
            state.rushed_run = []

    def advise(self, scenario: Scenario) -> Advice:
        return Decision(self, scenario, self.replay(scenario)).advice()


def _or(value: float | None, default: float) -> float:
    return default if value is None else value


def dates(days: list[dt.date]) -> str:
    """The dates of a run of sessions, in order; several on one day are counted, not repeated."""
    return days_text([(day, sum(1 for _ in same)) for day, same in itertools.groupby(days)])


def days_text(days: list[tuple[dt.date, int]]) -> str:
    """A run's days with their numbers of sessions, as `dates` writes them."""
    return ", ".join(
        day.isoformat() if count == 1 else f"{day.isoformat()} ({count} sessions)"
        for day, count in days
    )


ENDED = (
    " Even then there will be no more sessions: what was logged ends this introduction, so "
    "keep the animals apart."
)
"""What a wait adds when the history already ends the introduction."""

LISTED = 6
"""The most names a list in a reason spells out; the rest are counted."""


def listed(names: list[str], total: int) -> str:
    """`a`, `a and b`, `a, b and c`, or `a, b, ... and 3 others` when `total` names exceed the
    `names` given (the first few of them); empty for none."""
    if total <= 0 or not names:
        return ""
    rest = total - len(names)
    if rest > 0:
        return ", ".join(names) + f" and {rest:,} other" + ("s" if rest > 1 else "")
    if len(names) == 1:
        return names[0]
    return ", ".join(names[:-1]) + " and " + names[-1]


def describe(worst: list[tuple[str, str]], session: Session, names: dict[str, str]) -> str:
    """The signals that set a session's class, as an owner reads them: `Tom: ears flat`, each
    animal by its name (`names`, by id), a reading of the notes marked."""
    if not worst:
        return "logged without supervision"
    parts = []
    for animal, name in worst:
        noted = name in session.noted.get(animal, ()) and name not in session.signals.get(
            animal, ()
        )
        shown = f"{names.get(animal, animal)}: {name.replace('_', ' ')}"
        parts.append(shown + (" (from the notes)" if noted else ""))
    return ", ".join(parts)


class Decision:
    """The final step: apply today's rules to the replayed history, in contract order. The
    history comes only through `state`; `scenario` gives the program, animals, roles and day."""

    def __init__(self, engine: Engine, scenario: Scenario, state: Replay) -> None:
        self.engine = engine
        self.scenario = scenario
        self.state = state
        self.today = scenario.today
        self.alerts: set[AlertCode] = set()
        self.notes: list[str] = []  # reasons of rules that fired but did not decide
        # The session the answer's session alerts come from (an injury that stopped the
        # introduction, else the deciding session): what the owner is told was seen.
        self.deciding: Observed | None = None

    def stage_id(self, index: int) -> str:
        return self.engine.stages[index].id

    def stage_title(self, index: int) -> str:
        """How the reasons name a stage to an owner: its title, never its id."""
        return self.engine.stages[index].title

    def bounded(self, index: int, minutes: float | None) -> float | None:
        """The length a rule of contract section 5 gives (`min(max, last + step)`, `max(start,
        last - step)`, the same minutes), kept at most the stage's `max` (a session longer
        than the max is never advised, whatever was logged) and at least the shortest
        session that earns something (`min_fraction` of `start`, contract 8: advising a
        session that earns nothing would be no advice). A session logged at a timed stage
        always has minutes; without them, the stage's start."""
        policy = self.engine.stages[index].minutes
        if policy is None:
            return None
        if minutes is None:
            return policy.start
        least = self.engine.rules.min_fraction * policy.start
        return min(policy.max, max(least, minutes))

    def start_minutes(self, index: int) -> float | None:
        policy = self.engine.stages[index].minutes
        return None if policy is None else policy.start

    def next_free_day(self) -> dt.date:
        last = self.state.last
        if last is None:
            return self.today
        last_day = last.session.date
        full = self.state.day_count >= self.engine.rules.sessions_per_day
        day = last_day + ONE_DAY if full else last_day
        return max(self.today, day)

    def make(
        self,
        action: Action,
        stage: int,
        minutes: float | None,
        reason: str,
        not_before: dt.date | None = None,
        *,
        streak_lost: bool = False,
    ) -> Advice:
        final = action in ("stop", "complete")
        if action == "wait":
            minutes = None
        needed = self.engine.needed(self.engine.stages[stage], self.scenario)
        kept = self.state.streak_stage == stage and not streak_lost
        streak = self.state.streak if kept else 0
        return Advice(
            program=self.engine.program.id,
            action=action,
            stage=self.stage_id(stage),
            minutes=None if final else minutes,
            not_before=None if final else (not_before or self.next_free_day()),
            alerts=tuple(sorted(self.alerts)),
            reasons=(reason, *self.notes),
            streak=streak,
            needed=needed or None,
            earned_stage=self.stage_id(self.state.earned),
            seeds=self.engine.stages[stage].seeds,
            decided_on=None if self.deciding is None else self.deciding.session.date,
            seen=() if self.deciding is None else self._seen(self.deciding),
        )

    def names(self) -> dict[str, str]:
        """Each animal's name as the owner gave it (else its id), by id: what reasons say."""
        return {key: animal.name or key for key, animal in self.scenario.animals.items()}

    def _seen(self, observed: Observed) -> tuple[tuple[str, str], ...]:
        """The signals that set a session's class, each with its animal's name."""
        animals = self.scenario.animals
        return tuple(
            (animals[animal].name or animal if animal in animals else animal, name)
            for animal, name in observed.worst
        )

    def advice(self) -> Advice:
        engine, rules, state = self.engine, self.engine.rules, self.state
        # The session the action is decided on: the last contact that earned something
        # (contract 8); before any, the last observation at a waiting stage.
        contact = state.last_contact
        deciding = contact if contact is not None else state.last

        # Alerts raised whatever decides the action.
        if engine.high_prey_drive(self.scenario) and (
            rules.high_prey_drive_extra_calm or "prey_drive" in rules.prerequisites
        ):
            self.alerts.add("high_prey_drive")
        self._mixed_sexes()
        self.deciding = state.injury if state.injury is not None else deciding
        if deciding is not None:
            self._session_alerts(deciding)
        watched = state.last
        if watched is not None and watched is not deciding and not watched.contact:
            # An observation at a waiting stage logged after the deciding session adds its
            # own alerts (contract 8): a fight seen there needs stepping in all the same.
            self._session_alerts(watched)
        elif watched is not None and watched is not deciding:
            # The last session earned nothing (a second one the same day, say): section 6's
            # `unsupervised` is about the last session all the same. (A replay state read
            # back from the store holds copies: `_supervision` says it once.)
            self._supervision(watched)
        self._health_alerts()
        self._rushed_notes()
        missing = self._missing_prerequisites()
        gate_open = engine.gate is None or state.gate_end is None or self.today >= state.gate_end
        long_gap = contact is not None and (
            self.today - contact.session.date > dt.timedelta(days=rules.long_break_days)
        )
        if long_gap and contact is not None:
            self.alerts.add("long_break")
        if state.injury is not None and rules.injury_stop is not None:
            # A vet visit is asked for as long as it has not happened (`_health_alerts`).
            self.alerts.update(code for code in rules.injury_stop.alerts if code != "vet_now")
        if state.stop_run is not None:
            self.alerts.add("separate_housing")
        if contact is not None and contact.skipped:
            self.alerts.add("skipped_stage")

        # The action: a stop that was answered stays; else the first rule that fires, in
        # the contract's order.
        if state.stopped:
            return self._stop(contact)
        if missing:
            # Section 7 puts the missing prerequisite first; an injury or a stop run already in
            # the history is named, so the wait never reads as leave to carry on.
            then = (
                ENDED
                if self._ended()
                else " Sessions can "
                + ("go on" if state.last_contact is not None else "start")
                + " once this is done."
            )
            self._bad_meeting_waited_on()
            return self.make(
                "wait", 0, None, "Prerequisite missing: " + "; ".join(missing) + "." + then
            )
        if not gate_open:
            assert state.gate_end is not None
            return self._gate_wait(state.gate_end)
        if state.injury is not None or state.stop_run is not None:
            return self._stop(contact)
        if contact is None:
            return self._start()
        return self._from_last_session(contact, long_gap)

    def _start(self) -> Advice:
        """`start`: no session of contact logged yet, and nothing holds the pair back."""
        engine, first = self.engine, self.engine.first_contact
        title = self.stage_title(first)
        # Sessions that earned nothing (contract 8) are logged, but the answer is the one
        # without them: say so rather than "nothing logged".
        earned_nothing = self.state.rushed_tail > 0
        if engine.gate is None or self.state.gate_end is None:
            opening = (
                "No session has earned anything yet" if earned_nothing else "No session logged yet"
            )
            return self.make(
                "start",
                first,
                self.start_minutes(first),
                f"{opening}: begin with the first stage, '{title}'.",
            )
        past = "has earned anything" if earned_nothing else "is logged"
        return self.make(
            "start",
            first,
            self.start_minutes(first),
            f"'{self.stage_title(0)}' ended on {self.state.gate_end.isoformat()} "
            f"({engine.gate.days} days from {self.state.gate_cause}) and nothing {past} "
            f"past it yet: begin with '{title}'.",
        )

    def _stop(self, contact: Observed | None) -> Advice:
        """`stop`, for the injury or the stop rule's run that ended the introduction."""
        state = self.state
        if state.injury is not None:
            injury = state.injury
            return self.make(
                "stop",
                contact.stage if contact else 0,
                None,
                f"Injury on {injury.session.date.isoformat()} at "
                f"'{self.stage_title(injury.stage)}' ({self._injuries(injury)}): the "
                "introduction ends here for good. "
                # Once a vet has looked (contract 8), only the parting is left to ask for.
                + ("See a vet and keep" if "vet_now" in self.alerts else "Keep")
                + " them apart.",
            )
        run = state.stop_run
        assert run is not None
        return self.make(
            "stop",
            contact.stage if contact else 0,
            None,
            f"Stop rule: {len(run)} sessions in a row ({dates(run)}) showed aggression or "
            f"danger ({self.engine.rules.stop_after} in a row ends the introduction). House "
            "the animals apart.",
        )

    def _mixed_sexes(self) -> None:
        """Intact males and intact females together can breed: say so on every answer."""
        code = self.engine.rules.mixed_sexes_alert
        members = self.engine.members(self.scenario)
        if code is None or not can_breed([read_sex(animal.sex) for animal in members]):
            return
        self.alerts.add(code)
        names = self.names()

        def intact(sex: str) -> str:
            found = [names[a.id] for a in members if read_sex(a.sex) == sex]
            if len(found) == 1:
                return f"{found[0]} is an intact {sex}"
            return ", ".join(found[:-1]) + f" and {found[-1]} are intact {sex}s"

        self.notes.append(
            f"{intact('male')} and {intact('female')}: they can breed. Keep same-sex groups, "
            "or have the males neutered and kept from the females for 4 weeks after the "
            "operation before any meeting."
        )

    def _supervision(self, observed: Observed) -> None:
        """`unsupervised`, with its reason, for a session logged so at a stage that needs the
        owner there."""
        session = observed.session
        if (
            session.supervised
            or not self.engine.stages[observed.stage].supervision_required
            or "unsupervised" in self.alerts  # said once, of the deciding session
        ):
            return
        self.alerts.add("unsupervised")
        title = self.stage_title(observed.stage)
        self.notes.append(
            f"The session of {session.date.isoformat()} was logged without "
            + (
                "supervision, so it cannot count as calm."
                if self.engine.rules.unsupervised_class is not None
                else f"supervision: be there, watching, at every session of '{title}'."
            )
        )

    def _session_alerts(self, deciding: Observed) -> None:
        """The alerts of the session the action is decided on: its supervision, its signals,
        and each class it showed (not only its worst: a rat that bit its person and was hurt
        asks for gloves as well as for stepping in)."""
        rules = self.engine.rules
        session = deciding.session
        for klass in self.engine.classes_shown(deciding, self.state.species):
            self.alerts.update(rules.class_alerts.get(klass, ()))
        if not deciding.contact and deciding.klass in DANGEROUS:
            title = self.stage_title(deciding.stage)
            # With one role the animals meet their person (rat-human): none to keep apart.
            alone = len(self.engine.program.roles) == 1
            ask = (
                f"leave it in peace; '{title}' is a stage without handling"
                if alone
                else f"step in and keep the animals apart; '{title}' is a stage without contact"
            )
            self.notes.append(
                f"The session of {session.date.isoformat()} at '{title}' showed "
                f"{deciding.klass} ({describe(deciding.worst, session, self.names())}): {ask}."
            )
        self._supervision(deciding)
        for animal, name in all_signals(session):
            species = self.scenario.animals[animal].species
            codes = rules.signal_alerts.get(species, {}).get(name, ())
            # A vet visit is asked for as long as it has not happened (`_health_alerts`).
            self.alerts.update(code for code in codes if code != "vet_now")
        if deciding.early and self.engine.gate is not None:
            self.alerts.add(self.engine.gate.early_alert)

    def _health_alerts(self) -> None:
        """`illness_signs` and `vet_now` last until a vet check dated on or after the session
        that raised them, animal by animal (contract 8)."""
        animals = self.scenario.animals
        lasting: tuple[tuple[AlertCode, dict[str, dt.date]], ...] = (
            ("illness_signs", self.state.ill_on),
            ("vet_now", self.state.wounded_on),
        )
        # The session the advice is about explains its own signs; one before it does not, so
        # the reason says why the alert is still there.
        told = None if self.deciding is None else self.deciding.session.date
        seen_as = {"illness_signs": "showed signs of illness", "vet_now": "was hurt"}
        exposing = self._exposed()  # their own reason names the illness already
        for code, seen in lasting:
            for animal, day in seen.items():
                check = animals[animal].health_check
                if check is not None and check >= day:
                    continue
                self.alerts.add(code)
                if day != told and not (code == "illness_signs" and animal in exposing):
                    name = animals[animal].name or animal
                    self.notes.append(
                        f"{name} {seen_as[code]} on {day.isoformat()} and no vet check is "
                        f"recorded since: have a vet look at {name} (the alert stays until a "
                        "check dated on or after that day)."
                    )

    def _exposed(self) -> set[str]:
        """Name the animals of its species that an animal still showing illness signs met in
        a session of contact, before or while it showed them: they may have caught it. Only
        the introduction's animals met; a long list is cut short (`listed`). The sick animals
        named, by id."""
        named: set[str] = set()
        if self.state.last_contact is None:
            return named
        animals = self.scenario.animals
        members = self.engine.members(self.scenario)
        by_species: dict[Species, list[Animal]] = {}
        for member in members:
            by_species.setdefault(member.species, []).append(member)
        for animal, day in sorted(self.state.ill_on.items()):
            sick = animals[animal]
            if sick.health_check is not None and sick.health_check >= day:
                continue
            group = by_species.get(sick.species, [])
            # The first few others of its group, and how many there are: linear in the group.
            shown = [other.name or other.id for other in group[: LISTED + 1] if other.id != animal]
            met = listed(shown[:LISTED], len(group) - 1)
            if met:
                self.notes.append(
                    f"{sick.name or sick.id} showed signs of illness on {day.isoformat()} and "
                    f"has met {met}: they are exposed. Watch them closely and have them "
                    "checked by a vet too."
                )
                named.add(animal)
        return named

    def _rushed_notes(self) -> None:
        """Name the calm sessions of the current run that earned nothing; the `rushed`
        alert when the last of them comes after the last session that counted."""
        state = self.state
        if state.rushed_tail:
            self.alerts.add("rushed")
        for day, why, stage, count in state.rushed_run:
            sessions = "A session" if count == 1 else f"{count} sessions"
            where = f"of {day.isoformat()} at '{self.stage_title(stage)}'"
            if why == "short":
                policy = self.engine.stages[stage].minutes
                assert policy is not None
                fraction = self.engine.rules.min_fraction
                least = fraction * policy.start
                part = "half" if fraction == 0.5 else f"{fraction:.0%}"
                self.notes.append(
                    f"{sessions} {where} lasted less than {part} of the stage's first session "
                    f"({minutes_text(least)} at least): "
                    + ("it" if count == 1 else "they")
                    + " earned nothing, neither adding to the calm streak nor breaking it."
                )
            else:
                share = self.engine.rules.sessions_per_day
                counted = "one calm session" if share == 1 else f"{share} calm sessions"
                self.notes.append(
                    f"{sessions} {where} earned nothing: a day counts at most {counted}, so "
                    + ("it neither adds" if count == 1 else "they neither add")
                    + " to the calm streak nor break"
                    + ("s" if count == 1 else "")
                    + " it. Calm has to hold over days, not hours."
                )

    def _missing_prerequisites(self) -> list[str]:
        engine = self.engine
        missing: list[str] = []
        names = self.names()
        for animal in engine.members(self.scenario):
            name = names[animal.id]
            until = engine.check_valid_until(animal)
            if until is not None and self.today > until:
                self.alerts.add("health_check_needed")
                check = animal.health_check
                missing.append(
                    f"{name} has no vet check on record"
                    if check is None
                    else f"{name}'s last vet check ({check.isoformat()}) is over "
                    f"{engine.rules.health_check_max_age_days} days old"
                )
            if engine.unassessed(animal):
                self.alerts.add("assessment_needed")
                missing.append(f"{name}'s prey drive has not been assessed")
        gate = engine.gate
        if gate is not None:
            # Without the day an animal came home, nobody knows when the waiting period ends:
            # ask for it rather than guess that it is over.
            waiting = self.stage_title(0)
            for animal_id in self.scenario.roles[gate.role]:
                if self.scenario.animals[animal_id].arrived is None:
                    missing.append(
                        f"{names[animal_id]} has no arrival date, and '{waiting}' lasts "
                        f"{gate.days} days from it (give it as `arrived`)"
                    )
        return missing

    def _bad_meeting_waited_on(self) -> None:
        """Before a wait: the last meeting, when it showed aggression or danger, is named, so
        the alerts it raised (`intervene`, `use_gloves`) have their reason (section 3)."""
        last = self.state.last_contact
        if last is None or last.klass not in DANGEROUS or self._ended():
            return
        self.notes.append(
            f"The last meeting, on {last.session.date.isoformat()} at "
            f"'{self.stage_title(last.stage)}', showed {last.klass} "
            f"({describe(last.worst, last.session, self.names())}): step in at once if it "
            "happens again."
        )

    def _gate_wait(self, end: dt.date) -> Advice:
        gate = self.engine.gate
        assert gate is not None
        stage = self.engine.stages[0]
        self._bad_meeting_waited_on()
        if self.state.gate_cause.startswith("contact"):
            self.alerts.add(gate.early_alert)
        return self.make(
            "wait",
            0,
            None,
            f"Time gate '{stage.title}': {gate.days} days counted from {self.state.gate_cause}, "
            f"so it ends on {end.isoformat()}. No "
            + ("handling" if len(self.engine.program.roles) == 1 else "contact")
            + " before then."
            # Like a missing prerequisite, a waiting period never reads as leave to carry on
            # when what was logged already ends the introduction.
            + (ENDED if self._ended() else ""),
            not_before=max(end, self.next_free_day()),
        )

    def _ended(self) -> bool:
        """Whether the history holds what ends the introduction (an injury that stops it, or
        the stop rule's run), though a wait comes first today (contract 7)."""
        return self.state.injury is not None or self.state.stop_run is not None

    def _injuries(self, observed: Observed) -> str:
        names = self.names()
        found = [
            f"{names[animal]}: {name.replace('_', ' ')}"
            for animal, name in all_signals(observed.session)
            if name
            in self.engine.injury_signals.get(self.scenario.animals[animal].species, frozenset())
        ]
        return ", ".join(found)

    def _step_back(self, stage: int) -> tuple[Action, int]:
        if stage <= self.engine.first_contact:
            return "repeat", self.engine.first_contact
        return "step_back", stage - 1

    def _from_last_session(self, last: Observed, long_gap: bool) -> Advice:
        rules, state = self.engine.rules, self.state
        session = last.session
        day = session.date.isoformat()
        here = self.stage_title(last.stage)
        if last.early:
            assert self.engine.gate is not None
            self.notes.append(f"The session of {day} came before '{self.stage_title(0)}' ended.")
        if long_gap and (last.skipped or last.klass != "calm"):
            # A rule before the long break decides (section 7); its alert is reported all the
            # same, and says why.
            self.notes.append(
                f"Long break: more than {rules.long_break_days} days since the last session "
                f"({day}); the calm streak is lost."
            )
        if last.skipped:
            earned = state.earned
            return self.make(
                "step_back",
                earned,
                self.start_minutes(earned),
                f"Skipped stage: the session of {day} was at '{here}', but the "
                f"history has only earned '{self.stage_title(earned)}'. Go back there.",
            )
        shown = describe(last.worst, session, self.names())
        in_a_row = state.stage_bad.get(last.stage, 0)
        if last.klass == "danger":
            action, target = self._step_back(last.stage)
            return self.make(
                action,
                target,
                self.start_minutes(target),
                f"Danger on {day} at '{here}' ({shown}): step in, then "
                + self._back_words(action, target),
            )
        if last.klass in ("aggression", "stress"):
            repeated = (
                last.klass in rules.step_back_classes and in_a_row >= rules.step_back_in_a_row
            )
            if repeated:
                action, target = self._step_back(last.stage)
                row = (
                    f"{in_a_row} sessions in a row at '{here}' that were not calm"
                    if in_a_row > 1
                    else f"a session at '{here}' that was not calm"
                )
                return self.make(
                    action,
                    target,
                    self.start_minutes(target),
                    f"{last.klass.capitalize()} on {day} ({shown}), {row}: "
                    + self._back_words(action, target),
                )
            if last.klass == "aggression":
                return self.make(
                    "repeat",
                    last.stage,
                    self.start_minutes(last.stage),
                    f"Aggression on {day} at '{here}' ({shown}): repeat the stage "
                    "from its shortest session.",
                )
            policy = self.engine.stages[last.stage].minutes
            shorter = (
                None
                if policy is None
                else self.bounded(
                    last.stage, max(policy.start, _or(session.minutes, policy.start) - policy.step)
                )
            )
            # An untimed stage (cages side by side, living together) has no session to
            # shorten: the rats are watched more closely instead.
            how = " with a shorter session" if policy is not None else ", watching them closely"
            return self.make(
                "repeat",
                last.stage,
                shorter,
                f"Stress on {day} at '{here}' ({shown}): repeat the stage{how}.",
            )
        if long_gap:
            # The limit, not today's count of days: stored advice is read on later days too.
            again = (
                "from its shortest session"
                if self.engine.stages[last.stage].minutes is not None
                else "from its first calm session"
            )
            return self.make(
                "repeat",
                last.stage,
                self.start_minutes(last.stage),
                f"Long break: more than {self.engine.rules.long_break_days} days since the last "
                f"session ({day}); the calm streak is lost, so '{here}' starts again {again}.",
                streak_lost=True,
            )
        return self._calm(last)

    def _back_words(self, action: Action, target: int) -> str:
        if action == "step_back":
            return f"go back to '{self.stage_title(target)}' at its shortest session."
        return (
            f"repeat '{self.stage_title(target)}' at its shortest session (there is no earlier "
            "stage to go back to)."
        )

    def _calm(self, last: Observed) -> Advice:
        stage = self.engine.stages[last.stage]
        session = last.session
        here = stage.title
        needed = self.engine.needed(stage, self.scenario)
        streak = self.state.streak
        if last.below_rate:
            if session.attempts:
                short = f"only {session.rewarded or 0} of {session.attempts} attempts were rewarded"
            else:
                short = "no attempt was made, so nothing could be rewarded"
            return self.make(
                "repeat",
                last.stage,
                self.bounded(last.stage, session.minutes),
                f"Calm session on {session.date.isoformat()} at '{here}', but {short}; "
                f"{stage.min_success_rate:.0%} or more of the attempts rewarded in {needed} "
                "sessions in a row moves on. Repeat at the same length.",
            )
        if last.neutral:
            return self.make(
                "repeat",
                last.stage,
                self.bounded(last.stage, session.minutes),
                f"Calm session on {session.date.isoformat()} at '{here}', but no "
                f"'{stage.progress_signal}': it neither adds to nor breaks the "
                f"streak ({streak} of {needed}). Repeat at the same length.",
            )
        run = f"({days_text(self.state.streak_days)})"
        if streak >= needed:
            if last.stage + 1 >= len(self.engine.stages):
                self.alerts.update(self.engine.rules.complete_alerts)
                return self.make(
                    "complete",
                    last.stage,
                    None,
                    f"{streak} calm sessions in a row at '{here}' {run}, the last "
                    "stage: the program is complete.",
                )
            target = last.stage + 1
            return self.make(
                "advance",
                target,
                self.start_minutes(target),
                f"{streak} calm sessions in a row at '{here}' {run}; {needed} "
                f"needed: move on to '{self.stage_title(target)}'.",
            )
        policy = stage.minutes
        longer = (
            None
            if policy is None
            else self.bounded(last.stage, _or(session.minutes, policy.start) + policy.step)
        )
        plural = "session" if streak == 1 else "sessions"
        return self.make(
            "repeat",
            last.stage,
            longer,
            f"{streak} calm {plural} in a row at '{here}' {run}; {needed} needed to move on.",
        )


def evaluate(scenario: Scenario, vocabulary: Vocabulary) -> Advice:
    """The advice for a validated scenario."""
    return Engine(scenario.program, vocabulary).advise(scenario)
