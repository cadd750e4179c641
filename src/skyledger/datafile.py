"""The package's YAML data files, read with libyaml's C loader when PyYAML has it, or taken
already parsed from `parsed_yaml.marshal`.

Extraction reads a few thousand lines of language data before its first report; the C
loader reads them about ten times faster than the pure-Python one, with the same result,
and even it builds each value in Python. `scripts/build_parsed_yaml.py` stores every data
file's parse (marshal keeps its types and order; a date is kept as ("date", its ISO text),
a tuple no YAML parse makes) under a digest of its text: a file whose text changed since
misses the store and is parsed again, so a stale store costs time, never a different value.
"""

from __future__ import annotations

import hashlib
import marshal
from datetime import date, datetime
from functools import cache
from pathlib import Path

PARSED = Path(__file__).parent / "parsed_yaml.marshal"


def read_yaml(stream):
    """`yaml.safe_load`, fast: `stream` is text or an open file."""
    text = stream if isinstance(stream, str) else stream.read()
    stored = parsed_store().get(text_digest(text))
    if stored is None:
        return parse_yaml(text)
    dated, parsed = stored
    value = marshal.loads(parsed)  # a fresh copy at every read, as a parse makes
    return with_dates(value) if dated else value


def parse_yaml(text: str):
    import yaml  # only for a file the store does not hold: the import costs more than most

    loader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
    return yaml.load(text, Loader=loader)  # noqa: S506 - a safe loader, C or Python


def stored_form(value):
    """A parse as the store keeps it: its dates and times as tagged ISO texts."""
    if isinstance(value, dict):
        return {stored_form(k): stored_form(v) for k, v in value.items()}
    if isinstance(value, list):
        return [stored_form(v) for v in value]
    if isinstance(value, datetime | date):
        return (type(value).__name__, value.isoformat())
    return value


def with_dates(value):
    """`stored_form` undone."""
    if isinstance(value, dict):
        return {with_dates(k): with_dates(v) for k, v in value.items()}
    if isinstance(value, list):
        return [with_dates(v) for v in value]
    if isinstance(value, tuple):
        kind = datetime if value[0] == "datetime" else date
        return kind.fromisoformat(value[1])
    return value


def text_digest(text: str) -> bytes:
    return hashlib.blake2b(text.encode("utf-8"), digest_size=16).digest()


@cache
def parsed_store() -> dict[bytes, tuple[bool, bytes]]:
    """Digest of a data file's text -> (whether it holds dates, its parse marshalled in its
    stored form); empty when none is stored."""
    try:
        return marshal.loads(PARSED.read_bytes())
    except (OSError, EOFError, ValueError, TypeError):
        return {}
