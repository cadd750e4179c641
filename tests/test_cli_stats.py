"""`skyledger stats`: counts of the selected ledger, as JSON or as text."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest
from click.testing import CliRunner

from skyledger.cli import cli
from skyledger.ledger import Ledger
from skyledger.records import Claim, Report, Source
from skyledger.store.writer import save_batch

FIXTURES = Path(__file__).parent / "fixtures"


def invoke(*args: str, env: dict | None = None):
    return CliRunner().invoke(cli, list(args), prog_name="skyledger", env=env)


@pytest.fixture
def empty_ledger(sqlite_url) -> str:
    Ledger(sqlite_url).close()
    return sqlite_url


def test_fresh_ledger_counts_zero(empty_ledger):
    result = invoke("stats", "--json", "--db", empty_ledger)
    assert result.exit_code == 0, result.output
    counts = json.loads(result.stdout)
    assert {key: counts[key] for key in ("reports", "claims", "events")} == {
        "reports": 0,
        "claims": 0,
        "events": 0,
    }


def test_counts_after_ingest_and_claims(db_url):
    invoke("ingest", str(FIXTURES / "text"), "--db", db_url)
    before = json.loads(invoke("stats", "--json", "--db", db_url).stdout)
    with Ledger(db_url) as ledger:
        report = Report(
            source=Source(kind="file", name="t"),
            external_id="x",
            text="Two drones shot down.",
            lang="en",
        )
        claims = [Claim(claim_type="destroyed", weapon="uav", count=2), Claim(claim_type="debris")]
        save_batch(ledger.engine, [(report, claims)])
    counts = json.loads(invoke("stats", "--json", "--db", db_url).stdout)
    # save_batch stores claims without reconciling them, so the events stay as they were
    assert (counts["reports"], counts["claims"], counts["events"]) == (
        4,
        before["claims"] + 2,
        before["events"],
    )
    added = {
        kind: n - before["claims_by_type"].get(kind, 0)
        for kind, n in counts["claims_by_type"].items()
    }
    assert {kind: n for kind, n in added.items() if n} == {"debris": 1, "destroyed": 1}
    assert counts["reports_by_lang"] == {"en": 2, "ru": 1, "uk": 1}


def test_text_output(empty_ledger):
    result = invoke("stats", "--db", empty_ledger)
    assert result.exit_code == 0
    assert [line.split(":")[0].strip() for line in result.stdout.splitlines()][:3] == [
        "reports",
        "claims",
        "events",
    ]


def test_environment_selects_the_ledger_and_db_overrides_it(tmp_path):
    env_url, other_url = f"sqlite:///{tmp_path / 'env.db'}", f"sqlite:///{tmp_path / 'other.db'}"
    invoke("ingest", str(FIXTURES / "html"), "--db", env_url)
    Ledger(other_url).close()
    from_env = json.loads(invoke("stats", "--json", env={"SKYLEDGER_DB": env_url}).stdout)
    overridden = json.loads(
        invoke("stats", "--json", "--db", other_url, env={"SKYLEDGER_DB": env_url}).stdout
    )
    assert (from_env["reports"], overridden["reports"]) == (1, 0)


def test_default_ledger_in_user_data_directory(run_cli, tmp_path):
    assert run_cli("ingest", str(FIXTURES / "html")).returncode == 0
    result = run_cli("stats", "--json")
    assert result.returncode == 0, result.stderr
    assert json.loads(result.stdout)["reports"] == 1
    assert list((tmp_path / "data").rglob("ledger.db"))


@pytest.mark.parametrize(
    ("command", "url"),
    [
        (("stats", "--json"), "nosuchdb://x"),
        (("ingest", str(FIXTURES / "html")), "sqlite:////proc/no/such/dir/ledger.db"),
    ],
)
def test_bad_url_is_a_clear_error(command, url):
    result = invoke(*command, "--db", url)
    assert result.exit_code == 1
    assert result.stderr.startswith("error: cannot open ledger")
    assert result.stdout == ""


def test_extra_argument_is_a_usage_error(empty_ledger):
    assert invoke("stats", "extra", "--db", empty_ledger).exit_code == 2


def test_text_output_spells_out_breakdowns(sqlite_url):
    invoke("ingest", str(FIXTURES / "text"), "--db", sqlite_url)
    lines = invoke("stats", "--db", sqlite_url).stdout.splitlines()
    assert "reports_by_lang: en 1, ru 1, uk 1" in [line.strip() for line in lines]
    [by_type] = [line.strip() for line in lines if line.strip().startswith("claims_by_type:")]
    assert re.fullmatch(r"claims_by_type: (\w+ \d+)(, \w+ \d+)*", by_type), by_type


def test_text_output_of_an_empty_ledger_shows_a_dash(empty_ledger):
    lines = invoke("stats", "--db", empty_ledger).stdout.splitlines()
    assert "claims_by_type: -" in [line.strip() for line in lines]


# Commands that only read: pointed at a ledger that is not there, they say so and make none.
READ_COMMANDS = [
    ("stats", "--json"),
    ("events",),
    ("brief", "--format", "md"),
    ("export", "--format", "csv"),
    ("reextract", "--dry-run"),
    ("sources", "list"),
    ("review",),
    ("review", "1", "--confirm"),
    ("users", "list"),
    ("eval", "--since-review"),
]


@pytest.mark.parametrize("command", READ_COMMANDS, ids=lambda c: " ".join(c))
def test_a_missing_ledger_is_an_error_and_is_not_created(command, tmp_path):
    missing = tmp_path / "typo" / "ledgr.db"
    result = invoke(*command, "--db", f"sqlite:///{missing}")
    assert result.exit_code == 1, result.output
    assert f"no ledger at {missing}" in result.stderr
    assert "skyledger ingest" in result.stderr and "skyledger demo" in result.stderr
    assert result.stdout == ""
    assert not missing.exists() and not missing.parent.exists()


@pytest.mark.parametrize("command", READ_COMMANDS[:2], ids=lambda c: " ".join(c))
def test_an_empty_postgres_schema_is_no_ledger(command, new_postgres_url):
    result = invoke(*command, "--db", new_postgres_url())
    assert result.exit_code == 1, result.output
    assert "no ledger at postgresql" in result.stderr


def test_db_takes_a_plain_file_path(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    assert invoke("ingest", str(FIXTURES / "html"), "--db", "ledger.db").exit_code == 0
    result = invoke("stats", "--json", "--db", "ledger.db")
    assert result.exit_code == 0, result.output
    assert json.loads(result.stdout)["reports"] == 1
    assert (tmp_path / "ledger.db").is_file()


def test_a_missing_ledger_path_is_printed_as_text(tmp_path):
    missing = tmp_path / "[red]x[/red]" / "l.db"
    result = invoke("stats", "--db", str(missing))
    assert result.exit_code == 1
    assert f"no ledger at {missing};" in result.stderr
