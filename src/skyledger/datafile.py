"""The package's YAML data files, read with libyaml's C loader when PyYAML has it, or taken
already parsed from `parsed_yaml.marshal`.

Extraction reads a few thousand lines of language data before its first report; the C
loader reads them about ten times faster than the pure-Python one, with the same result,
and even it builds each value in Python. `scripts/build_parsed_yaml.py` stores every data
file's parse (marshal keeps its types and order) under a digest of its text: a file whose
text changed since misses the store and is parsed again, so a stale store costs time, never
a different value.
"""

from __future__ import annotations

import hashlib
import marshal
from functools import cache
from pathlib import Path

import yaml

LOADER = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
PARSED = Path(__file__).parent / "parsed_yaml.marshal"


def read_yaml(stream):
    """`yaml.safe_load`, fast: `stream` is text or an open file."""
    text = stream if isinstance(stream, str) else stream.read()
    stored = parsed_store().get(text_digest(text))
    if stored is not None:
        return marshal.loads(stored)  # a fresh copy at every read, as a parse makes
    return parse_yaml(text)


def parse_yaml(text: str):
    return yaml.load(text, Loader=LOADER)  # noqa: S506 - a safe loader, C or Python


def text_digest(text: str) -> bytes:
    return hashlib.blake2b(text.encode("utf-8"), digest_size=16).digest()


@cache
def parsed_store() -> dict[bytes, bytes]:
    """Digest of a data file's text -> its parse, marshalled (empty when none is stored)."""
    try:
        return marshal.loads(PARSED.read_bytes())
    except (OSError, EOFError, ValueError, TypeError):
        return {}
