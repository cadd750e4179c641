"""The geocoder: its mention parser and `geocode` answer any text, inside the stated region."""

import json

from harness import instrumented, lang_and_text, run

with instrumented():
    from skyledger.geo import geocode
    from skyledger.geo.mention import parse, tokenize

SEEDS = ("fuzz/seeds/geo",)
REGIONS = (None, "RU-KLU", "RU-LEN", "RU-BEL", "UA-63", "UA-46", "UA-51", "BY-HM", "XX-??")
PRECISIONS = {"place", "between-places", "admin2", "admin1", "country", "water", "unresolved"}


def test_one_input(data: bytes) -> None:
    admin1 = REGIONS[data[-1] % len(REGIONS)] if data else None
    lang, text = lang_and_text(data[:2000])
    mention, _, context = text.partition("\n")
    parsed = parse(mention)
    assert parsed.kind in {"place", "between", "district", "region"}
    assert all(token in tokenize(mention) for token in parsed.tokens + parsed.marker)
    found = geocode(mention, context, lang, admin1)
    assert found["precision"] in PRECISIONS
    json.dumps(found)
    if found["precision"] == "unresolved":
        assert found["lat"] is None and found["lon"] is None
    elif admin1 and admin1 != "XX-??" and found["precision"] != "country":
        assert found["admin1"] == admin1, found


if __name__ == "__main__":
    run(test_one_input, SEEDS)
