"""Saved HTML article pages: Reports or InputErrors; the text and date helpers never raise."""

from harness import check_items, instrumented, run

with instrumented():
    from skyledger.sources.htmltext import html_to_text, page_published, parse_html_page

SEEDS = ("tests/fixtures/html", "src/skyledger/samples/kyiv-region-article.html", "fuzz/seeds/html")


def test_one_input(data: bytes) -> None:
    check_items(parse_html_page("fuzz.html", data))
    markup = data.decode("utf-8", errors="replace")
    assert isinstance(html_to_text(markup), str)
    published, _ = page_published(data)
    assert published is None or published.tzinfo is not None


if __name__ == "__main__":
    run(test_one_input, SEEDS)
