"""Text out of HTML: the main text of a saved article page, or a feed's markup.

A page's publication time comes from its own metadata when it states one with a
time of day (article:published_time, itemprop=datePublished, JSON-LD is left to
trafilatura), else from trafilatura's date finder, which gives a day.
"""

from __future__ import annotations

import html
import re
from collections.abc import Iterator
from datetime import datetime
from pathlib import Path

from lxml import etree
from lxml import html as lxml_html

from skyledger.records import Report, Source
from skyledger.sources.errors import InputError
from skyledger.sources.limits import MAX_PAGE_BYTES, clean_text, decode_utf8, too_large
from skyledger.sources.timeparse import parse_published

_BLANKS = re.compile(r"\n\s*\n+")
_TAGS = re.compile(r"<[^>]*>")
_CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\ud800-\udfff]")  # lxml refuses these in text
_PUBLISHED_META = (
    '//meta[@property="article:published_time"]/@content',
    '//meta[@name="article:published_time"]/@content',
    '//meta[@itemprop="datePublished"]/@content',
    '//meta[@name="pubdate"]/@content',
    '//meta[@name="date"]/@content',
    '//meta[@property="og:published_time"]/@content',
    "//time[@itemprop='datePublished']/@datetime",
    "//article//time/@datetime",
)


def html_to_text(markup: str) -> str:
    """Visible text of an HTML fragment, paragraphs kept apart."""
    if not markup or "<" not in markup:
        return html.unescape(markup or "").strip()
    markup = _CONTROL.sub("", markup)
    try:
        root = lxml_html.fromstring(markup)
    except (etree.ParserError, ValueError):  # empty documents, junk lxml cannot root
        root = None
    if root is None or not isinstance(root.tag, str):  # nothing, or a lone comment
        return html.unescape(_TAGS.sub(" ", markup)).strip()
    return _BLANKS.sub("\n\n", _CONTROL.sub("", _visible_text(root))).strip()


_BREAKS = frozenset({"br", "p", "div", "li"})


def _visible_text(root) -> str:
    """The text of `root` and its descendants, a line break after each block.

    Read without writing to the tree: a character reference such as &#x1b; decodes to a
    character lxml refuses to set, so adding the breaks to the tree could raise.
    """
    parts = []
    for event, element in etree.iterwalk(root, events=("start", "end", "comment", "pi")):
        if event in ("comment", "pi"):  # not text, but the text after them is
            parts.append(element.tail or "")
        elif event == "start":
            parts.append(element.text or "")
        else:
            if element.tag in _BREAKS:
                parts.append("\n")
            if element is not root and element.tail:
                parts.append(element.tail)
    return "".join(parts)


def looks_like_html(head: bytes) -> bool:
    sample = head[:4096].lower()
    return b"<html" in sample or b"<!doctype html" in sample or b"<article" in sample


def parse_html_page(
    path: Path | str, data: bytes, source: Source | None = None, url: str | None = None
) -> Iterator[Report | InputError]:
    where = str(path)
    problem = too_large(len(data), MAX_PAGE_BYTES, "page")
    if problem:
        yield InputError(where, problem)
        return
    markup, error = decode_utf8(data)
    if error:
        if "binary" in error:
            yield InputError(where, error)
            return
        markup = data  # pages declare their own charset; let trafilatura's decoder try the bytes
    import trafilatura  # here: an ingest that meets no page never loads it (0.1 s)

    try:
        document = trafilatura.bare_extraction(
            markup, url=url, with_metadata=True, include_comments=False
        )
    except (ValueError, TypeError, etree.LxmlError) as exc:  # junk trafilatura cannot parse
        yield InputError(where, f"cannot parse the page: {exc}")
        return
    if document is None:
        yield InputError(where, "no article text found in the page")
        return
    meta = document.as_dict() if hasattr(document, "as_dict") else dict(document)
    text, error = clean_text(meta.get("text") or "")
    if error:
        yield InputError(
            where, "no article text found in the page" if error == "empty text" else error
        )
        return
    title = (meta.get("title") or "").strip()
    if title and not text.startswith(title):
        text, _ = clean_text(f"{title}\n\n{text}")
    published, precision = page_published(markup)
    if published is None:
        published, precision = _parsed_or_none(meta.get("date"))
    page_url = meta.get("url") or url
    host = meta.get("hostname") or meta.get("sitename") or "web"
    source = source or Source(kind="web", name=str(host))
    yield Report(
        source=source,
        external_id=page_url or str(Path(where).resolve()),
        url=page_url,
        published=published,
        published_precision=precision,
        lang=source.lang,
        text=text,
    )


def page_published(markup: str | bytes) -> tuple[datetime | None, str | None]:
    """The publication time the page's own metadata states, if any."""
    try:
        root = lxml_html.fromstring(markup)
    except (etree.ParserError, ValueError):
        return None, None
    if not isinstance(root.tag, str):  # a lone comment or processing instruction
        return None, None
    for query in _PUBLISHED_META:
        for value in root.xpath(query):
            published, precision = _parsed_or_none(str(value))
            if published is not None:
                return published, precision
    return None, None


def _parsed_or_none(value: str | None) -> tuple[datetime | None, str | None]:
    try:
        return parse_published(value)
    except ValueError:
        return None, None
