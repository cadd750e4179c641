"""The extractor: any text gives claims whose evidence spans lie inside the text."""

from harness import instrumented, lang_and_text, run

with instrumented():
    from skyledger.extract import extract
    from skyledger.records import Claim

SEEDS = ("fuzz/seeds/extract", "tests/fixtures/text", "src/skyledger/samples/odesa-ova.txt")


def test_one_input(data: bytes) -> None:
    lang, text = lang_and_text(data[:20_000])  # the extractor's own cost is tested elsewhere
    for claim in extract(text, lang=lang):
        assert isinstance(claim, Claim)
        assert claim.count is None or claim.count >= 0
        for start, end in claim.evidence.values():
            assert 0 <= start <= end <= len(text), (start, end, len(text))


if __name__ == "__main__":
    run(test_one_input, SEEDS)
