"""Text that came from reports, made safe to link or to print.

Reports are untrusted: a feed's item link may be `javascript:...`, a claimant's name
may carry terminal escape sequences. Every input goes through `safe_url` before a URL
is stored as one (see Report), and everything that prints stored text on a terminal or
into a document goes through `printable`.

>>> safe_url("  HTTPS://example.org/a?b=1 ")
'HTTPS://example.org/a?b=1'
>>> safe_url(" JavaScript:alert(1)") is None
True
>>> printable("Governor\\x1b]0;owned\\x07 of Kaluga")
'Governor\\\\x1b]0;owned\\\\x07 of Kaluga'
"""

from __future__ import annotations

import re
from functools import lru_cache
from urllib.parse import urlsplit

WEB_SCHEMES = ("http", "https")
# What browsers strip from both ends of a URL (C0 controls and space), and drop inside it.
_URL_EDGES = "".join(map(chr, range(0x21)))
_URL_DROPPED = re.compile("[\t\n\r]")
# Anything else a terminal or a reader could be fooled by is refused inside a URL.
_URL_FORBIDDEN = re.compile(r"[\x00-\x20\x7f-\x9f\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069]")
# Control characters: C0 (but tab and line feed), DEL, C1, the bidirectional
# overrides, embeddings, isolates and marks that reorder what a reader sees; and lone
# surrogates (undecodable bytes of a file name), which no terminal can print.
_CONTROLS = re.compile(
    r"[\x00-\x08\x0b-\x1f\x7f-\x9f\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069\ud800-\udfff]"
)
_CONTROLS_AND_BREAKS = re.compile(
    r"[\x00-\x1f\x7f-\x9f\u061c\u200e\u200f\u2028\u2029\u202a-\u202e\u2066-\u2069\ud800-\udfff]"
)


def safe_url(value: object) -> str | None:
    """`value` as a link a browser may follow: an http(s) URL with a host, else None.

    Mixed-case schemes and surrounding white space are read as browsers read them, so
    " JavaScript:alert(1)" is refused and " https://example.org/" comes back trimmed.
    """
    if not isinstance(value, str):
        return None
    return _safe_link(value)


@lru_cache(maxsize=256)  # a report's address is checked for its outlet, then for its record
def _safe_link(value: str) -> str | None:
    url = _URL_DROPPED.sub("", value.strip(_URL_EDGES))
    if not url or _URL_FORBIDDEN.search(url):
        return None
    try:
        parts = urlsplit(url)
        host = parts.hostname
    except ValueError:  # "http://[" and other unparsable hosts
        return None
    if parts.scheme.lower() not in WEB_SCHEMES or not host:
        return None
    return url


def printable(text: str, *, one_line: bool = False) -> str:
    r"""`text` with control characters shown as escapes (`\x1b`, `\u202e`), never obeyed.

    Terminal escape sequences (ESC, OSC, C1) and bidirectional overrides in a report,
    a claimant or a file name then print as visible characters. With `one_line`, line
    breaks are escaped too, so one message stays one line.
    """
    pattern = _CONTROLS_AND_BREAKS if one_line else _CONTROLS
    return pattern.sub(_escape, text)


def _escape(match: re.Match) -> str:
    code = ord(match.group())
    return f"\\x{code:02x}" if code < 0x100 else f"\\u{code:04x}"
