"""The geocoder on its own test set: tests/data/geocode_mentions.jsonl (sentences written for it).

Same figure from the command line: skyledger geocode --eval tests/data/geocode_mentions.jsonl
"""

from __future__ import annotations

from collections import Counter
from pathlib import Path

from skyledger.geo.evaluate import evaluate, read_items

SET = Path(__file__).parent / "data" / "geocode_mentions.jsonl"


def test_set_covers_what_it_must():
    items = read_items(SET)
    assert len(items) >= 150
    tags = Counter(tag for item in items for tag in item["tags"])
    for tag in ("ru", "uk", "en", "inflected", "ambiguous", "translit", "between", "district",
                "misspelling", "unresolved", "region", "seed"):  # fmt: skip
        assert tags[tag] >= 2, tag


def test_accuracy_on_the_set(capsys):
    summary = evaluate(read_items(SET))
    with capsys.disabled():
        print(f"\ngeocode set: {summary['correct']}/{summary['total']} = {summary['accuracy']:.1%}"
              f" within 10 km; outside the stated admin1: {summary['outside_admin1']}")  # fmt: skip
    misses = [(row["id"], row["mention"], row["got"]["name"]) for row in summary["failures"]]
    assert summary["outside_admin1"] == 0, misses
    assert summary["accuracy"] >= 0.95, misses
