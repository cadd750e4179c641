"""English wording for briefings, read from data files: phrases and region names."""

from __future__ import annotations

import csv
from functools import cache
from pathlib import Path

import yaml

DATA = Path(__file__).parent / "data"


@cache
def phrases() -> dict:
    return yaml.safe_load((DATA / "phrases.yaml").read_text(encoding="utf-8"))


@cache
def region_names() -> dict[str, str]:
    with (DATA / "regions.tsv").open(encoding="utf-8") as handle:
        rows = csv.reader((line for line in handle if not line.startswith("#")), delimiter="\t")
        return {code: name for code, name in rows}


def area_name(admin1: str | None, country: str | None) -> str:
    if admin1:
        return region_names().get(admin1, admin1)
    return phrases()["countries"].get(country, country or phrases()["countries"][None])


def weapons(weapon: str | None, n: int | None) -> str:
    singular, plural = phrases()["weapons"][weapon or "unknown"]
    return singular if n == 1 else plural


def claim_phrase(
    claim_type: str, weapon: str | None, n: int | None, area: str, form: str | None = None
) -> str:
    """'11 UAVs destroyed over Kaluga Oblast'; `form` 'title' gives the heading form."""
    forms = phrases()["claim_types"][claim_type]
    chosen = form or ("uncounted" if n is None else "counted")
    return forms[chosen].format(
        n=n,
        weapons=weapons(weapon, n if chosen == "counted" else 2),
        weapon=weapons(weapon, 1),
        area=area,
    )


def casualty_figure(killed: int | None, injured: int | None) -> str | None:
    """'2 killed and 3 injured', '1 injured', or None when the claim says none (0/0)."""
    wording = phrases()["casualties"]
    parts = [
        wording[name].format(n=value)
        for name, value in (("killed", killed), ("injured", injured))
        if value
    ]
    if len(parts) == 2:
        return wording["and"].format(first=parts[0], second=parts[1])
    return parts[0] if parts else None


def casualty_phrase(killed: int | None, injured: int | None, area: str) -> str:
    wording = phrases()["casualties"]
    figure = casualty_figure(killed, injured)
    if figure is None:
        return wording["none"].format(area=area)
    return wording["in"].format(figure=figure, area=area)


def claimant_in_sentence(name: str, first: bool) -> str:
    """'The Russian Ministry of Defense' at the start, 'the ...' inside a sentence;
    a person's name ('Governor of Kaluga Oblast Vladislav Shapsha') takes no article."""
    if name.rsplit(" ", 1)[-1] in phrases()["article_when_ending"]:
        return ("The " if first else "the ") + name
    return name


def language_name(code: str | None) -> str:
    return phrases()["languages"].get(code, code or "")


def day_label(day) -> str:
    return day.isoformat() if day else phrases()["undated"]
