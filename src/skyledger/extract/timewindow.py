"""Time windows from explicit clock ranges, anchored on the publication date.

"с 20:00 до 23:00 мск", "з 20:00 до 03:00", "between 11:00 p.m. Moscow time on September 2
and 7:00 a.m. ...". A window is given only when the date (with its year) can be fixed:
from a day and month in the text plus the publication year, or the publication date
itself. Moscow time is +03:00; Kyiv time follows Europe/Kyiv; an unmarked Russian text
reads Moscow time, an unmarked Ukrainian text Kyiv time.
"""

from __future__ import annotations

import re
from datetime import date, datetime, timedelta, timezone
from zoneinfo import ZoneInfo

from skyledger.extract.lexicon import FLAGS, Lexicon

MOSCOW = timezone(timedelta(hours=3))
KYIV = ZoneInfo("Europe/Kyiv")
CLOCK = r"(\d{1,2})[:.](\d{2})(?:\s*([ap])\.?m\.?)?"
DAY = r"(?:\s*(\d{1,2})\s+([^\W\d_]+))?"
CLOCK_TIME = re.compile(r"\d[:.]\d\d")  # what every CLOCK holds
RANGE = {
    "ru": re.compile(
        rf"(?<!\w)с\s+{CLOCK}[^\d]{{0,30}}?{DAY}[^\d]{{0,25}}?\s+до\s+{CLOCK}{DAY}", FLAGS
    ),
    "uk": re.compile(
        rf"(?<!\w)(?:з|із|від)\s+{CLOCK}[^\d]{{0,30}}?{DAY}[^\d]{{0,25}}?\s+(?:до|по)\s+{CLOCK}{DAY}",
        FLAGS,
    ),
    "en": re.compile(
        rf"(?<!\w)(?:between|from)\s+{CLOCK}[^\d]{{0,30}}?{DAY}[^\d]{{0,25}}?\s+(?:and|to|until)\s+{CLOCK}{DAY}",
        FLAGS,
    ),
}


def hour(value: str, ampm: str | None) -> int:
    h = int(value)
    if ampm and ampm.lower() == "p" and h < 12:
        h += 12
    if ampm and ampm.lower() == "a" and h == 12:
        h = 0
    return h


def month_number(word: str | None, lex: Lexicon) -> int | None:
    if not word:
        return None
    lowered = word.lower()
    for stem, number in lex.months:
        if re.match(stem, lowered):
            return number
    return None


def find_window(
    text: str, lex: Lexicon, published: datetime | None
) -> tuple[datetime, datetime, tuple[int, int]] | None:
    """(start, end, span within `text`) or None when the text does not fix one."""
    pattern = RANGE.get(lex.lang)
    # a range needs a clock time: the case-blind range itself is slow to look for everywhere
    match = pattern.search(text) if pattern and CLOCK_TIME.search(text) else None
    if not match or published is None:
        return None
    h1, m1, ap1, d1, mon1, h2, m2, ap2, d2, mon2 = match.groups()
    tail = text[match.start() : match.end() + 40]
    zone = zone_for(tail, lex)
    base = published.date()
    end_day = fixed_day(d2, mon2, lex, base) or fixed_day(d1, mon1, lex, base) or base
    start_day = fixed_day(d1, mon1, lex, base) or end_day
    try:
        start = datetime.combine(start_day, datetime.min.time()).replace(
            hour=hour(h1, ap1), minute=int(m1)
        )
        end = datetime.combine(end_day, datetime.min.time()).replace(
            hour=hour(h2, ap2), minute=int(m2)
        )
    except ValueError:
        return None
    if end <= start and d1 is None:
        start -= timedelta(days=1)
    start, end = start.replace(tzinfo=zone), end.replace(tzinfo=zone)
    if zone is KYIV:
        start, end = fixed_offset(start), fixed_offset(end)
    return start, end, (match.start(), match.end())


def fixed_offset(moment: datetime) -> datetime:
    return moment.replace(tzinfo=timezone(moment.utcoffset()))


def fixed_day(day: str | None, month: str | None, lex: Lexicon, base: date) -> date | None:
    number = month_number(month, lex)
    if not day or not number:
        return None
    try:
        return date(base.year, number, int(day))
    except ValueError:
        return None


def zone_for(text: str, lex: Lexicon):
    if lex.zone_moscow and lex.zone_moscow.search(text):
        return MOSCOW
    if lex.zone_kyiv and lex.zone_kyiv.search(text):
        return KYIV
    return KYIV if lex.lang == "uk" else MOSCOW
