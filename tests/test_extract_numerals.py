"""The numeral grammar: every number 0-9,999 in every case (ru, uk) and in English words,
years and fractions that are never counts, and words that are numbers only beside one."""

from __future__ import annotations

from functools import cache

import pytest

from skyledger.extract.lexicon import lexicon
from skyledger.extract.morph import analyzer
from skyledger.extract.numbers import DIGITS, find_numbers

CASES = ("nomn", "gent", "datv", "accs", "ablt", "loct")
UNITS = {
    "ru": "ноль один два три четыре пять шесть семь восемь девять десять одиннадцать двенадцать "
    "тринадцать четырнадцать пятнадцать шестнадцать семнадцать восемнадцать девятнадцать",
    "uk": "нуль один два три чотири п'ять шість сім вісім дев'ять десять одинадцять дванадцять "
    "тринадцять чотирнадцять п'ятнадцять шістнадцять сімнадцять вісімнадцять дев'ятнадцять",
}
TENS = {
    "ru": "двадцать тридцать сорок пятьдесят шестьдесят семьдесят восемьдесят девяносто",
    "uk": "двадцять тридцять сорок п'ятдесят шістдесят сімдесят вісімдесят дев'яносто",
}
HUNDREDS = {
    "ru": "сто двести триста четыреста пятьсот шестьсот семьсот восемьсот девятьсот",
    "uk": "сто двісті триста чотириста п'ятсот шістсот сімсот вісімсот дев'ятсот",
}
THOUSAND = {"ru": "тысяча", "uk": "тисяча"}


@cache
def inflected(lang: str, word: str, grammemes: frozenset) -> str:
    """`word` in the case (and gender) asked, as pymorphy3 declines it."""
    parses = [p for p in analyzer(lang).parse(word) if p.normal_form == word]
    parse = next((p for p in parses if p.tag.POS == "NUMR"), parses[0])
    form = parse.inflect(set(grammemes)) or parse.inflect(set(grammemes) - {"femn"})
    return form.word if form else word


def below_thousand(n: int, lang: str, case: str, feminine: bool = False) -> list[str]:
    words = []
    if n >= 100:
        words.append(inflected(lang, HUNDREDS[lang].split()[n // 100 - 1], frozenset({case})))
        n %= 100
    if n >= 20:
        words.append(inflected(lang, TENS[lang].split()[n // 10 - 2], frozenset({case})))
        n %= 10
        if n == 0:
            return words
    if n or not words:
        gender = {case, "femn"} if feminine and n in (1, 2) else {case}
        words.append(inflected(lang, UNITS[lang].split()[n], frozenset(gender)))
    return words


def thousand_word(thousands: int, lang: str, case: str) -> str:
    """'тысяча', 'тысячи', 'тысяч' after a count of thousands, by the count's last digits."""
    last, teen = thousands % 10, 10 <= thousands % 100 <= 19
    if case in ("nomn", "accs"):
        grammemes = (
            {case, "sing"}
            if last == 1 and not teen
            else {"gent", "sing"}
            if 2 <= last <= 4 and not teen
            else {"gent", "plur"}
        )
    else:
        grammemes = {case, "sing" if last == 1 and not teen else "plur"}
    return inflected(lang, THOUSAND[lang], frozenset(grammemes))


def spelled(n: int, lang: str, case: str) -> str:
    words = []
    thousands, rest = divmod(n, 1000)
    if thousands:
        words += below_thousand(thousands, lang, case, feminine=True)
        words.append(thousand_word(thousands, lang, case))
    if rest or not thousands:
        words += below_thousand(rest, lang, case)
    return " ".join(words)


@pytest.mark.parametrize("lang", ["ru", "uk"])
@pytest.mark.parametrize("case", CASES)
def test_every_number_below_ten_thousand_in_every_case(lang, case):
    lex = lexicon(lang)
    wrong = []
    for n in range(10_000):
        phrase = spelled(n, lang, case) + " БПЛА"  # a noun after it, as in a report
        if [x.value for x in find_numbers(phrase, lex)] != [n]:
            wrong.append((n, phrase, [x.value for x in find_numbers(phrase, lex)]))
    assert wrong[:5] == []


EN_UNITS = [
    "zero",
    "one",
    "two",
    "three",
    "four",
    "five",
    "six",
    "seven",
    "eight",
    "nine",
    "ten",
    "eleven",
    "twelve",
    "thirteen",
    "fourteen",
    "fifteen",
    "sixteen",
    "seventeen",
    "eighteen",
    "nineteen",
]
EN_TENS = ["twenty", "thirty", "forty", "fifty", "sixty", "seventy", "eighty", "ninety"]


def english(n: int, hyphen: bool = True) -> str:
    words = []
    thousands, rest = divmod(n, 1000)
    if thousands:
        words += [english(thousands), "thousand"]
    hundreds, rest = divmod(rest, 100)
    if hundreds:
        words += [EN_UNITS[hundreds], "hundred"]
        if rest and hyphen:
            words.append("and")
    if rest >= 20:
        tens, unit = divmod(rest, 10)
        joiner = "-" if hyphen else " "
        words.append(EN_TENS[tens - 2] + (joiner + EN_UNITS[unit] if unit else ""))
    elif rest or not words:
        words.append(EN_UNITS[rest])
    return " ".join(words)


@pytest.mark.parametrize("hyphen", [True, False])
def test_every_english_number_below_ten_thousand(hyphen):
    lex = lexicon("en")
    wrong = [
        (n, english(n, hyphen))
        for n in range(10_000)
        if [x.value for x in find_numbers(english(n, hyphen), lex)] != [n]
    ]
    assert wrong[:5] == []


@pytest.mark.parametrize(
    ("text", "lang", "values"),
    [
        # oblique cases and genders
        ("атаковали сорока девятью беспилотниками", "ru", [49]),
        ("атакував сорока дев'ятьма дронами", "uk", [49]),
        ("ворог атакував п'ятьма ракетами", "uk", [5]),
        ("обстреляли двадцатью пятью дронами", "ru", [25]),
        ("одной ракетой и двумя дронами", "ru", [1, 2]),
        ("однією ракетою та двома дронами", "uk", [1, 2]),
        # "ё" written as "е", as most Russian texts do
        ("отражена атака трех беспилотников", "ru", [3]),
        (
            "над четырьмя районами сбиты двадцать четыре дрона, еще четырех подавили",
            "ru",
            [4, 24, 4],
        ),
        ("около трехсот дронов и тремя ракетами", "ru", [300, 3]),
        # collectives
        ("двое раненых, трое погибших", "ru", [2, 3]),
        ("двоє поранених, троє загиблих", "uk", [2, 3]),
        # thousands in words and after digits
        ("двумя тысячами четырьмястами тридцатью двумя", "ru", [2432]),
        ("понад 2 тис. дронів", "uk", [2000]),
        ("свыше 3 тыс. беспилотников", "ru", [3000]),
        ("three thousand drones", "en", [3000]),
        ("тысячу дронов", "ru", [1000]),
        # a genitive singular after "more than"/"about", not "thousands"
        ("более тысячи дронов", "ru", [1000]),
        ("близько сотні ракет", "uk", [100]),
        ("около сотни ракет", "ru", [100]),
        # two numbers side by side stay two
        ("одиннадцать двенадцать", "ru", [11, 12]),
        ("twenty thirty", "en", [20, 30]),
        ("по 12 — над Смоленской областью, девять — над Калужской", "ru", [12, 9]),
    ],
)
def test_number_phrases(text, lang, values):
    assert [n.value for n in find_numbers(text, lexicon(lang))] == values


@pytest.mark.parametrize(
    ("text", "lang"),
    [
        # years and dates
        ("у 2024 році дрони атакували область", "uk"),
        ("в 2023 году беспилотники атаковали регион", "ru"),
        ("чоловіків 1977 і 1978 років народження", "uk"),
        ("in 2024 drones attacked the region", "en"),
        ("since 2022 the region is shelled", "en"),
        ("у 2022–2023 роках", "uk"),
        # fractions
        ("полтора десятка дронов", "ru"),
        ("півтора десятки дронів", "uk"),
        ("1,5 тыс. дронов", "ru"),
        ("2.5 thousand drones", "en"),
        # "thousands" alone is vague; a word that is more often another word, alone
        ("тысячи дронов", "ru"),
        ("тисячі дронів", "uk"),
        ("сотни ракет", "ru"),
        ("сотні дронів", "uk"),
        ("спасатели эвакуировали семью", "ru"),
        ("сьома година ранку", "uk"),
    ],
)
def test_no_count(text, lang):
    assert [n.value for n in find_numbers(text, lexicon(lang)) if n.value > 1] == []


@pytest.mark.parametrize(
    ("text", "lang", "values"),
    [
        ("атаковали семью беспилотниками", "ru", [7]),  # before a weapon noun: a number
        ("сьома дронами", "uk", [7]),
        ("2024 дрона", "ru", [2024]),  # no year word: a count
        ("from 2000 drones", "en", [2000]),
    ],
)
def test_numbers_beside_their_noun(text, lang, values):
    assert [n.value for n in find_numbers(text, lexicon(lang))] == values


@pytest.mark.parametrize(
    ("lang", "key", "text", "found"),
    [
        ("ru", "the_other", "Один упал в поле, другой — над Курской областью.", ["другой"]),
        ("ru", "the_other", "ДРУГОЙ беспилотник сбит.", ["ДРУГОЙ"]),
        ("uk", "same_number", "Над Сумщиною — 5, стільки ж над Харківщиною.", ["стільки ж"]),
        ("en", "the_rest", "Four were downed; the rest fell short.", ["the rest"]),
        ("en", "the_rest", "Four were downed over the region.", []),
    ],
)
def test_listed_words_are_found_where_the_case_blind_pattern_finds_them(lang, key, text, found):
    from skyledger.extract.numerals import listed, scanned

    pattern = scanned(lang, key)
    assert [m.group(0) for m in pattern.finditer(text)] == found
    assert [m.group(0) for m in listed(lang, key, "(?<![\\w\\-])", "").finditer(text)] == found


@pytest.mark.parametrize(
    ("text", "spans"),
    [
        ("Збито 12 дронів", [(6, 8)]),
        ("10 000 дронов и 7", [(0, 6), (16, 17)]),  # thousands apart, a number at the end
        ("о 12:30 було 3.5 тисячі", []),  # a clock time, a decimal
        ("Х-101, Ту95, 5x", []),  # after a hyphen, a letter; before a letter
        ("(4) and /5 or ,6", [(1, 2)]),  # a slash or a comma before it: no count
    ],
)
def test_digit_numbers_and_what_stands_around_them(text, spans):
    assert [m.span() for m in DIGITS.finditer(text)] == spans
