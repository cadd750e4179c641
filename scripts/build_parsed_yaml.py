"""Write src/skyledger/parsed_yaml.marshal: every YAML data file of the package, parsed,
under a digest of its text (skyledger.datafile reads it instead of parsing the file).

Run it after changing any *.yaml under src/skyledger; a file changed since is parsed as
before, only slower (tests/test_datafile.py tells when the store is behind).

Usage: python scripts/build_parsed_yaml.py
"""

from __future__ import annotations

import marshal
from pathlib import Path

from skyledger.datafile import PARSED, parse_yaml, text_digest

PACKAGE = Path(__file__).resolve().parents[1] / "src" / "skyledger"


def stored_parses() -> dict[bytes, bytes]:
    """Digest -> marshalled parse of each data file whose values marshal keeps exactly."""
    store = {}
    for path in sorted(PACKAGE.rglob("*.yaml")):
        text = path.read_text("utf-8")
        try:
            store[text_digest(text)] = marshal.dumps(parse_yaml(text))
        except ValueError:  # a value marshal cannot hold (a date): parsed at each read
            print(f"left to be parsed: {path.relative_to(PACKAGE)}")
    return store


def main() -> None:
    PARSED.write_bytes(marshal.dumps(stored_parses()))
    print(f"wrote {PARSED}")


if __name__ == "__main__":
    main()
