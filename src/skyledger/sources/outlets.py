"""Naming a report's source: the outlet or channel that published it, never a local file.

An article's address names its outlet: a Telegram post (t.me/<channel>/<id>) its channel,
any other page its site's domain. A source that is followed (registered) keeps the name
it was registered under, so a file of its posts joins its row.

>>> outlet_source("https://www.tass.ru/proisshestviya/123").name
'tass.ru'
>>> outlet_source("https://t.me/s/Kaluga_Gov/4521").name
'@kaluga_gov'
>>> outlet_key("telegram-web", "https://t.me/s/kaluga_gov") == outlet_key("telegram", "@kaluga_gov")
True
>>> outlet_source("/home/analyst/reports.jsonl") is None
True
"""

from __future__ import annotations

from functools import lru_cache
from urllib.parse import urlsplit

from skyledger.records import Source
from skyledger.untrusted import safe_url

TELEGRAM_HOSTS = {"t.me", "telegram.me", "www.t.me"}
# Reports with neither a source nor an address: read from local files, outlet unknown.
UNNAMED = Source(kind="file", name="files")


def _host(url: str) -> str:
    host = (urlsplit(url).hostname or "").lower().rstrip(".")
    return host[4:] if host.startswith("www.") else host


def _channel(url: str) -> str | None:
    segments = [s for s in urlsplit(url).path.split("/") if s]
    if segments[:1] == ["s"]:
        segments = segments[1:]
    return segments[0].lower() if segments else None


def outlet_source(url: str | None) -> Source | None:
    """The outlet an http(s) article address names, or None when it is no web address."""
    link = safe_url(url) if url else None
    if link is None:
        return None
    host = _host(link)
    if not host:
        return None
    if host in TELEGRAM_HOSTS:
        channel = _channel(link)
        return outlet("telegram", f"@{channel}") if channel else None
    return outlet("web", host[:1000])


@lru_cache(maxsize=4096)
def outlet(kind: str, name: str) -> Source:
    """One record per outlet, shared by its reports (a feed names the same few outlets over
    and over; records are never changed in place, only copied)."""
    return Source(kind=kind, name=name)


def outlet_key(kind: str, name: str) -> str | None:
    """What a source row and an article's outlet have in common: '@channel' or a domain.

    None for sources that name no outlet (folders, local files, the API).
    """
    if kind in ("telegram", "telegram-web", "telegram-api"):
        if name.startswith("@"):
            return name.lower()
        if "/" in name:
            channel = _channel(name if "://" in name else f"https://{name}")
            return f"@{channel}" if channel else None
        return f"@{name.lower()}"
    if kind in ("web", "rss"):
        return _host(name if "://" in name else f"https://{name}") or None
    return None


def named_by(registered: dict[str, Source], report_source: Source) -> Source:
    """The registered source an outlet belongs to, else the outlet itself."""
    if report_source.kind not in ("web", "telegram") or not registered:
        return report_source
    key = outlet_key(report_source.kind, report_source.name)
    return registered.get(key, report_source) if key else report_source
