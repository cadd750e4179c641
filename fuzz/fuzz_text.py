"""Plain text and Markdown files, and any file by its suffix and first bytes."""

from pathlib import Path

from harness import check_items, instrumented, run

with instrumented():
    from skyledger.sources.files import parse_bytes
    from skyledger.sources.textfile import parse_text

SEEDS = ("tests/fixtures/text", "src/skyledger/samples/seed-kaluga-uav-report.txt")
SUFFIXES = (".txt", ".md", ".json", ".jsonl", ".xml", ".rss", ".html", "", ".pdf")


def test_one_input(data: bytes) -> None:
    items = check_items(parse_text(Path("fuzz.txt"), data))
    assert len(items) <= 1
    suffix = SUFFIXES[data[0] % len(SUFFIXES)] if data else ""
    check_items(parse_bytes(Path("fuzz" + suffix), data[1:]))


if __name__ == "__main__":
    run(test_one_input, SEEDS)
