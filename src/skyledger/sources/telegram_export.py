"""Telegram Desktop exports (JSON): "Export chat history" of one channel, or
"Export Telegram data" of a whole account, whose result.json lists its chats
under {"chats": {"list": [...]}}; each chat becomes its own source.

`text` is either a string or a list of plain strings and entity objects
({"type": "bold", "text": "..."}); `date_unixtime` is UTC, `date` is the exporting
machine's local time, so we prefer the former. Service messages (pins, joins,
title changes) and media without a caption carry no claim and are passed over.

Exports run to gigabytes, so they are read as a stream (ijson): one message is in
memory at a time, and the messages before a broken part are kept.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import BinaryIO

import ijson
from ijson.common import ObjectBuilder

from skyledger.records import Report, Source
from skyledger.sources.errors import InputError
from skyledger.sources.limits import clean_text
from skyledger.sources.timeparse import from_unix, parse_published

# Where message lists sit: a one-chat export, and each chat of a whole-account export.
CHAT_PREFIXES = ("", "chats.list.item.", "left_chats.list.item.")
MESSAGE_LISTS = frozenset(f"{chat}messages" for chat in CHAT_PREFIXES)
MESSAGE_ITEMS = frozenset(f"{chat}messages.item" for chat in CHAT_PREFIXES)
CHAT_STARTS = frozenset(chat[:-1] for chat in CHAT_PREFIXES if chat)
CHAT_FIELDS = frozenset(f"{chat}{key}" for chat in CHAT_PREFIXES for key in ("name", "username"))
NOT_AN_EXPORT = "JSON file is not a Telegram Desktop export (no 'messages' or 'chats' list)"


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
    path: Path, handle: BinaryIO, source: Source | None = None
) -> Iterator[Report | InputError]:
    """The messages of every chat in the export, read from `handle` as they come."""
    where = str(path)
    chat_source, username, seen_chat = source, None, False
    try:
        for kind, index, value in export_events(handle):
            if kind == "chat":
                seen_chat = True
                username = value.get("username") if isinstance(value.get("username"), str) else None
                chat_source = source or Source(kind="telegram", name=channel_name(path, value))
                continue
            item = message_item(where, index, value, chat_source, username)
            if item is not None:
                yield item
    except (
        ijson.JSONError,
        UnicodeDecodeError,
    ) as exc:  # the decoder fails in keys as UnicodeDecodeError
        yield InputError(where, json_stream_error(exc))
        return
    if not seen_chat:
        yield InputError(where, NOT_AN_EXPORT)


def json_stream_error(exc: Exception) -> str:
    """ijson's error as one readable phrase (its first line, without the excerpt)."""
    if isinstance(exc, UnicodeDecodeError):
        return "not UTF-8 (re-save the file as UTF-8)"
    reason = exc.args[0] if exc.args else ""
    if isinstance(reason, bytes):
        reason = reason.decode("utf-8", "replace")
    reason = str(reason).strip().splitlines()[0].rstrip(".") if str(reason).strip() else ""
    if "invalid bytes in UTF8" in reason:
        return "not UTF-8 (re-save the file as UTF-8)"
    return f"invalid JSON: {reason or 'malformed'}"


def export_events(handle: BinaryIO) -> Iterator[tuple[str, int, object]]:
    """("chat", 0, its name fields) when a chat's message list starts, then
    ("message", index, message) for each of its messages, built one at a time."""
    chat: dict = {}
    builder, depth, index = None, 0, 0
    for prefix, event, value in ijson.parse(handle, use_float=True):
        if builder is not None:  # inside a message: build it
            builder.event(event, value)
            if event in ("start_map", "start_array"):
                depth += 1
            elif event in ("end_map", "end_array"):
                depth -= 1
                if depth == 0:
                    yield "message", index, builder.value
                    builder, index = None, index + 1
        elif prefix in MESSAGE_ITEMS:
            if event in ("start_map", "start_array"):
                builder, depth = ObjectBuilder(), 1
                builder.event(event, value)
            else:
                yield "message", index, value
                index += 1
        elif prefix in MESSAGE_LISTS and event == "start_array":
            index = 0
            yield "chat", 0, dict(chat)
        elif prefix in CHAT_STARTS and event == "start_map":
            chat = {}
        elif prefix in CHAT_FIELDS and event in ("string", "number"):
            chat[prefix.rpartition(".")[2]] = value


def message_item(
    where: str, index: int, message: object, source: Source | None, username: str | None
) -> Report | InputError | None:
    """One message as a Report, an InputError naming it, or None when it holds no claim."""
    if not isinstance(message, dict):
        return InputError(where, "message is not an object", record=f"#{index}")
    message_id = message.get("id")
    has_id = isinstance(message_id, str | int) and not isinstance(message_id, bool)
    record = str(message_id)[:100] if has_id else f"#{index}"
    if message.get("type", "message") != "message":
        return None
    raw_text = flatten_text(message.get("text"))
    if not raw_text.strip():
        return None
    if not has_id:
        return InputError(where, "message has no id", record=record)
    text, error = clean_text(raw_text)
    if error:
        return InputError(where, error, record=record)
    try:
        if message.get("date_unixtime"):
            published, precision = from_unix(message["date_unixtime"]), "datetime"
        else:
            published, precision = parse_published(message.get("date"), source.tz)
    except ValueError as exc:
        return InputError(where, f"bad date: {exc}", record=record)
    return Report(
        source=source,
        external_id=str(message_id),
        url=f"https://t.me/{username}/{message_id}" if username else None,
        published=published,
        published_precision=precision,
        lang=source.lang,
        text=text,
    )
