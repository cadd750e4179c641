"""Telegram Desktop exports (JSON): "Export chat history" of one channel, or
"Export Telegram data" of a whole account, whose result.json lists its chats
under {"chats": {"list": [...]}}; each chat becomes its own source.

`text` is either a string or a list of plain strings and entity objects
({"type": "bold", "text": "..."}); `date_unixtime` is UTC, `date` is the exporting
machine's local time, so we prefer the former. Service messages (pins, joins,
title changes) and media without a caption carry no claim and are passed over.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

from skyledger.records import Report, Source
from skyledger.sources.errors import InputError
from skyledger.sources.limits import clean_text
from skyledger.sources.timeparse import from_unix, parse_published


def is_telegram_export(data: object) -> bool:
    if not isinstance(data, dict):
        return False
    return isinstance(data.get("messages"), list) or bool(account_chats(data))


def account_chats(data: dict) -> list[dict]:
    """The chats of a whole-account export (empty for a one-chat export)."""
    found = []
    for key in ("chats", "left_chats"):
        section = data.get(key)
        chats = section.get("list") if isinstance(section, dict) else None
        if isinstance(chats, list):
            found.extend(
                c for c in chats if isinstance(c, dict) and isinstance(c.get("messages"), list)
            )
    return found


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


def channel_name(path: Path, data: dict) -> str:
    """The channel's handle when the export has one, else its title, else the folder name."""
    for key in ("username", "name"):
        if isinstance(data.get(key), str | int) and str(data[key]).strip():
            return str(data[key]).strip()
    return Path(path).resolve().parent.name or "telegram"


def parse_telegram_export(
    path: Path, data: dict, source: Source | None = None
) -> Iterator[Report | InputError]:
    if isinstance(data.get("messages"), list):
        yield from parse_chat(path, data, source)
    else:
        for chat in account_chats(data):
            yield from parse_chat(path, chat, source)


def parse_chat(
    path: Path, data: dict, source: Source | None = None
) -> Iterator[Report | InputError]:
    """The messages of one chat or channel."""
    where = str(path)
    username = data.get("username") if isinstance(data.get("username"), str) else None
    source = source or Source(kind="telegram", name=channel_name(path, data))
    for index, message in enumerate(data["messages"]):
        if not isinstance(message, dict):
            yield InputError(where, "message is not an object", record=f"#{index}")
            continue
        message_id = message.get("id")
        has_id = isinstance(message_id, str | int) and not isinstance(message_id, bool)
        record = str(message_id)[:100] if has_id else f"#{index}"
        if message.get("type", "message") != "message":
            continue
        raw_text = flatten_text(message.get("text"))
        if not raw_text.strip():
            continue
        if not has_id:
            yield InputError(where, "message has no id", record=record)
            continue
        text, error = clean_text(raw_text)
        if error:
            yield InputError(where, error, record=record)
            continue
        try:
            if message.get("date_unixtime"):
                published, precision = from_unix(message["date_unixtime"]), "datetime"
            else:
                published, precision = parse_published(message.get("date"), source.tz)
        except ValueError as exc:
            yield InputError(where, f"bad date: {exc}", record=record)
            continue
        yield Report(
            source=source,
            external_id=str(message_id),
            url=f"https://t.me/{username}/{message_id}" if username else None,
            published=published,
            published_precision=precision,
            lang=source.lang,
            text=text,
        )
