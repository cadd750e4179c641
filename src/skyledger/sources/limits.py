"""Limits on what one input may be, and decoding that says what went wrong."""

from __future__ import annotations

MAX_REPORT_BYTES = 1_000_000  # one report's text; the REST API refuses more with 413
MAX_FILE_BYTES = 2_000_000_000


def decode_utf8(data: bytes) -> tuple[str, str | None]:
    """Decode UTF-8 (with or without BOM); on failure say where and why."""
    if b"\x00" in data[:8192]:
        return "", "binary file (NUL bytes), not text"
    try:
        return data.decode("utf-8-sig"), None
    except UnicodeDecodeError as exc:
        return "", f"not UTF-8: byte 0x{data[exc.start]:02x} at offset {exc.start} (re-save the file as UTF-8)"
