"""Telegram Desktop exports (result.json): any document gives Reports or InputErrors."""

import json
from pathlib import Path

from harness import check_items, instrumented, run

with instrumented():
    from skyledger.sources.files import parse_bytes
    from skyledger.sources.telegram_export import parse_telegram_export

SEEDS = ("tests/fixtures/telegram", "src/skyledger/samples/governor-channel")


def test_one_input(data: bytes) -> None:
    check_items(parse_bytes(Path("result.json"), data))  # as `skyledger ingest` reads it
    try:
        document = json.loads(data)
    except (ValueError, RecursionError):
        return
    if isinstance(document, dict):  # the parser itself, past the file checks
        check_items(parse_telegram_export(Path("result.json"), document))


if __name__ == "__main__":
    run(test_one_input, SEEDS)
