"""Polite HTTP: a User-Agent naming skyledger, timeouts, a pause between requests to a host.

Conditional requests (If-None-Match / If-Modified-Since) let a server answer 304 when
nothing changed, so an unchanged feed or page costs one short response.

Every fetch has a total deadline (`max_time`, like `curl --max-time`): httpx's timeouts
bound each read, so a server sending one byte every few seconds would never trip them.
When the deadline passes, the connection is shut down under the request.
"""

from __future__ import annotations

import contextlib
import socket
import threading
import time
from dataclasses import dataclass
from urllib.parse import urlsplit

import httpx

from skyledger import __version__
from skyledger.sources.limits import MAX_PAGE_BYTES

USER_AGENT = f"skyledger/{__version__} (claims ledger; polls public pages politely)"
DEFAULT_TIMEOUT = 20.0
DEFAULT_MAX_TIME = 60.0  # seconds a whole fetch may take, redirects and body included
DEFAULT_HOST_INTERVAL = 2.0  # seconds between two requests to one host
MAX_BODY_BYTES = MAX_PAGE_BYTES  # what a saved page or feed may weigh


class FetchError(Exception):
    """A request failed: network error, timeout, an HTTP error status, a body too large."""

    def __init__(self, message: str, retry_after: int | None = None):
        super().__init__(message)
        self.retry_after = retry_after  # seconds the server asked us to wait (429, 503)


@dataclass(frozen=True)
class Fetched:
    url: str
    status: int  # 200 or 304
    body: bytes = b""
    text: str = ""
    etag: str | None = None
    last_modified: str | None = None

    @property
    def unchanged(self) -> bool:
        return self.status == 304


class Fetcher:
    """One HTTP client for a watch run; `stop` cuts the politeness pause short."""

    def __init__(
        self,
        *,
        timeout: float = DEFAULT_TIMEOUT,
        max_time: float = DEFAULT_MAX_TIME,
        host_interval: float = DEFAULT_HOST_INTERVAL,
        stop: threading.Event | None = None,
        transport: httpx.BaseTransport | None = None,
    ):
        self.host_interval = host_interval
        self.max_time = max_time
        self.stop = stop or threading.Event()
        self._last_request: dict[str, float] = {}
        self.client = httpx.Client(
            timeout=httpx.Timeout(min(timeout, max_time)),
            headers={"User-Agent": USER_AGENT},
            follow_redirects=True,
            transport=transport,
            # A fresh connection a fetch, so the deadline always holds the socket it must cut.
            limits=httpx.Limits(max_keepalive_connections=0),
        )

    def __enter__(self) -> Fetcher:
        return self

    def __exit__(self, *_exc) -> None:
        self.close()

    def close(self) -> None:
        self.client.close()

    def wait_for_host(self, url: str) -> None:
        host = urlsplit(url).netloc.lower()
        last = self._last_request.get(host)
        if last is not None:
            pause = self.host_interval - (time.monotonic() - last)
            if pause > 0:
                self.stop.wait(pause)
        self._last_request[host] = time.monotonic()

    def get(
        self, url: str, *, etag: str | None = None, last_modified: str | None = None
    ) -> Fetched:
        """GET `url`, conditionally when validators are given; FetchError on any failure."""
        headers = {}
        if etag:
            headers["If-None-Match"] = etag
        if last_modified:
            headers["If-Modified-Since"] = last_modified
        self.wait_for_host(url)
        deadline = Deadline(self.max_time)
        try:
            with (
                deadline,
                self.client.stream(
                    "GET", url, headers=headers, extensions={"trace": deadline.trace}
                ) as response,
            ):
                if response.status_code == 304:
                    return Fetched(url, 304, etag=etag, last_modified=last_modified)
                if response.status_code >= 400:
                    raise FetchError(
                        f"HTTP {response.status_code} {response.reason_phrase}".strip(),
                        retry_after=_seconds(response.headers.get("Retry-After")),
                    )
                body = _read_capped(response, deadline)
                return Fetched(
                    url,
                    response.status_code,
                    body=body,
                    text=_decode(body, response.encoding),
                    etag=response.headers.get("ETag"),
                    last_modified=response.headers.get("Last-Modified"),
                )
        except httpx.HTTPError as exc:
            if deadline.expired:
                raise FetchError(deadline.message) from None
            if isinstance(exc, httpx.TimeoutException):
                raise FetchError(f"timed out after {self.client.timeout.read:g} s") from None
            raise FetchError(f"{type(exc).__name__}: {exc}") from None


class Deadline:
    """A fetch's total time: when it runs out, the fetch's connections are shut down,
    which ends a read blocked on a trickling server at once."""

    def __init__(self, seconds: float):
        self.seconds = seconds
        self.expired = False
        self._sockets: list[socket.socket] = []
        self._lock = threading.Lock()
        self._timer = threading.Timer(seconds, self._expire)
        self._timer.daemon = True

    @property
    def message(self) -> str:
        return f"no complete answer within {self.seconds:g} s (--max-time)"

    def __enter__(self) -> Deadline:
        self._timer.start()
        return self

    def __exit__(self, *_exc) -> None:
        self._timer.cancel()

    def trace(self, event: str, info: dict) -> None:
        """httpx's trace hook: remember each connection as it opens (redirects open more)."""
        if event != "connection.connect_tcp.complete":
            return
        sock = info["return_value"].get_extra_info("socket")
        with self._lock:
            self._sockets.append(sock)
            expired = self.expired
        if expired:
            _shut(sock)

    def _expire(self) -> None:
        with self._lock:
            self.expired = True
            sockets = list(self._sockets)
        for sock in sockets:
            _shut(sock)


def _shut(sock: socket.socket) -> None:
    with contextlib.suppress(OSError):  # already closed
        sock.shutdown(socket.SHUT_RDWR)


def _seconds(value: str | None) -> int | None:
    """Retry-After in seconds (the HTTP-date form is rare enough to ignore)."""
    return int(value) if value and value.strip().isdigit() else None


def _read_capped(response: httpx.Response, deadline: Deadline) -> bytes:
    chunks, size = [], 0
    for chunk in response.iter_bytes():
        if deadline.expired:
            raise FetchError(deadline.message)
        size += len(chunk)
        if size > MAX_BODY_BYTES:
            raise FetchError(f"response is over {MAX_BODY_BYTES:,} bytes")
        chunks.append(chunk)
    return b"".join(chunks)


def _decode(body: bytes, encoding: str | None) -> str:
    try:
        return body.decode(encoding or "utf-8", errors="replace")
    except LookupError:  # a charset Python does not know
        return body.decode("utf-8", errors="replace")
