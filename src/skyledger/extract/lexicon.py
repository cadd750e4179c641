"""Per-language lexicons (lang/*.yaml) compiled once into regular expressions.

Every pattern is a fragment anchored at a word start and matched case-insensitively
on the original text, so spans point straight into the report. Fragments are plain
alternations of literal stems with bounded suffixes: nothing nests quantifiers.
"""

from __future__ import annotations

import re
from bisect import bisect_left
from dataclasses import dataclass
from functools import cache, lru_cache
from pathlib import Path

from skyledger.claimants import official_entries
from skyledger.datafile import read_yaml
from skyledger.extract import numerals
from skyledger.extract.casualty_words import fire_at_site, none_said
from skyledger.extract.constructions import attack_words_of, cue_groups
from skyledger.extract.folding import lowers_as_it_folds
from skyledger.extract.lemmas import generated_fragments
from skyledger.extract.literals import gated, literal, top_level_branches

LANG_DIR = Path(__file__).parent / "lang"
WORD_START = r"(?<![\w\-])"
WORD_END = r"(?![\w])"
FLAGS = re.IGNORECASE | re.UNICODE


@cache
def load_yaml(name: str):
    """A language data file, parsed once per process: every stage that reads the same file
    (the lexicon, regions, places, targets, ...) shares one copy, which none of them changes."""
    with open(LANG_DIR / name, encoding="utf-8") as handle:
        return read_yaml(handle)


WORD_STARTS = re.compile(r"(?<![\w\-])\w")
# The same starts past a text's first character, found a character early: a pattern that opens
# with a class lets the engine skip ahead through the words, one that opens with a lookbehind is
# tried at every position (no two matches overlap: a start follows a character of no word)
WORD_AFTER_GAP = re.compile(r"[^\w\-]\w")
WORD_CHAR = re.compile(r"\w")


# An entry's opening letters (a space between words counts), none made optional after them.
LEADING_LETTERS = re.compile(r"[^\W\d_](?:[^\W\d_]| )(?![?*{])")
LEADING_LETTERS3 = re.compile(r"[^\W\d_](?:[^\W\d_]| ){2}(?![?*{])")
LEADING_LETTER = re.compile(r"[^\W\d_](?![?*{])")
LEADING_CLASS = re.compile(r"\[([^\W\d_]+)\]")  # "[хx]-?101": a class of plain letters
LEADING_LETTERS4 = re.compile(r"[^\W\d_](?:[^\W\d_]| ){3}(?![?*{])")  # "по м": spaces count


class Found:
    """What a Dispatcher match looks like: the parts of re.Match the rules use."""

    __slots__ = ("_start", "_end", "_text", "lastgroup")

    def __init__(self, start: int, end: int, text: str, payload):
        self._start, self._end, self._text, self.lastgroup = start, end, text, payload

    def start(self) -> int:
        return self._start

    def end(self) -> int:
        return self._end

    def group(self, _index: int = 0) -> str:
        return self._text[self._start : self._end]


def opening_alternatives(branch: str, limit: int = 512) -> list[str]:
    """'(?:в результате|от) удар' -> ['в результате удар', 'от удар']; '(?:the )?X' -> ['the X', 'X'].

    The same matches, but each alternative now opens with letters, so it can be looked up
    by them instead of being tried at every position of a text.
    """
    letters = LEADING_CLASS.match(branch)
    if letters:
        rest = branch[letters.end() :]
        if rest[:1] in ("?", "*", "+", "{"):
            return [branch]
        return [letter + rest for letter in letters.group(1)]
    if not branch.startswith("(?:"):
        return [branch]
    close = closing_paren(branch)
    if close is None:
        return [branch]
    inner, rest = branch[3:close], branch[close + 1 :]
    alternatives = top_level_branches(inner)
    if rest[:1] == "?":
        if rest[1:2] in ("?", "+"):  # lazy or possessive: keep as written
            return [branch]
        rest = rest[1:]
        alternatives.append("")
    elif rest[:1] in ("*", "+", "{"):
        return [branch]
    expanded = [variant for a in alternatives for variant in opening_alternatives(a + rest, limit)]
    return expanded if len(expanded) <= limit else [branch]


def closing_paren(branch: str) -> int | None:
    """Where the group opening `branch` closes."""
    depth, escaped = 0, False
    for index, char in enumerate(branch):
        if escaped:
            escaped = False
        elif char == "\\":
            escaped = True
        elif char in "([":
            depth += 1
        elif char in ")]":
            depth -= 1
            if depth == 0:
                return index
    return None


_WORD_STARTS: dict[str, tuple] = {}  # text -> word_starts(text)
REGISTRY: list = []  # every Dispatcher, so one pass over a text serves them all
_MERGED: dict[str, dict] = {}  # language -> merged_table(language), until its dispatchers change
_LAST_SCAN: list = [None, -1, None]
_SCANS: dict[str, dict] = {}  # recent texts (a report and its sentences) -> their scan


def merged_table(lang: str) -> dict[str, tuple[dict, list]]:
    """First letters -> (dispatcher, order, pattern, payload) across one language's dispatchers:
    those with a four-letter opening by it, and the others with the short word they are
    (None: any word), so a word's candidates are looked up, not each entry tried."""
    if lang not in _MERGED:
        table: dict[str, tuple[dict, list]] = {}
        for dispatcher in REGISTRY:
            if dispatcher.lang not in (lang, "*"):
                continue
            for key, entries in dispatcher.by_key.items():
                by_prefix4, others = table.setdefault(key, ({}, []))
                for entry in entries:
                    candidate = (dispatcher.ident, *entry)
                    prefix4 = literal_prefix4(entry[1])
                    if prefix4 is not None:
                        by_prefix4.setdefault(prefix4, []).append(candidate)
                    else:
                        others.append((candidate, short_word(entry[1])))
        _MERGED[lang] = table
    return _MERGED[lang]


SHORT_WORD = re.compile(r"\(\?:([^\W\d_]{1,3})\)" + re.escape(WORD_END) + "$")


def short_word(compiled: re.Pattern) -> str | None:
    """The word an entry is, when it is one short word ("в", "над", "of"), lower case."""
    found = SHORT_WORD.match(compiled.pattern)
    return found.group(1).lower() if found else None


def fits(key4: str, word: str | None) -> bool:
    """Can an entry with no four-letter opening match a word that opens with `key4`? A short
    word must be the whole word."""
    if word is None:
        return True
    after = key4[len(word) : len(word) + 1]
    return key4.startswith(word) and not (after.isalnum() or after == "_")


def literal_prefix4(compiled: re.Pattern) -> str | None:
    """The first four characters (letters, or a space between words) every match of an entry
    begins with, when it has them."""
    prefix = LEADING_LETTERS4.match(compiled.pattern, 3)  # after the "(?:" the entry opens with
    return prefix.group(0).lower() if prefix else None


_WORD_CANDIDATES: dict[str, dict] = {}  # language -> word_candidates(language), as _MERGED
_TAGGED = [0]  # how many times dispatchers were given a language


def word_candidates(lang: str) -> dict[str, tuple]:
    """A word's first four characters -> the entries that can match there (filled lazily)."""
    return _WORD_CANDIDATES.setdefault(lang, {})


def candidates_for(key4: str, table: dict) -> tuple:
    """Entries keyed by the first one, two or three letters whose four-letter opening is
    `key4`, and those with none that are no other short word."""
    found = []
    for size in (1, 2, 3):
        group = table.get(key4[:size]) if len(key4) >= size else None
        if group is not None:
            by_prefix4, others = group
            found.extend(by_prefix4.get(key4, ()))
            found.extend(candidate for candidate, word in others if fits(key4, word))
    return tuple(found)


def tag_language(first_ident: int, lang: str) -> None:
    """Mark the dispatchers built since `first_ident` as belonging to `lang`. Only the tables
    of the languages whose dispatchers change are built anew ("*": every language's): a
    dispatcher of no language, built on first use, is in none of them."""
    changed = {lang}
    for dispatcher in REGISTRY[first_ident:]:
        changed.add(dispatcher.lang)
        dispatcher.lang = lang
    _TAGGED[0] += 1
    _LAST_SCAN[1] = -1  # recent scans miss the tagged dispatchers
    for table in (_MERGED, _WORD_CANDIDATES):
        if "*" in changed:
            table.clear()
        for code in changed:
            table.pop(code, None)


def scan(text: str, lang: str) -> dict[int, list]:
    """Candidates of one language's dispatchers in one pass over a text's word starts."""
    if _LAST_SCAN[1] != len(REGISTRY):
        _SCANS.clear()
        _LAST_SCAN[1] = len(REGISTRY)
    cached = _SCANS.get((text, lang))
    if cached is not None:
        return cached
    table = merged_table(lang)
    by_word = word_candidates(lang)
    found: dict[int, list] = {ident: [] for ident in language_idents(lang)}
    starts, keys4, lowered = word_starts(text)
    end = len(text)
    for start, key4 in zip(starts, keys4, strict=True):
        candidates = by_word.get(key4)
        if candidates is None:
            candidates = by_word[key4] = candidates_for(key4, table)
        for ident, order, compiled, payload in candidates:
            plain = compiled.literal
            if plain is not None and lowered is not None:
                if lowered[start : start + plain.size] not in plain.heads:
                    continue  # the text does not open with any of the entry's first words
                if plain.whole:
                    stop = plain.end(text, lowered, start, end)
                    if stop >= 0:
                        found[ident].append((start, -stop, order, payload))
                    continue
            hit = compiled.match(text, start, end)
            if hit:
                found[ident].append((start, -hit.end(), order, payload))
    for dispatcher in language_fallbacks(lang):
        for hit in dispatcher.fallback_re.finditer(text):
            order, _compiled, payload = dispatcher.fallback[int(hit.lastgroup[1:])]
            found[dispatcher.ident].append((hit.start(), -hit.end(), order, payload))
    for candidates in found.values():
        candidates.sort()  # in text order, as `finditer` reads them (sorted once, read many times)
    if len(_SCANS) >= 64:
        _SCANS.clear()
    _SCANS[(text, lang)] = found
    _LAST_SCAN[0] = lang
    return found


def language_idents(lang: str) -> list[int]:
    return language_parts(lang, _TAGGED[0])[0]


def language_fallbacks(lang: str) -> list:
    return language_parts(lang, _TAGGED[0])[1]


@cache
def language_parts(lang: str, _generation: int) -> tuple[list[int], list]:
    """One language's dispatchers and those with fallback patterns (anew after each tagging)."""
    mine = [d for d in REGISTRY if d.lang in (lang, "*")]
    return [d.ident for d in mine], [d for d in mine if d.fallback]


def word_starts(text: str) -> tuple[list[int], list[str], str | None]:
    """Where words begin, with their first four characters (lowercased), and the text in
    lower case when plain-word entries can be matched in it (None: they are
    matched as regexes); recent texts (a report and the sentences looked at in it) memoised."""
    known = _WORD_STARTS.get(text)
    if known is None:
        starts = [m.start() + 1 for m in WORD_AFTER_GAP.finditer(text)]
        if WORD_CHAR.match(text):
            starts.insert(0, 0)
        lowered = text.lower()
        if len(lowered) != len(text):  # a letter whose lower case is longer: slice by slice
            firsts = [text[i : i + 4].lower() for i in starts]
            lowered = None
        else:
            firsts = [lowered[i : i + 4] for i in starts]
            if not lowers_as_it_folds(text):
                lowered = None
        if len(_WORD_STARTS) >= 64:
            _WORD_STARTS.clear()
        known = _WORD_STARTS[text] = (starts, firsts, lowered)
    return known


class LazyPattern:
    """A pattern compiled on its first match: most entries never meet a word they could
    match in a run, and compiling them all cost a tenth of a second at start-up. Entries of
    plain words carry their `literal` forms, matched without a regex in most texts (worked
    out when first asked for: most entries never are)."""

    __slots__ = ("pattern", "shared", "match", "literal", "branch")

    def __init__(self, pattern: str, branch: str | None = None, shared: str | None = None):
        self.pattern = pattern
        self.shared = shared
        self.match = self._first_match
        self.branch = branch

    def __getattr__(self, name: str):
        """`literal`, on its first reading (an unset slot); read from the slot after."""
        if name != "literal":
            raise AttributeError(name)
        self.literal = literal(self.branch) if self.branch is not None else None
        return self.literal

    def _first_match(self, *args):
        text = self.shared or self.pattern
        compiled = _COMPILED.get(text)
        if compiled is None:
            compiled = _COMPILED[text] = re.compile(text, FLAGS)
        self.match = compiled.match
        return self.match(*args)


# Patterns compiled so far, by their text: the variants of one opening alternation ("(?:на|в)
# <sites>", "(?:the )?X") are matched with the whole branch's pattern (`shared`), compiled
# once; at a word start with the variant's letters it ends where the variant does
# (tests/test_extract_literals.py).
_COMPILED: dict[str, re.Pattern] = {}


class Dispatcher:
    """Many word-start patterns matched fast: candidates are looked up by a word's first two letters.

    Python's re tries every alternative of a big alternation at every word start; here a
    word only meets the few patterns that can begin with its letters. Among candidates
    at one position the longest match wins (then the earlier entry), and matches never
    overlap, as with re.finditer.
    """

    def __init__(self, entries: list[tuple[str, object]]):
        self.by_key: dict[str, list] = {}
        self.ident = len(REGISTRY)
        self.lang: str | None = None  # set by tag_language; None: scanned on its own
        REGISTRY.append(self)
        fallback = []
        for order, (fragment, payload) in enumerate(entries):
            branches = top_level_branches(fragment)
            variants = [(b, variant) for b in branches for variant in opening_alternatives(b)]
            for whole, branch in variants:
                key = (
                    LEADING_LETTERS3.match(branch)
                    or LEADING_LETTERS.match(branch)
                    or LEADING_LETTER.match(branch)
                )
                shared = f"(?:{whole}){WORD_END}" if key and whole != branch else None
                compiled = LazyPattern(f"(?:{branch}){WORD_END}", branch, shared)
                if key:
                    self.by_key.setdefault(key.group(0).lower(), []).append(
                        (order, compiled, payload)
                    )
                else:
                    fallback.append((order, compiled, payload))
        self.fallback = fallback
        self.fallback_keys = None
        if fallback:
            alternatives = "|".join(
                f"(?P<f{i}>{c.pattern})" for i, (_o, c, _p) in enumerate(fallback)
            )
            self.fallback_re = re.compile(WORD_START + f"(?:{alternatives})", FLAGS)

    def _candidates(self, text: str, pos: int, endpos: int) -> list[tuple[int, int, int, object]]:
        """(start, -end, order, payload) of every entry matching in text[pos:endpos], sorted."""
        if pos == 0 and endpos == len(text) and self.lang is not None:
            lang = self.lang if self.lang != "*" else _LAST_SCAN[0]
            if lang is not None:
                return scan(text, lang)[self.ident]
        return self._scan_one(text, pos, endpos)

    def _scan_one(self, text: str, pos: int, endpos: int) -> list[tuple[int, int, int, object]]:
        found = []
        starts, keys4, lowered = word_starts(text)
        stretch = (text, lowered, 0) if lowered is not None else None
        first = bisect_left(starts, pos) if pos else 0
        for index in range(first, len(starts)):
            start = starts[index]
            if start >= endpos:
                break
            for order, compiled, payload in self._entries(keys4[index]):
                stop = entry_end(compiled, text, start, endpos, stretch)
                if stop >= 0:
                    found.append((start, -stop, order, payload))
        if self.fallback:
            for hit in self.fallback_re.finditer(text, pos, endpos):
                order, _compiled, payload = self.fallback[int(hit.lastgroup[1:])]
                found.append((hit.start(), -hit.end(), order, payload))
        found.sort()
        return found

    def finditer(self, text: str, pos: int = 0, endpos: int | None = None):
        endpos = len(text) if endpos is None else endpos
        last_end = -1
        for start, negative_end, _order, payload in self._candidates(text, pos, endpos):
            if start < last_end:
                continue
            last_end = -negative_end
            yield Found(start, last_end, text, payload)

    def search(self, text: str, pos: int = 0, endpos: int | None = None):
        return next(self.finditer(text, pos, endpos), None)

    def match(self, text: str, pos: int = 0):
        """The match starting at `pos` (within 200 characters), as `search` from `pos` would
        find it when it starts there: only the entries that can open the word at `pos` are
        tried, not every word start of the stretch."""
        endpos = min(len(text), pos + 200)
        found = []
        if WORD_STARTS.match(text, pos) is not None:
            entries = self._entries(opening_letters(text, pos))
            stretch = lowered_stretch(text, pos, endpos) if entries else None
            for order, compiled, payload in entries:
                stop = entry_end(compiled, text, pos, endpos, stretch)
                if stop >= 0:
                    found.append((pos, -stop, order, payload))
        if self.fallback:
            hit = self.fallback_re.match(text, pos, endpos)
            if hit:
                order, _compiled, payload = self.fallback[int(hit.lastgroup[1:])]
                found.append((pos, -hit.end(), order, payload))
        if not found:
            return None
        start, negative_end, _order, payload = min(found)
        return Found(start, -negative_end, text, payload)

    def _entries(self, key4: str) -> list:
        """The entries keyed by the first one, two or three of a word's letters."""
        by_key = self.by_key
        return [
            entry
            for size in (1, 2, 3)
            if len(key4) >= size
            for entry in by_key.get(key4[:size], ())
        ]


def entry_end(compiled, text: str, start: int, endpos: int, stretch=None) -> int:
    """Where an entry's match at the word start `start` ends (-1: none), as `scan` finds it.
    `stretch`: (the text from `offset` on, the same in lower case, `offset`), where plain
    entries are matched by their lower-case forms (None: as regexes)."""
    plain = compiled.literal
    if plain is not None and stretch is not None:
        piece, lowered, offset = stretch
        at = start - offset
        if lowered[at : at + plain.size] not in plain.heads:
            return -1
        if plain.whole:
            stop = plain.end(piece, lowered, at, endpos - offset)
            return stop + offset if stop >= 0 else -1
    hit = compiled.match(text, start, endpos)
    return hit.end() if hit else -1


def lowered_stretch(text: str, start: int, end: int) -> tuple[str, str, int] | None:
    """The stretch of `text` from `start` to `end` as `entry_end` takes it (None when its lower
    case and case-blind matching may disagree)."""
    piece = text[start:end]
    lowered = piece.lower()
    if len(lowered) != len(piece) or not lowers_as_it_folds(piece):
        return None
    return piece, lowered, start


def opening_letters(text: str, start: int) -> str:
    """The first four characters (lowercased) of the word at `start`, as `word_starts` gives
    them, without cutting the whole text into words."""
    opening = text[start : start + 4]
    lowered = opening.lower()
    if len(lowered) == len(opening) and "Σ" not in opening:  # letter by letter, as in the text
        return lowered
    starts, keys4 = word_starts(text)[:2]
    return keys4[bisect_left(starts, start)]


def alternation(fragments, end: bool = True) -> str:
    body = "|".join(f"(?:{fragment})" for fragment in fragments)
    return WORD_START + f"(?:{body})" + (WORD_END if end else "")


def plain_pattern(fragments) -> re.Pattern | None:
    """One compiled regex of the fragments at word starts: searched over a whole sentence in one
    call, cheaper than a dispatcher's word-by-word scan for a rare list."""
    fragments = [f for f in fragments or [] if f]
    return re.compile(alternation(fragments), FLAGS) if fragments else None


@lru_cache(maxsize=8)
def unnamed_attack(fragments: tuple) -> re.Pattern | None:
    """The words of an attack of unnamed means as one regex: searched only in a report the
    scan found no weapon in."""
    return plain_pattern(fragments)


def compile_list(fragments, end: bool = True) -> Dispatcher | None:
    fragments = [f for f in fragments or [] if f]
    return Dispatcher([(f, None) for f in fragments]) if fragments else None


def part_of_them_pattern(data) -> tuple[tuple[str, ...], re.Pattern] | None:
    """ "Of them", "of which" and a pattern of the part words right before them."""
    if not data:
        return None
    parts = "|".join(data["parts"])
    return tuple(data["of_them"]), re.compile(rf"{WORD_START}(?:{parts})\s+$", FLAGS)


def compile_groups(groups: dict[str, list[str]]) -> Dispatcher:
    """Patterns whose match reports its key as `lastgroup` (weapon kind, claim type, ...)."""
    return Dispatcher([(value, key) for key, values in groups.items() for value in values or []])


@dataclass(frozen=True)
class Lexicon:
    lang: str
    weapons: re.Pattern
    claim_types: re.Pattern
    no_casualties: re.Pattern | None
    hurt_words: re.Pattern | None  # harm short of death: a "no one was hurt" phrase without them
    no_damage: re.Pattern | None
    people_plural: re.Pattern
    people_single: re.Pattern
    at_least: re.Pattern
    approx: re.Pattern
    distributive: frozenset
    distributive_before: re.Pattern | None  # "по" right before a number
    subcount: re.Pattern
    again: re.Pattern  # "ещё", "another" right before a number: more of the same
    others: re.Pattern | None  # "others", "інших" right after a number: more people
    all_words: frozenset
    determiners: frozenset  # number words that count only the weapon noun they stand before
    joined: re.Pattern | None  # the gap in "40 missiles and drones": one count of mixed weapons
    # aircraft and ships that carry weapons: their number counts no weapon
    carriers: re.Pattern | None
    numbers: dict
    vague: frozenset
    strikes: re.Pattern | None  # weapon words naming a strike, not pieces: "ракетний удар"
    toll_rose: re.Pattern | None  # "кількість загиблих зросла до 14": the words before the 14
    # a bare count of people after its harm word ends its clause or joins another ("поранено
    # трьох.", "загинули двоє і ..."): what may follow it
    count_ends: re.Pattern | None
    # the words between a bare count of people and its harm word ("three were injured")
    count_aux: re.Pattern | None
    earlier: re.Pattern | None  # a sentence opening an earlier report: "Раніше", "Earlier,"
    # explosions heard in a place ("У Луцьку пролунали вибухи"): its place is the region of
    # what follows, although the sentence claims nothing
    explosions: re.Pattern | None
    shootdown: re.Pattern | None  # shoot-down words that claim one with no weapon named: "Є збиття"
    # "часть из них", "some of them": an uncounted part (the words "of them", and a part word
    # right before them)
    part_of_them: tuple[tuple[str, ...], re.Pattern] | None
    negation: re.Pattern | None
    cumulative: re.Pattern | None
    exercises: re.Pattern | None  # test launches and exercises: no attack
    # requests and advice (no claim in what follows them), assessments and aid to come (no
    # claim in their clause), launch cues ("з напрямків", "from"): one scan, the kind as group
    asides: re.Pattern
    multi_region: re.Pattern | None
    seas: re.Pattern
    sea_names: list
    zone_moscow: re.Pattern | None
    zone_kyiv: re.Pattern | None
    months: list
    month_before: re.Pattern | None  # "March 24": a day, in languages that write the month first
    attribution: re.Pattern | None
    about_this: re.Pattern | None
    outlet_cues: re.Pattern | None
    offices: tuple
    titles: re.Pattern
    number_word: frozenset  # first two letters of every number word (a cheap pre-check)
    number_starts: re.Pattern  # where those letters open a word
    # an attack noun after "the" (the one told of before) or "a" (a new one, by unnamed means)
    attack_known: re.Pattern | None = None
    attack_new: re.Pattern | None = None
    # an attack of unnamed means ("ворог атакував громаду", "внаслідок атаки"): a report with
    # no weapon word that tells one is read (weapon `other`); compiled on first use, apart
    # from the scan every text gets (`unnamed_attack`)
    attack_unnamed: tuple = ()
    # "the governors of the Kyiv and Poltava regions": one title for each region named after it
    plural_titles: tuple = ()
    # right after "no casualties": "were reported" (by no one named, an absence of reports)
    reported_after: re.Pattern | None = None
    # "the drones", "все беспилотники" right before a weapon noun: the ones counted before
    anaphora: re.Pattern | None = None
    them: re.Pattern | None = None  # "shot them down", "их сбили": the weapons told of before


def ending_pattern(words) -> re.Pattern:
    """A qualifier that must end right before the number (allowing spaces)."""
    body = "|".join(re.escape(w) for w in sorted(words, key=len, reverse=True))
    return re.compile(rf"{WORD_START}(?:{body})\s*$", FLAGS)


def article_before(words) -> re.Pattern | None:
    """An article up to three words before the end ("a Russian drone attack")."""
    if not words:
        return None
    body = "|".join(re.escape(w) for w in sorted(words, key=len, reverse=True))
    return re.compile(rf"{WORD_START}(?:{body})(?:\s+[\w’'-]+){{0,3}}\s+$", FLAGS)


def anaphora_pattern(words) -> re.Pattern | None:
    """A word pointing back, then at most one word, right before the end ("the Ukrainian ")."""
    if not words:
        return None
    body = "|".join(re.escape(w) for w in sorted(words, key=len, reverse=True))
    return re.compile(rf"{WORD_START}(?:{body})(?:\s+[\w’'-]+)?\s+$", FLAGS)


def opening_pattern(words) -> re.Pattern | None:
    """A word that must follow right after a number (allowing spaces)."""
    if not words:
        return None
    body = "|".join(re.escape(w) for w in sorted(words, key=len, reverse=True))
    return re.compile(rf"\s*(?:{body}){WORD_END}", FLAGS)


def carriers_pattern(stems) -> re.Pattern | None:
    """Any carrier word (a stem with its endings) between a number and a weapon noun."""
    if not stems:
        return None
    return re.compile(WORD_START + "(?:" + "|".join(stems) + ")" + WORD_END, FLAGS)


def toll_pattern(fragments) -> re.Pattern | None:
    """The words between a casualty word and its new figure ("… зросла до"), ending at it."""
    if not fragments:
        return None
    body = "|".join(f"(?:{f})" for f in fragments)
    return re.compile(rf"{WORD_START}(?:{body})\s*$", FLAGS)


def count_ends_pattern(words) -> re.Pattern:
    """What may follow a bare count of people: its clause's end, or a word joining another
    clause ("загинули двоє і ще троє поранені")."""
    body = "|".join(re.escape(w) for w in words) or "(?!)"
    return re.compile(rf"\s*(?:[^\w\s\-]|$|(?:{body})\b)", FLAGS)


def aux_pattern(words) -> re.Pattern | None:
    """The words between a bare count of people and its harm word ("three were injured")."""
    if not words:
        return None
    body = "|".join(re.escape(w) for w in words)
    return re.compile(rf"\s+(?:{body})\s+$", FLAGS)


def joined_pattern(words) -> re.Pattern | None:
    """A comma, slash or 'and' between two weapon nouns, with at most one word besides."""
    if not words:
        return None
    body = "|".join(re.escape(w) for w in words)
    return re.compile(rf"^(?:\s*[,/]\s*|\s+(?:{body})\s+)(?:[^\W\d_][\w\-]*\s+)?$", FLAGS)


def number_starts(number_words, size: int = 4) -> re.Pattern:
    """The first letters of a number word where no letter comes before them, in lower-case text
    (matched without IGNORECASE). Every alternative opens with a letter of its own: so the
    engine skips ahead to those first letters instead of trying each position, and there tries
    only the branch of that letter (then of the first two).

    Up to `size` letters (in every spelling of the apostrophe), and a word that short whole,
    with no letter after it: "the" opens no run where only "three" could ("a" only as "a").
    Each alternative still begins with the first two letters of a number word, so no run is
    found that two letters would not find."""
    firsts = {word[:2] for word in number_words}
    heads: dict[str, bool] = {}  # first letters -> the whole word (no letter may follow)
    for word in number_words:
        for spelling in apostrophe_spellings(word):
            head = spelling[:size]
            if head[:2] in firsts:
                heads[head] = heads.get(head, True) and head == spelling
    by_first: dict[str, list[str]] = {}  # a word's first two letters -> what may follow them
    for head, whole in sorted(heads.items(), key=lambda item: len(item[0]), reverse=True):
        by_first.setdefault(head[:2], []).append(
            re.escape(head[2:]) + ("(?![^\\W\\d_])" if whole else "")
        )
    by_letter: dict[str, list[str]] = {}  # then by their first letter: one branch a letter
    for first, rests in sorted(by_first.items(), key=lambda item: len(item[0]), reverse=True):
        by_letter.setdefault(first[0], []).append(
            f"{re.escape(first[1:])}(?<![^\\W\\d_]{'.' * len(first)})(?:{'|'.join(rests)})"
        )
    body = "|".join(
        f"{re.escape(letter)}(?:{'|'.join(branches)})" for letter, branches in by_letter.items()
    )
    return re.compile(body or "(?!)")


APOSTROPHES = "'’ʼ"


def apostrophe_spellings(word: str) -> set[str]:
    """`word` with each of the apostrophes reports write ("п'ять", "п’ять", "пʼять")."""
    if not any(mark in word for mark in APOSTROPHES):
        return {word}
    plain = word.translate({ord(mark): "'" for mark in APOSTROPHES})
    return {plain.replace("'", mark) for mark in APOSTROPHES}


def month_before(time: dict) -> re.Pattern | None:
    """A month name (full or cut short) right before a day number, where months come first."""
    if not time.get("month_first"):
        return None
    stems = "|".join(str(stem) for stem in time.get("months") or {})
    return re.compile(rf"{WORD_START}(?:{stems})[^\W\d_]*\.?\s+$", FLAGS)


def claim_words(constructions: dict, lang: str, fires=()) -> dict[str, list[str]]:
    """A claim type's constructions (its lexicon's, then the decision table's), then every form
    of its lemmas (lang/lemma_forms.yaml)."""
    groups = {kind: list(fragments or []) for kind, fragments in constructions.items()}
    for kind, fragments in cue_groups(lang).items():
        groups.setdefault(kind, []).extend(fragments)
    groups.setdefault("damage", []).extend(fires)  # a fire at a named site
    for kind, fragments in generated_fragments(lang).items():
        groups.setdefault(kind, []).extend(fragments)
    return groups


@cache
def lexicon(lang: str) -> Lexicon:
    first = len(REGISTRY)
    built = build_lexicon(lang)
    tag_language(first, lang)
    return built


def build_lexicon(lang: str) -> Lexicon:
    data = load_yaml(f"{lang}.yaml")
    seas = data.get("seas") or {}
    sea_names = list(seas)
    sea_groups = {f"s{i}": patterns for i, patterns in enumerate(seas.values())}
    number_words = numerals.forms(lang)  # every case and gender, generated
    number_words.update({str(k).lower(): v for k, v in (data.get("numbers") or {}).items()})
    quals = data.get("qualifiers") or {}
    time = data.get("time") or {}
    titles = data.get("titles") or {}
    no_cas = data.get("no_casualties") or []
    return Lexicon(
        lang=lang,
        weapons=compile_groups(data["weapons"]),
        claim_types=compile_groups(
            claim_words(data["claim_types"], lang, fire_at_site(data, lang))
        ),
        no_casualties=compile_list(no_cas + none_said(data, lang)[0]),
        hurt_words=compile_list(none_said(data, lang)[1]),
        no_damage=compile_list(data.get("no_damage")),
        people_plural=compile_list(data["people"]["plural"]),
        people_single=compile_list(data["people"]["single"]),
        at_least=ending_pattern(quals.get("at_least") or []),
        approx=ending_pattern(quals.get("approx") or []),
        distributive=frozenset(w.lower() for w in data.get("distributive") or []),
        distributive_before=ending_pattern(data.get("distributive") or ["\u0000"]),
        subcount=ending_pattern(data.get("subcount") or ["\u0000"]),
        again=ending_pattern(data.get("again") or ["\u0000"]),
        others=opening_pattern(data["people"].get("others") or []),
        all_words=frozenset(w.lower() for w in data.get("all_words") or []),
        anaphora=anaphora_pattern(data.get("anaphora") or []),
        them=compile_list(data.get("them")),
        determiners=frozenset(w.lower() for w in data.get("determiners") or []),
        joined=joined_pattern(data.get("and_words") or []),
        carriers=carriers_pattern(data.get("carriers") or []),
        numbers=number_words,
        vague=frozenset(w.lower() for w in data.get("vague") or []),
        strikes=compile_list(data.get("strike_weapons")),
        shootdown=compile_list(data.get("bare_shootdown")),
        part_of_them=part_of_them_pattern(data.get("part_of_them")),
        earlier=compile_list(data.get("earlier")),
        explosions=plain_pattern(data.get("explosions")),
        toll_rose=toll_pattern(data.get("toll_rose")),
        count_ends=count_ends_pattern(data.get("and_words") or []),
        count_aux=aux_pattern((data.get("people") or {}).get("aux") or []),
        negation=compile_list(data.get("negation")),
        # "the largest attack since the start of the war" compares; its phrase is no running total
        cumulative=compile_groups(
            {"total": data.get("cumulative"), "comparison": data.get("since_comparison")}
        ),
        exercises=compile_list(data.get("exercises")),
        asides=compile_groups(
            {
                "request": (data.get("advice") or {}).get("requests") or [],
                "assessment": (data.get("advice") or {}).get("assessments") or [],
                "launch": (data.get("places") or {}).get("launch") or [],
            }
        ),
        multi_region=compile_list(data.get("multi_region")),
        seas=compile_groups(sea_groups),
        sea_names=sea_names,
        zone_moscow=compile_list(time.get("zone_moscow")),
        zone_kyiv=compile_list(time.get("zone_kyiv")),
        months=list((time.get("months") or {}).items()),
        month_before=month_before(time),
        attribution=compile_list(data.get("attribution")),
        about_this=compile_list(data.get("about_this")),
        outlet_cues=compile_list(data.get("outlet_cues")),
        offices=(
            compile_groups(
                {f"f{i}": [entry["pattern"]] for i, entry in enumerate(data.get("claimants") or [])}
            ),
            [(entry["claimant"], entry.get("country")) for entry in data.get("claimants") or []],
        ),
        titles=compile_groups(titles),
        number_word=frozenset(word[:2] for word in [*number_words, *numerals.scales(lang)]),
        number_starts=number_starts([*number_words, *numerals.scales(lang)]),
        attack_known=article_before((data.get("attack_articles") or {}).get("known")),
        attack_new=article_before((data.get("attack_articles") or {}).get("new")),
        attack_unnamed=tuple(attack_words_of(lang) + (data["claim_types"].get("attack") or [])),
        reported_after=opening_pattern(data.get("reported_after") or []),
        plural_titles=tuple(
            (
                title,
                gated(re.compile(rf"{WORD_START}(?:{'|'.join(words)}){WORD_END}", FLAGS), words),
            )
            for title, words in (data.get("plural_titles") or {}).items()
            if words
        ),
    )


@cache
def models_pattern() -> tuple[Dispatcher, list[tuple[str, str]]]:
    data = load_yaml("models.yaml")
    names = list(data.items())
    groups = {f"m{i}": entry["spellings"] for i, (_name, entry) in enumerate(names)}
    first = len(REGISTRY)
    dispatcher = compile_groups(groups)
    tag_language(first, "*")
    return dispatcher, [(name, entry["weapon"]) for name, entry in names]


@cache
def officials() -> tuple[re.Pattern, list[dict]]:
    """One pattern for every official's surname spellings (skyledger/claimants/claimants.yaml);
    group oN -> entries[N]."""
    entries = official_entries()
    first = len(REGISTRY)
    dispatcher = compile_groups({f"o{i}": entry["names"] for i, entry in enumerate(entries)})
    tag_language(first, "*")
    return dispatcher, entries
