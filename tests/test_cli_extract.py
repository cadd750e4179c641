"""`skyledger extract --format jsonl`: the evaluation contract."""

from __future__ import annotations

import json
import subprocess
import sys

import pytest
from click.testing import CliRunner
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from skyledger.cli import cli

GOLD_FIELDS = {
    "claimant",
    "claim_type",
    "weapon",
    "model",
    "count",
    "count_qualifier",
    "country",
    "admin1",
    "places",
    "window_start",
    "window_end",
    "killed",
    "injured",
}


def test_extract_jsonl_contract(run_cli):
    lines = [
        {
            "id": 1,
            "text": "Над Курской областью уничтожены два беспилотника, сообщило Минобороны.",
            "lang": "ru",
        },
        {"id": "x", "text": "Drones are built in a factory."},
        {"id": 3, "text": "Над Сумщиною збито 4 дрони.", "published": "2025-03-01"},
    ]
    stdin = "\n".join(json.dumps(line, ensure_ascii=False) for line in lines) + "\n"
    result = run_cli("extract", "--format", "jsonl", input=stdin)
    assert result.returncode == 0, result.stderr
    out = [json.loads(line) for line in result.stdout.splitlines()]
    assert [o["id"] for o in out] == [1, "x", 3]
    first = out[0]["claims"][0]
    assert set(first) >= GOLD_FIELDS
    assert (first["claim_type"], first["count"], first["admin1"]) == ("destroyed", 2, "RU-KRS")
    assert first["claimant"] == "Russian Ministry of Defense"
    assert out[1]["claims"] == []
    assert out[2]["claims"][0]["admin1"] == "UA-59"


def test_extract_bad_line_is_reported_and_the_rest_goes_on(run_cli):
    stdin = '{"id": 1, "text": "Беспилотник сбит над Брянской областью."}\nnot json\n{"id": 3, "text": ""}\n'
    result = run_cli("extract", "--format", "jsonl", input=stdin)
    assert result.returncode == 1
    assert "line 2" in result.stderr
    assert len(result.stdout.splitlines()) == 2


STARTED = """
import sys
from skyledger.cli import cli
try:
    cli.main(args=["extract"], standalone_mode=False)
finally:
    print(sorted({m.split(".")[0] for m in sys.modules} & {"rich", "sqlalchemy"}), file=sys.stderr)
"""


@pytest.mark.parametrize(
    ("line", "loaded"),
    [
        ('{"id": 1, "text": "Над Курской областью сбит беспилотник."}', "[]"),
        ('{"id": 1, "text": 5}', "['rich']"),  # the console that names a bad line
    ],
)
def test_extract_loads_the_console_only_for_a_bad_line(line, loaded):
    done = subprocess.run(
        [sys.executable, "-c", STARTED], input=line + "\n", capture_output=True, text=True
    )
    assert done.stderr.splitlines()[-1] == loaded


BAD_LINES = [
    (b"not json", "Expecting value"),
    (b"[" * 100_000 + b"]" * 100_000, "nested too deeply"),  # regression: RecursionError
    (b'{"id": 1, "text": "3 drones", "claimant": {"a": 1}}', "'claimant' must be a string"),  # regression: ValidationError
    (b'{"id": "\\ud800", "text": "x"}', "lone surrogate"),  # regression: UnicodeEncodeError on output
    (b'{"id": "\xed\xa0\x80", "text": "x"}', "lone surrogate"),  # one as raw bytes, not escaped
    (b'{"id": 1, "text": ["x"]}', "string 'text'"),
    (b'{"id": 1, "text": "x", "published": {"at": 1}}', "published"),
]  # fmt: skip


@pytest.mark.parametrize(("line", "message"), BAD_LINES)
def test_a_bad_line_is_named_not_a_traceback(line, message):
    good = json.dumps({"id": 2, "text": "Два беспилотника сбиты над Курской областью."})
    result = CliRunner().invoke(cli, ["extract"], input=line + b"\n" + good.encode() + b"\n")
    assert result.exit_code == 1
    assert result.exception is None or isinstance(result.exception, SystemExit)
    assert result.stderr.startswith("error: <stdin>, line 1: ") and message in result.stderr
    assert [json.loads(out)["id"] for out in result.stdout.splitlines()] == [2]


@pytest.mark.parametrize("separator", ["\u0085", "\u2028", "\u2029"])
def test_a_line_separator_in_a_value_stays_on_its_line(separator):
    """JSON leaves these raw; readers that split lines at them (str.splitlines) must not
    see one record as two."""
    line = json.dumps({"id": f"a{separator}b", "text": "Два беспилотника сбиты."})
    result = CliRunner().invoke(cli, ["extract"], input=line.encode() + b"\n")
    assert [json.loads(out)["id"] for out in result.stdout.splitlines()] == [f"a{separator}b"]


json_values = st.recursive(
    st.none() | st.booleans() | st.integers() | st.floats() | st.text(),
    lambda inner: st.lists(inner, max_size=3) | st.dictionaries(st.text(max_size=8), inner, max_size=3),
    max_leaves=12,
)  # fmt: skip
report_like = st.fixed_dictionaries(
    {"text": st.text(max_size=200)},
    optional={"id": json_values, "lang": json_values, "published": json_values, "claimant": json_values},
)  # fmt: skip


@settings(max_examples=100, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(report_like | json_values, max_size=4), st.binary(max_size=200))
def test_any_stdin_gives_claims_or_named_errors(items, garbage):
    lines = [json.dumps(item).encode() for item in items] + [garbage.replace(b"\n", b" ")]
    result = CliRunner().invoke(cli, ["extract"], input=b"\n".join(lines) + b"\n")
    assert result.exception is None or isinstance(result.exception, SystemExit), result.exception
    assert result.exit_code in (0, 1)
    for out in result.stdout.splitlines():
        assert set(json.loads(out)) == {"id", "claims"}
