"""Text out of HTML: the main text of a saved article page, or a feed's markup."""

from __future__ import annotations

import html
import re
from collections.abc import Iterator
from pathlib import Path

import trafilatura
from lxml import html as lxml_html

from skyledger.records import Report, Source
from skyledger.sources.errors import InputError
from skyledger.sources.limits import MAX_FILE_BYTES, decode_utf8
from skyledger.sources.timeparse import parse_published

_BLANKS = re.compile(r"\n\s*\n+")


def html_to_text(markup: str) -> str:
    """Visible text of an HTML fragment, paragraphs kept apart."""
    if not markup or "<" not in markup:
        return html.unescape(markup or "").strip()
    try:
        root = lxml_html.fromstring(markup)
    except Exception:  # lxml raises several types on junk
        return re.sub(r"<[^>]*>", " ", markup).strip()
    for br in root.iter("br", "p", "div", "li"):
        br.tail = "\n" + (br.tail or "")
    return _BLANKS.sub("\n\n", root.text_content()).strip()


def looks_like_html(head: bytes) -> bool:
    sample = head[:4096].lower()
    return b"<html" in sample or b"<!doctype html" in sample or b"<article" in sample


def parse_html_page(path: Path | str, data: bytes, source: Source | None = None, url: str | None = None) -> Iterator[Report | InputError]:
    where = str(path)
    if len(data) > MAX_FILE_BYTES:
        yield InputError(where, "page is too large")
        return
    markup, error = decode_utf8(data)
    if error:
        # pages declare their own charset; let trafilatura's decoder try the bytes
        if "binary" in error:
            yield InputError(where, error)
            return
        markup = data
    document = trafilatura.bare_extraction(markup, url=url, with_metadata=True, include_comments=False)
    if document is None:
        yield InputError(where, "no article text found in the page")
        return
    meta = document.as_dict() if hasattr(document, "as_dict") else dict(document)
    text = (meta.get("text") or "").strip()
    title = (meta.get("title") or "").strip()
    if not text:
        yield InputError(where, "no article text found in the page")
        return
    if title and not text.startswith(title):
        text = f"{title}\n\n{text}"
    page_url = meta.get("url") or url
    try:
        published, precision = parse_published(meta.get("date"))
    except ValueError:
        published, precision = None, None
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
