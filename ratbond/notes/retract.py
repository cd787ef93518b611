"""Self-corrections: a writer who takes words back ("he bit - no wait, he nipped her", "Ada -
no, Nkechi - ran") means only the words after the cue. Read before the tokens: the words taken
back are blanked (the text keeps its length, so every span keeps its place), and a short
replacement is written over the word it replaces where it fits.

A cue (`retractions` in data/notes.yaml) is strong ("no wait", "correction:", "- no,") or weak
("- well", "- ok not bit,"): a weak cue counts only in a closed aside of one or two words
("he bit - well, nipped - her"). What follows the cue, up to a closing dash, a comma or the
sentence's end, replaces:
- one or two words that start with an animal's name or a pronoun: the last name or pronoun
  before the cue, and the rest of its clause up to the cue unless the replacement fits in its
  place;
- one or two other words: the last word before the cue that opens a lexicon phrase (else the
  last word);
- more words (a whole clause): everything from the clause's start up to the cue.
A replacement that opens with a denial ("- no, not the mesh") says more and takes nothing back.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Collection
from functools import lru_cache
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from ratbond.notes.tokens import Word

DASHES = "-\u2013\u2014"
WORD_RE = re.compile(r"[^\W\d_]+(?:['\u2019][^\W\d_]+)*")
DASH = r"(?:\s[-\u2013\u2014]+\s*|\s*[\u2013\u2014]\s*)"
CLOSE_RE = re.compile(r"\s[-\u2013\u2014]+(?=\s)|\s*[\u2013\u2014]")
END_RE = re.compile(r"[.!?;\n]")
STOP_RE = re.compile(r"[.!?;\n,]")
BOUND_RE = re.compile(r"[.!?;:\n,()]|\s[-\u2013\u2014]+\s|[\u2013\u2014]")


@lru_cache(maxsize=8)
def cue_pattern(strong: tuple[str, ...], weak: tuple[str, ...]) -> re.Pattern[str]:
    """One pattern for every cue: group `s` a strong cue, `w` a weak one (after a dash only).
    A cue word `~` stands for any one word ("ok not ~,": "ok not bit,")."""

    def alternation(cues: tuple[str, ...]) -> str:
        parts = []
        for cue in sorted(cues, key=len, reverse=True):
            dashed = cue.startswith("-")
            bare = cue[1:].strip() if dashed else cue
            text = re.escape(bare).replace(r"\ ", r"\s+").replace(r"\~", r"[^\W\d_]+")
            if dashed:
                parts.append(DASH + text)
            else:
                parts.append(rf"(?:{DASH})?(?<![^\W_]){text}")
        return "|".join(parts)

    weak_part = rf"{DASH}(?:{alternation(weak)})" if weak else r"(?!x)x"
    strong_part = alternation(strong) if strong else r"(?!x)x"
    return re.compile(
        rf"(?P<s>(?:{strong_part})(?![^\W_]),?)|(?P<w>(?:{weak_part})(?![^\W_]),?)", re.IGNORECASE
    )


def cue_keys(strong: tuple[str, ...]) -> tuple[str, ...]:
    """What a note must hold for a cue to match: a dash (a weak cue, or a strong one after a
    dash), or the longest word of a strong cue read anywhere."""
    keys = set(DASHES)
    for cue in strong:
        if not cue.startswith("-"):
            keys.add(max(cue.replace(",", " ").replace(":", " ").split(), key=len).lower())
    return tuple(sorted(keys))


def retract(
    text: str,
    pattern: re.Pattern[str],
    lead: Collection[str],
    joiners: Collection[str],
    word: Callable[[str], Word],
    is_subject: Callable[[str], bool],
) -> str:
    """`text` with the words its writer took back blanked (same length). `lead` are words that
    may open a replacement and mean nothing ("na", "it", "was"); `joiners` open a clause;
    `is_subject` says whether a normalised word is an animal's name or a pronoun."""
    chars = list(text)
    floor = 0
    for match in pattern.finditer(text):
        if match.start() < floor:
            continue
        weak = match.group("w") is not None
        after = match.end()
        # The replacement: up to a closing dash (an aside), else a comma or the sentence's end.
        end_match = END_RE.search(text, after)
        sentence_end = end_match.start() if end_match else len(text)
        close = CLOSE_RE.search(text, after, sentence_end)
        stop = STOP_RE.search(text, after)
        limit = close.start() if close else (stop.start() if stop else len(text))
        words = list(WORD_RE.finditer(text, after, limit))
        while words and words[0].group().lower() in lead:
            words.pop(0)
        while words and words[-1].group().lower() in lead:
            words.pop()
        short = 0 < len(words) <= 2
        if words and _denies(word(words[0].group())):
            # "he bit Pip - no, not the mesh": a denial that says more, no correction.
            continue
        if weak and not (close and short):
            continue
        # The clause the cue takes words back from.
        begin = floor
        for bound in BOUND_RE.finditer(text, floor, match.start()):
            begin = max(begin, bound.end())
        before = list(WORD_RE.finditer(text, begin, match.start()))
        cut = 0
        for index, found in enumerate(before):
            if found.group().lower() in joiners:
                cut = index + 1
        before = before[cut:]
        if not before or not words:
            continue
        if short:
            first = word(words[0].group())
            subject = is_subject(first.norm)
            targets = [
                i
                for i, found in enumerate(before)
                if (is_subject(word(found.group()).norm) if subject else _opens(word, found))
            ]
            target = before[targets[-1] if targets else -1]
            new = text[words[0].start() : words[-1].end()]
            if len(new) <= target.end() - target.start():
                # Written over the word it replaces; its own place and the cue are blanked.
                _blank(chars, target.start(), target.end())
                chars[target.start() : target.start() + len(new)] = new
                _blank(chars, match.start(), limit)
            else:
                _blank(chars, target.start(), match.end() if subject else target.end())
                _blank(chars, match.start(), words[0].start())
                _blank(chars, words[-1].end(), limit)
            if close:
                _blank(chars, close.start(), close.end())
        else:
            _blank(chars, before[0].start(), words[0].start())
        floor = limit
    return "".join(chars)


def _opens(word: Callable[[str], Word], found: re.Match[str]) -> bool:
    return word(found.group()).starts is not None


def _denies(known: Word) -> bool:
    return known.starts is not None and any(
        pattern.phrase.entry.kind == "cue" for pattern in known.starts.patterns
    )


def _blank(chars: list[str], start: int, end: int) -> None:
    for index in range(start, end):
        if chars[index] != "\n":
            chars[index] = " "


# A word starred after a slip, as phone typists correct autocorrect: "Zit bot Pesto. *bit.",
# "breathing super fat *fast". The star opens the word and follows a space or a sentence's start.
STAR_RE = re.compile(r"(?<![^\s.!?;,(])\*([^\W\d_]+)(?![\w*])")
SENTENCE_END_RE = re.compile(r"[.!?;\n]+")
# More words after a starred word in its clause: the star stresses ("*big time").
STRESSED_RE = re.compile(r"[^\S\n]*[^\W\d_]")


def starred(
    text: str,
    signal_word: Callable[[str], bool] = lambda word: False,
    known_word: Callable[[str], bool] = lambda word: False,
) -> str:
    """`text` with each starred correction ("*bit") put in place of the word it corrects: the
    word before it, in its sentence or (when the star opens a sentence) the one before, nearest
    in spelling (with the same first letter, two edits for a word of four letters or fewer and
    three for a longer one; else one edit; among equals the nearest to the star). A correction
    that fits is written over that word (the text keeps its length, so every span keeps its
    place); a longer one blanks it and is read where the star is. A star that corrects no word
    is left as it is, and so is a star with more words after it in its clause ("*big time",
    "*but only once": a stress, not a correction). A signal word (`signal_word`) is never
    written over by a word that is none ("bit ... *bum"), and a word that is no known word
    (`known_word`, a slip) is preferred to one that is."""
    from rapidfuzz.distance import OSA

    chars = list(text)
    for found in STAR_RE.finditer(text):
        correction = found.group(1)
        star = found.start()
        if STRESSED_RE.match(text, found.end()):
            continue
        keeps = not signal_word(correction)
        ends = [m.end() for m in SENTENCE_END_RE.finditer(text, 0, star)]
        opening = not text[ends[-1] if ends else 0 : star].strip()
        start = (ends[-2] if len(ends) > 1 else 0) if opening else (ends[-1] if ends else 0)
        best: tuple[tuple[bool, int], int, int, int] | None = None
        for word in WORD_RE.finditer(text, start, star):
            written = word.group(0)
            if written.lower() == correction.lower():
                best = None
                break
            distance = OSA.distance(written.lower(), correction.lower())
            # a slip keeps the first letter, or is one edit away ("out" for "cut")
            limit = 2 if min(len(written), len(correction)) <= 4 else 3
            if written[0].lower() != correction[0].lower():
                limit = 1
            if distance > limit or (keeps and signal_word(written)):
                continue
            rank = (known_word(written), distance)
            if best is None or rank <= best[0]:
                best = (rank, -word.start(), word.start(), word.end())
        if best is None:
            continue
        _, _, first, last = best
        chars[star] = " "
        if len(correction) <= last - first:
            chars[first:last] = correction + " " * (last - first - len(correction))
            _blank(chars, found.start(1), found.end(1))
        else:
            _blank(chars, first, last)
    return "".join(chars)


QUOTE_RE = re.compile(r"\"([^\"]+)\"|\u201c([^\u201d]+)\u201d|(?<![\w])'([^']+?)'(?![\w])")


def explained_quotes(text: str, explanations: Collection[tuple[str, ...]]) -> str:
    """`text` with each quotation blanked that its sentence explains away after it ("Lily says
    'kitty scratch!' but she means the scratching post", "the toddler shouted \"kitty bite
    rat\" - he was just being silly"): a child's or anyone's words so explained are no event.
    The text keeps its length, so every span keeps its place."""
    if not explanations:
        return text
    out = text
    for found in QUOTE_RE.finditer(text):
        rest = text[found.end() :]
        end = SENTENCE_END_RE.search(rest)
        after = re.findall(r"[a-z]+", (rest[: end.start()] if end else rest).lower())
        if any(
            tuple(after[at : at + len(words)]) == words
            for words in explanations
            for at in range(len(after) - len(words) + 1)
        ):
            start, stop = found.span()
            out = out[:start] + " " * (stop - start) + out[stop:]
    return out
