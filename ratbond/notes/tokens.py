"""Stage 1 of reading a note: its tokens (words, sentence ends, clause marks), each word with
its normal form, its lemma (small typos of lexicon words corrected) and the phrases it opens."""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from collections.abc import Callable, Collection, Iterator, Mapping, Set
from dataclasses import dataclass
from functools import lru_cache
from itertools import accumulate, compress, count
from operator import add, attrgetter

from ratbond.notes.lexicon import Lexicon, normalise, sound_key, spelled_sound
from ratbond.notes.patterns import Pattern, Starts, starts_of

# Curly quotes and dashes written as escapes: \u2019 apostrophe, \u2013 and \u2014 dashes. A
# hyphen is a mark only with a space or tab before it and a space after (tried only at a hyphen,
# so the scan does not stop at every space).
TOKEN_RE = re.compile(
    r"(?P<w>[^\W\d_]+(?:['\u2019][^\W\d_]+)*|\d+)"
    r"|(?P<s>[.!?;]+|\n)"
    r"|(?P<c>[,:()\[\]\"\u201c\u201d/&\u2013\u2014]|(?<=[ \t])-+(?=\s))"
)
# The same tokens, as strings (no groups): what `findall` returns fastest.
TOKEN_TEXT_RE = re.compile(re.sub(r"\(\?P<\w>", "(?:", TOKEN_RE.pattern))
# Pictographs (emoji) and dingbats: one that is no sign of `shorthand` ends a clause before an
# animal's name, as a phone writer uses it (see `_expand`), and is skipped elsewhere.
EMOJI = "[\U0001f300-\U0001faff\u2600-\u27bf\u2b00-\u2bff]"
EMOJI_RE = re.compile(EMOJI)


def token_pattern(shorthand: Collection[str]) -> re.Pattern[str]:
    """`TOKEN_TEXT_RE` with the lexicon's signs for words tried first (longest first): an
    emoji, a tick or a cross, "w/". A sign that starts or ends with a letter is matched as a
    whole word only ("NAD", not the start of "Nadia")."""
    if not shorthand:
        return TOKEN_TEXT_RE
    signs = []
    for sign in sorted(shorthand, key=len, reverse=True):
        text = re.escape(sign)
        if sign[:1].isalnum():
            text = r"(?<![^\W_])" + text
        if sign[-1:].isalnum():
            text += r"(?![^\W_])"
        signs.append(text)
    # A sign is tried only where one may start: the regex engine tries each alternative in turn.
    first = "".join(sorted({re.escape(sign[0]) for sign in shorthand}))
    return re.compile(
        f"(?=[{first}])(?:" + "|".join(signs) + ")|" + EMOJI + "|" + TOKEN_TEXT_RE.pattern
    )


def token_finder(shorthand: Collection[str]) -> Callable[[str], Iterator[re.Match[str]]]:
    """The tokens of a text, as `token_pattern` finds them. Most notes are ASCII with no sign
    in them: there no sign can match, so the plain `TOKEN_TEXT_RE` finds the same tokens
    without trying the signs at each one."""
    pattern = token_pattern(shorthand)
    if pattern is TOKEN_TEXT_RE:
        return pattern.finditer
    signs = {sign for sign in shorthand if sign.isascii()}
    # A sign that holds a shorter one ("w/o": "w/") is found by that one.
    shortest = tuple(sorted(s for s in signs if not any(o != s and o in s for o in signs)))
    plain = TOKEN_TEXT_RE.finditer
    signed = pattern.finditer

    def finditer(text: str) -> Iterator[re.Match[str]]:
        if text.isascii() and not any(sign in text for sign in shortest):
            return plain(text)
        return signed(text)

    return finditer


# A word with a digit next to a letter ("Li1y", "01iver", "10am"): a scanner's misread or a
# number with its unit.
SCAN_WORD_RE = re.compile(
    r"(?<![^\W_])[^\W_]*(?:\d[^\W\d_]|[^\W\d_]\d)[^\W_]*(?:['\u2019][^\W_]+)*"
)
NUMBER_UNIT_RE = re.compile(r"\d+([^\W\d_]+)|([^\W\d_]+)\d+")


def scanned_digits(
    text: str,
    digits: Mapping[str, tuple[str, ...]],
    units: Collection[str],
    is_word: Callable[[str], bool],
) -> str:
    """`text` with each digit a scanner read for a letter inside a word written as that letter
    ("Li1y" is Lily, "b1ood" blood, "01iver" Oliver), one character for one, so every offset
    stays, when that makes a word (`is_word`; a digit read as several letters is tried as
    each in turn: "cl1mbed" is climbed). A word with another digit ("2nd"), a number
    with its unit ("10am", "1st", "x10") and a digit that is a syllable in a text ("no1",
    "any1") are no misread."""
    most = max(map(len, digits.values()), default=0)
    tables = [
        str.maketrans(
            {digit: letters[min(turn, len(letters) - 1)] for digit, letters in digits.items()}
        )
        for turn in range(most)
    ]

    def read(match: re.Match[str]) -> str:
        word = match.group()
        if any(char.isdigit() and char not in digits for char in word):
            return word
        unit = NUMBER_UNIT_RE.fullmatch(word)
        if unit is not None and (unit[1] or unit[2]).lower() in units:
            return word
        for table in tables:
            fixed = word.translate(table)
            if is_word(fixed):
                return fixed
        return word

    return SCAN_WORD_RE.sub(read, text)


# Column getters, so each column is built by one `map` in C.
MATCH_TEXT = re.Match.group
MATCH_START = re.Match.start
IS_MARK = attrgetter("mark")
IS_STOP = attrgetter("stop")
NORM = attrgetter("norm")
KEYS = attrgetter("keys")
EXACT_TYPO = 7
"""The shortest typo read as the exact form it was corrected into."""
WORD_CACHE = 100_000
"""Token texts remembered per reader (each costs a lemma and, for an unknown word, a fuzzy
look-up); a note holds at most a few thousand."""


@dataclass(frozen=True, slots=True)
class Word:
    """A token's text as the reader knows it; one object per distinct text, shared."""

    kind: str
    """"w" a word, "s" a sentence end, "c" a clause mark."""
    raw: str
    norm: str = ""
    lemma: str = ""
    exact: str = ""
    """`=` and the normal form: what a phrase's `=word` part matches."""
    starts: Starts | None = None
    """The lexicon phrases that start with this word, if any."""
    keys: tuple[str, ...] = ()
    mark: bool = False
    """A sentence end or a clause mark."""
    stop: bool = False
    """A sentence end."""
    sound: str = ""
    """Its `sound_key`: how dictation may have heard an animal's name."""
    """What a phrase in its clause may match: its lemma and exact form."""


@dataclass(frozen=True, slots=True)
class Tokens:
    """A note as tokens, column by column (index i is the i-th token)."""

    text: str
    words: tuple[Word, ...]
    starts: tuple[int, ...]
    ends: tuple[int, ...]
    sentences: tuple[int, ...]
    clauses: tuple[int, ...]
    parts: tuple[int, ...]
    """A clause's parts: a clause joiner ("and", "then") starts a new one."""
    segments: tuple[Set[str], ...]
    """Per clause, the lemmas and exact forms in it."""
    named: tuple[int, ...]
    """Where an animal's name may start."""

    def sentence_range(self, sentence: int) -> range:
        """The positions of the tokens of sentence number `sentence` (sentences number the
        tokens in order, so two searches find its bounds)."""
        return range(bisect_left(self.sentences, sentence), bisect_right(self.sentences, sentence))


class WordTable:
    """Token text to `Word`, remembered in a functools cache per reader."""

    def __init__(self, lexicon: Lexicon, patterns: Callable[[str], tuple[Pattern, ...]]) -> None:
        self.lexicon = lexicon
        self.patterns = patterns
        self.word: Callable[[str], Word] = lru_cache(maxsize=WORD_CACHE)(self._word)

    def _word(self, raw: str) -> Word:
        match = TOKEN_RE.fullmatch(raw)
        kind = match.lastgroup if match is not None else None
        if kind != "w":
            return Word(kind or "c", raw, mark=True, stop=kind == "s")
        norm = normalise(raw)
        # A dropped g, as speech and dialect write it ("boxin", "bleedin'"), is the -ing form.
        if norm.endswith("in") and (norm + "g" in self.lexicon.surface or self.dropped_g(norm)):
            norm += "g"
        lemma, form = self.corrected(norm)
        # A long typo corrected into a form reads as that form in phrases that name it exactly
        # too ("got scrached" is the passive "got =scratched"); a short one may be another
        # word's ("boing" is no "=boxing"). So does a long synonym ("was gebissen" is "was
        # =bitten"; "mi", Jamaican "my", is no "=my").
        long = len(norm) >= EXACT_TYPO
        exact = "=" + ((self.lexicon.synonyms.get(norm) or form) if long else norm)
        # Longest first, and on a tie a not-signal phrase first, whether it is keyed by the
        # lemma or by the exact form ("=grabe", Tagalog "so much", is no "grab").
        starts = starts_of(
            tuple(
                sorted(
                    self.patterns(lemma) + self.patterns(exact),
                    key=lambda pattern: (-pattern.words, pattern.phrase.entry.kind != "block"),
                )
            )
        )
        return Word(kind, raw, norm, lemma, exact, starts, (lemma, exact), sound=sound_key(norm))

    def dropped_g(self, norm: str) -> bool:
        """Whether a word ending in "in" is an English -ing form with its g dropped, as dialect
        writes it ("wavin the feather toy", "draggin", "cuttin her lip"): it is no English word
        itself and it is one with the g."""
        if len(norm) < 5 or not norm.isalpha():
            return False
        from ratbond.care.words import is_english

        return not is_english(norm) and is_english(norm + "g")

    def lemma(self, norm: str) -> str:
        """The lexicon lemma of a normalised word, correcting small typos of lexicon words."""
        return self.corrected(norm)[0]

    def corrected(self, norm: str) -> tuple[str, str]:
        """The lexicon lemma of a normalised word and the form it was read as: the word itself,
        or the lexicon form a small typo of it was corrected into."""
        form = self._correction(norm)
        return (self.lexicon.surface[form], form) if form else (self.lexicon.stem(norm), norm)

    def _correction(self, norm: str) -> str:
        """The lexicon form `norm` is, or is a small typo of; "" if none."""
        lexicon = self.lexicon
        if norm in lexicon.surface:
            return norm
        if lexicon.stem(norm) in lexicon.lemmas or len(norm) < 4:
            return ""
        if len(norm) == 4:
            # A short word is corrected only for two letters swapped ("biet": bite), and only
            # into a word that opens a signal phrase: any other edit would reach a real word.
            for cut in range(3):
                swapped = norm[:cut] + norm[cut + 1] + norm[cut] + norm[cut + 2 :]
                lemma = lexicon.surface.get(swapped, "")
                opens = self.patterns(lemma)
                if any(
                    pattern.phrase.entry.kind == "signal" for pattern in opens
                ) and not self.real_word(norm):
                    return swapped
            return ""
        for written, other in lexicon.spelling_swaps:
            if written in norm:
                swapped = norm.replace(written, other)
                if swapped in lexicon.surface:
                    return swapped
        if not norm.isalpha():
            return ""
        # Spelt by ear: a word that sounds like a signal word is it ("brucksing": bruxing).
        heard = lexicon.sounds.get(spelled_sound(norm, lexicon.sound_spellings))
        if heard is not None and not self.real_word(norm):
            return heard
        targets = lexicon.fuzzy_targets.get(norm[0])
        if not targets:
            return ""
        # Imported here: rapidfuzz costs start-up time and most notes never need it.
        from rapidfuzz import process
        from rapidfuzz.distance import OSA

        limit = 1 if len(norm) < 8 else 2
        hits = process.extract(norm, targets, scorer=OSA.distance, score_cutoff=limit, limit=8)
        if not hits or self.real_word(norm):
            return ""
        best = min(hit[1] for hit in hits)
        # Among equally close words, one the typo only dropped letters from ("scrating" is
        # "scratching", not "scrapping"), then the one of the nearest length and longest
        # shared start.
        return min(
            (hit[0] for hit in hits if hit[1] == best),
            key=lambda form: (
                not _within(norm, form),
                abs(len(form) - len(norm)),
                -_shared(form, norm),
                form,
            ),
        )

    def real_word(self, norm: str) -> bool:
        """Whether a word the lexicon does not know is English in either spelling ("realised",
        "moulting"): a real word is never a typo. Asked only of a word a correction would
        change, so most notes never load the word list."""
        from ratbond.care.words import is_english

        lexicon = self.lexicon
        return (
            norm in lexicon.protected
            or is_english(norm)
            or any(
                is_english(norm.replace(written, other))
                for written, other in lexicon.spelling_swaps
                if written in norm
            )
        )


def tokenise(
    text: str,
    word: Callable[[str], Word],
    names: Collection[str],
    joiners: Collection[str],
    finditer: Callable[[str], Iterator[re.Match[str]]] = TOKEN_TEXT_RE.finditer,
    shorthand: Mapping[str, tuple[str, ...]] | None = None,
    known: Collection[str] = frozenset(),
    noun_synonyms: Mapping[str, str] | None = None,
    followers: Collection[str] = frozenset(),
    scan_letters: tuple[tuple[str, str], ...] = (),
    elisions: Mapping[str, str] | None = None,
    frames: tuple[Collection[str], Collection[str]] = (frozenset(), frozenset()),
    attributes: tuple[Mapping[str, str], Collection[str], Mapping[str, str]] | None = None,
    abbreviations: Collection[str] = frozenset(),
    name_contractions: Mapping[str, str] | None = None,
    dropped_endings: Mapping[str, str] | None = None,
) -> Tokens:
    """The tokens of `text`; `names` are the first words of the animals' names, `joiners` the
    clause joiners; `finditer` finds them (`token_finder` of the `shorthand` signs, each read
    as the tokens it stands for, all at the sign's place); a word `known` (lexicon forms) but
    for a dropped h is read whole (see `_dropped_h`). Built column by column (each a pass in C
    where it can be)."""
    found = list(finditer(text))
    raws = list(map(MATCH_TEXT, found))
    starts: tuple[int, ...] = tuple(map(MATCH_START, found))
    if known and ("'" in text or "\u2019" in text):
        raws = _dropped_h(text, raws, starts, known)
    if dropped_endings and ("'" in text or "\u2019" in text):
        raws = _dropped_endings(text, raws, starts, dropped_endings)
    ends: tuple[int, ...] = tuple(map(add, starts, map(len, raws)))
    if "[" in text:
        raws = _chat_lines(raws)
    if ":" in text or "." in text:
        raws = _time_heads(raws)
    if abbreviations and "." in text:
        raws, starts, ends = _abbreviated(raws, starts, ends, abbreviations)
    if (elisions or name_contractions) and ("'" in text or "\u2019" in text):
        raws, starts, ends = _elided(
            raws, starts, ends, elisions or {}, name_contractions or {}, names
        )
    if scan_letters and any(written in text for written, _ in scan_letters):
        raws = _scan_letters(raws, scan_letters, known, names)
    if shorthand and (not text.isascii() or not shorthand.keys().isdisjoint(raws)):
        raws, starts, ends = _expand(raws, starts, ends, shorthand, names)
    if attributes and (attributes[0] or attributes[2]):
        raws = _attributes(raws, attributes, names)
    if noun_synonyms:
        raws = _noun_synonyms(list(raws), noun_synonyms, followers, frames)
    words = tuple(map(word, raws))
    if scan_letters:
        whole = _split_words(raws, starts, ends, words, known, names)
        if whole is not None:
            raws, starts, ends = whole
            words = tuple(map(word, raws))
    marks = list(map(IS_MARK, words))
    stops = list(map(IS_STOP, words))
    # A mark belongs to the clause it ends; a joiner opens the part it belongs to.
    clauses = tuple(accumulate(marks, initial=0))[:-1]
    sentences = tuple(accumulate(stops, initial=0))[:-1]
    norms = list(map(NORM, words))
    joined = accumulate(map(joiners.__contains__, norms))
    parts = tuple(map(add, clauses, joined))
    cuts = list(compress(count(), marks))
    segments: list[Set[str]] = []
    begin = 0
    for cut in [*cuts, len(words)]:
        segments.append(set().union(*map(KEYS, words[begin:cut])))
        begin = cut + 1
    named = tuple(compress(count(), map(names.__contains__, norms)))
    return Tokens(text, words, starts, ends, sentences, clauses, parts, tuple(segments), named)


def _attributes(
    raws: list[str],
    attributes: tuple[Mapping[str, str], Collection[str], Mapping[str, str]],
    names: Collection[str],
) -> list[str]:
    """A size as chat spells it ("lil", "smol") is the size before a noun ("a lil cut on her
    ear"); when the word after the next one is an animal's name, a possessive or one of the
    `attributes` objects, the next word is a verb and the size a person's name ("Lil cut Pip's
    nails today"), left as written. A verb of sound ("pipped") is the word it stands for with
    no such object right after it ("Rex pipped Max to the treat" beat him to it)."""
    sizes, objects, verbs = attributes
    out = list(raws)

    def takes_object(at: int) -> bool:
        if at >= len(raws):
            return False
        later = raws[at].lower().replace("\u2019", "'")
        return later in objects or later in names or later.endswith("'s")

    for index, raw in enumerate(raws):
        key = raw.lower()
        if key in sizes and not takes_object(index + 2):
            out[index] = sizes[key]
        elif key in verbs and not takes_object(index + 1):
            out[index] = verbs[key]
    return out


def _noun_synonyms(
    raws: list[str],
    synonyms: Mapping[str, str],
    followers: Collection[str],
    frames: tuple[Collection[str], Collection[str]] = (frozenset(), frozenset()),
) -> list[str]:
    """A slang noun is the word it stands for where it ends its phrase: before a mark, the
    note's end or one of `followers` ("drew a bit of claret.", "claret on his ear"); before
    another word it describes that word ("the claret cushion") and stays as written. With
    `frames` (words before, words after) it is read so only in such a frame, after one of the
    first ("there was blud.", "drew a bit of claret") or before one of the second ("blud on
    his tail"): as a phrase's opener or closer it is a word of address ("Nah blud, ...",
    "they're fine blud!")."""
    last = len(raws) - 1
    before, after_words = frames
    for index, raw in enumerate(raws):
        read = synonyms.get(raw.lower())
        if read is None:
            continue
        after = raws[index + 1] if index < last else ""
        if not after[:1].isalnum() or after.lower() in followers:
            if before or after_words:
                prior = raws[index - 1].lower() if index > 0 else ""
                if prior not in before and after.lower() not in after_words:
                    continue
            raws[index] = read
    return raws


def scanned_word(
    word: str,
    pairs: tuple[tuple[str, str], ...],
    known: Collection[str],
    names: Collection[str],
) -> bool:
    """Whether a word a scanner may have misread is a `known` word or an animal's name, as
    written or with one of the letter groups it misreads written as the one it stands for, or
    else an English word."""
    norm = normalise(word)
    if norm in known or norm in names:
        return True
    for written, read in pairs:
        fixed = norm.replace(written, read)
        if fixed != norm and (fixed in known or fixed in names):
            return True
    from ratbond.care.words import is_english

    return is_english(norm)


def _split_words(
    raws: list[str],
    starts: tuple[int, ...],
    ends: tuple[int, ...],
    words: tuple[Word, ...],
    known: Collection[str],
    names: Collection[str],
) -> tuple[list[str], tuple[int, ...], tuple[int, ...]] | None:
    """A word a scanned page split at an old line's end or a gap ("pock et", "no ise",
    "twitch- ing"): two neighbouring words, one of them neither known nor a name, whose join
    is a `known` word, read as that word across both (None when there is none). A part of one
    letter is a word of its own or a stray mark, never half of a split word ("Tom b at the
    cage" is no "bat")."""
    norms = [word.norm if word.kind == "w" and len(word.norm) > 1 else "" for word in words]
    found = [
        index
        for index in range(len(norms) - 1)
        if norms[index]
        and norms[index + 1]
        and not (norms[index] in known and norms[index + 1] in known)
        and norms[index] + norms[index + 1] in known
        and norms[index] not in names
        and norms[index + 1] not in names
    ]
    if not found:
        return None
    texts: list[str] = []
    begins: list[int] = []
    finishes: list[int] = []
    index = 0
    while index < len(raws):
        if found and found[0] == index:
            found.pop(0)
            texts.append(raws[index] + raws[index + 1])
            begins.append(starts[index])
            finishes.append(ends[index + 1])
            index += 2
            if found and found[0] == index - 1:
                found.pop(0)
            continue
        texts.append(raws[index])
        begins.append(starts[index])
        finishes.append(ends[index])
        index += 1
    return texts, tuple(begins), tuple(finishes)


def _chat_lines(raws: list[str]) -> list[str]:
    """A chat pasted in: the time in brackets that heads each message ("[19:02] Mum: ...")
    ends the sentence before it, as a new line would."""
    out = list(raws)
    for index in range(len(raws) - 3):
        if raws[index] == "[" and raws[index + 1].isdigit() and raws[index + 2] in ":.":
            out[index] = "\n"
    return out


def _time_heads(raws: list[str]) -> list[str]:
    """A clock time heading a note, a line or a sentence ("19:45 Max lunged", "7.30 Max
    lunged") ends the sentence before the words after it, as "19:45: Max lunged" does: the
    minutes are no word of the sentence they open."""
    out = raws
    for index in range(len(raws) - 3):
        if (
            (index == 0 or raws[index - 1] == "\n" or raws[index - 1][:1] in ".!?;")
            and raws[index].isdigit()
            and len(raws[index]) <= 2
            and raws[index + 1] in ":."
            and raws[index + 2].isdigit()
            and len(raws[index + 2]) == 2
            and raws[index + 3][:1].isalpha()
        ):
            if out is raws:
                out = list(raws)
            out[index + 2] = "\n"
    return out


def _abbreviated(
    raws: list[str],
    starts: tuple[int, ...],
    ends: tuple[int, ...],
    abbreviations: Collection[str],
) -> tuple[list[str], tuple[int, ...], tuple[int, ...]]:
    """The dot of an abbreviation a log writes (`abbreviations`: "approx. 5 mm", "vs. cat") is
    no sentence end when a number or a lower-case word follows it."""
    dots = [
        index
        for index in range(1, len(raws) - 1)
        if raws[index] == "."
        and raws[index - 1].lower() in abbreviations
        and (raws[index + 1].isdigit() or raws[index + 1][:1].islower())
    ]
    if not dots:
        return raws, starts, ends
    kept = [index not in dots for index in range(len(raws))]
    return (
        list(compress(raws, kept)),
        tuple(compress(starts, kept)),
        tuple(compress(ends, kept)),
    )


def _elided(
    raws: list[str],
    starts: tuple[int, ...],
    ends: tuple[int, ...],
    elisions: Mapping[str, str],
    contractions: Mapping[str, str],
    names: Collection[str],
) -> tuple[list[str], tuple[int, ...], tuple[int, ...]]:
    """A word cut short to a letter and an apostrophe before the next word, as Northern
    English writes "the" (`elisions`: "t'cage" is "the cage"), read as the two words; so is a
    name with a contraction's ending written onto it (`name_contractions`: "Morvah've got a
    cut" is "Morvah have got a cut")."""
    texts: list[str] = []
    begins: list[int] = []
    finishes: list[int] = []
    for raw, start, end in zip(raws, starts, ends, strict=True):
        cut = raw.find("'")
        if cut < 0:
            cut = raw.find("\u2019")
        read = elisions.get(raw[:cut].lower()) if cut > 0 else None
        ending = contractions.get(raw[cut + 1 :].lower()) if cut > 0 else None
        if read is not None and raw[cut + 1 : cut + 2].isalpha():
            texts += [read, raw[cut + 1 :]]
            begins += [start, start + cut + 1]
            finishes += [start + cut + 1, end]
        elif ending is not None and raw[:cut].lower() in names:
            texts += [raw[:cut], ending]
            begins += [start, start + cut]
            finishes += [start + cut, end]
        else:
            texts.append(raw)
            begins.append(start)
            finishes.append(end)
    return texts, tuple(begins), tuple(finishes)


def _scan_letters(
    raws: list[str],
    pairs: tuple[tuple[str, str], ...],
    known: Collection[str],
    names: Collection[str],
) -> list[str]:
    """A word neither known nor English that, with a letter group a scanner misreads written
    as the one it stands for, is a `known` word or an animal's name is that word: "harnrnock"
    is hammock, "rny" my, "Marrnalade" Marmalade ("turn" and "corner" stay as written)."""
    out = list(raws)
    for index, raw in enumerate(raws):
        for written, read in pairs:
            if written not in raw:
                continue
            norm = normalise(raw)
            fixed = raw.replace(written, read)
            if (
                norm in known
                or norm in names
                or not (normalise(fixed) in known or normalise(fixed) in names)
            ):
                continue
            from ratbond.care.words import is_english

            if not is_english(norm):
                out[index] = fixed
                break
    return out


def _dropped_h(
    text: str, raws: list[str], starts: tuple[int, ...], known: Collection[str]
) -> list[str]:
    """A word opened by an apostrophe (no letter before it) that is a `known` word with an h
    before it is that word, as dialect writes a dropped h: "'is gob" is "his gob", "'idin' in
    the 'ammock" "hiding in the hammock" ("'em", "'cause" are no h-word and stay as written)."""
    out = list(raws)
    for index, (raw, start) in enumerate(zip(raws, starts, strict=True)):
        if start == 0 or text[start - 1] not in "'\u2019" or not raw[:1].isalpha():
            continue
        if start >= 2 and text[start - 2].isalnum():
            continue
        if _quoted(text, start + len(raw)):
            continue  # "any cat goes for a rat, 'it's in the blood'": a quotation opens
        from ratbond.care.words import with_dropped_h

        if with_dropped_h(normalise(raw), known.__contains__) is not None:
            # "'E" is "He", "'Is" "His": the capital moves to the h.
            out[index] = ("H" if raw[:1].isupper() else "h") + raw[:1].lower() + raw[1:]
    return out


def _dropped_endings(
    text: str, raws: list[str], starts: tuple[int, ...], endings: Mapping[str, str]
) -> list[str]:
    """A word of `dropped_endings` written with an apostrophe for its last letter and a space
    after it is the word it stands for, as dialect writes "and" and "of": "Jago an' Morvah",
    "a bit o' crust" (not "an apple")."""
    out = list(raws)
    for index, (raw, start) in enumerate(zip(raws, starts, strict=True)):
        read = endings.get(raw.lower())
        end = start + len(raw)
        if (
            read is not None
            and end < len(text)
            and text[end] in "'\u2019"
            and (end + 1 == len(text) or text[end + 1].isspace())
        ):
            out[index] = read
    return out


# A closing quotation mark: an apostrophe after a letter and before a mark or the end (not the
# dropped g or d of "doin'", "an'", which a space follows or an n comes before).
_CLOSING_QUOTE_RE = re.compile(r"[^\W\dn_]['\u2019](?=[.,!?;:)]|$)")
_SENTENCE_END_RE = re.compile(r"[.!?\n]")


def _quoted(text: str, end: int) -> bool:
    """Whether a closing quotation mark stands later in the sentence of the word that ends at
    `end`, after at least one more word: the apostrophe before that word opened a quotation
    ("'it's in the blood'"), not a dropped h (a dropped g closes its own word: "'idin' in")."""
    stop = _SENTENCE_END_RE.search(text, end)
    closing = _CLOSING_QUOTE_RE.search(text, end, stop.start() if stop else len(text))
    return closing is not None and closing.start() > end


def _expand(
    raws: list[str],
    starts: tuple[int, ...],
    ends: tuple[int, ...],
    shorthand: Mapping[str, tuple[str, ...]],
    names: Collection[str],
) -> tuple[list[str], tuple[int, ...], tuple[int, ...]]:
    """Each sign replaced by the tokens it stands for, every one spanning the sign; another
    emoji is a clause mark before an animal's name ("eating 🥦 yuzu 😴": yuzu opens a clause),
    a sentence end between a word (not a name) and a capital ("he bit her 😭 Vet tomorrow"),
    and nothing elsewhere ("tail 🌪️ whipping" is still one phrase)."""
    texts: list[str] = []
    begins: list[int] = []
    finishes: list[int] = []
    last = len(raws) - 1
    for index, (raw, start, end) in enumerate(zip(raws, starts, ends, strict=True)):
        read = shorthand.get(raw)
        if read is None and EMOJI_RE.fullmatch(raw):
            after = raws[index + 1] if index < last else ""
            if normalise(after) in names:
                read = (",",)
            elif (
                after[:1].isupper()
                and index > 0
                and raws[index - 1][:1].isalnum()
                and normalise(raws[index - 1]) not in names
            ):
                # between words, before a capital: a sentence's end, unless a name stands
                # before it and what follows tells of it ("Pip 😭 Bitten by Tom")
                read = (".",)
            else:
                read = ()
        for token in read if read is not None else (raw,):
            texts.append(token)
            begins.append(start)
            finishes.append(end)
    return texts, tuple(begins), tuple(finishes)


def _within(short: str, long: str) -> bool:
    """Whether `short` is `long` with letters left out."""
    rest = iter(long)
    return all(letter in rest for letter in short)


def _shared(left: str, right: str) -> int:
    count = 0
    for a, b in zip(left, right, strict=False):
        if a != b:
            break
        count += 1
    return count
