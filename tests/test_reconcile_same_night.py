"""One night told by eight reports of different claimants, outlets and languages (written for
this test: tests/data/same_night.jsonl), ingested as a user would: the events, read like a
table of (claim type, weapon, area, low, best, high, conflict)."""

from __future__ import annotations

from pathlib import Path

from skyledger import Ledger

NIGHT = Path(__file__).parent / "data" / "same_night.jsonl"

EXPECTED = {
    # the ministry's breakdown and its wire retelling are one statement; the governors of
    # Kaluga agree with it, Bryansk's posts a different figure
    ("destroyed", "uav", "RU-BRY", 17, 17, 18, True),
    ("destroyed", "uav", "RU-KLU", 4, 4, 4, False),
    ("destroyed", "uav", "RU-KRS", 12, 12, 12, False),
    ("destroyed", "uav", "RU-BEL", 9, 9, 9, False),
    # the ministry's total has a sea among its parts: no country (the guideline's), and the
    # sea's part is counted within it, no event of its own
    ("destroyed", "uav", "-", 46, 46, 46, False),
    # the Air Force's national figures, told again by an outlet
    ("launched", "uav", "UA", 58, 58, 58, False),
    ("destroyed", "uav", "UA", 41, 41, 41, False),
    ("hit", "uav", "UA", 12, 12, 12, False),
    # a district heading ("Белгородский район.") places the governor's post
    ("hit", "uav", "RU-BEL", 1, 1, 1, False),
    ("damage", "uav", "RU-BEL", None, None, None, False),
    ("casualties", "uav", "RU-BEL", None, None, None, False),
    ("casualties", "uav", "RU-BRY", None, None, None, False),
    ("casualties", "uav", "RU-KLU", None, None, None, False),
    ("hit", "uav", "UA-63", None, None, None, False),
    ("damage", "uav", "UA-63", None, None, None, False),
    ("casualties", "uav", "UA-63", None, None, None, False),
}


def test_one_night_of_several_claimants_gives_its_events(sqlite_url):
    with Ledger(sqlite_url) as ledger:
        ledger.ingest([NIGHT])
        events = ledger.events()
    found = {
        (e["claim_type"], e["weapon"], e["admin1"] or e["country"] or "-", e["low"], e["best"],
         e["high"], bool(e["conflict"]))
        for e in events
    }  # fmt: skip
    assert found == EXPECTED
    assert len(events) == len(EXPECTED)
