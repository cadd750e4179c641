"""Limits on what one input may be, and checks that say what went wrong.

Every parser words its errors through these helpers, so the same problem reads the
same whatever the format.
"""

from __future__ import annotations

MAX_REPORT_BYTES = 1_000_000  # one report's text; the REST API refuses more with 413
MAX_LINE_BYTES = 2 * MAX_REPORT_BYTES  # a JSON Lines line: the text plus escaping and fields
MAX_PAGE_BYTES = 10_000_000  # a saved HTML page or a feed, read whole (as much as a fetch)
MAX_FILE_BYTES = 2_000_000_000  # a JSON Lines file or a Telegram export, streamed


def decode_utf8(data: bytes) -> tuple[str, str | None]:
    """Decode UTF-8 (with or without BOM), or UTF-16 with its BOM; on failure say where and why."""
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):  # "Unicode" as some Windows editors save it
        try:
            return data.decode("utf-16"), None
        except UnicodeDecodeError as exc:
            return "", f"not valid UTF-16 at offset {exc.start} (re-save the file as UTF-8)"
    if b"\x00" in data[:8192]:
        return "", "binary file (NUL bytes), not a report"
    try:
        return data.decode("utf-8-sig"), None
    except UnicodeDecodeError as exc:
        return (
            "",
            f"not UTF-8: byte 0x{data[exc.start]:02x} at offset {exc.start} (re-save the file as UTF-8)",
        )


def clean_text(text: str) -> tuple[str, str | None]:
    """A report's text stripped of NUL characters and outer space; or why it cannot be one.

    NUL never carries meaning in a report and PostgreSQL refuses it in text; lone
    surrogates (from JSON escapes such as "\\ud800") cannot be stored at all.
    """
    text = text.replace("\x00", "").strip()
    if not text:
        return "", "empty text"
    try:
        size = len(text.encode("utf-8"))
    except UnicodeEncodeError as exc:
        return "", f"text holds invalid Unicode (a lone surrogate at character {exc.start})"
    problem = too_large(size, MAX_REPORT_BYTES, "text")
    if problem:
        return "", problem
    return text, None


def json_type(value: object) -> str:
    """A value's type as JSON names it (for messages about JSON input)."""
    names = {
        dict: "object",
        list: "array",
        str: "string",
        bool: "boolean",
        int: "number",
        float: "number",
    }
    return "null" if value is None else names.get(type(value), type(value).__name__)


def json_error(exc) -> str:
    """A json.JSONDecodeError as one readable phrase."""
    return f"invalid JSON at column {exc.colno}: {exc.msg.removesuffix(' at')}"


def too_large(size: int, limit: int, what: str = "file") -> str | None:
    """The message for an input over its limit, or None."""
    if size > limit:
        return f"{what} is {size:,} bytes; the limit is {limit:,}"
    return None
