"""RSS and Atom feeds: any bytes give Reports or InputErrors, never an exception."""

from harness import check_items, instrumented, run

with instrumented():
    from skyledger.sources.feeds import parse_feed

SEEDS = ("tests/fixtures/feeds", "src/skyledger/samples/news-feed.xml", "fuzz/seeds/feed")


def test_one_input(data: bytes) -> None:
    check_items(parse_feed("fuzz.xml", data))


if __name__ == "__main__":
    run(test_one_input, SEEDS)
