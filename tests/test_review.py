"""Reviews on a stored ledger (SQLite and PostgreSQL): history kept, effective values used."""

from __future__ import annotations

import csv as csv_module
import io
import re
import threading

import pytest
from sqlalchemy import select

from reconcile_cases import KALUGA, MOD, NIGHT2_EN, bryansk_batches, ledger_with, seed_batch
from skyledger import Ledger
from skyledger.brief import brief
from skyledger.export import render
from skyledger.reconcile import update_events
from skyledger.review import ReviewError, StaleReview
from skyledger.store import queries
from skyledger.store.schema import users
from skyledger.tables import filters_of
from skyledger.users import authenticate, token_hash


@pytest.fixture
def ledger(db_url):
    engine = ledger_with(db_url, seed_batch())
    update_events(engine)
    with Ledger(db_url, engine=engine) as ledger:
        yield ledger


def claim_of(ledger: Ledger, claimant: str, claim_type: str, admin1: str | None) -> dict:
    return next(
        c
        for c in ledger.claims()
        if (c["claimant"], c["claim_type"], c["admin1"]) == (claimant, claim_type, admin1)
    )


def kaluga_event(ledger: Ledger) -> dict:
    return next(e for e in ledger.event_days("RU-KLU") if e["claim_type"] == "destroyed")


def test_a_correction_changes_the_event_and_the_briefing_sentence(ledger):
    governor = claim_of(ledger, KALUGA, "destroyed", "RU-KLU")
    before = kaluga_event(ledger)
    assert (before["low"], before["best"], before["high"]) == (10, 10, 11)
    outcome = ledger.review(
        governor["id"], "correct", "anna", fields={"count": 28}, note="the post says 28"
    )
    assert outcome.claim["count"] == 28
    assert outcome.claim["review_status"] == "corrected"
    csv = "".join(render(queries.iter_claims(ledger.engine), "csv"))
    assert csv.splitlines()[0].endswith(",review_status,reviewer")
    assert sum(line.endswith(",corrected,anna") for line in csv.splitlines()) == 1
    after = kaluga_event(ledger)
    assert (after["low"], after["best"], after["high"], after["conflict"]) == (10, 10, 28, True)
    assert {
        (c["claimant"], citation["review_status"])
        for c in after["claims"]
        for citation in c["citations"]
    } == {(KALUGA, "corrected"), (MOD, "unreviewed")}
    text = brief(ledger.engine, area="RU-KLU", fmt="md")
    assert re.search(r"Vladislav Shapsha reported 28 UAVs destroyed over Kaluga Oblast", text)
    disagreements = text.split("## Where claimants disagree")[1].split("\n## ")[0]
    assert "**28**" in disagreements and "**10**" in disagreements


def test_the_extractor_output_stays_in_the_history_and_the_latest_review_is_effective(ledger):
    governor = claim_of(ledger, KALUGA, "destroyed", "RU-KLU")
    ledger.review(governor["id"], "correct", "anna", fields={"count": 28})
    ledger.review(governor["id"], "correct", "boris", fields={"count_qualifier": "at_least"})
    history = ledger.reviews(governor["id"])
    assert [(r["reviewer"], r["action"], r["status"]) for r in history] == [
        ("anna", "correct", "applied"),
        ("boris", "correct", "applied"),
    ]
    assert history[0]["extracted"]["count"] == 11  # the extractor's figure, kept
    assert history[1]["fields"] == {"count": 28, "count_qualifier": "at_least"}
    now = claim_of(ledger, KALUGA, "destroyed", "RU-KLU")
    assert (now["count"], now["count_qualifier"], now["reviewer"]) == (28, "at_least", "boris")
    ledger.review(governor["id"], "confirm", "anna")
    assert claim_of(ledger, KALUGA, "destroyed", "RU-KLU")["review_status"] == "confirmed"
    assert claim_of(ledger, KALUGA, "destroyed", "RU-KLU")["count"] == 28


def test_a_rejection_removes_the_claim_from_events_exports_and_the_map(ledger):
    governor = claim_of(ledger, KALUGA, "destroyed", "RU-KLU")
    ledger.review(governor["id"], "reject", "anna", note="a repost of the ministry's figure")
    event = kaluga_event(ledger)
    assert [(c["claimant"], c["count"]) for c in event["claims"]] == [(MOD, 10)]
    assert (event["low"], event["high"], event["conflict"]) == (10, 10, False)
    exported = "".join(render(queries.iter_claims(ledger.engine), "jsonl"))
    assert f'"id":{governor["id"]},' not in exported.replace(" ", "")
    listed = queries.list_claims(ledger.engine).items
    assert governor["id"] not in [c["id"] for c in listed]
    regions = {r["admin1"]: r for r in queries.regions(ledger.engine)}
    assert regions["RU-KLU"]["claims"] == 2  # the ministry's 10 and the casualties claim
    places = {p["name"] for p in queries.places(ledger.engine)}
    assert "Borovsk" not in places
    acled = "".join(render(queries.iter_claims(ledger.engine, with_text=True), "acled"))
    rows = list(csv_module.DictReader(io.StringIO(acled)))
    assert "rejected" not in acled and len(rows) == 6
    assert governor["id"] not in [int(r["skyledger_claim_id"]) for r in rows]
    # undoing it: a confirmation brings the claim back
    ledger.review(governor["id"], "confirm", "boris")
    assert kaluga_event(ledger)["high"] == 11


def test_an_added_claim_appears_with_its_span(ledger):
    report_id = claim_of(ledger, MOD, "destroyed", None)["report_id"]
    report = queries.get_report(ledger.engine, report_id)
    quote = "fragments of a downed drone were found"
    start = report["text"].index(quote)
    outcome = ledger.add_claim(
        report_id,
        "anna",
        {
            "claimant": KALUGA,
            "claim_type": "debris",
            "weapon": "uav",
            "count": 1,
            "country": "RU",
            "admin1": "RU-KLU",
        },  # fmt: skip
        (start, start + len(quote)),
        note="missed",
    )
    added = queries.get_claim(ledger.engine, outcome.claim["id"])
    assert added["review_status"] == "added"
    assert added["evidence"] == {"claim": [start, start + len(quote)]}
    span = added["evidence"]["claim"]
    assert added["report"]["text"][span[0] : span[1]] == quote
    debris = [e for e in ledger.event_days("RU-KLU") if e["claim_type"] == "debris"]
    assert [(e["best"], [c["claimant"] for c in e["claims"]]) for e in debris] == [(1, [KALUGA])]
    assert [r["action"] for r in ledger.reviews(added["id"])] == ["add"]


def test_an_added_claim_is_listed_in_its_reports_time_window(db_url):
    with Ledger(db_url, engine=ledger_with(db_url, bryansk_batches())) as ledger:
        night2 = next(c for c in ledger.claims() if c["count"] == 4)
        quote = "4 drones were destroyed"
        start = NIGHT2_EN.index(quote)
        fields = {"claimant": MOD, "claim_type": "launched", "weapon": "uav", "count": 6}
        ledger.add_claim(night2["report_id"], "anna", fields, (start, start + len(quote)))
        window = filters_of(since="2025-06-03", until="2025-06-04")
        page = queries.list_claims(ledger.engine, window)  # what GET /api/claims answers
        assert sorted((c["claim_type"], c["count"]) for c in page.items) == [
            ("destroyed", 4),
            ("launched", 6),
        ]


def test_two_concurrent_reviewers_leave_two_history_rows_and_the_stale_one_is_refused(ledger):
    governor = claim_of(ledger, KALUGA, "destroyed", "RU-KLU")
    seen = governor["version"]
    ledger.review(governor["id"], "correct", "anna", fields={"count": 12}, version=seen)
    with pytest.raises(StaleReview) as stale:
        ledger.review(governor["id"], "correct", "boris", fields={"count": 13}, version=seen)
    assert stale.value.current["count"] == 12
    assert stale.value.current["version"] == seen + 1
    history = ledger.reviews(governor["id"])
    assert [(r["reviewer"], r["fields"], r["status"]) for r in history] == [
        ("anna", {"count": 12}, "applied"),
        ("boris", {"count": 13}, "stale"),
    ]
    assert claim_of(ledger, KALUGA, "destroyed", "RU-KLU")["count"] == 12


@pytest.mark.parametrize(
    ("fields", "message"),
    [
        ({"count": "many"}, "count"),
        ({"weapon": "catapult"}, "weapon"),
        ({"report_id": 3}, "not a reviewable field"),
    ],
)
def test_a_correction_with_an_invalid_value_is_refused(ledger, fields, message):
    governor = claim_of(ledger, KALUGA, "destroyed", "RU-KLU")
    with pytest.raises(ReviewError, match=message):
        ledger.review(governor["id"], "correct", "anna", fields=fields)
    assert ledger.reviews(governor["id"]) == []


def test_a_token_is_stored_hashed_and_only_its_holder_is_recognised(ledger):
    token = ledger.add_user("anna", "admin")
    with ledger.engine.connect() as conn:
        stored = conn.execute(select(users.c.token_hash)).scalars().all()
    assert stored == [token_hash(token)]
    assert token not in stored[0]
    assert authenticate(ledger.engine, token).role == "admin"
    assert authenticate(ledger.engine, token[:-1] + "x") is None
    assert authenticate(ledger.engine, "") is None


def test_the_queue_puts_conflicts_and_unresolved_places_first_and_counts_what_is_left(ledger):
    items, left = ledger.review_queue(limit=3)
    assert left == 7
    assert "in a conflict" in items[0]["reasons"]
    governor = claim_of(ledger, KALUGA, "destroyed", "RU-KLU")
    ledger.review(governor["id"], "confirm", "anna")
    _, left = ledger.review_queue(limit=3)
    assert left == 6
    _, kaluga_left = ledger.review_queue(queries.Filters(admin1="RU-KLU"))
    assert kaluga_left == 2


def test_reviewers_at_the_same_moment_take_turns_one_applied_one_stale(ledger):
    governor = claim_of(ledger, KALUGA, "destroyed", "RU-KLU")
    start, outcomes = threading.Barrier(2), {}

    def reviewer(name: str, count: int) -> None:
        start.wait()
        try:
            ledger.review(governor["id"], "correct", name, fields={"count": count}, version=0)
            outcomes[name] = "applied"
        except StaleReview:
            outcomes[name] = "stale"

    threads = [threading.Thread(target=reviewer, args=(n, c)) for n, c in (("anna", 12), ("boris", 13))]  # fmt: skip
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=120)
    assert sorted(outcomes.values()) == ["applied", "stale"]
    history = ledger.reviews(governor["id"])
    assert sorted((r["reviewer"], r["status"]) for r in history) == sorted(outcomes.items())
    winner = next(name for name, status in outcomes.items() if status == "applied")
    assert claim_of(ledger, KALUGA, "destroyed", "RU-KLU")["reviewer"] == winner


def test_stats_leave_out_rejected_claims(ledger):
    before = ledger.stats()
    governor = claim_of(ledger, KALUGA, "destroyed", "RU-KLU")
    ledger.review(governor["id"], "reject", "anna", note="a repost of the ministry's figure")
    after = ledger.stats()
    assert after["claims"] == before["claims"] - 1
    destroyed = before["claims_by_type"]["destroyed"] - 1
    assert after["claims_by_type"].get("destroyed", 0) == destroyed
    assert queries.stats(ledger.engine)["claims"] == after["claims"]


def test_stats_count_a_claimant_once_however_its_claims_name_it(ledger):
    """The office alone and the office with its holder are one claimant, offered under
    a name the claimant filter finds both by."""
    governor = claim_of(ledger, KALUGA, "destroyed", "RU-KLU")
    ledger.review(
        governor["id"], "correct", "anna", fields={"claimant": "Governor of Kaluga Oblast"}
    )
    by_claimant = queries.stats(ledger.engine)["claims_by_claimant"]
    kaluga = [name for name in by_claimant if "Kaluga" in name]
    assert kaluga == ["Governor of Kaluga Oblast"]
    found = queries.list_claims(ledger.engine, queries.Filters(claimant=kaluga[0])).items
    assert by_claimant[kaluga[0]] == len(found)
    assert {c["claimant"] for c in found} == {KALUGA, "Governor of Kaluga Oblast"}


def test_a_claimant_set_by_a_reviewer_is_found_by_the_claimant_filter(ledger):
    governor = claim_of(ledger, KALUGA, "destroyed", "RU-KLU")
    ledger.review(governor["id"], "correct", "anna", fields={"claimant": "Mayor of Kyiv"})
    found = ledger.claims(claimant="Mayor of Kyiv Vitali Klitschko")
    assert [c["id"] for c in found] == [governor["id"]]
    assert governor["id"] not in [c["id"] for c in ledger.claims(claimant=KALUGA)]
