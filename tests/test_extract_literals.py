"""Plain lexicon entries matched by lower-cased text: the same matches as their regexes."""

from __future__ import annotations

import re

import pytest

from skyledger.extract.folding import lowers_as_it_folds
from skyledger.extract.lexicon import FLAGS, REGISTRY, WORD_END, lexicon, models_pattern, officials
from skyledger.extract.literals import gated, is_word_char, literal


@pytest.mark.parametrize(
    ("branch", "forms", "whole", "open_end"),
    [
        ("дрон", ("дрон",), True, False),
        ("Курск(?:ая|ой|)", ("курская", "курской", "курск"), True, False),
        ("дрон\\w*", ("дрон",), True, True),
        ("air defen(?:c|s)e", ("air defence", "air defense"), True, False),
        ("apparat(?:a|ов)?", ("apparata", "apparatов", "apparat"), True, False),
        ("iskander\\-k", ("iskander-k",), True, False),
        ("ни\\ один\\ человек", ("ни один человек",), True, False),
        # only an opening is plain: the rest stays a regex
        ("упа(?:л|ла)(?= дрон)", ("упал", "упала"), False, False),
        ("s-?300", ("s-300", "s300"), True, False),
        ("drones?", ("drones", "drone"), True, False),
        ("s-*300", ("s",), False, False),
        ("обнаруж\\w*[^.!?]{0,40}?не", ("обнаруж",), False, False),
        ("(?:a|b)??c", None, None, None),
        ("(?:a|b)+c", None, None, None),
        ("[хx]-?101", None, None, None),
        ("\\sмо", None, None, None),
        ("(?:the )?x", ("the x", "x"), True, False),
        ("(?:the )?\\w+", None, None, None),  # may open with nothing plain
    ],
)
def test_plain_shapes(branch, forms, whole, open_end):
    found = literal(branch)
    if forms is None:
        assert found is None
    else:
        assert (found.forms, found.whole, found.open_end) == (forms, whole, open_end)


def test_word_characters_are_those_of_the_regex_class():
    word = re.compile(r"\w")
    for code in range(0x3000):
        char = chr(code)
        assert is_word_char(char) == bool(word.match(char)), hex(code)


TEXTS = [
    "Над Курской областью сбиты дроны; дроны-камикадзе и дронов нет.",
    "КУРСКАЯ область: ДРОН упал, упала ракета С-300 и s-300, Iskander-K.",
    "Air Defence and air defense units shot down a drone-like drone_x object.",
    "Ніхто не постраждав, люди не постраждали; пострадавших нет, ни один человек не пострадал",
    "Дронами атаковано Київщину; дрон, дронові, ДРОНИ 3дрон дрон3 апарата апаратов.",
    "Ｋурск straße ΚΑΛΟ дрон Дрон",
]


def all_entries():
    yield from (compiled for _key, compiled in keyed_entries())


def keyed_entries():
    for lang in ("en", "ru", "uk"):
        lexicon(lang)
    models_pattern()
    officials()
    for dispatcher in REGISTRY:
        for key, entries in dispatcher.by_key.items():
            yield from ((key, compiled) for _order, compiled, _payload in entries)


def test_plain_entries_match_as_their_regexes():
    """Every plain entry of every lexicon, at every word start of texts written to try
    them, ends where its regex does (or both find nothing)."""
    starts = re.compile(r"(?<![\w\-])\w")
    checked = 0
    for compiled in all_entries():
        plain = compiled.literal
        if plain is None:
            continue
        regex = re.compile(compiled.pattern, FLAGS)
        samples = TEXTS + [f"x {form} y {form.upper()}, {form}s {form}" for form in plain.forms[:3]]
        for text in samples:
            lowered = text.lower()
            if len(lowered) != len(text) or not lowers_as_it_folds(text):
                continue  # matched as regexes
            for start in (m.start() for m in starts.finditer(text)):
                hit = regex.match(text, start)
                expected = hit.end() if hit else -1
                if lowered[start : start + plain.size] not in plain.heads:
                    assert expected == -1, (compiled.pattern, text, start)
                elif plain.whole:
                    assert plain.end(text, lowered, start, len(text)) == expected
                checked += 1
    assert checked > 10_000
    assert compiled.pattern.endswith(WORD_END)


def test_a_shared_pattern_ends_where_its_variant_does():
    """A variant of an opening alternation is matched with its whole branch's pattern
    (compiled once): at every word start with the variant's letters that its plain forms let
    through, the whole pattern ends where the variant's own does."""
    starts = re.compile(r"(?<![\w\-])\w")
    checked = 0
    for key, compiled in keyed_entries():
        if compiled.shared is None:
            continue
        own, shared = re.compile(compiled.pattern, FLAGS), re.compile(compiled.shared, FLAGS)
        plain = compiled.literal
        forms = plain.forms[:3] if plain is not None else ()
        samples = TEXTS + [f"x {form} y {form.upper()}, {form}s {form}" for form in forms]
        for text in samples:
            lowered = text.lower()
            for start in (m.start() for m in starts.finditer(text)):
                if not lowered.startswith(key, start):
                    continue  # never tried here
                if plain is not None and lowered[start : start + plain.size] not in plain.heads:
                    continue  # the plain forms answer no
                hit, whole = own.match(text, start), shared.match(text, start)
                assert (hit.end() if hit else -1) == (whole.end() if whole else -1), (
                    compiled.pattern,
                    text,
                    start,
                )
                checked += 1
    assert checked > 1_000


@pytest.mark.parametrize(
    ("fragments", "text", "found"),
    [
        ((r"район\w*", r"districts?"), "у Бучанському районі", "районі"),
        ((r"район\w*", r"districts?"), "in the Bucha District", "District"),
        ((r"район\w*", r"districts?"), "у Бучанській громаді", None),
        ((r"обстріл(?:и|ів)", r"обстрілю\w*"), "Ворог ОБСТРІЛЮВАВ село", "ОБСТРІЛЮВАВ"),
        ((r"(?:the )?governors|heads of the regions",), "The Governors said", "The Governors"),
        ((r"лисак\w*|lysak",), "сказав Лисак", "Лисак"),
        ((r"ſhell\w*",), "SHELLS", "SHELLS"),  # a letter lower case cannot stand for: searched
    ],
)
def test_a_gated_pattern_finds_what_the_pattern_alone_finds(fragments, text, found):
    pattern = re.compile(r"(?<!\w)(?:" + "|".join(fragments) + r")(?!\w)", re.IGNORECASE)
    match = gated(pattern, fragments).search(text)
    assert (match.group(0) if match else None) == found
    assert (match.span() if match else None) == (m.span() if (m := pattern.search(text)) else None)


@pytest.mark.parametrize(
    ("fragments", "is_gated"),
    [
        ((r"район\w*", r"districts?"), True),
        ((r"[Рр]айон\w*",), False),  # opens with a class: no plain letters to look for
        ((r"район", r"\w+ства"), False),
    ],
)
def test_a_pattern_is_gated_only_when_every_fragment_opens_with_plain_letters(fragments, is_gated):
    pattern = re.compile("|".join(fragments), re.IGNORECASE)
    assert (gated(pattern, fragments) is not pattern) is is_gated
