"""Polite HTTP: a User-Agent naming skyledger, timeouts, a pause between requests to a host.

Conditional requests (If-None-Match / If-Modified-Since) let a server answer 304 when
nothing changed, so an unchanged feed or page costs one short response.
"""

from __future__ import annotations

import threading
import time
from dataclasses import dataclass
from urllib.parse import urlsplit

import httpx

from skyledger import __version__
from skyledger.sources.limits import MAX_PAGE_BYTES

USER_AGENT = f"skyledger/{__version__} (claims ledger; polls public pages politely)"
DEFAULT_TIMEOUT = 20.0
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
        host_interval: float = DEFAULT_HOST_INTERVAL,
        stop: threading.Event | None = None,
        transport: httpx.BaseTransport | None = None,
    ):
        self.host_interval = host_interval
        self.stop = stop or threading.Event()
        self._last_request: dict[str, float] = {}
        self.client = httpx.Client(
            timeout=httpx.Timeout(timeout),
            headers={"User-Agent": USER_AGENT},
            follow_redirects=True,
            transport=transport,
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
        try:
            with self.client.stream("GET", url, headers=headers) as response:
                if response.status_code == 304:
                    return Fetched(url, 304, etag=etag, last_modified=last_modified)
                if response.status_code >= 400:
                    raise FetchError(
                        f"HTTP {response.status_code} {response.reason_phrase}".strip(),
                        retry_after=_seconds(response.headers.get("Retry-After")),
                    )
                body = _read_capped(response)
                return Fetched(
                    url,
                    response.status_code,
                    body=body,
                    text=_decode(body, response.encoding),
                    etag=response.headers.get("ETag"),
                    last_modified=response.headers.get("Last-Modified"),
                )
        except httpx.TimeoutException:
            raise FetchError(f"timed out after {self.client.timeout.read:g} s") from None
        except httpx.HTTPError as exc:
            raise FetchError(f"{type(exc).__name__}: {exc}") from None


def _seconds(value: str | None) -> int | None:
    """Retry-After in seconds (the HTTP-date form is rare enough to ignore)."""
    return int(value) if value and value.strip().isdigit() else None


def _read_capped(response: httpx.Response) -> bytes:
    chunks, size = [], 0
    for chunk in response.iter_bytes():
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
