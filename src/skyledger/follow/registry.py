"""The sources `watch` follows: adding, listing, removing, enabling, and their poll state.

A followed source is a row of the `sources` table with `registered` true. Sources that
`ingest` met in files share the table (unregistered); adding one of those registers it.
Addresses are normalised on the way in, so the same channel written two ways is one source.
"""

from __future__ import annotations

import contextlib
import re
from dataclasses import asdict, dataclass, field
from datetime import datetime
from pathlib import Path
from urllib.parse import urlsplit
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from sqlalchemy import Engine, exists, select

from skyledger.records import LANGS, Source
from skyledger.sources.outlets import TELEGRAM_HOSTS
from skyledger.store.schema import reports, sources
from skyledger.untrusted import safe_url

KINDS: tuple[str, ...] = ("rss", "telegram-web", "telegram-api", "web", "folder")
DEFAULT_EVERY = 300  # seconds: current within minutes, and polite to the sites
MIN_EVERY = 10
_UNITS = {"s": 1, "m": 60, "h": 3600, "d": 86400}
_EVERY = re.compile(r"^\s*(\d+)\s*([smhd]?)\s*$")
# Telegram usernames: a letter, then letters, digits and underscores, 4 to 32 in all.
_CHANNEL = re.compile(r"^[A-Za-z][A-Za-z0-9_]{3,31}$")


class RegistryError(ValueError):
    """A source cannot be added or found; the message says why."""


@dataclass
class SourceEntry:
    """One row of the registry, as the CLI and `watch` see it."""

    id: int
    kind: str
    name: str
    claimant: str | None = None
    lang: str | None = None
    tz: str | None = None
    every_seconds: int | None = None
    enabled: bool = True
    registered: bool = True
    state: dict = field(default_factory=dict)
    last_polled: datetime | None = None

    @property
    def every(self) -> int:
        return self.every_seconds or DEFAULT_EVERY

    def as_source(self) -> Source:
        return Source(
            kind=self.kind,
            name=self.name,
            claimant=self.claimant,
            lang=self.lang,
            tz=self.tz,
            every_seconds=self.every_seconds,
            enabled=self.enabled,
        )

    def as_dict(self, *, brief: bool = False) -> dict:
        """Plain data; `brief` counts the remembered ids and files instead of listing them."""
        data = asdict(self)
        data["last_polled"] = self.last_polled.isoformat() if self.last_polled else None
        if brief:
            data["state"] = {
                key: len(value) if key in ("recent", "files") else value
                for key, value in self.state.items()
            }
        return data


def parse_every(value: str | int) -> int:
    """'300', '90s', '5m', '1h' -> seconds (at least MIN_EVERY)."""
    match = _EVERY.match(str(value))
    if not match:
        raise RegistryError(
            f"--every {value!r}: give seconds or a number with s, m, h or d (e.g. 5m)"
        )
    seconds = int(match.group(1)) * _UNITS[match.group(2) or "s"]
    if seconds < MIN_EVERY:
        raise RegistryError(f"--every {value!r}: poll at most every {MIN_EVERY} seconds")
    return seconds


def normalize_address(kind: str, address: str) -> str:
    """The canonical address of a source of this kind, or RegistryError saying what is wrong."""
    address = address.strip()
    if kind not in KINDS:
        raise RegistryError(f"unknown kind {kind!r}; expected one of {', '.join(KINDS)}")
    if not address:
        raise RegistryError("the address is empty")
    if kind in ("rss", "web"):
        return http_url(address)
    if kind == "telegram-web":
        return telegram_preview_url(address)
    if kind == "telegram-api":
        return "@" + telegram_channel(address)
    try:
        folder = Path(address).expanduser()
        if folder.is_dir():
            return str(folder.resolve())
    except (RuntimeError, ValueError, OSError):  # "~nobody", NUL bytes, loops
        pass
    raise RegistryError(f"folder {address!r} does not exist or is not a directory")


def split_url(address: str):
    try:
        return urlsplit(address)
    except ValueError as exc:  # e.g. an unbalanced "[" read as an IPv6 host
        raise RegistryError(f"{address!r} is not a valid URL: {exc}") from None


def http_url(address: str) -> str:
    url = safe_url(address)
    if url is None:
        raise RegistryError(
            f"{address!r} is not an http(s) URL (e.g. https://example.org/feed.xml)"
        )
    return url


def telegram_channel(address: str) -> str:
    """The channel name in '@name', 'name', 't.me/name', 'https://t.me/s/name'."""
    text = address.strip()
    if text.startswith("@"):
        text = text[1:]
    elif "/" in text or "." in text:
        url = text if "://" in text else "https://" + text
        parts = split_url(url)
        if (parts.hostname or "").lower() not in TELEGRAM_HOSTS:
            raise RegistryError(f"{address!r} is not a t.me channel address")
        segments = [s for s in parts.path.split("/") if s]
        if segments[:1] == ["s"]:
            segments = segments[1:]
        text = segments[0] if segments else ""
    if not _CHANNEL.match(text):
        raise RegistryError(
            f"{address!r} is not a Telegram channel name (letters, digits and _, 4-32 long, e.g. @example_news)"
        )
    return text.lower()  # Telegram names ignore case; one channel, one source


def telegram_preview_url(address: str) -> str:
    """https://t.me/s/<channel> for a channel name or link.

    Any other http(s) host serving the same preview pages at /s/<channel> (a mirror,
    a local test server) is accepted as given.
    """
    parts = split_url(address.strip())
    host = (parts.hostname or "").lower()
    if parts.scheme in ("http", "https") and host and host not in TELEGRAM_HOSTS:
        segments = [s for s in parts.path.split("/") if s]
        if len(segments) != 2 or segments[0] != "s" or not _CHANNEL.match(segments[1]):
            raise RegistryError(f"{address!r}: a preview page address ends in /s/<channel>")
        return f"{parts.scheme}://{parts.netloc}/s/{segments[1].lower()}"
    return f"https://t.me/s/{telegram_channel(address)}"


def check_lang(lang: str | None) -> str | None:
    if lang is not None and lang not in LANGS:
        raise RegistryError(f"language {lang!r}: expected one of {', '.join(LANGS)}")
    return lang


def check_tz(tz: str | None) -> str | None:
    if tz is None:
        return None
    try:
        ZoneInfo(tz)
    except (ZoneInfoNotFoundError, ValueError):
        raise RegistryError(
            f"time zone {tz!r} is unknown (use an IANA name such as Europe/Moscow)"
        ) from None
    return tz


def check_fits(what: str, value: str | None, column) -> str | None:
    """Refuse what the column cannot hold: PostgreSQL would fail the insert, SQLite not."""
    limit = column.type.length
    if value is not None and len(value) > limit:
        raise RegistryError(f"{what} is {len(value)} characters long; at most {limit} fit")
    return value


def add_source(
    engine: Engine,
    kind: str,
    address: str,
    *,
    claimant: str | None = None,
    lang: str | None = None,
    tz: str | None = None,
    every: str | int | None = None,
) -> SourceEntry:
    """Register a source for `watch`; a source known from ingested files becomes followed."""
    name = check_fits("the address", normalize_address(kind, address), sources.c.name)
    values = {
        "claimant": check_fits("the claimant", claimant or None, sources.c.claimant),
        "lang": check_lang(lang),
        "tz": check_tz(tz),
        "every_seconds": parse_every(every) if every is not None else DEFAULT_EVERY,
        "enabled": True,
        "registered": True,
    }
    with engine.begin() as conn:
        row = conn.execute(
            select(sources).where(sources.c.kind == kind, sources.c.name == name)
        ).first()
        if row is not None and row.registered:
            raise RegistryError(f"{kind} {name} is already followed (source {row.id})")
        if row is not None:
            conn.execute(sources.update().where(sources.c.id == row.id).values(values))
            source_pk = row.id
        else:
            result = conn.execute(sources.insert().values(kind=kind, name=name, state={}, **values))
            source_pk = result.inserted_primary_key[0]
    return get_source(engine, source_pk)


def _entry(row) -> SourceEntry:
    return SourceEntry(
        id=int(row.id),
        kind=row.kind,
        name=row.name,
        claimant=row.claimant,
        lang=row.lang,
        tz=row.tz,
        every_seconds=row.every_seconds,
        enabled=bool(row.enabled),
        registered=bool(row.registered),
        state=dict(row.state or {}),
        last_polled=row.last_polled,
    )


def list_sources(engine: Engine, *, enabled_only: bool = False) -> list[SourceEntry]:
    """Followed sources in the order they were added."""
    query = select(sources).where(sources.c.registered.is_(True)).order_by(sources.c.id)
    if enabled_only:
        query = query.where(sources.c.enabled.is_(True))
    with engine.connect() as conn:
        return [_entry(row) for row in conn.execute(query)]


def get_source(engine: Engine, source_pk: int) -> SourceEntry:
    with engine.connect() as conn:
        row = conn.execute(select(sources).where(sources.c.id == source_pk)).first()
    if row is None:
        raise RegistryError(f"no source with id {source_pk}")
    return _entry(row)


def find_source(engine: Engine, ref: str) -> SourceEntry:
    """A followed source by its id or its address (as given to `add`, or normalised)."""
    followed = list_sources(engine)
    if ref.strip().isdigit():
        matches = [entry for entry in followed if entry.id == int(ref)]
    else:
        wanted = {ref.strip()}
        for kind in KINDS:
            with contextlib.suppress(RegistryError):
                wanted.add(normalize_address(kind, ref))
        matches = [entry for entry in followed if entry.name in wanted]
    if not matches:
        raise RegistryError(f"no followed source {ref!r} (see `skyledger sources list`)")
    if len(matches) > 1:
        ids = ", ".join(str(entry.id) for entry in matches)
        raise RegistryError(f"{ref!r} names several sources ({ids}); give the id")
    return matches[0]


def remove_source(engine: Engine, ref: str) -> tuple[SourceEntry, bool]:
    """Stop following a source. Returns (entry, deleted).

    A source with stored reports stays in the table (unregistered) so every report
    keeps its provenance; one with none is deleted.
    """
    entry = find_source(engine, ref)
    with engine.begin() as conn:
        has_reports = conn.execute(select(exists().where(reports.c.source_id == entry.id))).scalar()
        if has_reports:
            conn.execute(sources.update().where(sources.c.id == entry.id).values(registered=False))
        else:
            conn.execute(sources.delete().where(sources.c.id == entry.id))
    return entry, not has_reports


def set_enabled(engine: Engine, ref: str, enabled: bool) -> SourceEntry:
    entry = find_source(engine, ref)
    with engine.begin() as conn:
        conn.execute(sources.update().where(sources.c.id == entry.id).values(enabled=enabled))
    return get_source(engine, entry.id)


def save_state(engine: Engine, source_pk: int, state: dict, polled: datetime) -> None:
    """Remember what a poll saw (last id, validators, failures) and when it ran."""
    with engine.begin() as conn:
        conn.execute(
            sources.update()
            .where(sources.c.id == source_pk)
            .values(state=state, last_polled=polled)
        )
