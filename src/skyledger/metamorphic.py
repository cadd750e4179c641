"""Metamorphic variants: rewrites of a report that must leave its claims unchanged.

Each rewrite keeps the report's gold: numbers in digits become words in the case the
sentence needs and words become digits, a form swaps for another of its lemma family,
independent sentences (no figure, weapon, cue, region or speaker) change places in their
paragraph, an outlet's dateline or credit is added, a region's formal name becomes its
colloquial one in the same case ("над Курской областью" -> "над Курщиной"). The data is in
extract/lang/metamorphic.yaml.

`stability(reports)` extracts each report and each of its variants and counts the
variants whose claims stay identical; `python scripts/metamorphic.py CORPUS` prints it.
"""

from __future__ import annotations

import json
import re
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass, field
from functools import cache

from skyledger.extract import extract
from skyledger.extract.lexicon import FLAGS, lexicon, load_yaml
from skyledger.extract.numbers import find_numbers
from skyledger.extract.sentences import split

MIN_VARIANTS = 10
WORD = re.compile(r"[^\W\d_][\w’'ʼ-]*")


@cache
def data() -> dict:
    return load_yaml("metamorphic.yaml")


@dataclass(frozen=True)
class Variant:
    kind: str  # numbers | synonyms | reorder | wrapper | regions
    text: str


def variants(text: str, lang: str, limit: int = 14) -> list[Variant]:
    """At least MIN_VARIANTS distinct rewrites of `text` (up to `limit`), each kind first."""
    found: list[Variant] = []
    for kind, rewrites in (
        ("numbers", number_variants(text, lang)),
        ("regions", region_variants(text, lang)),
        ("synonyms", synonym_variants(text, lang)),
        ("reorder", reorder_variants(text, lang)),
    ):
        found.extend(Variant(kind, t) for t in rewrites[:3])
    found.extend(Variant("wrapper", t) for t in wrapper_variants(text, lang))
    unique, seen = [], {text}
    for variant in found:
        if variant.text not in seen:
            seen.add(variant.text)
            unique.append(variant)
    return unique[:limit]


# ---- numbers ------------------------------------------------------------------------
def number_variants(text: str, lang: str) -> list[str]:
    """Each counted number rewritten (digits -> words, words -> digits), then all at once."""
    lex = lexicon(lang)
    weapons = [m.start() for m in lex.weapons.finditer(text)]
    edits = []
    for number in find_numbers(text, lex):
        written = text[number.start : number.end]
        # a count: a weapon word within the next three words
        ahead = text[number.end : number.end + 60]
        words = WORD.findall(ahead)[:3]
        if not any(number.end < w <= number.end + len(ahead) for w in weapons) or not words:
            continue
        near = [w for w in weapons if number.end < w <= number.end + 40]
        if not near or len(WORD.findall(text[number.end : near[0]])) > 2:
            continue
        if written.isdigit():
            word = number_word(number.value, text, number.start, number.end, lang)
            if word:
                edits.append((number.start, number.end, word))
        elif number.value >= 2 and len(written) > 2 and not any(c.isdigit() for c in written):
            edits.append((number.start, number.end, str(number.value)))
    out = [apply(text, [edit]) for edit in edits]
    if len(edits) > 1:
        out.append(apply(text, edits))
    return out


def number_word(value: int, text: str, start: int, end: int, lang: str) -> str | None:
    """The number as a word in the case its sentence needs, or None when unsure."""
    if (
        not 2 <= value <= 20
        or (start and text[start - 1] in ":.,-/")
        or text[end : end + 1] in ":.-"
    ):
        return None
    if lang == "en":
        word = data()["english_numbers"].get(value)
        return word.capitalize() if word and start_of_sentence(text, start) else word
    from skyledger.extract.morph import analyzer

    noun = WORD.search(text, end)
    if noun is None or noun.start() - end > 2:
        return None
    parses = analyzer(lang).parse(noun.group(0).lower())
    tags = [p.tag for p in parses[:3] if p.tag.POS in ("NOUN", "ADJF", "PRTF")]
    if not tags:
        return None
    before = WORD.findall(text[max(0, start - 20) : start])
    governed = bool(before) and before[-1].lower() in data()["genitive_before"][lang]
    cases = {tag.case for tag in tags}
    if governed and "gent" in cases:
        case = "gent"
    elif cases & {"gent", "nomn", "accs"}:
        case = "nomn"
    elif len(cases) == 1:
        case = cases.pop()
    else:
        return None
    # the plural often carries no gender: feminine when a reading says so and none says otherwise
    feminine = any("femn" in t for t in tags) and not any("masc" in t or "neut" in t for t in tags)
    word = numeral(value, case, feminine, lang)
    if word and start_of_sentence(text, start):
        word = word.capitalize()
    return word


@cache
def numeral(value: int, case: str, feminine: bool, lang: str) -> str | None:
    """A cardinal in a case ("пять", ablt -> "пятью"); 2 takes the noun's gender."""
    from skyledger.extract.morph import analyzer

    name = data()["cardinals"][lang].get(value)
    if name is None:
        return None
    if value == 2 and case in ("nomn", "accs"):
        return ("две" if lang == "ru" else "дві") if feminine else "два"
    if case in ("nomn", "accs"):
        return name
    parsed = next((p for p in analyzer(lang).parse(name) if p.tag.POS == "NUMR"), None)
    inflected = parsed.inflect({case}) if parsed is not None else None
    return inflected.word if inflected is not None else None


def start_of_sentence(text: str, position: int) -> bool:
    before = text[:position].rstrip()
    return not before or before[-1] in ".!?\n:—"


# ---- synonyms -----------------------------------------------------------------------
@cache
def synonym_pattern(lang: str) -> tuple[re.Pattern, dict[str, list[str]]]:
    groups = data()["synonyms"].get(lang) or []
    others: dict[str, list[str]] = {}
    for group in groups:
        for form in group:
            others.setdefault(form.lower(), []).extend(f for f in group if f != form)
    forms = sorted(others, key=len, reverse=True)
    body = "|".join(re.escape(f) for f in forms)
    return re.compile(rf"(?<![\w-])(?:{body})(?![\w-])", FLAGS), others


def synonym_variants(text: str, lang: str) -> list[str]:
    pattern, others = synonym_pattern(lang)
    out = []
    for match in pattern.finditer(text):
        for other in others[match.group(0).lower()][:1]:
            if start_of_sentence(text, match.start()):
                other = other[:1].upper() + other[1:]
            out.append(apply(text, [(match.start(), match.end(), other)]))
    return out


# ---- independent sentences ----------------------------------------------------------
def independent(sentence, lang: str) -> bool:
    """Nothing in it can make or attribute a claim, and it refers to nothing before it."""
    lex = lexicon(lang)
    body = sentence.text
    if find_numbers(body, lex) or sentence.bullet or sentence.line_start and ":" in body:
        return False
    for pattern in (lex.weapons, lex.claim_types, lex.attribution, lex.about_this, lex.outlet_cues):
        if pattern is not None and pattern.search(body):
            return False
    if (
        lex.titles.search(body)
        or lex.offices[0].search(body)
        or lex.no_casualties
        and (lex.no_casualties.search(body))
    ):
        return False
    from skyledger.extract.regions import find_regions

    if find_regions(body, lang):
        return False
    return not re.search(
        r"(?<!\w)(?:его|її|його|их|їх|он|она|він|вона|he|she|they|it|this|this)(?!\w)", body, FLAGS
    )


def reorder_variants(text: str, lang: str) -> list[str]:
    """An independent sentence moved to the end of its paragraph."""
    sentences = split(text)
    out = []
    for index, sentence in enumerate(sentences):
        rest = [s for s in sentences[index + 1 :] if s.paragraph == sentence.paragraph]
        if not rest or not independent(sentence, lang):
            continue
        last = rest[-1]
        if not all(independent(s, lang) for s in rest) and index == 0:
            continue  # a paragraph's lead sentence frames what follows
        moved = (
            text[: sentence.start]
            + text[rest[0].start : last.end]
            + " "
            + sentence.text.strip()
            + text[last.end :]
        )
        out.append(moved)
    return out


# ---- wrappers -----------------------------------------------------------------------
def wrapper_variants(text: str, lang: str) -> list[str]:
    wraps = data()["wrappers"].get(lang) or data()["wrappers"]["en"]
    before, after = wraps["before"], wraps["after"]
    out = [b + text for b in before] + [text + a for a in after]
    out += [b + text + a for b, a in zip(before, after, strict=False)]
    out += [b + text + a for b, a in zip(before, after[1:] + after[:1], strict=False)]
    return out


# ---- regions ------------------------------------------------------------------------
def region_variants(text: str, lang: str) -> list[str]:
    if lang == "en":
        return english_region_variants(text)
    from skyledger.extract.morph import analyzer, match_case

    table = data()["regions"].get(lang) or {}
    after = data()["case_after"][lang]
    out = []
    pattern = re.compile(r"(?<!\w)([А-ЯІЇЄҐ][\w’'-]+)\s+(област\w*)(?!\w)")
    for match in pattern.finditer(text):
        parsed = analyzer(lang).parse(match.group(1).lower())[0]
        feminine = parsed.inflect({"femn", "nomn"}) if parsed.tag.POS == "ADJF" else None
        colloquial = table.get(feminine.word) if feminine is not None else None
        if colloquial is None:
            continue
        before = WORD.findall(text[max(0, match.start() - 12) : match.start()])
        case = after.get(before[-1].lower()) if before else None
        if case is None:
            noun = next(
                (p for p in analyzer(lang).parse(match.group(2).lower()) if p.tag.POS == "NOUN"),
                None,
            )
            case = noun.tag.case if noun is not None else None
        target = next((p for p in analyzer(lang).parse(colloquial) if p.tag.POS == "NOUN"), None)
        inflected = target.inflect({case}) if target is not None and case else None
        if inflected is None:
            continue
        word = match_case(match.group(1), inflected.word)
        edits = [(match.start(), match.end(), word)]
        if case == "loct" and before and before[-1].lower() in ("в", "во", "у"):
            # "в Курской области" -> "на Курщине": the colloquial name takes "на"
            at = text.rfind(before[-1], 0, match.start())
            edits.append((at, at + len(before[-1]), match_case(before[-1], "на")))
        out.append(apply(text, edits))
    return out


def english_region_variants(text: str) -> list[str]:
    from skyledger.extract.regions import english_names

    suffixes = data()["regions"]["en"]["suffixes"]
    names = english_names()
    out = []
    pattern = re.compile(r"\b([A-Z][a-z]+)(\s+)(" + "|".join(suffixes) + r")\b")
    for match in pattern.finditer(text):
        if match.group(1) not in names:
            continue  # "the Ukrainian region of Odesa": no region's name
        for other in suffixes:
            if other.lower() != match.group(3).lower() and other != "province":
                out.append(apply(text, [(match.start(3), match.end(3), other)]))
                break
    return out


def apply(text: str, edits: list[tuple[int, int, str]]) -> str:
    for start, end, new in sorted(edits, reverse=True):
        text = text[:start] + new + text[end:]
    return text


# ---- stability ----------------------------------------------------------------------
def claims_of(text: str, lang: str, published=None) -> list[str]:
    """The claims as compared: every gold-format field, order-free."""
    return sorted(
        json.dumps(c.gold_view(), sort_keys=True, ensure_ascii=False)
        for c in extract(text, published=published, lang=lang)
    )


@dataclass
class Stability:
    variants: int = 0
    identical: int = 0
    by_kind: Counter = field(default_factory=Counter)
    kept_by_kind: Counter = field(default_factory=Counter)
    changed: list = field(default_factory=list)  # (report id, kind, variant text)
    reports: int = 0
    short: int = 0  # reports with fewer than MIN_VARIANTS variants

    @property
    def share(self) -> float:
        return self.identical / self.variants if self.variants else 1.0


def stability(reports: Iterable[dict]) -> Stability:
    """Extract every report and its variants; count those whose claims stay identical."""
    from skyledger.sources.timeparse import parse_published

    result = Stability()
    for report in reports:
        text, lang = report.get("text") or "", report.get("lang") or "en"
        try:
            published, _ = parse_published(report.get("published"))
        except ValueError:
            published = None
        original = claims_of(text, lang, published)
        made = variants(text, lang)
        result.reports += 1
        result.short += len(made) < MIN_VARIANTS
        for variant in made:
            same = claims_of(variant.text, lang, published) == original
            result.variants += 1
            result.identical += same
            result.by_kind[variant.kind] += 1
            result.kept_by_kind[variant.kind] += same
            if not same:
                result.changed.append((report.get("id"), variant.kind, variant.text))
    return result
