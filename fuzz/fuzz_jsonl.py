"""JSON Lines in the extraction contract's format: one Report or InputError a line at most."""

import io
from pathlib import Path

from harness import check_items, instrumented, run

with instrumented():
    from skyledger.sources.jsonlines import parse_jsonl

SEEDS = ("tests/fixtures/jsonl", "src/skyledger/samples/bulletins.jsonl", "fuzz/seeds/jsonl")


def test_one_input(data: bytes) -> None:
    items = check_items(parse_jsonl(Path("fuzz.jsonl"), io.BytesIO(data)))
    assert len(items) <= data.count(b"\n") + 1


if __name__ == "__main__":
    run(test_one_input, SEEDS)
