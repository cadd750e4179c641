"""Write src/skyledger/extract/lang/numerals.yaml: every form of every Russian and Ukrainian
number word, generated from pymorphy3's inflection rather than listed by hand.

For each base numeral (0-19, the tens, the hundreds, the collectives "двое"/"троє", "оба",
"сотня" and "тысяча") the file maps each of its forms (every case and gender) to its value.
A form that is also an ordinal ("сьома") or more often another word ("семью" a family) is
listed under `ambiguous`: the extractor counts it only beside another number word or a
weapon noun; the plural forms of "сотня" and "тысяча" alone ("тысячи дронов") are vague, no
count, unless "more than" or "about" stands before them ("более тысячи": genitive singular).
Fractions ("полтора", "пів") are left out on purpose: they are never counts.

Usage: python scripts/build_numerals.py
"""

from __future__ import annotations

from pathlib import Path

import pymorphy3
import yaml

ROOT = Path(__file__).resolve().parents[1]
OUTPUT = ROOT / "src" / "skyledger" / "extract" / "lang" / "numerals.yaml"
THOUSAND = 1000

BASES = {
    "ru": {
        "ноль": 0,
        "один": 1,
        "два": 2,
        "три": 3,
        "четыре": 4,
        "пять": 5,
        "шесть": 6,
        "семь": 7,
        "восемь": 8,
        "девять": 9,
        "десять": 10,
        "одиннадцать": 11,
        "двенадцать": 12,
        "тринадцать": 13,
        "четырнадцать": 14,
        "пятнадцать": 15,
        "шестнадцать": 16,
        "семнадцать": 17,
        "восемнадцать": 18,
        "девятнадцать": 19,
        "двадцать": 20,
        "тридцать": 30,
        "сорок": 40,
        "пятьдесят": 50,
        "шестьдесят": 60,
        "семьдесят": 70,
        "восемьдесят": 80,
        "девяносто": 90,
        "сто": 100,
        "двести": 200,
        "триста": 300,
        "четыреста": 400,
        "пятьсот": 500,
        "шестьсот": 600,
        "семьсот": 700,
        "восемьсот": 800,
        "девятьсот": 900,
        "тысяча": THOUSAND,
        "оба": 2,
        "сотня": 100,
    },
    "uk": {
        "нуль": 0,
        "один": 1,
        "два": 2,
        "три": 3,
        "чотири": 4,
        "п'ять": 5,
        "шість": 6,
        "сім": 7,
        "вісім": 8,
        "дев'ять": 9,
        "десять": 10,
        "одинадцять": 11,
        "дванадцять": 12,
        "тринадцять": 13,
        "чотирнадцять": 14,
        "п'ятнадцять": 15,
        "шістнадцять": 16,
        "сімнадцять": 17,
        "вісімнадцять": 18,
        "дев'ятнадцять": 19,
        "двадцять": 20,
        "тридцять": 30,
        "сорок": 40,
        "п'ятдесят": 50,
        "шістдесят": 60,
        "сімдесят": 70,
        "вісімдесят": 80,
        "дев'яносто": 90,
        "сто": 100,
        "двісті": 200,
        "триста": 300,
        "чотириста": 400,
        "п'ятсот": 500,
        "шістсот": 600,
        "сімсот": 700,
        "вісімсот": 800,
        "дев'ятсот": 900,
        "тисяча": THOUSAND,
        "обидва": 2,
        "сотня": 100,
    },
}
# Round-figure nouns: "три десятка" is about 30, "десяток" about 10; their plurals alone
# ("десятки дронов") are vague, no count.
SCALES = {"ru": {"десяток": 10}, "uk": {"десяток": 10}}
# Forms of a lexeme that are no count: "одни" means "only".
DROP = {"ru": {"одни"}, "uk": set()}
# Collective numerals count people ("троє поранених"), a weapon only when it is named after.
COLLECTIVES = {
    "ru": {
        **{"двое": 2, "трое": 3, "четверо": 4, "пятеро": 5, "шестеро": 6, "семеро": 7},
        **{"восьмеро": 8, "девятеро": 9, "десятеро": 10},
    },
    "uk": {
        **{"двоє": 2, "троє": 3, "четверо": 4, "п'ятеро": 5, "шестеро": 6, "семеро": 7},
        **{"восьмеро": 8, "дев'ятеро": 9, "десятеро": 10},
    },
}
# Numbers that are nouns: their plural forms alone are vague ("сотни", "тысячи дронов").
COUNTED_NOUNS = {"сотня", "тысяча", "тисяча"}
# Numeral POS per dictionary: "один" is an adjective in the Russian one.
NUMERAL_POS = {"NUMR", "ADJF", "NOUN"}
APOSTROPHES = ("'", "’", "ʼ")


def lexeme(analyzer, word: str) -> set[str]:
    parses = [p for p in analyzer.parse(word) if p.normal_form == word and p.tag.POS in NUMERAL_POS]
    parses = parses or [p for p in analyzer.parse(word) if p.tag.POS in NUMERAL_POS]
    parse = next((p for p in parses if p.tag.POS == "NUMR"), parses[0] if parses else None)
    if parse is None:
        raise SystemExit(f"pymorphy3 does not know {word!r}")
    return {form.word for form in parse.lexeme}


def likelier_other(analyzer, form: str, numerals, lang: str) -> bool:
    """The form is also an ordinal ("сьома" = seventh), or, where the dictionary has word
    frequencies (Russian), its likeliest reading is another word ("семью" = family)."""
    parses = analyzer.parse(form)
    if any(p.tag.POS == "ADJF" and p.normal_form not in numerals for p in parses):
        return True
    return lang == "ru" and parses[0].normal_form not in numerals


def spellings(form: str) -> list[str]:
    if "ё" in form:  # Russian writes "трех", "четырехсот" as often as "трёх"
        return [form, form.replace("ё", "е")]
    if "'" not in form:
        return [form]
    return [form.replace("'", mark) for mark in APOSTROPHES]


def build() -> dict:
    out = {}
    for lang, bases in BASES.items():
        analyzer = pymorphy3.MorphAnalyzer(lang=lang)
        forms: dict[str, int] = {}
        ambiguous: set[str] = set()
        plural: set[str] = set()
        collective: set[str] = set()
        cardinal: set[str] = set()  # forms of the other numbers ("двох" is "два" as well)
        numbers = {**bases, **COLLECTIVES[lang]}
        for base, value in numbers.items():
            for form in sorted(lexeme(analyzer, base)):
                if form in DROP[lang]:
                    continue
                if forms.get(form, value) != value:
                    raise SystemExit(f"{lang}: {form!r} is both {forms[form]} and {value}")
                for spelling in spellings(form):
                    forms[spelling] = value
                if base in COLLECTIVES[lang]:
                    collective.update(spellings(form))
                else:
                    cardinal.update(spellings(form))
                if likelier_other(analyzer, form, numbers, lang):
                    ambiguous.update(spellings(form))
                if base in COUNTED_NOUNS and any(
                    "plur" in p.tag and p.normal_form == base for p in analyzer.parse(form)
                ):
                    plural.add(form)
        scales, vague = {}, set()
        for base, value in SCALES[lang].items():
            for form in sorted(lexeme(analyzer, base)):
                scales[form] = value
                if any("plur" in p.tag for p in analyzer.parse(form) if p.normal_form == base):
                    vague.add(form)
        out[lang] = {
            "forms": dict(sorted(forms.items(), key=lambda item: (item[1], item[0]))),
            "ambiguous": sorted(ambiguous),
            "plural_thousands": sorted(plural),
            "collective": sorted(collective - cardinal),
            "scales": scales,
            "plural_scales": sorted(vague),
        }
    return out


def main() -> None:
    header = (
        "# Generated by scripts/build_numerals.py from pymorphy3's inflection: do not edit.\n"
        "# forms: every case and gender of each number word -> its value (1000 multiplies);\n"
        "# ambiguous: forms more often another word, counted only beside a number or a weapon;\n"
        "# plural_thousands: forms of 'hundred'/'thousand' nouns that alone are vague, no count;\n"
        "# collective: 'двое', 'троє' in every case: they count people, a weapon only if named;\n"
        "# scales: round-figure nouns after a number ('три десятка' about 30), plural_scales\n"
        "# their forms that alone are vague ('десятки').\n"
    )
    body = yaml.safe_dump(build(), allow_unicode=True, sort_keys=False, width=100)
    OUTPUT.write_text(header + body, encoding="utf-8")
    print(f"wrote {OUTPUT}")


if __name__ == "__main__":
    main()
