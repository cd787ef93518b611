"""Stage 4 of reading a note: lists of signals, and which signals the words deny, suspend
(a hypothesis) or hedge ("I think he bit her": not ruled out, so the owner is asked)."""

from __future__ import annotations

import re
from collections.abc import Iterator, Mapping, Sequence
from dataclasses import dataclass

from ratbond.notes.lexicon import EARLIER, HEALED, Lexicon
from ratbond.notes.mentions import Mentions
from ratbond.notes.phrases import Match, Phrases
from ratbond.notes.tokens import NORM, Tokens, Word

EVENT_KINDS = frozenset({"signal", "passive"})
DENIERS = frozenset({"cue", "hypo"})
DOUBTS = frozenset({"hedge", "attempt"})
EXPECTING = frozenset({"hedge", "hypo"})
QUALIFIERS = DENIERS | DOUBTS
"""What denies or doubts an act."""
ACTS_OR_DENIERS = EVENT_KINDS | DENIERS
REACH = 7
"""How many words back a cue reaches."""
TRAIL = 5
"""How many words after a signal a closing hedge may come ("bit her, I think")."""


@dataclass(frozen=True, slots=True)
class Scope:
    """For each signal or passive phrase (by match index): its list, and its denial."""

    events: tuple[int, ...]
    lists: Mapping[int, tuple[int, int, bool]]
    """First and last member of its list, and whether "or", "nor" or "and" joins the list."""
    denied: frozenset[int]
    """Denied or suspended: read, but not an event."""
    hedged: frozenset[int]
    """Hedged: not ruled out."""
    attempted: frozenset[int]
    """After an attempt ("tried to"): shown, but a danger sign may not have landed."""
    hedged_after: frozenset[int] = frozenset()
    """Hedged by words after its clause ("bit her, I think"): shown, and a danger sign is
    asked about."""

    def bounds(self, index: int, joiner: bool = True) -> tuple[int, int]:
        """First and last signal of a coordinated list ("hissing, growling or swatting")."""
        first, last, joined = self.lists[index]
        return (first, last) if joined or not joiner else (index, index)


def after_pattern(lexicon: Lexicon) -> re.Pattern[str]:
    """A denial written after a signal that opens its clause: "hissing: none"."""
    words = sorted(set(lexicon.after_negation), key=len, reverse=True)
    # A sign read as a mark alone (a tick: "swat: none ✓") ends the clause too, and a denial
    # written as a sign (a cross: "pounce ✗ swat ✗") is its own end.
    marks = sorted(
        (sign for sign, read in lexicon.shorthand.items() if not any(t.isalnum() for t in read)),
        key=len,
        reverse=True,
    )
    ends = "|".join(["[.,;!?\\n)]", "$", *map(re.escape, marks)])
    # A cross ends a checklist's item, which may name where after the signal: "Limp R hind ✗".
    crosses = [word for word in words if not any(letter.isalnum() for letter in word)]
    # A cross written as a letter ("swat x / hiss x", "blood x,") is one too, but not a count
    # ("hissed x2", "x 3").
    letters = [word for word in words if len(word) == 1 and word.isalpha()]
    lettered = (
        [r"(?P<letter>" + "|".join(map(re.escape, letters)) + r")(?![^\W_])(?![ \t]*\d)"]
        if letters
        else []
    )
    signs = "|".join([*map(re.escape, crosses), *lettered])
    words = [word for word in words if word not in letters]
    named = r"|(?:[^\W_]+[ \t]+){0,3}?(?:" + signs + ")" if signs else ""
    # A question answered with a pronoun denies what it asks, the signal first or not: "Tom bit
    # Pip? He did not." (no clause mark or joiner between the signal and the question mark).
    answers = [w for w in words if not lexicon.subject_case.isdisjoint(w.split())]
    # A question answered with a bare denial word denies it too ("Tom bit Pip? No.", "A fight?
    # Not seen, all quiet"), but only after a single question mark and before a full stop or a
    # comma: "he bit her?? no!!" is dismay, "bit her? no idea" no answer.
    bare = [w for w in words if w not in answers and w.replace(" ", "").isalpha() and len(w) > 1]
    question = r"(?:(?!\b(?:and|but|then|so|or)\b)[^.!?\n;,:()\[\]])*"
    # (a transcript's label may open the answer: "Q. Blood? A. None.")
    label = (
        r"(?:(?:" + "|".join(map(re.escape, lexicon.answer_labels)) + r")[ \t]*)?"
        if lexicon.answer_labels
        else ""
    )
    answered = (
        r"(?P<answer>"
        + question
        + r"\?[ \t]*"
        + label
        + "(?:"
        + "|".join(map(re.escape, answers))
        + r")[ \t]*(?:[.!\n]|$)"
        + (
            "|"
            + question
            + r"(?<!\?)\?[ \t]*"
            + label
            + "(?:"
            + "|".join(map(re.escape, bare))
            + r")[ \t]*(?:[.,\n]|$)"
            if bare
            else ""
        )
        + ")|"
        if answers
        else ""
    )
    return re.compile(
        answered
        + r"[\s:\-\u2013=?]*(?:(?:"
        + "|".join(re.escape(w) for w in words)
        + r")(?:(?<=[^\w\s])|\s*(?:"
        + ends
        + "))"
        + named
        + ")",
        re.IGNORECASE,
    )


def find_scope(
    tokens: Tokens,
    phrases: Phrases,
    mentions: Mentions,
    lexicon: Lexicon,
    after: re.Pattern[str],
) -> Scope:
    matches = phrases.matches
    events = tuple(k for k, match in enumerate(matches) if match.kind in EVENT_KINDS)
    lists = _lists(tokens, phrases, events, lexicon)
    scope = Scope(events, lists, frozenset(), frozenset(), frozenset())
    found: dict[str, set[int]] = {"cue": set(), "hypo": set(), "hedge": set(), "attempt": set()}
    trailing: set[int] = set()
    # What the scans after an act look for: most notes have no hedge and name no earlier time,
    # and there the scans cannot find one.
    hedges = any(match.kind == "hedge" for match in matches)
    dated = any(match.entry is not None and match.entry.key == EARLIER for match in matches)
    # Clauses that tell of an earlier time named right before them ("last Tuesday's scrap,
    # when he bit her"): looked for only in a note with one of `then_words`.
    then = (
        _then_clauses(tokens, phrases, mentions, lexicon)
        if not lexicon.then_words.isdisjoint(map(NORM, tokens.words))
        else {}
    )
    for index in events:
        first = matches[index].first
        low, high = then.get(tokens.parts[first], (first, first))
        if low < first < high:
            found["hypo"].add(index)
            continue
        kind = _denial(tokens, phrases, mentions, lexicon, after, scope, index, dated)
        if kind:
            found[kind].add(index)
        elif hedges and _hedged_after(tokens, phrases, scope, index):
            trailing.add(index)
    return Scope(
        events,
        lists,
        frozenset(found["cue"] | found["hypo"]),
        frozenset(found["hedge"]),
        frozenset(found["attempt"]),
        frozenset(trailing),
    )


THEN_REACH = 4
"""How many words before a `then_words` clause an earlier time or a day may end."""


def _then_clauses(
    tokens: Tokens, phrases: Phrases, mentions: Mentions, lexicon: Lexicon
) -> dict[int, tuple[int, int]]:
    """The clause parts (each with where in it) opened by one of `then_words` ("when") within
    `THEN_REACH` words after an earlier time (`negation.earlier`) or a day's or a month's name
    (`negation.days`) that this session is set against (after one of `comparisons`), with at
    most one mark between and none ending a sentence: "unlike 22nd Nov when he swiped the
    mesh", "better than Sunday when she went for the bars" tell of that time, not of this
    session. Only a comma may stand between ("Worse than Friday - when Pip moved he lunged"
    and a colon start today's account), and the clause ends where a second subject follows
    its own ("unlike Tuesday when he was chill he swatted the cage": the swat is today's).
    Each is given as (where it opens, where it ends)."""
    words = tokens.words
    found: dict[int, tuple[int, int]] = {}
    for index, word in enumerate(words):
        if word.norm not in lexicon.then_words or index == 0:
            continue
        if index + 1 < len(words) and words[index + 1].kind != "w":
            continue
        # a word of this session in its part brings it back ("unlike last week, when I opened
        # the cage today he bit her")
        part = tokens.parts[index]
        rest = index + 1
        while rest < len(words) and tokens.parts[rest] == part:
            if words[rest].lemma in lexicon.present:
                break
            rest += 1
        if rest < len(words) and tokens.parts[rest] == part:
            continue
        position = index - 1
        marks = 0
        for _ in range(THEN_REACH + 1):
            if position < 0 or words[position].stop:
                break
            if words[position].mark:
                marks += 1
                if marks > 1 or words[position].raw != ",":
                    break
                position -= 1
                continue
            owner = phrases.of(position)
            if (
                (owner is not None and owner.entry is not None and owner.entry.key == EARLIER)
                or words[position].norm in lexicon.days
            ) and _set_against(tokens, lexicon, position):
                found.setdefault(
                    tokens.parts[index], (index, _then_end(tokens, mentions, lexicon, index))
                )
                break
            position -= 1
    return found


def _then_end(tokens: Tokens, mentions: Mentions, lexicon: Lexicon, index: int) -> int:
    """Where the clause that `then_words` opens at `index` ends: at its part's end, or before
    a second subject after its own ("when he was chill he swatted the cage")."""
    words = tokens.words
    part = tokens.parts[index]
    end = index + 1
    while end < len(words) and tokens.parts[end] == part:
        end += 1
    subjects = 0
    for position in range(index + 1, end):
        named = next(
            (m for m in mentions.between(position - 1, position + 1) if m.first == position), None
        )
        if words[position].norm in lexicon.subject_case or (
            named is not None and (named.subject or subjects == 0)
        ):
            subjects += 1
            if subjects == 2:
                return position
    return end


def _set_against(tokens: Tokens, lexicon: Lexicon, position: int) -> bool:
    """Whether a day's name at `position` follows one of `comparisons` within three words in its
    clause ("better than Sunday", "unlike 22nd Nov"): a day this session is set against, so
    past; a day named otherwise may be today's ("Sunday, when I opened the cage")."""
    words = tokens.words
    for at in range(position - 1, max(position - 4, -1), -1):
        if words[at].kind != "w":
            return False
        if words[at].norm in lexicon.contrasts:
            return True
    return False


def _hedged_after(tokens: Tokens, phrases: Phrases, scope: Scope, index: int) -> bool:
    """Whether a hedge closes the clause of a signal, a few words after it and its list
    ("bit her, I think", "scratched Pip, maybe.", "swiped at him I reckon")."""
    words = tokens.words
    position = phrases.matches[scope.bounds(index)[1]].last + 1
    count = 0
    while position < len(words) and count < TRAIL:
        word = words[position]
        owner = phrases.of(position)
        if owner is not None and owner.kind == "hedge":
            end = owner.last + 1
            return end >= len(words) or words[end].kind != "w"
        if word.kind == "s" or (owner is not None and owner.kind in ACTS_OR_DENIERS):
            return False
        count += 1
        position += 1
    return False


def _lists(
    tokens: Tokens, phrases: Phrases, events: Sequence[int], lexicon: Lexicon
) -> dict[int, tuple[int, int, bool]]:
    """Members are signals one separator apart (a comma, "/", "&" or a list word)."""
    matches = phrases.matches
    lists: dict[int, tuple[int, int, bool]] = {}
    members: list[int] = []
    joined = False
    for index in events:
        if members:
            previous = matches[members[-1]]
            separator = previous.last + 1
            # (a list word that is a denial of its own joins too: "neither stalked, swatted
            # nor hissed")
            if separator + 1 == matches[index].first and (
                phrases.at[separator] < 0 or tokens.words[separator].norm in lexicon.list_words
            ):
                word = tokens.words[separator]
                norm = word.norm if word.kind == "w" else ""
                if norm in lexicon.list_words or (
                    word.kind == "c" and word.raw.strip() in lexicon.list_marks
                ):
                    members.append(index)
                    joined = joined or norm in lexicon.list_words
                    continue
        for member in members:
            lists[member] = (members[0], members[-1], joined)
        members = [index]
        joined = False
    for member in members:
        lists[member] = (members[0], members[-1], joined)
    return lists


def _denial(
    tokens: Tokens,
    phrases: Phrases,
    mentions: Mentions,
    lexicon: Lexicon,
    after: re.Pattern[str],
    scope: Scope,
    index: int,
    dated: bool = True,
) -> str:
    """ "cue", "hypo", "hedge" (the kind of what denies the phrase), or "" if nothing does.
    `dated`: whether the note names an earlier time at all (else none is looked for after the
    phrase)."""
    match = phrases.matches[index]
    words = tokens.words
    for position in range(match.first + 1, match.last):
        inner = phrases.of(position)
        if inner is not None and inner is not match and inner.kind in QUALIFIERS:
            return inner.kind
    start = scope.bounds(index)[0]
    position = phrases.matches[start].first - 1
    count = 0
    # Past another act of the clause only an earlier time still reaches ("last week he had a
    # go at the cage with his claws"): a denial does not ("didn't hiss, bit her").
    dated_only = False
    # ... and a word of this session between brings it back ("yesterday he hissed today he
    # bit her"): the act after it is this session's.
    present = False
    # An act joined straight after "and" shares its verb's subject and mood: "is gonna snap
    # one day and go for the rats" is a forecast too.
    shared = False
    while position >= 0 and count < REACH:
        word = words[position]
        if word.kind != "w":
            if (
                not dated_only
                and not present
                and lexicon.victim_signals.isdisjoint(match.senses.values())
                and _earlier_event(tokens, phrases, lexicon, position, match.first)
            ):
                return "hypo"
            break
        owner = phrases.of(position)
        if (
            owner is not None
            and owner.entry is not None
            and owner.entry.key == EARLIER
            and _compared(tokens, lexicon, owner.first)
        ):
            # "compared to last wk he bit her": what today is set against, no date
            count += 1
            position = owner.first - 1
            continue
        if owner is not None and dated_only:
            if owner.entry is not None and owner.entry.key == EARLIER:
                if not present and lexicon.victim_signals.isdisjoint(match.senses.values()):
                    return owner.kind
                break
            if owner.kind in EVENT_KINDS:
                count += 1
                position = owner.first - 1
                continue
            if owner.kind in DENIERS or owner.kind in DOUBTS:
                break
        elif owner is not None:
            if owner.kind in DOUBTS and _expected(tokens, phrases, lexicon, owner.first):
                return "hypo"
            if owner.kind == "hedge" and _future(tokens, lexicon, owner.last + 1, match.last):
                return "hypo"
            if (
                owner.entry is not None
                and owner.entry.key == EARLIER
                and (present or not lexicon.victim_signals.isdisjoint(match.senses.values()))
            ):
                # A wound from an earlier session that is still there is a wound now.
                break
            if owner.kind == "cue" and _disbelief(tokens, phrases, mentions, lexicon, owner, match):
                break
            if shared and (owner.kind == "cue" or owner.last + 2 >= match.first):
                # a denial stays with its own verb, and a cue right before "and" is a word of
                # its own ("scared and hid")
                break
            if owner.kind in DENIERS or owner.kind in DOUBTS:
                return owner.kind
            if owner.kind in EVENT_KINDS:
                dated_only = True
                count += 1
                position = owner.first - 1
                continue
        if word.lemma in lexicon.present:
            present = True
        # "didn't struggle or squeak": a disjunction carries the denial on.
        if word.lemma in lexicon.list_joiners:
            count += 1
            position -= 1
            continue
        if (
            word.norm in lexicon.list_words
            and position == match.first - 1
            and not shared
            and not dated_only
        ):
            shared = True
            count += 1
            position -= 1
            continue
        if word.norm in lexicon.pair_joiners and _joins_names(phrases, position):
            # "last year Tatra and Dunaj fought": a pair of subjects, no new clause
            count += 1
            position -= 1
            continue
        if word.lemma in lexicon.scope_ends or word.norm in lexicon.clause_joiners:
            break
        count += 1
        position -= 1
    if lexicon.victim_signals.isdisjoint(match.senses.values()):
        if dated and _earlier_after(tokens, phrases, lexicon, match.last + 1):
            return "cue"
    elif _healed(tokens, phrases, lexicon, match.last + 1):
        return "cue"
    label = _form_label(tokens, lexicon, match)
    if label and _told_again(tokens, phrases, match, label):
        return "cue"
    # The pattern is cheaper to try first and rarely matches.
    denial = after.match(tokens.text, tokens.ends[label - 1 if label else match.last])
    if (
        denial
        and (denial.group("letter") is None or _crossed(tokens.text, denial))
        and (
            (denial.group("answer") is not None and not _given(tokens, lexicon, match))
            or _clause_opening(tokens, phrases, mentions, lexicon, start)
        )
    ):
        return "cue"
    return ""


def _given(tokens: Tokens, lexicon: Lexicon, match: Match) -> bool:
    """Whether the act `match` stands after a word of `negation.given` in its clause, so the
    question tells it as given and its answer does not deny it: "Did Pip get hurt when Tom
    lunged? No." denies the hurt, not the lunge."""
    # (in the act's own clause: "When Pip came out, did Tom bite her? No." denies the bite)
    # ... nor after a verb that opens what is asked: "When Pip came out did Tom bite her? No."
    clause = tokens.clauses[match.first]
    position = match.first - 1
    while position >= 0 and tokens.clauses[position] == clause:
        norm = tokens.words[position].norm
        if norm in lexicon.asking:
            return False
        if norm in lexicon.given:
            return True
        position -= 1
    return False


def _disbelief(
    tokens: Tokens,
    phrases: Phrases,
    mentions: Mentions,
    lexicon: Lexicon,
    cue: Match,
    match: Match,
) -> bool:
    """Whether `cue` ("not") opens its sentence right before an animal and the act in -ing
    that `match` starts: disbelief that it happened, as Gen Z writes it ("not Tom charging the
    gate 😭", "not the cat hissing at me again"), no denial."""
    words = tokens.words
    if cue.first != cue.last or words[cue.first].norm not in lexicon.disbelief:
        return False
    if cue.first > 0 and not words[cue.first - 1].stop:
        return False
    if not words[match.first].norm.endswith("ing"):
        return False
    position = cue.last + 1
    while position < match.first and words[position].lemma in lexicon.determiners:
        position += 1
    owner = phrases.of(position)
    if owner is None or owner.last + 1 != match.first:
        return False
    mention = mentions.at.get(phrases.at[position])
    if mention is None or not mention.animals or mention.person:
        return False
    # a sign of disbelief in its sentence ("😭", "omg", "again"), and no word of a denial
    # ("not Tom swatting this time! so proud", "Not Rex biting Max for once")
    sentence = tokens.sentences[cue.first]
    text = tokens.text[tokens.starts[cue.first] : _sentence_end(tokens, sentence)].lower()
    return bool(lexicon.disbelief_markers.search(text)) and not lexicon.disbelief_denials.search(
        text
    )


def _sentence_end(tokens: Tokens, sentence: int) -> int:
    """Where the text after sentence `sentence` begins (the signs after its last word, an
    emoji, are its own)."""
    words = tokens.words
    last = len(tokens.text)
    for position in range(len(words)):
        if tokens.sentences[position] > sentence:
            last = tokens.starts[position]
            break
    return last


# A further item after a cross written as a letter: "swat x / hiss x", "blood x, screaming x".
_FURTHER_ITEM = re.compile(r"[ \t]*(?:[,;/|+&]|\n)[ \t]*[^\W_]")


def _crossed(text: str, denial: re.Match[str]) -> bool:
    """Whether the letter that ends `denial` ("hiss x") is a cross, not a sign-off kiss ("Rex bit
    Ziggy x"): it is one before a further item of a list, or in a note that crosses two or more
    signs so (its last item too: "swat x / hiss x"). As the last word of a sentence or a note
    otherwise it is a kiss."""
    if _FURTHER_ITEM.match(text, denial.end()):
        return True
    letter = re.escape(denial.group("letter"))
    crosses = re.finditer(r"[^\W\d_][ \t]+" + letter + r"(?![^\W_])(?![ \t]*\d)", text, re.I)
    return sum(1 for _ in crosses) >= 2


def _earlier_event(
    tokens: Tokens, phrases: Phrases, lexicon: Lexicon, mark: int, first: int
) -> bool:
    """Whether the act at `first` stands beside an earlier time's event, just after the mark at
    `mark`: "yesterday's drama, the claw through the bars" and "last week's incident (the
    lunge)" name what happened then. One or two words of no phrase follow the earlier time's
    possessive ("week's incident"), and nothing but things lies between the mark and the act, so
    a new subject ("after yesterday's scare, the cat bit her") is this session's act."""
    words = tokens.words
    if words[mark].raw not in lexicon.apposition_marks:
        return False
    # An earlier time that heads its sentence as a label, a colon after it, dates the whole
    # sentence: "Hx: scratched Gauze 11/20.", "Last week: Tom bit Pip."
    label = phrases.of(mark - 1) if mark else None
    if (
        words[mark].raw == ":"
        and label is not None
        and label.entry is not None
        and label.entry.key == EARLIER
        and label.last == mark - 1
        and (label.first == 0 or tokens.sentences[label.first - 1] != tokens.sentences[mark])
        and tokens.sentences[first] == tokens.sentences[mark]
    ):
        return True
    for position in range(mark + 1, first):
        owner = phrases.of(position)
        if words[position].kind != "w" or (owner is not None and owner.kind != "object"):
            return False
    if words[mark].raw == "(" and _referenced(tokens, phrases, lexicon, mark):
        return True
    for length in (1, 2):
        at = mark - length - 1
        if at < 0 or any(
            words[p].kind != "w" or phrases.of(p) is not None for p in range(at + 1, mark)
        ):
            return False
        owner = phrases.of(at)
        if (
            owner is not None
            and owner.entry is not None
            and owner.entry.key == EARLIER
            and words[at].raw.lower().replace("\u2019", "'").endswith("'s")
        ):
            return True
    return False


REFERENCE_REACH = 6
"""How many tokens an earlier record's reference may name it by before its brackets."""


def _referenced(tokens: Tokens, phrases: Phrases, lexicon: Lexicon, mark: int) -> bool:
    """Whether the bracket at `mark` follows a reference to an earlier record that opens its
    sentence or clause ("Update: Ref. ..."), with only words of no phrase (and a date's slash)
    between: "Ref. incident log 14/11 (swat)", "Follow-up to report of 28/11 (swat)" tell what
    that record told, unless the brackets say now (`negation.told_now`: "(new bite tonight)")."""
    words = tokens.words
    position = mark - 1
    while (
        position >= max(0, mark - REFERENCE_REACH)
        and tokens.sentences[position] == (tokens.sentences[mark])
    ):
        owner = phrases.of(position)
        if owner is not None:
            return (
                owner.entry is not None
                and owner.entry.key == EARLIER
                and (owner.first == 0 or words[owner.first - 1].mark)
                and not _told_now(tokens, lexicon, mark)
            )
        if words[position].kind != "w" and words[position].raw != "/":
            return False
        position -= 1
    return False


def _told_now(tokens: Tokens, lexicon: Lexicon, mark: int) -> bool:
    """Whether the brackets opened at `mark` hold one of `negation.told_now`."""
    words = tokens.words
    close = mark + 1
    while close < len(words) and words[close].raw != ")" and not words[close].stop:
        close += 1
    end = tokens.starts[close] if close < len(words) else len(tokens.text)
    return bool(lexicon.told_now.search(tokens.text[tokens.starts[mark] : end].lower()))


def _within_reach(
    tokens: Tokens, phrases: Phrases, position: int, step: int
) -> Iterator[tuple[Word, Match | None]]:
    """The words from `position` on, one `step` at a time (1 ahead, -1 back), up to `REACH` of
    them and not past a mark: each with the phrase it belongs to, if any."""
    words = tokens.words
    for _ in range(REACH):
        if not 0 <= position < len(words) or words[position].kind != "w":
            return
        yield words[position], phrases.of(position)
        position += step


def _earlier_after(tokens: Tokens, phrases: Phrases, lexicon: Lexicon, position: int) -> bool:
    """Whether an earlier session is named right after the act in its clause, before any other
    event: "owner reports fight 2 days ago", "Tom swatted the carrier last week"."""
    for word, owner in _within_reach(tokens, phrases, position, 1):
        if owner is not None:
            if owner.entry is not None and owner.entry.key == EARLIER:
                return not _compared(tokens, lexicon, owner.first)
            if owner.kind in EVENT_KINDS:
                return False
        elif (
            word.lemma in lexicon.scope_ends
            or word.norm in lexicon.clause_joiners
            or word.norm in lexicon.subordinators
        ):
            return False
    return False


def _compared(tokens: Tokens, lexicon: Lexicon, first: int) -> bool:
    """Whether the earlier time at `first` is what this session is compared with: right after
    one of `comparisons`, or after one and a preposition ("harder than last wk", "compared to
    last wk")."""
    words = tokens.words
    for at in (first - 1, first - 2):
        if at < 0 or words[at].kind != "w":
            return False
        if words[at].norm in lexicon.comparisons or words[at].lemma in lexicon.comparisons:
            return True
        if words[at].lemma not in lexicon.prepositions:
            return False
    return False


def _healed(tokens: Tokens, phrases: Phrases, lexicon: Lexicon, position: int) -> bool:
    """Whether the clause says, after a wound, that it has healed (`negation.healed`), past
    the animal it is on: "last week's scratch on Sorrel's side has healed over"."""
    for word, owner in _within_reach(tokens, phrases, position, 1):
        if owner is not None:
            if owner.entry is not None and owner.entry.key == HEALED:
                # with no word between its words: "has not healed" is a wound still
                return len(owner.positions) == owner.last - owner.first + 1
            if owner.kind in EVENT_KINDS or owner.kind in QUALIFIERS:
                return False  # "has not healed up yet" is a wound still
        elif word.norm in lexicon.clause_joiners:
            return False
    return False


def _future(tokens: Tokens, lexicon: Lexicon, first: int, last: int) -> bool:
    """Whether the clause after a hedge, from `first` up to the mark after the act ending at
    `last`, is of a time to come or a condition (`negation.futures`: "dunno if Rex is gonna
    bite Max if I leave them", "dunno if she'll bite next time"): it reports no act."""
    words = tokens.words
    end = last + 1
    while end < len(words) and words[end].kind == "w":
        end += 1
    stop = tokens.starts[end] if end < len(words) else len(tokens.text)
    return bool(lexicon.futures.search(tokens.text[tokens.starts[first] : stop].lower()))


def _expected(tokens: Tokens, phrases: Phrases, lexicon: Lexicon, position: int) -> bool:
    """Whether an expectation ("I thought", "scared": `negation.expectations`) comes shortly
    before the attempt or hedge that starts at `position`, in its clause: then it was only
    feared."""
    words = tokens.words
    for word, owner in _within_reach(tokens, phrases, position - 1, -1):
        if owner is not None and owner.kind in EXPECTING:
            return tuple(words[p].norm for p in owner.positions) in lexicon.expectations
        if word.lemma in lexicon.scope_ends or word.norm in lexicon.clause_joiners:
            return False
    return False


def _form_label(tokens: Tokens, lexicon: Lexicon, match: Match) -> int:
    """The colon after a signal that heads a form's field ("Injuries: ...", and with one of
    `form_labels` before the colon: "Injuries sustained: none"); 0 when it heads none."""
    words = tokens.words
    position = match.last + 1
    if position < len(words) and words[position].norm in lexicon.form_labels:
        position += 1
    if (
        position < len(words)
        and words[position].raw == ":"
        and (match.first == 0 or words[match.first - 1].mark)
    ):
        return position
    return 0


def _told_again(tokens: Tokens, phrases: Phrases, match: Match, colon: int) -> bool:
    """Whether the answer of a form's field, up to its sentence's end, tells the field's
    signal again ("Injuries sustained: no injuries were sustained", "... puncture wound to the
    rodent's neck"): the answer says it, denied or where, and the label is no reading itself."""
    signals = set(match.senses.values())
    sentence = tokens.sentences[colon]
    position = colon + 1
    while position < len(tokens.words) and tokens.sentences[position] == sentence:
        other = phrases.of(position)
        if other is not None and other.kind in EVENT_KINDS:
            if not signals.isdisjoint(other.senses.values()):
                return True
            position = other.last
        position += 1
    return False


def _clause_opening(
    tokens: Tokens, phrases: Phrases, mentions: Mentions, lexicon: Lexicon, index: int
) -> bool:
    position = phrases.matches[index].first - 1
    while position >= 0 and tokens.words[position].kind == "w":
        owner = phrases.at[position]
        if owner >= 0:
            if owner not in mentions.at:
                return False
        elif tokens.words[position].lemma not in lexicon.determiners:
            return False
        position -= 1
    return True


def _joins_names(phrases: Phrases, position: int) -> bool:
    """Whether the plain word at `position` stands between two animals' names ("Tatra and
    Dunaj")."""
    if position < 1 or position + 1 >= len(phrases.at):
        return False
    before, after = phrases.of(position - 1), phrases.of(position + 1)
    return (
        phrases.at[position] < 0
        and before is not None
        and after is not None
        and before.kind == "name"
        and after.kind == "name"
    )
