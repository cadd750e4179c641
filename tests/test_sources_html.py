"""Saved HTML article pages: the main text, the page's own publication time, its address."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta, timezone
from pathlib import Path

import pytest

from skyledger.records import Report
from skyledger.sources import InputError, read_file
from skyledger.sources.htmltext import (
    html_to_text,
    looks_like_html,
    page_published,
    parse_html_page,
)

ARTICLE = Path(__file__).parent / "fixtures" / "html" / "article.html"
BODY = "<p>" + "Air defence units shot down four drones over the district overnight. " * 4 + "</p>"


def page(head: str = "", body: str = BODY) -> bytes:
    return f"<!DOCTYPE html><html><head><title>Report</title>{head}</head><body><article>{body}</article></body></html>".encode()


def test_article_fixture():
    [report] = list(read_file(ARTICLE))
    assert report.source.kind == "web"
    assert report.url == "https://herald.example.org/2026/05/04/drones-intercepted"
    assert report.external_id == report.url
    assert report.published == datetime(2026, 5, 4, 7, 30, tzinfo=timezone(timedelta(hours=3)))
    assert report.published_precision == "datetime"
    assert report.text.startswith("Drones intercepted near the city")
    assert "intercepted eight drones" in report.text
    assert "twenty-three drones" in report.text
    assert (
        "Privacy" not in report.text and "Sport" not in report.text
    )  # navigation and footer left out


@pytest.mark.parametrize(
    ("head", "published", "precision"),
    [
        (
            '<meta property="article:published_time" content="2026-05-04T07:30:00Z">',
            datetime(2026, 5, 4, 7, 30, tzinfo=UTC),
            "datetime",
        ),
        (
            '<meta itemprop="datePublished" content="2026-05-04">',
            datetime(2026, 5, 4, tzinfo=UTC),
            "date",
        ),
        (
            '<meta name="date" content="2026-05-04T10:00:00">',
            datetime(2026, 5, 4, 10, tzinfo=UTC),
            "datetime",
        ),
        ('<meta property="article:published_time" content="garbage">', None, None),
        ("", None, None),
    ],
)
def test_page_published_from_metadata(head, published, precision):
    assert page_published(page(head)) == (published, precision)


def test_time_element_in_article():
    markup = page(body=f'<time datetime="2026-05-04T06:00:00+03:00">4 May</time>{BODY}')
    assert page_published(markup)[0] == datetime(2026, 5, 4, 3, tzinfo=UTC)


def test_page_without_url_is_identified_by_path(tmp_path):
    path = tmp_path / "saved.html"
    path.write_bytes(
        page('<meta property="article:published_time" content="2026-05-04T07:30:00Z">')
    )
    [report] = list(read_file(path))
    assert report.external_id == str(path.resolve())
    assert report.url is None


def test_page_in_declared_legacy_charset(tmp_path):
    path = tmp_path / "cp1251.html"
    text = "Над районом сбиты четыре беспилотника, сообщил губернатор области. " * 4
    markup = f'<html><head><meta charset="windows-1251"><title>Сводка</title></head><body><article><p>{text}</p></article></body></html>'
    path.write_bytes(markup.encode("cp1251"))
    [report] = list(read_file(path))
    assert isinstance(report, Report)
    assert "сбиты четыре беспилотника" in report.text


@pytest.mark.parametrize(
    ("data", "message"),
    [
        (b"<html><body></body></html>", "no article text found in the page"),
        (b"", "no article text found in the page"),
        (b"<html>\x00\x01\x02</html>", "binary file"),
    ],
)
def test_page_without_text_is_one_error(data, message):
    [error] = list(parse_html_page("p.html", data))
    assert isinstance(error, InputError)
    assert error.message.startswith(message)


@pytest.mark.parametrize(
    ("markup", "text"),
    [
        ("plain &amp; simple", "plain & simple"),
        ("<p>one</p><p>two</p>", "one\ntwo"),
        ("line<br>break", "line\nbreak"),
        ("<b>bold</b> and <i>italic</i>", "bold and italic"),
        ("", ""),
        ("<", "<"),
        ("<<>>", "<<>>"),  # junk is kept as written
        ("<p>one<!-- note --> two</p>", "one two"),  # comments are not text
        # a control character by reference beside a break: read, never written back to the tree
        ("<p>Alarm&#x1b;</p><br>&#x7;over", "Alarm\n\nover"),
    ],
)
def test_html_to_text(markup, text):
    assert html_to_text(markup) == text


@pytest.mark.parametrize(
    ("head", "is_html"),
    [
        (b"<!DOCTYPE html>", True),
        (b"<HTML lang=en>", True),
        (b"<article>", True),
        (b"<rss>", False),
        (b"text", False),
    ],
)
def test_looks_like_html(head, is_html):
    assert looks_like_html(head) is is_html


@pytest.mark.parametrize("markup", ["<!-- only a comment -->", "<?php echo 1 ?>", "<!---->x"])
def test_lone_comments_do_not_break_the_parsers(markup):
    assert isinstance(html_to_text(markup), str)
    assert page_published(markup) == (None, None)
    assert all(
        isinstance(i, InputError | Report) for i in parse_html_page("p.html", markup.encode())
    )
