"""A local HTTP server and page builders for the live-source tests (nothing leaves 127.0.0.1)."""

from __future__ import annotations

import contextlib
import hashlib
import threading
import time
from dataclasses import dataclass, field
from datetime import UTC, datetime
from email.utils import format_datetime
from html import escape
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer


@dataclass
class Route:
    body: bytes
    status: int = 200
    content_type: str = "text/html; charset=utf-8"
    conditional: bool = False  # send validators, answer 304 when the client's still match
    send_etag: bool = True
    last_modified: str = "Wed, 25 Nov 2026 08:00:00 GMT"
    delay: float = 0.0
    trickle: float = 0.0  # seconds between two bytes of the body (a hostile slow server)
    headers: dict[str, str] = field(default_factory=dict)

    @property
    def etag(self) -> str:
        return '"' + hashlib.sha256(self.body).hexdigest()[:16] + '"'

    def not_modified(self, headers) -> bool:
        """RFC 9110: If-None-Match, when sent, decides; If-Modified-Since only without it."""
        if not self.conditional:
            return False
        if headers.get("If-None-Match") is not None:
            return self.send_etag and headers["If-None-Match"] == self.etag
        return headers.get("If-Modified-Since") == self.last_modified


@dataclass
class FixtureServer:
    """Serves `routes` (path with query -> Route); tests change them between polls."""

    routes: dict[str, Route] = field(default_factory=dict)
    requests: list[tuple[str, dict]] = field(default_factory=list)

    def start(self) -> FixtureServer:
        server = self

        class Handler(BaseHTTPRequestHandler):
            def do_GET(self) -> None:
                server.requests.append((self.path, dict(self.headers)))
                route = server.routes.get(self.path) or server.routes.get(self.path.split("?")[0])
                if route is None:
                    self.send_error(404)
                    return
                if route.delay:
                    time.sleep(route.delay)
                if route.not_modified(self.headers):
                    self.send_response(304)
                    self.end_headers()
                    return
                self.send_response(route.status)
                self.send_header("Content-Type", route.content_type)
                self.send_header("Content-Length", str(len(route.body)))
                for name, value in route.headers.items():
                    self.send_header(name, value)
                if route.conditional:
                    if route.send_etag:
                        self.send_header("ETag", route.etag)
                    self.send_header("Last-Modified", route.last_modified)
                self.end_headers()
                with contextlib.suppress(BrokenPipeError, ConnectionResetError):
                    if not route.trickle:
                        self.wfile.write(route.body)  # the client may have given up (timeouts)
                    for index in range(len(route.body) if route.trickle else 0):
                        self.wfile.write(route.body[index : index + 1])
                        self.wfile.flush()
                        time.sleep(route.trickle)  # ends when the client hangs up

            def log_message(self, *_args) -> None:
                pass

        self.httpd = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self.httpd.daemon_threads = True
        self.thread = threading.Thread(target=self.httpd.serve_forever, args=(0.05,), daemon=True)
        self.thread.start()
        return self

    def stop(self) -> None:
        self.httpd.shutdown()
        self.httpd.server_close()

    def url(self, path: str) -> str:
        return f"http://127.0.0.1:{self.httpd.server_address[1]}{path}"

    def serve(self, path: str, body: str | bytes, **options) -> None:
        self.routes[path] = Route(
            body.encode("utf-8") if isinstance(body, str) else body, **options
        )

    def hits(self, path: str) -> list[dict]:
        return [headers for requested, headers in self.requests if requested == path]


@dataclass
class Post:
    id: int
    text: str  # HTML of the message text: <br> and <a> allowed
    date: str = "2026-11-25T06:30:00+00:00"
    edited: bool = False
    forwarded_from: str | None = None
    forwarded_link: str | None = None
    reply_to: str | None = None  # text of the post this one answers
    photo_only: bool = False


def message_html(channel: str, post: Post) -> str:
    """One post as the preview page writes it."""
    forwarded = ""
    if post.forwarded_from:
        name = f'<span dir="auto">{escape(post.forwarded_from)}</span>'
        link = (
            f'<a class="tgme_widget_message_forwarded_from_name" href="{post.forwarded_link}">{name}</a>'
            if post.forwarded_link
            else f'<span class="tgme_widget_message_forwarded_from_name">{name}</span>'
        )
        forwarded = f'<div class="tgme_widget_message_forwarded_from accent_color">Forwarded from {link}</div>'
    reply = ""
    if post.reply_to:
        reply = (
            f'<a class="tgme_widget_message_reply" href="https://t.me/{channel}/1">'
            f'<div class="tgme_widget_message_author accent_color"><span>Channel</span></div>'
            f'<div class="tgme_widget_message_text js-message_reply_text">{post.reply_to}</div></a>'
        )
    text = (
        ""
        if post.photo_only
        else f'<div class="tgme_widget_message_text js-message_text" dir="auto">{post.text}</div>'
    )
    photo = (
        '<a class="tgme_widget_message_photo_wrap" href="#" style="width:800px"></a>'
        if post.photo_only
        else ""
    )
    edited = '<span class="tgme_widget_message_edited">edited</span> ' if post.edited else ""
    return (
        '<div class="tgme_widget_message_wrap js-widget_message_wrap">'
        f'<div class="tgme_widget_message text_not_supported_wrap js-widget_message" data-post="{channel}/{post.id}" data-view="x">'
        '<div class="tgme_widget_message_user"><a href="#"><i class="tgme_widget_message_user_photo"></i></a></div>'
        '<div class="tgme_widget_message_bubble"><i class="tgme_widget_message_bubble_tail"></i>'
        f'<div class="tgme_widget_message_author accent_color"><a class="tgme_widget_message_owner_name" href="https://t.me/{channel}"><span dir="auto">Example channel</span></a></div>'
        f"{forwarded}{reply}{photo}{text}"
        '<div class="tgme_widget_message_footer compact js-message_footer">'
        '<div class="tgme_widget_message_info short js-message_info">'
        '<span class="tgme_widget_message_views">1.2K</span>'
        f'<span class="tgme_widget_message_meta">{edited}<a class="tgme_widget_message_date" href="https://t.me/{channel}/{post.id}">'
        f'<time datetime="{post.date}" class="time">09:30</time></a></span>'
        "</div></div></div></div></div>"
    )


def preview_page(channel: str, posts: list[Post]) -> str:
    """A t.me/s/<channel> page: posts oldest first, a 'load more' link before the first."""
    first = min((post.id for post in posts), default=0)
    messages = "".join(message_html(channel, post) for post in sorted(posts, key=lambda p: p.id))
    return (
        '<!DOCTYPE html><html><head><meta charset="utf-8"><title>Example channel – Telegram</title>'
        f'<link rel="canonical" href="https://t.me/s/{channel}"></head>'
        '<body class="widget_frame_base tgme_webpage emoji_image"><main class="tgme_main">'
        '<section class="tgme_channel_history js-message_history">'
        f'<div class="tme_messages_more js-messages_more" data-before="{first}"></div>'
        f"{messages}</section></main></body></html>"
    )


@dataclass
class Entry:
    guid: str
    title: str
    text: str
    published: datetime = datetime(2026, 11, 25, 7, 0, tzinfo=UTC)


def feed_xml(entries: list[Entry], title: str = "Example news") -> str:
    items = "".join(
        f"<item><guid>{escape(e.guid)}</guid><title>{escape(e.title)}</title>"
        f"<link>https://news.example/{escape(e.guid)}</link>"
        f"<description>{escape(e.text)}</description><pubDate>{format_datetime(e.published)}</pubDate></item>"
        for e in entries
    )
    return (
        '<?xml version="1.0" encoding="UTF-8"?><rss version="2.0"><channel>'
        f"<title>{escape(title)}</title><link>https://news.example/</link>{items}</channel></rss>"
    )
