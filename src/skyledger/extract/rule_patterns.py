"""Patterns the extraction rules share (compiled once at import)."""

from __future__ import annotations

import re

from skyledger.extract.literals import gated

COUNT_TYPES = ("destroyed", "launched", "hit", "debris")
# a comma, colon, semicolon or bracket; or a dash between spaces. One class opens both (a space
# goes on to its dash), so the engine skips ahead to them instead of trying every position.
CLAUSE_BREAK = re.compile(r"[,;:()\s](?:(?<!\s)|[—–\-]\s)")
CLAUSE_END = re.compile(r"[,;:()!?.\n]|\s[—–]\s|\s-\s")  # a clause's end, or its sentence's
NOT_WEAPON_UNIT = re.compile(
    r"^\s*(?:-\s*)?(?:кв\.?\s*(?:м|км)|[мm]²|км²|sq\.?\s*(?:m|km|ft)|square|квадратн\w*|гектар\w*|га|"
    r"hectares?|тонн?\w*|tonn?es?|tons?|литр\w*|літр\w*|lit(?:re|er)s?|кубометр\w*|cubic|"
    r"час\w*|годин\w*|hours?|km|км|кілометр\w*|километр\w*|miles?|рок\w*|рік|год\w*|лет|years?|"
    r"регион\w*|регіон\w*|област\w*|regions?|oblasts?|раз\w*|times|%|процент\w*|відсот\w*|day|days|сут\w*|дн\w*|"
    r"хвилин\w*|минут\w*|minutes?|напрям\w*|направлени\w*|directions?|хвил[яіьею]\w*|волн\w*|waves?|локац\w*|місц\w*|мест\w*|этаж\w*|поверх\w*|квартир\w*|будин\w*|дом\w*|"
    r"buildings?|houses?|homes?|apartments?|школ\w*|автомоб\w*|авто\w*|cars?|вікн\w*|окн\w*|метр\w*|"
    r"гараж\w*|сел\w*|населен\w*|villages?|towns?|cities|city|міст\w*|город\w*|район\w*|громад\w*|"
    r"числа|числ\w*|сентябр\w*|октябр\w*|ноябр\w*|декабр\w*|январ\w*|феврал\w*|март\w*|апрел\w*|ма[йя]\w*|"
    r"июн\w*|июл\w*|август\w*|верес\w*|жовт\w*|листопад\w*|груд\w*|січ\w*|лют\w*|берез\w*|квіт\w*|трав\w*|"
    r"черв\w*|лип\w*|серп\w*|january|february|march|april|may|june|july|august|september|october|november|"
    r"december|самол\w*|літак\w*|бомбардувальник\w*|aircraft|bombers?|жител\w*|люд\w*|person\w*|people|"
    r"человек\w*|осіб|чоловік\w*|женщин\w*|жінк\w*|дет\w*|діт\w*|children|civilians?|wounded|injured|killed)(?!\w)",
    re.IGNORECASE,
)
EN_MODIFIER = re.compile(
    r"^\s+(?:attacks?|strikes?|command|operators?|units?|production|factor(?:y|ies)|plants?|warfare|"
    r"programmes?|programs?|makers?|industry|alerts?|threats?|activity|missions?|operations?|designs?|"
    r"debris|fragments?|wreckage|war|raids?|assaults?)\b",
    re.IGNORECASE,
)
# between a model and its head noun, adjectives only: "Kalibr cruise missiles", not "the
# missile and 14 drones"
EN_HEAD_GAP = re.compile(r"(?:\s+(?!and\b|or\b)[a-z][a-z\-]*){0,2}\s+")
EN_ATTACK_NOUN = re.compile(r"\s+(?:attacks?|strikes?|raids?|assaults?)\b", re.IGNORECASE)
OF_THESE = re.compile(
    r"^\s*(?:of\s+(?:these|them|the|which)|из\s+них|з\s+них|із\s+них)", re.IGNORECASE
)
SHORT_GAP = re.compile(r"\s+(?:\w{1,4}\s+)?")  # "обломки одного", "debris from one"
OPENING_OF = re.compile(r"^\W*\w+(?:\s+the)?\s*$", re.IGNORECASE)
HYPHEN_UNIT = re.compile(r"^-?(?:[^\W\d]|\d)")
MIXED = re.compile(
    r"^[^.;:]{0,40}?(?:інших типів|різних типів|других типов|разных типов|other types|and other|і безпілотник|та безпілотник|и беспилотник|/)",
    re.IGNORECASE,
)
NUMBER_SUFFIX = re.compile(r"^-(?:ма|ми|ти|х|ох|ом|ю|ї|й|го|ти|ть|мя|ью)(?![\w])", re.IGNORECASE)
ALL_OF_THEM = re.compile(
    r"(?<!\w)(?:усі|всі) вони|(?<!\w)все они|(?<!\w)all of (?:them|which)",
    re.IGNORECASE,
)
CHAIN_GAP = re.compile(
    r"^(?:\s+(?:област\w*|oblasts?|regions?|крае?|краях))?(?:,\s*|\s+(?:и|і|та|й|and)\s+|,\s+and\s+|,\s+а также\s+)"
    # "и Республикой Адыгея": the republic's word stands outside its name's mention
    r"(?:the\s+)?(?:республик\w*\s+|республі\w*\s+|republic\s+of\s+)?$",
    re.IGNORECASE,
)
ATTACK_VERB = re.compile(r"(?:атакува|атаковал|атакував|вдари|удари|цілив)", re.IGNORECASE)
WIDE_TARGET = re.compile(
    r"(?<!\w)(?:украин\w*|україн\w*|росси\w*|росі\w*|регион\w*|регіон\w*|област\w*"
    r"|ukrain\w*|russia\w*|regions?|oblast)(?!\w)",
    re.IGNORECASE,
)
CLAUSE_TEXT = re.compile(r"\w")  # any word before "з 80 БпЛА": the whole opens no clause
PRONOUN_SUBJECT = re.compile(r"^(?:вона|він|она|он|it)\s", re.IGNORECASE)
TARGET_PLACE = re.compile(r"[Пп](?<!\w.)о\s+[А-ЯІЇЄҐ]")  # "(?<!\w)[Пп]", letter first: fast
# between a plural title and its regions, and between the regions: "of the", ",", "and"
TITLE_CHAIN_GAP = re.compile(r"(?:[\s,]+|\w{1,3}(?!\w))*")


class OpeningGate:
    """A pattern tried with .match(text, pos) whose every match holds `opening` (lower case)
    within `reach` characters of `pos`: where the text lacks it there, the pattern is not run
    (a lazy gap before a word is tried at each of its characters)."""

    __slots__ = ("pattern", "opening", "reach")

    def __init__(self, pattern: re.Pattern, opening: str, reach: int):
        self.pattern, self.opening, self.reach = pattern, opening, reach

    def match(self, text: str, pos: int = 0):
        if self.opening not in text[pos : pos + self.reach].lower():
            return None
        return self.pattern.match(text, pos)


NEGATED_AFTER = OpeningGate(  # used with .match(text, pos): no "^", which holds only at 0
    re.compile(
        r"[^;!?,.—–]{0,60}?(?<!\w)(?:немає|нема|нет|не було|не было|не зафіксовано)(?!\w)",
        re.IGNORECASE,
    ),
    "не",  # every word opens with it, after at most 60 characters
    62,
)
REGION_WORD = re.compile(  # "the region" or a bare "область" referring back to the one named
    r"(?<!\w)(?:региона|регіону|the region|над регионом|над регіоном|над областью|над областю"
    r"|(?:в|у|по) област[иі]|(?:в|у) регионе|(?:в|у) регіоні|на территории области"
    r"|на території області|(?:over|in) the oblast"
    # a krai or a republic named before: "над краем", "в республике", "over the republic"
    r"|над краем|над краєм|над республикой|над республікою|(?:в|на) крае|(?:в|у) краї"
    r"|(?:в|у) республике|(?:в|у) республіці|на территории (?:края|республики)"
    r"|на території (?:краю|республіки)|(?:over|in) the (?:krai|republic))(?!\w)",
    re.IGNORECASE,
)
DISTRICT_WORDS = (r"район\w*", r"округ\w*", r"громад\w*", r"districts?")
DISTRICT_WORD = gated(
    re.compile(rf"(?<!\w)(?:{'|'.join(DISTRICT_WORDS)})(?!\w)", re.IGNORECASE), DISTRICT_WORDS
)
GAP_WORD = re.compile(r"[\w’'ʼ\-]+")
# a dot that ends no sentence: an initialism's, inside a word ("3 U.S.-made ATACMS missiles")
INITIALISM_DOT = re.compile(r"(?<=\b[A-Z])\.(?=[A-Z]\.|-)|(?<=\b[A-Z]\.[A-Z])\.(?=-)")
# "Ту-", "Х-", "12:", "5 " at the end of the text before a number, matched in that text reversed
# ("[\w]-$|[:.]$|\d\s*$" is tried at every position of it): see model_or_clock_before
MODEL_OR_CLOCK_REVERSED = re.compile(r"\n?(?:-\w|[:.])|\s*\d")
CLOCK_AFTER = re.compile(r"^\s*[:.]\d")
WORD_CHAR = re.compile(r"\w")
WORDS = re.compile(r"\w+")
EACH_AFTER = re.compile(r"^\s*(?:\w+\s+)?each\b", re.IGNORECASE)
DIGIT_OR_STOP = re.compile(r"\d|[.;]")
WORD_AHEAD = re.compile(r"\s*\w")
LONG_WORDS = re.compile(r"[^\W\d_]{3,}")
DEFINITE_BEFORE = re.compile(r"\b(?:the|both)\s+(?:[\w\-]+\s+)?$")
ARTICLE_BEFORE = re.compile(r"(?:\bthe|\ba|\ban|\bone)\s+(?:[\w\-]+\s+){0,2}$")
WORD_BEFORE = re.compile(r"([^\W\d_]{3,})\s+$")
DASH_GAP = re.compile(r"\s*[—–-]\s*")  # "поранених — семеро"
DEBRIS_OF = re.compile(r"\s+(?:of\s+(?:an?\s+|the\s+)?)?", re.IGNORECASE)  # "уламки дрона"
WORD_AFTER = re.compile(r"\s+([^\W\d_]{3,})")
MAX_NUMBERS_PER_SENTENCE = 80  # a bulletin line lists a few dozen at most; more is noise
NEXT_WORD = re.compile(r"\s*[\w’'ʼ\-]+")
AND_GAP = re.compile(r"\s+(?:и|і|й|та|and)\s*$", re.IGNORECASE)
# two counts joined with nothing else between them: "2 missiles and 71 drones were shot down"
# one or two words after a counted noun, before "and" and the next count
MODIFIER_WORDS = re.compile(r"(?:\s+[^\W\d_][\w\-]*){1,2}(?=\s+(?:and|и|і|й|та)\s)", re.IGNORECASE)
JOINED_COUNT = re.compile(r"\s+(?:and|и|і|й|та)\s+", re.IGNORECASE)
# regions listed right after a claim word: "hit in the Lviv, Ivano-Frankivsk and Kharkiv
# regions", "влучання у Львівській, Івано-Франківській та Харківській областях"
LIST_LEAD = re.compile(r"\s+(?:[^\W\d_][\w’'ʼ\-]*\s+){0,4}")
LIST_GAP = re.compile(r"\s*,\s*(?:(?:and|и|і|й|та)\s+)?|\s+(?:and|и|і|й|та)\s+", re.IGNORECASE)
# a casualty figure's own predicate after it: "three people were injured", "три человека
# получили ранения" (at most two words, no punctuation)
PREDICATE_GAP = re.compile(r"\s+(?:[^\W\d_][\w’'ʼ\-]*\s+){0,2}")
LEAD_GAP = re.compile(
    r"^(?:\s+[^\W\d_]+)?\s*[—–:-]?\s*$"
)  # "регионом — ", "region: " before a count
WORD_BEFORE_ANY = re.compile(r"(\w+)\s+$")
DASH_AFTER = re.compile(r"\s*[—–-]\s*")
AGE = re.compile(  # a digit first, then "(?<!\w)" looking back past it: the engine skips to digits
    r"\d(?<!\w\d)\d{0,2}-(?:річн|летн|year-old|years-old)\w*", re.IGNORECASE
)


def model_or_clock_before(before: str) -> bool:
    """Does `before` end with a model's hyphen ("Ту-"), a clock's colon or dot, or a digit
    (then spaces)? ("$" lets one newline end the text after the first two.)"""
    return MODEL_OR_CLOCK_REVERSED.match(before[::-1]) is not None
