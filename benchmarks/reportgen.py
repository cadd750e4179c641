"""Generated reports for the benchmarks: varied, Telegram-sized, in English, Russian and Ukrainian.

The templates in benchmarks/templates/*.yaml were written for skyledger (they are not real
texts): defence-ministry bulletins with per-region breakdowns, governors' and military
administrations' posts, air-force summaries and wire stories. Each report is one claim
template with its slots filled at random, then filler sentences until it reaches the
target length. Reports come out in the extraction contract's JSON Lines format.

    python benchmarks/reportgen.py 1000000 -o benchmarks/out/reports-1000000.jsonl
"""

from __future__ import annotations

import argparse
import hashlib
import json
import random
import string
from collections.abc import Iterator
from datetime import UTC, datetime, timedelta
from functools import cache
from pathlib import Path

import yaml

TEMPLATES = Path(__file__).parent / "templates"
LANGS = ("ru", "uk", "en")
TARGET_CHARS = 600
MONTHS = {
    "ru": "января февраля марта апреля мая июня июля августа сентября октября ноября декабря",
    "uk": "січня лютого березня квітня травня червня липня серпня вересня жовтня листопада грудня",
    "en": "January February March April May June July August September October November December",
}
START = datetime(2025, 1, 1, tzinfo=UTC)
SOURCES = {"ru": "mod_bulletins", "uk": "ova_posts", "en": "wire_stories"}


@cache
def templates(lang: str) -> dict:
    return yaml.safe_load((TEMPLATES / f"{lang}.yaml").read_text(encoding="utf-8"))


def _slots(data: dict, lang: str, rng: random.Random, published: datetime) -> dict:
    r1, r2, r3 = rng.sample(data["regions"], 3)
    a, b, c = rng.randint(1, 19), rng.randint(1, 19), rng.randint(1, 9)
    hour = rng.randint(0, 20)
    day = published.day
    month = MONTHS[lang].split()[published.month - 1]
    return {
        "n": a + b + c,
        "a": a,
        "b": b,
        "c": c,
        "r1": r1,
        "r2": r2,
        "r3": r3,
        "town": rng.choice(r1["towns"]),
        "word": rng.choice(data["words"]),
        "date": f"{month} {day}" if lang == "en" else f"{day} {month}",
        "t1": f"{hour:02d}:{rng.choice(('00', '30'))}",
        "t2": f"{hour + rng.randint(1, 3):02d}:00",
        "posted": f"{published.hour:02d}:{rng.randint(0, 59):02d}",
    }


class _Slot(string.Formatter):
    """str.format that reads `{r1.ins}` from dictionaries as well as attributes."""

    def get_field(self, field_name, args, kwargs):
        first, *rest = field_name.split(".")
        value = kwargs[first]
        for key in rest:
            value = value[key]
        return value, first


_FORMAT = _Slot()


def report_text(lang: str, rng: random.Random, published: datetime) -> str:
    """A dateline (as outlets and channels head a post), a claim, then fillers."""
    data = templates(lang)
    slots = _slots(data, lang, rng, published)
    text = _FORMAT.format(data["dateline"], **slots) + " "
    text += _FORMAT.format(rng.choice(data["claims"]), **slots)
    fillers = rng.sample(data["fillers"], len(data["fillers"]))
    while len(text) < TARGET_CHARS - 40 and fillers:
        text += " " + fillers.pop()
    return text


def reports(n: int, seed: int = 7) -> Iterator[dict]:
    """`n` reports in the extraction contract's format, published over the course of a year."""
    rng = random.Random(seed)
    for i in range(n):
        lang = LANGS[i % 3] if rng.random() < 0.8 else rng.choice(LANGS)
        published = START + timedelta(seconds=int(i * 365 * 86400 / max(n, 1)))
        yield {
            "id": f"{SOURCES[lang]}-{i}",
            "lang": lang,
            "published": published.isoformat(),
            "source_url": f"https://example.org/{SOURCES[lang]}/{i}",
            "text": report_text(lang, rng, published),
        }


def generator_digest() -> str:
    """Changes whenever the templates or this module change (so stale files are not reused)."""
    digest = hashlib.sha256(Path(__file__).read_bytes())
    for lang in LANGS:
        digest.update((TEMPLATES / f"{lang}.yaml").read_bytes())
    return digest.hexdigest()[:8]


def data_file(folder: Path, n: int) -> Path:
    return folder / f"reports-{n}-{generator_digest()}.jsonl"


def write_jsonl(path: Path, n: int, seed: int = 7) -> Path:
    """Write `n` reports to `path` (once: an existing file of n lines is reused)."""
    if path.exists() and sum(1 for _ in path.open("rb")) == n:
        return path
    path.parent.mkdir(parents=True, exist_ok=True)
    partial = path.with_suffix(".partial")
    with partial.open("w", encoding="utf-8") as out:
        for report in reports(n, seed):
            out.write(json.dumps(report, ensure_ascii=False) + "\n")
    partial.replace(path)
    return path


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("n", type=int)
    parser.add_argument("-o", "--output", type=Path, required=True)
    parser.add_argument("--seed", type=int, default=7)
    args = parser.parse_args()
    write_jsonl(args.output, args.n, args.seed)
    print(args.output)


if __name__ == "__main__":
    main()
