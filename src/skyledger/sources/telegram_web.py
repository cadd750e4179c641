"""Public Telegram channels through their web preview, https://t.me/s/<channel>.

A preview page lists the channel's latest posts (about twenty), oldest first:

    div.tgme_widget_message_wrap
      div.tgme_widget_message[data-post="channel/123"]
        div.tgme_widget_message_forwarded_from   "Forwarded from" + a/span ..._forwarded_from_name
        div.tgme_widget_message_reply            the quoted post a reply answers (not this post's text)
        div.tgme_widget_message_text             the text, <br> for line breaks, <a> for links
        span.tgme_widget_message_meta
          span.tgme_widget_message_edited        present when the post was edited
          a.tgme_widget_message_date > time[datetime]

`?before=ID` gives the page of posts before ID. Parsing never raises: a page that is
not a preview (an error page, junk) simply has no posts.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import UTC, datetime
from urllib.parse import urlsplit, urlunsplit

from lxml import etree
from lxml import html as lxml_html

from skyledger.records import Report, Source, check_year
from skyledger.sources.limits import MAX_REPORT_BYTES

_BLANK_LINES = re.compile(r"\n{3,}")
_LINE_SPACES = re.compile(r"[^\S\n]+")  # any run of spaces but a line break, NBSP included
_XML_DECLARATION = re.compile(r"^\s*<\?xml[^>]*>")
# Characters lxml refuses in a str: C0 controls other than tab and newlines, surrogates.
_UNPARSABLE = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ud800-\udfff]")


@dataclass(frozen=True)
class ChannelPost:
    """One post as the preview page shows it."""

    channel: str
    id: int
    text: str
    published: datetime | None = None
    edited: bool = False
    forwarded_from: str | None = None  # the original channel's or person's display name
    forwarded_link: str | None = None  # link to the original post, when public

    @property
    def key(self) -> str:
        return f"{self.channel}/{self.id}"

    @property
    def url(self) -> str:
        return f"https://t.me/{self.channel}/{self.id}"


def _has_class(name: str) -> str:
    return f"contains(concat(' ', normalize-space(@class), ' '), ' {name} ')"


_MESSAGES = etree.XPath(f"//div[{_has_class('tgme_widget_message')}][@data-post]")
_TEXTS = etree.XPath(
    f".//div[{_has_class('tgme_widget_message_text')}]"
    f"[not(ancestor::*[{_has_class('tgme_widget_message_reply')}])]"
)
_TIMES = etree.XPath(f".//a[{_has_class('tgme_widget_message_date')}]//time[@datetime]")
_EDITED = etree.XPath(f".//*[{_has_class('tgme_widget_message_edited')}]")
_FORWARDED = etree.XPath(f".//*[{_has_class('tgme_widget_message_forwarded_from')}]")
_FORWARDED_NAME = etree.XPath(f".//*[{_has_class('tgme_widget_message_forwarded_from_name')}]")


def parse_channel_page(markup: str | bytes) -> list[ChannelPost]:
    """The posts on a preview page in page order; [] for anything else."""
    if isinstance(markup, bytes):
        markup = markup.decode("utf-8", errors="replace")  # preview pages are UTF-8
    markup = _UNPARSABLE.sub("", _XML_DECLARATION.sub("", markup, count=1))
    if not markup.strip():
        return []
    try:
        root = lxml_html.fromstring(markup)
    except (etree.ParserError, ValueError):
        return []
    posts = []
    for node in _MESSAGES(root):
        post = _post(node)
        if post is not None:
            posts.append(post)
    return posts


def _post(node) -> ChannelPost | None:
    if "service_message" in (node.get("class") or ""):
        return None  # "channel photo updated" and the like
    channel, _, number = (node.get("data-post") or "").rpartition("/")
    if not channel or not number.isdigit() or not number.isascii():
        return None
    texts = _TEXTS(node)
    text = element_text(texts[0]) if texts else ""
    if not text:
        return None  # a photo or sticker without a caption carries no claim
    name, link = _forwarded(node)
    return ChannelPost(
        channel=channel,
        id=int(number),
        text=text,
        published=_published(node),
        edited=bool(_EDITED(node)),
        forwarded_from=name,
        forwarded_link=link,
    )


def element_text(element) -> str:
    """Visible text of a post: <br> as newlines, links by their text, spaces tidied."""
    raw = "".join(_pieces(element))
    lines = [_LINE_SPACES.sub(" ", line).strip() for line in raw.split("\n")]
    return _BLANK_LINES.sub("\n\n", "\n".join(lines)).strip()


def _pieces(element) -> Iterator[str]:
    """The text under `element` in order, a line break for each <br>; the tree is only read
    (text lxml parsed from character references may hold characters it refuses to set)."""
    if element.tag == "br":
        yield "\n"
    if element.text and isinstance(element.tag, str):  # a comment's text is not shown
        yield element.text
    for child in element:
        yield from _pieces(child)
        if child.tail:
            yield child.tail


def _published(node) -> datetime | None:
    for time_node in _TIMES(node):
        try:
            stamp = datetime.fromisoformat(
                time_node.get("datetime", "").strip().replace("Z", "+00:00")
            )
            stamp = check_year(stamp if stamp.tzinfo else stamp.replace(tzinfo=UTC))
        except ValueError:  # not a time, or a year no report is from
            continue
        return stamp
    return None


def _forwarded(node) -> tuple[str | None, str | None]:
    boxes = _FORWARDED(node)
    if not boxes:
        return None, None
    names = _FORWARDED_NAME(boxes[0])
    target = names[0] if names else boxes[0]
    name = " ".join(target.text_content().split())
    if not names:
        name = re.sub(r"^forwarded from\s*", "", name, flags=re.IGNORECASE)
    link = target.get("href") if target.tag == "a" else None
    return name or None, link


def page_url(preview_url: str, before: int | None = None) -> str:
    """The preview page, or the page of posts before `before`."""
    parts = urlsplit(preview_url)
    query = f"before={before}" if before is not None else ""
    return urlunsplit((parts.scheme, parts.netloc, parts.path, query, ""))


def post_report(post: ChannelPost, source: Source, external_id: str | None = None) -> Report | None:
    """The post as a Report of `source`; a forwarded post's default claimant is its origin.

    A forward repeats someone else's statement, so the forwarding channel's default
    claimant would be wrong; the name the preview shows ("Forwarded from X") is used.
    """
    if len(post.text.encode("utf-8")) > MAX_REPORT_BYTES:
        return None
    if post.forwarded_from:
        source = source.model_copy(update={"claimant": post.forwarded_from})
    return Report(
        source=source,
        external_id=external_id or post.key,
        url=post.url,
        published=post.published,
        published_precision="datetime" if post.published else None,
        lang=source.lang,
        text=post.text,
    )
