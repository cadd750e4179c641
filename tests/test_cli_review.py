"""`skyledger review` and `skyledger users` on a SQLite ledger holding the seed's claims."""

from __future__ import annotations

import json

import pytest
from click.testing import CliRunner
from sqlalchemy import select

from reconcile_cases import KALUGA, bryansk_batches, ledger_with, seeded
from skyledger import Ledger
from skyledger.cli import cli
from skyledger.store import queries
from skyledger.store.schema import users
from skyledger.users import token_hash


@pytest.fixture
def db(sqlite_url):
    return seeded(sqlite_url)


def run(db: str, *args: str):
    return CliRunner().invoke(cli, [*args, "--db", db], prog_name="skyledger")


def governor_claim(db: str) -> dict:
    with Ledger(db) as ledger:
        return next(
            c for c in ledger.claims() if c["claimant"] == KALUGA and c["claim_type"] == "destroyed"
        )


def kaluga_high(db: str) -> int:
    with Ledger(db) as ledger:
        return next(e for e in ledger.event_days("RU-KLU") if e["claim_type"] == "destroyed")[
            "high"
        ]


def test_the_queue_lists_the_neediest_claims_and_counts_what_is_left(db):
    result = run(db, "review", "--limit", "2")
    assert result.exit_code == 0, result.output
    assert "7 claims left to review" in result.output
    assert "in a conflict" in result.output
    as_json = json.loads(run(db, "review", "--admin1", "RU-KLU", "--format", "json").output)
    assert as_json["left"] == 3  # the governor's two claims and the ministry's figure
    assert {item["claimant"] for item in as_json["items"]} == {
        KALUGA,
        "Russian Ministry of Defense",
    }


def test_set_corrects_a_claim_and_the_event_follows(db):
    claim = governor_claim(db)
    result = run(
        db, "review", str(claim["id"]), "--set", "count=28", "--note", "the post says 28",
        "--as", "anna",
    )  # fmt: skip
    assert result.exit_code == 0, result.output
    assert f"claim {claim['id']} corrected (version 1)" in result.output
    assert kaluga_high(db) == 28
    shown = json.loads(run(db, "review", str(claim["id"]), "--format", "json").output)
    assert shown["claim"]["count"] == 28
    assert shown["claim"]["review_status"] == "corrected"
    assert [(r["reviewer"], r["fields"], r["note"]) for r in shown["reviews"]] == [
        ("anna", {"count": 28}, "the post says 28")
    ]


def test_reject_and_confirm(db):
    claim = governor_claim(db)
    assert run(db, "review", str(claim["id"]), "--reject", "--as", "anna").exit_code == 0
    assert kaluga_high(db) == 10
    assert run(db, "review", str(claim["id"]), "--confirm", "--as", "boris").exit_code == 0
    assert kaluga_high(db) == 11


def test_a_stale_version_is_refused_with_the_current_values(db):
    claim = governor_claim(db)
    run(db, "review", str(claim["id"]), "--set", "count=12", "--version", "0", "--as", "anna")
    result = run(
        db, "review", str(claim["id"]), "--set", "count=13", "--version", "0", "--as", "boris"
    )
    assert result.exit_code == 1
    assert "kept in the history as stale" in result.stderr
    assert json.loads(result.stdout)["count"] == 12


@pytest.mark.parametrize(
    "args",
    [
        ["--set", "count=many"],
        ["--set", "colour=red"],
        ["--confirm", "--set", "count=3"],
    ],
)
def test_invalid_reviews_are_usage_errors(db, args):
    claim = governor_claim(db)
    result = run(db, "review", str(claim["id"]), *args)
    assert result.exit_code == 2, result.output


def test_users_add_prints_the_token_once_and_stores_its_hash(db):
    result = run(db, "users", "add", "Anna K", "--role", "admin")
    assert result.exit_code == 0, result.output
    token = result.stdout.strip()
    assert len(token) >= 40
    with Ledger(db) as ledger, ledger.engine.connect() as conn:
        assert conn.execute(select(users.c.token_hash)).scalars().all() == [token_hash(token)]
    assert run(db, "users", "list").output == "Anna K\tadmin\n"
    assert run(db, "users", "add", "Anna K").exit_code == 2


def test_a_report_confirmed_complete_is_recorded(db):
    claim = governor_claim(db)
    result = run(db, "review", "--report", str(claim["report_id"]), "--confirm", "--as", "anna")
    assert result.exit_code == 0, result.output
    assert f"report {claim['report_id']} confirmed complete" in result.output
    assert run(db, "review", "--report", "999", "--confirm").exit_code == 2
    assert run(db, "review", "--report", "1", "--reject").exit_code == 2


def test_add_records_a_missed_claim_with_its_span(db):
    claim = governor_claim(db)
    with Ledger(db) as ledger:
        text = queries.get_claim(ledger.engine, claim["id"])["report"]["text"]
    start = text.index("Nobody was hurt")
    span = f"{start}:{start + len('Nobody was hurt')}"
    result = run(
        db, "review", "--add", str(claim["report_id"]), "--span", span, "--as", "anna",
        "--set", "claim_type=damage", "--set", "admin1=RU-KLU", "--set", "claimant=" + KALUGA,
        "--format", "json",
    )  # fmt: skip
    assert result.exit_code == 0, result.output
    added = json.loads(result.output)["claim"]
    assert (added["review_status"], added["evidence"]) == ("added", {"claim": [start, start + 15]})
    assert run(db, "review", "--add", str(claim["report_id"]), "--span", "9:x").exit_code == 2


def test_one_claim_is_shown_with_its_evidence_and_history(db):
    claim = governor_claim(db)
    run(db, "review", str(claim["id"]), "--confirm", "--as", "anna", "--note", "checked")
    result = run(db, "review", str(claim["id"]))
    assert result.exit_code == 0, result.output
    assert "(confirmed, version 1)" in result.output
    assert "11 drones were destroyed over Kaluga Oblast" in result.output
    assert "anna confirm applied" in result.output and "checked" in result.output


@pytest.mark.parametrize(
    ("window", "counts"),
    [
        (("--since", "2025-06-03"), [4]),
        (("--until", "2025-06-03"), [7, 7, 7, 9]),
        (("--since", "2025-06-02T06:00:00", "--until", "2025-06-02T08:00:00"), [7]),
    ],
)
def test_the_queue_takes_a_time_window_as_other_commands_do(sqlite_url, window, counts):
    ledger_with(sqlite_url, bryansk_batches()).dispose()
    result = run(sqlite_url, "review", *window, "--format", "json")
    assert result.exit_code == 0, result.output
    queue = json.loads(result.output)
    assert (queue["left"], sorted(item["count"] for item in queue["items"])) == (
        len(counts),
        counts,
    )


@pytest.mark.parametrize(
    ("args", "words"),
    [
        (("--since", "2025-06-03", "--until", "2025-06-02"), "is not before until"),
        (("--admin1", "kaluga"), "RU-KLU (Kaluga)"),
    ],
)
def test_bad_queue_filters_are_usage_errors(db, args, words):
    result = run(db, "review", *args)
    assert result.exit_code == 2
    assert words in result.output


def test_users_is_a_command_in_a_fresh_process(run_cli, tmp_path):
    db = str(tmp_path / "ledger.db")
    added = run_cli("users", "add", "Anna K", "--db", db)
    assert added.returncode == 0, added.stderr
    assert len(added.stdout.strip()) >= 32 and "shown this once" in added.stderr
    listed = run_cli("users", "list", "--db", db)
    assert (listed.returncode, listed.stdout) == (0, "Anna K\treviewer\n")
