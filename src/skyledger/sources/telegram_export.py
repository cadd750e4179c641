"""Telegram Desktop "Export chat history" (JSON): result.json of a channel.

`text` is either a string or a list of plain strings and entity objects
({"type": "bold", "text": "..."}); `date_unixtime` is UTC, `date` is the exporting
machine's local time, so we prefer the former.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

from skyledger.records import Report, Source
from skyledger.sources.errors import InputError
from skyledger.sources.limits import MAX_REPORT_BYTES
from skyledger.sources.timeparse import from_unix, parse_published


def is_telegram_export(data: object) -> bool:
    return isinstance(data, dict) and isinstance(data.get("messages"), list)


def flatten_text(text: object) -> str:
    if isinstance(text, str):
        return text
    if isinstance(text, list):
        parts = []
        for piece in text:
            if isinstance(piece, str):
                parts.append(piece)
            elif isinstance(piece, dict) and isinstance(piece.get("text"), str):
                parts.append(piece["text"])
        return "".join(parts)
    return ""


def parse_telegram_export(path: Path, data: dict, source: Source | None = None) -> Iterator[Report | InputError]:
    where = str(path)
    channel = data.get("name") or path.parent.name or "telegram"
    handle = str(data.get("username") or channel)
    source = source or Source(kind="telegram", name=handle)
    for index, message in enumerate(data["messages"]):
        record = str(message.get("id", f"#{index}")) if isinstance(message, dict) else f"#{index}"
        if not isinstance(message, dict):
            yield InputError(where, "message is not an object", record=record)
            continue
        if message.get("type", "message") != "message":
            continue  # service messages: pins, joins, title changes
        text = flatten_text(message.get("text")).strip()
        if not text:
            continue  # photos and stickers with no caption carry no claim
        if message.get("id") is None:
            yield InputError(where, "message has no id", record=record)
            continue
        if len(text.encode("utf-8")) > MAX_REPORT_BYTES:
            yield InputError(where, f"message text is over {MAX_REPORT_BYTES:,} bytes", record=record)
            continue
        try:
            if message.get("date_unixtime"):
                published, precision = from_unix(message["date_unixtime"]), "datetime"
            else:
                published, precision = parse_published(message.get("date"), source.tz)
        except (ValueError, OverflowError, OSError) as exc:
            yield InputError(where, f"bad date: {exc}", record=record)
            continue
        url = f"https://t.me/{data['username']}/{message['id']}" if data.get("username") else None
        yield Report(
            source=source,
            external_id=str(message["id"]),
            url=url,
            published=published,
            published_precision=precision,
            lang=source.lang,
            text=text,
        )
