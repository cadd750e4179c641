"""The t.me/s/<channel> preview parser: pages written in the real page's structure."""

from __future__ import annotations

from datetime import UTC, datetime

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from live_fixtures import Post, message_html, preview_page
from skyledger.records import Source
from skyledger.sources.telegram_web import ChannelPost, page_url, parse_channel_page, post_report

CHANNEL = "example_gov"


def parse_one(post: Post) -> ChannelPost:
    (parsed,) = parse_channel_page(preview_page(CHANNEL, [post]))
    return parsed


@pytest.mark.parametrize(
    ("html", "text"),
    [
        (
            "Air defence destroyed 7 drones over the region overnight.",
            "Air defence destroyed 7 drones over the region overnight.",
        ),
        ("Первая строка.<br>Вторая строка.", "Первая строка.\nВторая строка."),
        ("Абзац.<br><br>Ще абзац.", "Абзац.\n\nЩе абзац."),
        ('Details <a href="https://example.org/a">on the site</a>.', "Details on the site."),
        ("<b>Bold</b> and <i>italic</i>  spaced", "Bold and italic spaced"),
        ('Warning <i class="emoji"><b>⚠️</b></i> sirens', "Warning ⚠️ sirens"),
        ("Fish &amp; chips &lt;3", "Fish & chips <3"),
    ],
)
def test_text_keeps_line_breaks_and_link_text(html, text):
    assert parse_one(Post(101, html)).text == text


def test_post_fields():
    post = parse_one(Post(4521, "Shot down 3 UAVs.", date="2026-11-25T04:15:00+00:00"))
    assert (post.channel, post.id, post.key) == (CHANNEL, 4521, f"{CHANNEL}/4521")
    assert post.url == f"https://t.me/{CHANNEL}/4521"
    assert post.published == datetime(2026, 11, 25, 4, 15, tzinfo=UTC)
    assert not post.edited and post.forwarded_from is None


@pytest.mark.parametrize(
    ("date", "published"),
    [
        ("2026-11-25T07:00:00+03:00", datetime(2026, 11, 25, 4, 0, tzinfo=UTC)),
        ("2026-11-25T07:00:00", datetime(2026, 11, 25, 7, 0, tzinfo=UTC)),  # no zone: UTC
        ("yesterday", None),
    ],
)
def test_dates(date, published):
    assert parse_one(Post(1, "Text.", date=date)).published == published


def test_edited_mark():
    assert parse_one(Post(7, "Corrected: 9 drones.", edited=True)).edited


@pytest.mark.parametrize(
    ("name", "link"),
    [("Ministry of Defence", "https://t.me/example_mod/88"), ("Private person", None)],
)
def test_forwarded_from(name, link):
    post = parse_one(Post(9, "Forwarded statement.", forwarded_from=name, forwarded_link=link))
    assert (post.forwarded_from, post.forwarded_link) == (name, link)


def test_reply_quote_is_not_the_post_text():
    assert parse_one(Post(12, "The answer.", reply_to="The question quoted.")).text == "The answer."


def test_photo_without_caption_and_service_messages_are_skipped():
    service = message_html(CHANNEL, Post(3, "Channel photo updated")).replace(
        "tgme_widget_message text_not_supported_wrap", "tgme_widget_message service_message", 1
    )
    page = preview_page(CHANNEL, [Post(1, "", photo_only=True), Post(2, "Kept.")]).replace(
        "</section>", service + "</section>"
    )
    assert [post.id for post in parse_channel_page(page)] == [2]


def test_page_order_and_bytes_input():
    page = preview_page(CHANNEL, [Post(5, "Пятый."), Post(6, "Шостий.")]).encode("utf-8")
    assert [(post.id, post.text) for post in parse_channel_page(page)] == [
        (5, "Пятый."),
        (6, "Шостий."),
    ]


@pytest.mark.parametrize(
    "markup",
    [
        "",
        "   ",
        "<html><body><h1>Channel not found</h1></body></html>",
        '<div class="tgme_widget_message" data-post="nochannelid">text</div>',
        '<div class="tgme_widget_message" data-post="chan/12x"><div class="tgme_widget_message_text">t</div></div>',
        '<?xml version="1.0" encoding="utf-8"?><rss></rss>',
        "\x00\x01 binary junk \udcff",
        b"\xff\xfe\x00 not utf-8",
        "<div class='tgme_widget_message' data-post='a/1'><div class='tgme_widget_message_text'>unclosed",
    ],
)
def test_not_a_preview_page_gives_no_posts_or_a_partial_one(markup):
    posts = parse_channel_page(markup)
    assert all(isinstance(post, ChannelPost) for post in posts)


def test_unclosed_markup_still_reads_the_post():
    markup = "<div class='tgme_widget_message' data-post='a_chan/1'><div class='tgme_widget_message_text'>unclosed"
    assert [(p.key, p.text) for p in parse_channel_page(markup)] == [("a_chan/1", "unclosed")]


@pytest.mark.parametrize(
    ("before", "url"),
    [(None, "https://t.me/s/example_gov"), (120, "https://t.me/s/example_gov?before=120")],
)
def test_page_url(before, url):
    assert page_url("https://t.me/s/example_gov", before) == url


def test_forwarded_post_report_takes_the_origin_as_claimant():
    source = Source(
        kind="telegram-web",
        name="https://t.me/s/example_gov",
        claimant="Regional governor",
        lang="en",
    )
    own = post_report(parse_one(Post(1, "Own words.")), source)
    forwarded = post_report(
        parse_one(Post(2, "Their words.", forwarded_from="Ministry of Defence")), source
    )
    assert own.source.claimant == "Regional governor"
    assert forwarded.source.claimant == "Ministry of Defence"
    assert (forwarded.external_id, forwarded.url, forwarded.lang) == (
        f"{CHANNEL}/2",
        f"https://t.me/{CHANNEL}/2",
        "en",
    )


# Property tests: any input gives a list of posts, never an exception.


@settings(max_examples=150, deadline=None)
@given(st.one_of(st.text(), st.binary()))
def test_arbitrary_input_never_raises(markup):
    posts = parse_channel_page(markup)
    assert isinstance(posts, list)


_TAGS = st.sampled_from(["div", "span", "a", "br", "time", "p", "b", "section", "i"])
_CLASSES = st.sampled_from(
    [
        "tgme_widget_message",
        "tgme_widget_message_text",
        "tgme_widget_message_date",
        "tgme_widget_message_edited",
        "tgme_widget_message_forwarded_from",
        "tgme_widget_message_forwarded_from_name",
        "tgme_widget_message_reply",
        "service_message",
        "other",
    ]
)


@st.composite
def preview_like_html(draw) -> str:
    """Tag soup made of the preview page's own classes and attributes, often unbalanced."""
    parts = []
    for _ in range(draw(st.integers(0, 25))):
        tag, klass = draw(_TAGS), draw(_CLASSES)
        attrs = f' class="{klass}"'
        if draw(st.booleans()):
            attrs += f' data-post="{draw(st.text(max_size=12))}/{draw(st.text("0123456789x", max_size=4))}"'
        if tag == "time":
            attrs += f' datetime="{draw(st.text(max_size=25))}"'
        parts.append(f"<{tag}{attrs}>{draw(st.text(max_size=20))}")
        if draw(st.booleans()):
            parts.append(f"</{tag}>")
    return "".join(parts)


@settings(max_examples=200, deadline=None)
@given(preview_like_html())
def test_preview_like_tag_soup_never_raises(markup):
    for post in parse_channel_page(markup):
        assert post.id >= 0 and post.text == post.text.strip() and post.text


@settings(max_examples=60, deadline=None)
@given(
    st.lists(
        st.tuples(
            st.integers(1, 10**9),
            st.text(
                st.characters(blacklist_categories=("Cs", "Cc")), min_size=1, max_size=60
            ).filter(str.strip),
        ),
        max_size=6,
        unique_by=lambda pair: pair[0],
    )
)
def test_written_posts_come_back(pairs):
    from html import escape

    page = preview_page(CHANNEL, [Post(number, escape(text)) for number, text in pairs])
    parsed = {post.id: post.text for post in parse_channel_page(page)}
    assert parsed == {number: " ".join(text.split()) for number, text in pairs}


def test_a_post_whose_text_holds_control_character_references_is_read():
    """Found by fuzz_telegram_web: "&#x1b;" parses to a character lxml refuses to set again,
    so the text is read without changing the tree."""
    page = (
        '<div class="tgme_widget_message" data-post="example_channel/7">'
        '<div class="tgme_widget_message_text">Сбито 2 БПЛА&#x1b;]0;x&#x07;<br>Пострадавших нет.'
        "</div></div>"
    )
    [post] = parse_channel_page(page)
    assert post.text == "Сбито 2 БПЛА\x1b]0;x\x07\nПострадавших нет."
