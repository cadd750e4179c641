"""Telegram channel preview pages (t.me/s/NAME): a list of posts for any markup."""

from harness import instrumented, run

with instrumented():
    from skyledger.sources.telegram_web import parse_channel_page

SEEDS = ("fuzz/seeds/telegram-web",)


def test_one_input(data: bytes) -> None:
    posts = parse_channel_page(data)
    assert isinstance(posts, list)
    for post in posts:
        assert post.id >= 0 and post.text and post.text == post.text.strip()
        assert post.published is None or post.published.tzinfo is not None
        assert post.published is None or 1900 <= post.published.year <= 2200


if __name__ == "__main__":
    run(test_one_input, SEEDS)
