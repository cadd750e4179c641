"""`skyledger export` run as users run it."""

from __future__ import annotations

import csv
import io
import json

import pytest

from test_api_queries import build_sample


@pytest.fixture
def ledger(sqlite_url):
    build_sample(sqlite_url)
    return sqlite_url


@pytest.mark.parametrize("command", [["export", "--help"], ["serve", "--help"]])
def test_help_ends_with_an_example(run_cli, command):
    result = run_cli(*command)
    assert result.returncode == 0
    assert "Example: skyledger" in result.stdout


def test_csv_to_stdout_with_filters(run_cli, ledger):
    result = run_cli(
        "export", "--db", ledger, "--format", "csv", "--country", "ua", "--weapon", "missile"
    )
    assert result.returncode == 0, result.stderr
    rows = list(csv.DictReader(io.StringIO(result.stdout)))
    assert [r["claim_type"] for r in rows] == ["launched", "destroyed"]


def test_geojson_to_a_file_in_the_base_dir(run_cli, ledger, tmp_path):
    base = tmp_path / "exports"
    result = run_cli(
        "export",
        "--db",
        ledger,
        "--format",
        "geojson",
        "--base-dir",
        str(base),
        "-o",
        "all.geojson",
    )
    assert result.returncode == 0, result.stderr
    assert len(json.loads((base / "all.geojson").read_text(encoding="utf-8"))["features"]) == 10
    assert not list(base.glob("*.part"))


def test_escaping_the_base_dir_is_a_usage_error(run_cli, ledger, tmp_path):
    result = run_cli(
        "export",
        "--db",
        ledger,
        "--format",
        "jsonl",
        "-o",
        "../x.jsonl",
        env={"SKYLEDGER_EXPORT_DIR": str(tmp_path / "e")},
    )
    assert result.returncode == 2
    assert "outside the export directory" in result.stderr
    assert not (tmp_path / "x.jsonl").exists()


def test_acled_since_filter(run_cli, ledger):
    result = run_cli("export", "--db", ledger, "--format", "acled", "--since", "2026-11-22")
    rows = list(csv.DictReader(io.StringIO(result.stdout)))
    assert [(r["event_date"], r["admin1"], r["location"]) for r in rows] == [
        ("2026-11-22", "Odessa", "Odesa")
    ]


@pytest.mark.parametrize(
    ("args", "words"),
    [
        (("--admin1", "kaluga"), ["'--admin1': 'kaluga'", "RU-KLU (Kaluga)"]),
        (("--admin1", "Харківська область"), ["UA-63 (Kharkiv)"]),
        (("--country", "RUS"), ["'--country': 'RUS'", "RU"]),
        (
            ("--since", "2026-11-22", "--until", "2026-11-20"),
            ["--since: '2026-11-22", "is not before until"],
        ),
    ],
)
def test_bad_filter_values_are_usage_errors(run_cli, ledger, args, words):
    result = run_cli("export", "--db", ledger, *args)
    assert result.returncode == 2
    assert result.stdout == ""
    for word in words:
        assert word in result.stderr


def test_a_bad_choice_is_a_usage_error(run_cli, ledger):
    assert run_cli("export", "--db", ledger, "--format", "xlsx").returncode == 2
