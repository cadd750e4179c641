"""Telegram Desktop exports: text as a string or entities, service and media messages, dates."""

from __future__ import annotations

import io
import json
from datetime import UTC, datetime
from pathlib import Path

import pytest

from skyledger.records import Report, Source
from skyledger.sources import InputError, read_file
from skyledger.sources.telegram_export import channel_name, flatten_text, parse_telegram_export

EXPORT = Path(__file__).parent / "fixtures" / "telegram" / "result.json"


def export(document: dict) -> io.BytesIO:
    return io.BytesIO(json.dumps(document).encode())


def parse(messages: list, **channel) -> list:
    return list(
        parse_telegram_export(
            Path("chat/result.json"), export({"name": "Test", **channel, "messages": messages})
        )
    )


def message(id=1, text="Сбито два беспилотника.", **fields) -> dict:
    return {"id": id, "type": "message", "date": "2026-05-01T10:00:00", "text": text, **fields}


def test_fixture_export():
    reports = list(read_file(EXPORT))
    assert all(isinstance(r, Report) for r in reports)
    # 1 and 5 are service messages, 4 a photo without caption
    assert [r.external_id for r in reports] == ["2", "3", "6", "7"]
    assert {r.source.kind for r in reports} == {"telegram"}
    assert {r.source.name for r in reports} == {"Oblast Governor (test channel)"}
    by_id = {r.external_id: r for r in reports}
    assert (
        by_id["3"].text
        == "Внимание! Вблизи села обнаружены обломки ракеты. #ПВО Подробнее: по ссылке"
    )
    assert by_id["7"].text == "Air defence units intercepted two drones overnight."
    # date_unixtime (UTC) wins over the exporting machine's local `date`
    assert by_id["7"].published == datetime(2026, 5, 3, 6, 0, tzinfo=UTC)
    # without date_unixtime the local date is read in the source's zone (UTC when unknown)
    assert by_id["6"].published == datetime(2026, 5, 2, 21, 30, tzinfo=UTC)
    assert all(r.published_precision == "datetime" for r in reports)
    assert all(r.url is None for r in reports)  # exports of channels carry no handle


@pytest.mark.parametrize(
    ("text", "flat"),
    [
        ("plain", "plain"),
        (["a ", {"type": "bold", "text": "b"}, " c"], "a b c"),
        ([{"type": "text_link", "text": "link", "href": "https://x.example"}], "link"),
        ([{"type": "custom_emoji", "document_id": "5"}, "kept"], "kept"),
        ([1, None, {"text": 5}, "ok"], "ok"),
        (None, ""),
        ({"text": "not a list"}, ""),
        (42, ""),
    ],
)
def test_flatten_text(text, flat):
    assert flatten_text(text) == flat


@pytest.mark.parametrize(
    ("msg", "expected"),
    [
        (message(type="service", action="pin_message"), []),
        (message(text="", photo="photos/p.jpg"), []),
        (message(text=[]), []),
        (message(text="   "), []),
        (
            message(type="message", text=[{"type": "bold", "text": "Сбиты"}, " два дрона"]),
            ["Сбиты два дрона"],
        ),
        ({"type": "message", "text": "No type is a message", "id": 9}, ["No type is a message"]),
    ],
)
def test_which_messages_become_reports(msg, expected):
    assert [r.text for r in parse([msg])] == expected


@pytest.mark.parametrize(
    ("msg", "message_part", "record"),
    [
        ("not an object", "message is not an object", "#0"),
        ({"type": "message", "text": "x"}, "message has no id", "#0"),
        (message(id=True), "message has no id", "#0"),
        (message(date_unixtime="soon"), "bad date: unix time 'soon' is not a valid time", "1"),
        (message(date_unixtime=10**18), "bad date", "1"),
        (message(date="yesterday"), "bad date: published 'yesterday'", "1"),
        (message(text="\x00 \x00"), "empty text", "1"),
        (message(text="x" * 1_000_001), "text is 1,000,001 bytes", "1"),
    ],
)
def test_bad_message_is_named(msg, message_part, record):
    [error] = parse([msg])
    assert isinstance(error, InputError)
    assert message_part in error.message
    assert error.record == record


def test_bad_message_leaves_the_others():
    items = parse([message(1), "junk", message(3, text="Ещё один дрон сбит.")])
    assert [type(i).__name__ for i in items] == ["Report", "InputError", "Report"]


def test_username_gives_links_and_name():
    [report] = parse([message(42)], username="test_channel")
    assert report.url == "https://t.me/test_channel/42"
    assert report.source.name == "test_channel"


@pytest.mark.parametrize(
    ("channel", "name"),
    [
        ({"name": "Title"}, "Title"),
        ({"username": "handle", "name": "Title"}, "handle"),
        ({"name": ""}, "chat"),
        ({"name": ["odd"]}, "chat"),
        ({}, "chat"),
    ],
)
def test_channel_name(channel, name):
    assert channel_name(Path("chat/result.json"), channel) == name


def test_source_zone_reads_local_dates():
    source = Source(kind="telegram", name="t", tz="Europe/Kyiv")
    [report] = parse_telegram_export(
        Path("r.json"), export({"messages": [message(date="2026-05-01T10:00:00")]}), source
    )
    assert report.published == datetime(2026, 5, 1, 7, 0, tzinfo=UTC)


@pytest.mark.parametrize(
    ("content", "message_part"),
    [
        ('{"messages": [}', "invalid JSON: parse error: unallowed token"),
        ('{"name": "no messages"}', "not a Telegram Desktop export"),
        ("[1, 2]", "not a Telegram Desktop export"),
    ],
)
def test_json_file_that_is_not_an_export(tmp_path, content, message_part):
    path = tmp_path / "result.json"
    path.write_text(content, encoding="utf-8")
    [error] = list(read_file(path))
    assert message_part in error.message


def test_export_in_cp1251_is_named(tmp_path):
    path = tmp_path / "result.json"
    path.write_bytes(json.dumps({"messages": [message()]}, ensure_ascii=False).encode("cp1251"))
    [error] = list(read_file(path))
    assert error.message.startswith("not UTF-8")


def test_whole_account_export_gives_one_source_a_chat(tmp_path):
    account = {
        "about": "Here is the data you requested.",
        "chats": {
            "about": "This page lists all chats from this export.",
            "list": [
                {
                    "name": "Channel A",
                    "type": "public_channel",
                    "id": 1,
                    "messages": [message(1, "Сбито два дрона.")],
                },
                {
                    "name": "Channel B",
                    "type": "public_channel",
                    "id": 2,
                    "messages": [message(1, "Збито три дрони.")],
                },
                {"name": "Saved", "type": "saved_messages"},  # no messages: passed over
            ],
        },
        "left_chats": {"list": [{"name": "Old channel", "messages": [message(5, "Old news.")]}]},
    }
    path = tmp_path / "result.json"
    path.write_text(json.dumps(account, ensure_ascii=False), encoding="utf-8")
    reports = list(read_file(path))
    assert [(r.source.name, r.external_id) for r in reports] == [
        ("Channel A", "1"),
        ("Channel B", "1"),
        ("Old channel", "5"),
    ]
