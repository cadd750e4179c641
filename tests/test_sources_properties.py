"""Every parser survives arbitrary input: it yields Reports or InputErrors, never raises."""

from __future__ import annotations

import contextlib
import io
import json
from pathlib import Path

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from skyledger.ingest import prepare
from skyledger.records import Report
from skyledger.sources import InputError, detect_lang
from skyledger.sources.feeds import parse_feed
from skyledger.sources.files import parse_bytes
from skyledger.sources.htmltext import html_to_text, page_published, parse_html_page
from skyledger.sources.jsonlines import parse_jsonl
from skyledger.sources.telegram_export import parse_telegram_export
from skyledger.sources.textfile import parse_text
from skyledger.sources.timeparse import from_unix, parse_published

FAST = settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
SLOW = settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])

json_values = st.recursive(
    st.none() | st.booleans() | st.integers() | st.floats(allow_nan=False) | st.text(),
    lambda inner: (
        st.lists(inner, max_size=4) | st.dictionaries(st.text(max_size=8), inner, max_size=4)
    ),
    max_leaves=20,
)
message_fields = {
    "id": st.none() | st.booleans() | st.integers() | st.text(max_size=5),
    "type": st.sampled_from(["message", "service", "other"]) | st.none(),
    "text": json_values
    | st.lists(st.text() | st.fixed_dictionaries({"type": st.text(), "text": st.text()})),
    "date": st.none() | st.text(max_size=30) | st.just("2026-05-01T10:00:00") | st.integers(),
    "date_unixtime": st.none()
    | st.text(max_size=12)
    | st.integers()
    | st.floats()
    | st.just("1777622400"),
}
telegram_messages = st.fixed_dictionaries({}, optional=message_fields) | json_values
telegram_exports = st.fixed_dictionaries(
    {"messages": st.lists(telegram_messages, max_size=6)},
    optional={"name": json_values, "username": json_values},
)
contract_items = st.fixed_dictionaries(
    {},
    optional={
        "id": json_values,
        "text": st.text() | json_values,
        "lang": st.sampled_from(["en", "ru", "uk", "fr", ""]) | json_values,
        "published": st.text(max_size=30) | st.just("2026-05-01") | json_values,
        "source_url": st.text(max_size=30) | st.just("https://a.example/1") | json_values,
        "claimant": json_values,
    },
)
markup_pieces = st.sampled_from(
    [
        "<",
        ">",
        "</",
        "<p>",
        "</p>",
        "<br>",
        "<html>",
        "<body>",
        "<article>",
        "<rss>",
        "<channel>",
        "<item>",
        "</item>",
        "<title>",
        "<feed>",
        "<entry>",
        "<![CDATA[",
        "]]>",
        "&amp;",
        "&#0;",
        "&#xD800;",
        "&bogus;",
        '<meta property="article:published_time" content="',
        '">',
        "<?xml version='1.0' encoding='utf-8'?>",
        "<!DOCTYPE html>",
        "<script>",
        "Сбито",
        "збито",
        " drones ",
        "\x00",
        "\n",
    ]
)
markup = st.lists(markup_pieces | st.text(max_size=10), max_size=40).map("".join)


def check(items) -> list:
    items = list(items)
    for item in items:
        assert isinstance(item, Report | InputError), item
        if isinstance(item, Report):
            assert item.text.strip()
            assert item.published is None or item.published.tzinfo is not None
            prepared = prepare(item)  # the ingest step must not raise either
            assert isinstance(prepared, Report | InputError)
        else:
            assert item.message and str(item)
    return items


@FAST
@given(
    st.binary(max_size=2000),
    st.sampled_from([".txt", ".md", ".json", ".jsonl", ".rss", ".xml", ".html", "", ".pdf"]),
)
def test_any_bytes_any_suffix(data, suffix):
    check(parse_bytes(Path("input" + suffix), data))


@FAST
@given(st.text(max_size=2000))
def test_text_files(text):
    check(parse_text(Path("t.txt"), text.encode("utf-8", "surrogatepass")))


@FAST
@given(st.lists(contract_items | json_values, max_size=8))
def test_jsonl_of_arbitrary_json(values):
    lines = [json.dumps(value) for value in values]
    items = check(
        parse_jsonl(Path("t.jsonl"), io.BytesIO("\n".join(lines).encode("utf-8", "surrogatepass")))
    )
    assert len(items) <= len(values)


@FAST
@given(st.binary(max_size=3000))
def test_jsonl_of_arbitrary_bytes(data):
    check(parse_jsonl(Path("t.jsonl"), io.BytesIO(data)))


@FAST
@given(telegram_exports)
def test_telegram_exports(document):
    data = json.dumps(document).encode("utf-8", "surrogatepass")
    check(parse_telegram_export(Path("result.json"), io.BytesIO(data)))


@FAST
@given(json_values)
def test_json_documents(value):
    check(parse_bytes(Path("result.json"), json.dumps(value).encode("utf-8", "surrogatepass")))


@SLOW
@given(markup)
def test_feeds(text):
    check(parse_feed("f.xml", text.encode("utf-8", "surrogatepass")))


@SLOW
@given(markup)
def test_html_pages(text):
    check(parse_html_page("p.html", text.encode("utf-8", "surrogatepass")))
    assert isinstance(html_to_text(text), str)
    page_published(text)


@FAST
@given(st.text(max_size=500))
def test_detect_lang(text):
    assert detect_lang(text) in ("en", "ru", "uk")


@FAST
@given(json_values, st.sampled_from([None, "Europe/Kyiv", "Nowhere/Land", ""]))
def test_parse_published(value, tz):
    try:
        published, _ = parse_published(value, tz)
    except ValueError:
        return
    assert published is None or published.tzinfo is not None


@FAST
@given(json_values)
def test_from_unix(value):
    with contextlib.suppress(ValueError):
        assert from_unix(value).tzinfo is not None
