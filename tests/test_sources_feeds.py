"""RSS 2.0 and Atom feeds: one report an entry, title and body joined, times in UTC."""

from __future__ import annotations

from datetime import UTC, datetime
from pathlib import Path

import pytest

from skyledger.records import Report
from skyledger.sources import InputError, read_file
from skyledger.sources.feeds import looks_like_feed, parse_feed

FEEDS = Path(__file__).parent / "fixtures" / "feeds"


def test_rss_fixture():
    first, second, empty = list(read_file(FEEDS / "news.rss"))
    assert first.source.kind == "rss"
    assert first.source.name == "https://news.example.org/"
    assert first.external_id == "news-1001"
    assert first.url == "https://news.example.org/2026/05/01/drones"
    assert first.published == datetime(2026, 5, 1, 3, 30, tzinfo=UTC)  # +0300 in the feed
    assert first.text.startswith(
        "Drones downed over the region overnight\n\nAir defence units shot down five"
    )
    assert "<b>" not in first.text and "No one was hurt." in first.text
    assert second.external_id == "https://news.example.org/2026/05/02/bpla"
    assert second.text.startswith("Ночью над областью сбиты беспилотники")
    assert isinstance(empty, InputError)
    assert (empty.record, empty.message) == ("news-1003", "entry has no text")


def test_atom_fixture():
    reports = list(read_file(FEEDS / "updates.atom"))
    assert [r.external_id for r in reports] == ["urn:oda:news:501", "urn:oda:news:502"]
    first, second = reports
    assert first.published == datetime(2026, 5, 3, 4, 45, tzinfo=UTC)  # <published>, not <updated>
    assert second.published == datetime(2026, 5, 3, 10, 20, tzinfo=UTC)  # only <updated>
    assert first.text == (
        "Нічна атака безпілотників\n\n"
        "Уночі сили протиповітряної оборони збили шість дронів над областю.\nПостраждалих немає."
    )
    assert second.text.endswith("Це вже другий такий випадок цього тижня.")


def rss(items: str) -> bytes:
    return f'<?xml version="1.0"?><rss version="2.0"><channel><title>T</title>{items}</channel></rss>'.encode()


@pytest.mark.parametrize(
    ("item", "external_id", "text", "published"),
    [
        ("<item><guid>g1</guid><title>Only a title</title></item>", "g1", "Only a title", None),
        (
            "<item><link>https://a.example/2</link><description>Body</description></item>",
            "https://a.example/2",
            "Body",
            None,
        ),
        (
            "<item><title>T</title><description>T and more</description></item>",
            "#0",
            "T and more",
            None,
        ),
        (
            "<item><guid>g</guid><title>x</title><pubDate>Mon, 04 May 2026 12:00:00 +0000</pubDate></item>",
            "g",
            "x",
            datetime(2026, 5, 4, 12, tzinfo=UTC),
        ),
        (
            "<item><guid>g</guid><title>x</title><pubDate>not a date</pubDate></item>",
            "g",
            "x",
            None,
        ),
        ("<item><guid>g</guid><title>A &amp;amp; B</title></item>", "g", "A & B", None),
    ],
)
def test_rss_items(item, external_id, text, published):
    [report] = list(parse_feed("f.rss", rss(item)))
    assert (report.external_id, report.text, report.published) == (external_id, text, published)


def test_feed_without_entries_is_quiet():
    assert list(parse_feed("f.rss", rss(""))) == []


@pytest.mark.parametrize(
    ("data", "message_part"),
    [
        (b"<rss><channel><title>unclosed", "not a readable RSS/Atom feed: "),
        (b"<rss><channel><item><title>cut", "entry has no text"),
        (b"<config><option>1</option></config>", "not an RSS/Atom feed"),
        (b"", "not an RSS/Atom feed"),
    ],
)
def test_bad_feed_is_one_error(data, message_part):
    items = list(parse_feed("bad.xml", data))
    assert len(items) == 1 and isinstance(items[0], InputError), items
    assert message_part in items[0].message


@pytest.mark.parametrize(
    ("head", "is_feed"),
    [
        (b'<?xml version="1.0"?><rss version="2.0">', True),
        (b'<feed xmlns="http://www.w3.org/2005/Atom">', True),
        (b"<rdf:RDF>", True),
        (b"<!DOCTYPE html><html>", False),
        (b"plain text", False),
    ],
)
def test_looks_like_feed(head, is_feed):
    assert looks_like_feed(head) is is_feed


def test_sniffed_feed_without_suffix(tmp_path):
    path = tmp_path / "feed"
    path.write_bytes((FEEDS / "updates.atom").read_bytes())
    assert all(isinstance(r, Report) for r in read_file(path))


@pytest.mark.parametrize(
    "data", [b"<item>&#xD800;", b"<rss><item><title>&#xD800;</title></item></rss>"]
)
def test_surrogate_references_do_not_break_the_parser(data):
    items = list(parse_feed("f.rss", data))
    assert items and all(isinstance(i, InputError | Report) for i in items)
