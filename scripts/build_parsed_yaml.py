"""Write src/skyledger/parsed_yaml.marshal: every YAML data file of the package, parsed,
under a digest of its text (skyledger.datafile reads it instead of parsing the file).

Run it after changing any *.yaml under src/skyledger; a file changed since is parsed as
before, only slower (tests/test_datafile.py tells when the store is behind).

Usage: python scripts/build_parsed_yaml.py
"""

from __future__ import annotations

import marshal
from pathlib import Path

from skyledger.datafile import PARSED, parse_yaml, stored_form, text_digest

PACKAGE = Path(__file__).resolve().parents[1] / "src" / "skyledger"


def stored_parses() -> dict[bytes, tuple[bool, bytes]]:
    """Digest -> (whether it holds dates, marshalled stored form) of each data file."""
    store = {}
    for path in sorted(PACKAGE.rglob("*.yaml")):
        text = path.read_text("utf-8")
        parsed = parse_yaml(text)
        kept = stored_form(parsed)
        try:
            store[text_digest(text)] = (kept != parsed, marshal.dumps(kept))
        except ValueError:  # a value marshal cannot hold: parsed at each read
            print(f"left to be parsed: {path.relative_to(PACKAGE)}")
    return store


def main() -> None:
    PARSED.write_bytes(marshal.dumps(stored_parses()))
    print(f"wrote {PARSED}")


if __name__ == "__main__":
    main()
