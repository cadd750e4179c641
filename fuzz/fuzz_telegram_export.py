"""Telegram Desktop exports (result.json): any document gives Reports or InputErrors."""

import io
from pathlib import Path

from harness import check_items, instrumented, run

with instrumented():
    from skyledger.sources.files import parse_bytes
    from skyledger.sources.telegram_export import parse_telegram_export

SEEDS = (
    "tests/fixtures/telegram",
    "src/skyledger/samples/governor-channel",
    "fuzz/seeds/telegram-export",
)


def test_one_input(data: bytes) -> None:
    check_items(parse_bytes(Path("result.json"), data))  # as `skyledger ingest` reads it
    check_items(parse_telegram_export(Path("result.json"), io.BytesIO(data)))  # the stream itself


if __name__ == "__main__":
    run(test_one_input, SEEDS)
