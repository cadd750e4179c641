"""Docs are part of the contract: every command is documented and the reference is current."""

from __future__ import annotations

import json
import re
import subprocess
import sys
from pathlib import Path

import click
import pytest
from click.testing import CliRunner

from skyledger.cli import load_all

cli = load_all()  # commands load on first use; the docs cover every one

ROOT = Path(__file__).resolve().parents[1]
README = (ROOT / "README.md").read_text(encoding="utf-8")


def test_cli_reference_is_generated_from_the_real_help():
    result = subprocess.run(
        [sys.executable, str(ROOT / "scripts" / "gen_cli_docs.py"), "--check"],
        capture_output=True,
        text=True,
    )
    assert result.returncode == 0, result.stderr


def test_every_command_appears_in_the_readme_with_an_example():
    for name, command in cli.commands.items():
        assert f"skyledger {name}" in README, f"README lacks `skyledger {name}`"
        help_text = command.help or ""
        assert "Example" in help_text or isinstance(command, click.Group), (
            f"{name}: no Example in --help"
        )


# -- the README's examples, run against the bundled samples ----------------------------------


def readme_block(after: str) -> str:
    """The console block that follows the first line starting with `after`."""
    start = README.index(after)
    return README[
        README.index("```console", start) : README.index(
            "```\n", README.index("```console", start) + 10
        )
    ]


def squeezed(text: str) -> str:
    return " ".join(text.split())


@pytest.fixture(scope="module")
def demo(tmp_path_factory):
    """The README's demo ledger and what `skyledger demo` printed filling it."""
    url = f"sqlite:///{tmp_path_factory.mktemp('demo') / 'demo.db'}"
    result = CliRunner().invoke(cli, ["demo", "--db", url], prog_name="skyledger")
    assert result.exit_code == 0, result.output
    return url, result.output


def test_the_readmes_demo_output_is_the_real_one(demo):
    _url, output = demo
    block = readme_block("**`skyledger demo`**")
    for line in block.splitlines()[2:]:
        if line.startswith(("read ", "│")):
            assert squeezed(line) in squeezed(output), line


def test_the_readmes_stats_are_the_real_ones(demo):
    url, _output = demo
    shown = readme_block("**`skyledger stats --json`**").splitlines()[2]
    figures = {k: int(v) for k, v in re.findall(r'"(\w+)": (\d+)', shown)}
    real = json.loads(CliRunner().invoke(cli, ["stats", "--json", "--db", url]).output)
    flat = {**real, **real["reports_by_lang"]}
    assert figures == {k: flat[k] for k in figures}


def test_the_readmes_events_row_is_the_real_one(demo):
    url, _output = demo
    row = next(
        line for line in readme_block("**`skyledger events").splitlines() if line.startswith("│")
    )
    cells = [cell.strip() for cell in row.strip("│").split("│")]
    real = json.loads(
        CliRunner()
        .invoke(cli, ["events", "--area", "RU-KLU", "--format", "json", "--db", url])
        .output
    )
    event = next(e for e in real if e["id"] == int(cells[0]))
    said = "; ".join(f"{c['claimant']}: {c['count']}" for c in event["claims"])
    assert cells[2:10] == [
        event["claim_type"], event["weapon"], event["admin1"],
        str(event["low"]), str(event["best"]), str(event["high"]),
        "yes" if event["conflict"] else "", said,
    ]  # fmt: skip


def test_the_readmes_api_answer_is_the_real_one(demo):
    from fastapi.testclient import TestClient

    from skyledger.api import create_app

    url, _output = demo
    block = readme_block("**`skyledger serve")
    query = re.search(r"curl '(http://127.0.0.1:8000)(/api/[^']+)'", block).group(2)
    shown = dict(re.findall(r'"(\w+)": ("[^"]*"|\d+)', block.split("\n")[3]))
    with TestClient(create_app(url)) as client:
        first = client.get(query).json()["items"][0]
    assert {key: json.loads(value) for key, value in shown.items() if key != "next"} == {
        key: first[key] for key in shown if key != "next"
    }


def test_the_readmes_briefing_line_is_the_real_one(demo):
    url, _output = demo
    block = readme_block("**`skyledger brief")
    real = CliRunner().invoke(cli, ["brief", "--area", "RU-KLU", "--format", "md", "--db", url])
    for line in block.splitlines()[2:]:
        if line and line != "..." and not line.startswith("```"):
            assert line in real.output.splitlines(), line
