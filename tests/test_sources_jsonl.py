"""JSON Lines in the extraction contract's format: one report a line, bad lines named."""

from __future__ import annotations

import io
from datetime import UTC, datetime, timedelta, timezone
from pathlib import Path

import pytest

from skyledger.records import Report, Source
from skyledger.sources import InputError, read_file
from skyledger.sources.jsonlines import bounded_lines, parse_jsonl, report_from_item
from skyledger.sources.limits import MAX_LINE_BYTES

FIXTURES = Path(__file__).parent / "fixtures" / "jsonl"
SOURCE = Source(kind="jsonl", name="test.jsonl")


def parse(text: str | bytes) -> list:
    data = text.encode() if isinstance(text, str) else text
    return list(parse_jsonl(Path("t.jsonl"), io.BytesIO(data)))


def test_fixture_reports():
    reports = list(read_file(FIXTURES / "reports.jsonl"))
    assert [r.external_id for r in reports] == ["r1", "r2", "3", "r4"]
    r1, r2, r3, r4 = reports
    assert (r1.lang, r1.url, r1.published) == (
        "en",
        "https://example.org/r1",
        datetime(2026, 5, 5, 6, tzinfo=UTC),
    )
    assert (r2.lang, r2.published_precision) == (None, "date")
    assert r3.published == datetime(2026, 5, 5, 9, 30, tzinfo=timezone(timedelta(hours=3)))
    assert (r3.claimant, r3.source.claimant) == ("Обласна військова адміністрація", None)
    assert r4.url is None  # not an http(s) address
    # The source is the outlet the address names; the file is only where it was read.
    assert [r.source.name for r in reports] == ["example.org", "files", "files", "files"]
    assert {r.origin for r in reports} == {str((FIXTURES / "reports.jsonl").resolve())}


@pytest.mark.parametrize(
    ("source_url", "kind", "name"),
    [
        ("https://tass.ru/proisshestviya/26000001", "web", "tass.ru"),
        ("https://www.ukrinform.ua/rubric-ato/1.html", "web", "ukrinform.ua"),
        ("HTTPS://WWW.Reuters.com/world/x", "web", "reuters.com"),
        ("https://t.me/kaluga_gov/4521", "telegram", "@kaluga_gov"),
        ("https://t.me/s/Synegubov/12", "telegram", "@synegubov"),
        ("javascript:alert(1)", "file", "files"),
        (None, "file", "files"),
    ],
)
def test_a_line_is_filed_under_the_outlet_its_address_names(source_url, kind, name):
    item = {"id": "1", "text": "x", "source_url": source_url}
    report = report_from_item(item, origin="/home/analyst/inbox/today.jsonl")
    assert (report.source.kind, report.source.name) == (kind, name)
    assert report.origin == "/home/analyst/inbox/today.jsonl"


def test_each_line_keeps_its_own_claimant_and_the_source_row_none():
    lines = [
        {"id": "a", "text": "x", "source_url": "https://t.me/kh/1", "claimant": "Head of Kharkiv"},
        {"id": "b", "text": "y", "source_url": "https://t.me/kh/2", "claimant": "Air Force"},
        {"id": "c", "text": "z", "source_url": "https://t.me/kh/3"},
    ]
    reports = [report_from_item(item) for item in lines]
    assert [r.default_claimant for r in reports] == ["Head of Kharkiv", "Air Force", None]
    assert all(r.source == Source(kind="telegram", name="@kh") for r in reports)


@pytest.mark.parametrize(
    ("item", "field", "expected"),
    [
        ({"id": 1, "text": " padded "}, "text", "padded"),
        ({"id": 1, "text": "a\u0000b"}, "text", "ab"),
        ({"id": 7, "text": "x"}, "external_id", "7"),
        ({"id": 2.5, "text": "x"}, "external_id", "2.5"),
        ({"id": "x", "text": "x", "lang": "uk"}, "lang", "uk"),
        ({"id": "x", "text": "x", "url": "https://a.example/1"}, "url", "https://a.example/1"),
        ({"id": "x", "text": "x", "source_url": "ftp://a.example/1"}, "url", None),
        (
            {"id": "x", "text": "x", "published": "2026-05-05T10:00:00"},
            "published",
            datetime(2026, 5, 5, 10, tzinfo=UTC),
        ),
        ({"id": "x", "text": "x", "published": ""}, "published", None),
        ({"id": "x", "text": "x", "unknown": [1, 2]}, "text", "x"),
    ],
)
def test_item_fields(item, field, expected):
    assert getattr(report_from_item(item, SOURCE), field) == expected


@pytest.mark.parametrize(
    ("line", "message"),
    [
        ("not json", "invalid JSON at column 1: Expecting value"),
        ('{"id": 1, "text": "unterminated', "invalid JSON at column 32: Invalid control character"),
        ("[1, 2]", "expected a JSON object, got array"),
        ('"just a string"', "expected a JSON object, got string"),
        ("null", "expected a JSON object, got null"),
        ('{"text": "no id"}', "missing field(s): id"),
        ('{"id": 1}', "missing field(s): text"),
        ("{}", "missing field(s): id, text"),
        ('{"id": 1, "text": ""}', "empty text"),
        ('{"id": 1, "text": "  \\n "}', "empty text"),
        ('{"id": 1, "text": 5}', "field 'text' must be a string, not number"),
        ('{"id": 1, "text": ["a"]}', "field 'text' must be a string, not array"),
        ('{"id": true, "text": "x"}', "field 'id' must be a non-empty string or a number"),
        ('{"id": {"a": 1}, "text": "x"}', "field 'id' must be"),
        (
            '{"id": 1, "text": "x", "lang": "fr"}',
            "field 'lang' must be one of en, ru, uk, not 'fr'",
        ),
        ('{"id": 1, "text": "x", "published": "yesterday"}', "is not an ISO 8601 date or time"),
        (
            '{"id": 1, "text": "x", "published": 1714000000}',
            "published must be an ISO 8601 string, not number",
        ),
        ('{"id": 1, "text": "x", "published": "2026-02-30"}', "is not an ISO 8601 date or time"),
        ('{"id": 1, "text": "x", "published": "0001-01-01T00:00:00+05:00"}', "out of range"),
        ('{"id": 1, "text": "x", "source_url": 5}', "field 'source_url' must be a string"),
        ('{"id": 1, "text": "bad \\ud800 surrogate"}', "invalid Unicode"),
        ('{"id": 1, "text": "[unbalanced"}', None),  # a valid line: no error
    ],
)
def test_bad_line_is_named(line, message):
    items = parse("\n\n" + line + "\n")
    if message is None:
        assert all(isinstance(i, Report) for i in items)
        return
    [error] = items
    assert isinstance(error, InputError)
    assert error.line == 3
    assert message in error.message
    assert str(error).startswith("t.jsonl, line 3")


def test_deeply_nested_json_is_an_error_not_a_crash():
    [error] = parse("[" * 100_000 + "]" * 100_000)
    assert isinstance(error, InputError)
    assert error.line == 1


def test_cp1251_line_names_byte_and_line():
    data = b'{"id": 1, "text": "ok"}\n' + '{"id": 2, "text": "Сбито"}'.encode("cp1251") + b"\n"
    ok, error = parse(data)
    assert isinstance(ok, Report)
    assert error.line == 2
    assert error.message.startswith("not UTF-8: byte 0xd1")


def test_broken_line_three_leaves_the_others():
    lines = [f'{{"id": {n}, "text": "report {n}"}}' for n in range(1, 6)]
    lines[2] = '{"id": 3, "text": "broken'
    items = parse("\n".join(lines))
    assert [i.external_id for i in items if isinstance(i, Report)] == ["1", "2", "4", "5"]
    [error] = [i for i in items if isinstance(i, InputError)]
    assert error.line == 3


def test_line_numbers_count_blank_lines_and_crlf():
    items = parse('{"id": 1, "text": "a"}\r\n\r\nbroken\r\n{"id": 2, "text": "b"}')
    assert [getattr(i, "line", None) for i in items] == [None, 3, None]


def test_oversize_line_is_skipped_with_bounded_memory():
    huge = b'{"id": 1, "text": "' + b"x" * (MAX_LINE_BYTES + 10) + b'"}\n'
    data = b'{"id": 0, "text": "before"}\n' + huge + b'{"id": 2, "text": "after"}\n'
    before, error, after = parse(data)
    assert (before.text, after.text) == ("before", "after")
    assert error.line == 2
    assert f"{len(huge):,} bytes" in error.message


@pytest.mark.parametrize(
    ("data", "limit", "expected"),
    [
        (b"ab\ncd\n", 10, [(b"ab\n", 3), (b"cd\n", 3)]),
        (b"ab\ncd", 10, [(b"ab\n", 3), (b"cd", 2)]),
        (b"abcdef\ngh\n", 3, [(b"", 7), (b"gh\n", 3)]),
        (b"abcdef", 3, [(b"", 6)]),
        (b"abc\n", 3, [(b"", 4)]),
        (b"", 3, []),
    ],
)
def test_bounded_lines(data, limit, expected):
    assert list(bounded_lines(io.BytesIO(data), limit)) == expected
