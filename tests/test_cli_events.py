"""`skyledger events` and `skyledger brief`, run as users run them."""

from __future__ import annotations

import io
import json
import re

import pytest

from reconcile_cases import KALUGA, MOD, bryansk_batches, ledger_with, seed_batch


@pytest.fixture
def filled(sqlite_url):
    ledger_with(sqlite_url, seed_batch() + bryansk_batches()).dispose()
    return sqlite_url


def test_events_json_lists_events_with_their_claims(run_cli, filled):
    result = run_cli("events", "--format", "json", "--db", filled)
    assert result.returncode == 0, result.stderr
    events = json.loads(result.stdout)
    assert len(events) == 8
    for event in events:
        assert {"id", "claim_type", "weapon", "country", "admin1", "low", "best", "high", "conflict",
                "claims", "first_reported"} <= set(event)  # fmt: skip
    kaluga = next(e for e in events if e["admin1"] == "RU-KLU" and e["claim_type"] == "destroyed")
    assert (kaluga["low"], kaluga["best"], kaluga["high"], kaluga["conflict"]) == (10, 10, 11, True)
    assert {(c["claimant"], c["count"]) for c in kaluga["claims"]} == {(KALUGA, 11), (MOD, 10)}
    assert all(isinstance(c["id"], int) for c in kaluga["claims"])


@pytest.mark.parametrize(
    ("args", "expected"),
    [
        (("--area", "RU-BRY"), [("2025-06-02", 7, 9), ("2025-06-03", 4, 4), ("u", 8, 8)]),
        (("--area", "ru-bry", "--since", "2025-06-03"), [("2025-06-03", 4, 4)]),
        (("--area", "UA"), []),
    ],
)
def test_events_filters(run_cli, filled, args, expected):
    result = run_cli("events", "--format", "json", "--db", filled, *args)
    assert result.returncode == 0, result.stderr
    rows = [
        (e["key"].split("|")[0][:10] if e["key"][0] != "u" else "u", e["low"], e["high"])
        for e in json.loads(result.stdout)
    ]
    assert rows == expected


def test_events_table(run_cli, filled):
    result = run_cli("events", "--db", filled, env={"COLUMNS": "200"})
    assert result.returncode == 0, result.stderr
    assert "8 events" in result.stdout
    assert "Russian Ministry of Defense: 7 (×3); Governor of Bryansk" in result.stdout
    assert "Bogomaz: 9" in result.stdout  # the cell folds the claimant's name


def test_events_on_an_80_column_terminal_keep_who_said_what_readable(filled):
    from rich.console import Console

    from skyledger import Ledger
    from skyledger.cli.events_cmd import events_table
    from skyledger.reconcile import update_events

    with Ledger(filled) as ledger:
        update_events(ledger.engine)
        rows = ledger.event_days(area="RU-BRY")
    console = Console(width=80, record=True, file=io.StringIO())
    console.print(events_table(rows, console.width))
    lines = console.export_text().splitlines()
    assert max(len(line) for line in lines) <= 80
    text = " ".join(" ".join(line.strip("│ ").split()) for line in lines)
    assert "Russian Ministry of Defense: 7 (×3)" in text
    assert re.search(r"Governor of Bryansk Oblast (\S+ )*Bogomaz: 9", text)
    assert "7–9 (best 7)" in text


@pytest.mark.parametrize(
    "args", [("events", "--area", "Kaluga"), ("events", "--since", "yesterday"), ("brief",)]
)
def test_usage_errors_exit_2(run_cli, filled, args):
    assert run_cli(*args, "--db", filled).returncode == 2


@pytest.mark.parametrize(
    ("area", "suggested"),
    [("Kaluga", "RU-KLU (Kaluga)"), ("RU-XXX", "no such region code"), ("Брянщина", "RU-BRY")],
)
def test_a_bad_area_names_the_nearest_codes(run_cli, filled, area, suggested):
    result = run_cli("events", "--area", area, "--db", filled)
    assert result.returncode == 2
    assert area in result.stderr and suggested in result.stderr


def test_brief_md_for_kaluga(run_cli, filled):
    result = run_cli("brief", "--area", "RU-KLU", "--format", "md", "--db", filled)
    assert result.returncode == 0, result.stderr
    assert "reported 11 UAVs destroyed over Kaluga Oblast" in result.stdout
    assert "the Russian Ministry of Defense counted 10" in result.stdout


def test_brief_without_a_date_covers_the_latest_ledger_day(run_cli, filled):
    result = run_cli("brief", "--format", "md", "--db", filled)
    assert result.returncode == 0, result.stderr
    assert result.stdout.startswith("# Aerial attack claims, ledger day 2025-06-03\n")
    assert "Kaluga" not in result.stdout  # undated, and on no day of its own
    every = run_cli("brief", "--all-days", "--format", "md", "--db", filled)
    assert "## Claims without a known date" in every.stdout and "Kaluga" in every.stdout


@pytest.mark.parametrize("command", ["events", "brief"])
def test_help(run_cli, command):
    result = run_cli(command, "--help")
    assert result.returncode == 0
    assert "Example:" in result.stdout


def test_escape_sequences_in_stored_text_print_as_text(run_cli, sqlite_url, tmp_path):
    """A claimant carrying an OSC title change, a colour and a bidi override reaches the
    terminal as visible escapes, in the events table and in ingest's error lines."""
    hostile = "\x1b]0;owned\x07Governor\u202e\x9b2J"
    lines = [
        {"id": "esc-1", "text": "Над Брянской областью уничтожены 3 беспилотника.",
         "published": "2025-06-02T06:00:00+03:00", "claimant": hostile},
        {"id": "esc-2", "text": 5},
    ]  # fmt: skip
    inputs = tmp_path / "hostile\x1b[2J.jsonl"
    inputs.write_text("\n".join(json.dumps(line) for line in lines), encoding="utf-8")
    ingested = run_cli("ingest", str(inputs), "--db", sqlite_url)
    assert ingested.returncode == 1
    assert "hostile\\x1b[2J.jsonl, line 2" in ingested.stderr
    table = run_cli("events", "--db", sqlite_url)
    assert table.returncode == 0, table.stderr
    for output in (table.stdout, ingested.stderr):
        assert not any(char in output for char in "\x1b\x07\x9b\u202e"), output
    assert "\\x1b" in table.stdout and "owned" in table.stdout  # shown, folded in its column
