"""Records: JSON round-trip of every type, content hashes, timezone-aware times."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta, timezone

import pytest
from pydantic import ValidationError

from skyledger.records import Claim, Event, EventClaim, PlaceMention, Report, Source, content_hash

KYIV_SUMMER = timezone(timedelta(hours=3))
SOURCE = Source(
    kind="telegram", name="test_channel", claimant="Oblast Governor", lang="ru", tz="Europe/Moscow"
)
PLACE = PlaceMention(
    text="над Малоярославцем",
    normal="Малоярославец",
    name="Maloyaroslavets",
    geonameid=526736,
    lat=55.01,
    lon=36.46,
    admin1="RU-KLU",
    geo_precision="place",
    span=(10, 28),
    candidates=[{"geonameid": 526736, "score": 0.9}],
)
CLAIM = Claim(
    id="c1",
    claimant="Oblast Governor",
    claim_type="destroyed",
    weapon="uav",
    model="Shahed-136",
    count=11,
    count_qualifier="exact",
    country="RU",
    admin1="RU-KLU",
    region_text="Калужская область",
    places=[PLACE],
    window_start=datetime(2026, 5, 1, 20, tzinfo=KYIV_SUMMER),
    window_end=datetime(2026, 5, 2, 0, tzinfo=KYIV_SUMMER),
    parent="c0",
    evidence={"claim": (0, 40), "count": (12, 14)},
    confidence=0.9,
    extractor_version="1.0.0",
)
RECORDS = [
    SOURCE,
    Source(kind="file", name="files"),
    Report(
        source=SOURCE,
        external_id="42",
        url="https://t.me/test_channel/42",
        published=datetime(2026, 5, 2, 6, 15, tzinfo=UTC),
        published_precision="datetime",
        lang="ru",
        text="Над Малоярославцем сбиты 11 беспилотников.",
    ),
    Report(source=Source(kind="file", name="files"), external_id="/tmp/a.txt", text="x"),
    PLACE,
    PlaceMention(text="Kyiv"),
    CLAIM,
    Claim(claim_type="casualties", killed=0, injured=2),
    EventClaim(
        claim_id=7,
        claimant="Air Force",
        count=11,
        report_id=3,
        url="https://a.example/3",
        agrees=False,
    ),
    Event(
        id="e1",
        claim_type="destroyed",
        weapon="uav",
        country="RU",
        admin1="RU-KLU",
        low=9,
        best=11,
        high=11,
        conflict=True,
        claims=[EventClaim(claim_id=7, count=11), EventClaim(claim_id=8, count=9)],
        first_reported=datetime(2026, 5, 2, 6, 15, tzinfo=UTC),
    ),
]


@pytest.mark.parametrize("record", RECORDS, ids=lambda r: type(r).__name__)
def test_json_round_trip(record):
    again = type(record).from_json(record.to_json())
    assert again == record
    assert again.to_json() == record.to_json()


def test_span_and_evidence_survive_as_tuples():
    again = Claim.from_json(CLAIM.to_json())
    assert again.evidence == {"claim": (0, 40), "count": (12, 14)}
    assert again.places[0].span == (10, 28)


@pytest.mark.parametrize(
    ("one", "two"),
    [
        ("Три дрона сбиты.", "Три дрона сбиты."),
        ("Три дрона  сбиты.", "Три дрона сбиты."),
        ("Три дрона\nсбиты.", "Три дрона сбиты."),
        ("  Три дрона\t\r\n сбиты.\n", "Три дрона сбиты."),
        ("Три\u00a0дрона сбиты.", "Три дрона сбиты."),  # no-break space is white space too
    ],
)
def test_content_hash_folds_white_space(one, two):
    assert content_hash(one) == content_hash(two)


@pytest.mark.parametrize(
    ("one", "two"), [("Три дрона", "три дрона"), ("3 drones", "4 drones"), ("a b", "ab")]
)
def test_content_hash_tells_texts_apart(one, two):
    assert content_hash(one) != content_hash(two)


def test_report_fills_its_hash():
    report = Report(source=SOURCE, external_id="1", text="Две  ракеты\n")
    assert report.content_hash == content_hash("Две ракеты")
    assert len(report.content_hash) == 64


def test_published_must_be_timezone_aware():
    with pytest.raises(ValidationError, match="timezone-aware"):
        Report(source=SOURCE, external_id="1", text="x", published=datetime(2026, 5, 1, 10))
    aware = Report(
        source=SOURCE,
        external_id="1",
        text="x",
        published=datetime(2026, 5, 1, 10, tzinfo=KYIV_SUMMER),
    )
    assert aware.published.utcoffset() == timedelta(hours=3)


@pytest.mark.parametrize(
    ("model", "fields"),
    [
        (Claim, {"claim_type": "exploded"}),
        (Claim, {"claim_type": "hit", "weapon": "tank"}),
        (Claim, {"claim_type": "hit", "count_qualifier": "many"}),
        (Claim, {"claim_type": "hit", "unknown_field": 1}),
        (Report, {"source": SOURCE, "external_id": "1", "text": "x", "lang": "de"}),
        (PlaceMention, {"text": "x", "geo_precision": "street"}),
    ],
)
def test_invalid_values_are_refused(model, fields):
    with pytest.raises(ValidationError):
        model(**fields)


def test_gold_view_has_the_gold_fields():
    view = CLAIM.gold_view()
    assert set(view) == {
        "claimant",
        "claim_type",
        "weapon",
        "model",
        "count",
        "count_qualifier",
        "country",
        "admin1",
        "window_start",
        "window_end",
        "killed",
        "injured",
        "places",
    }
    assert view["places"] == ["Малоярославец"]
    assert view["window_start"] == "2026-05-01T20:00:00+03:00"


@pytest.mark.parametrize(
    ("given", "url", "url_text"),
    [
        ("https://example.org/a", "https://example.org/a", None),
        (" HTTPS://example.org/a ", "HTTPS://example.org/a", None),
        ("javascript:alert(1)", None, "javascript:alert(1)"),
        (" JaVaScRiPt:alert(1)", None, "JaVaScRiPt:alert(1)"),
        ("tg://resolve?domain=example", None, "tg://resolve?domain=example"),
        ("   ", None, None),
        (None, None, None),
    ],
)
def test_a_report_links_only_web_addresses_and_keeps_the_rest_as_text(given, url, url_text):
    report = Report(source=SOURCE, external_id="1", url=given, text="x")
    assert (report.url, report.url_text) == (url, url_text)
    assert Report.from_json(report.to_json()) == report


@pytest.mark.parametrize(
    "published",
    [
        datetime(1899, 12, 31, 23, 0, tzinfo=UTC),
        datetime(2201, 1, 1, tzinfo=UTC),
        datetime(9999, 12, 31, 23, 59, tzinfo=UTC),
        datetime(1, 1, 1, tzinfo=timezone(timedelta(hours=14))),
    ],
)
def test_a_report_refuses_a_year_no_report_is_from(published):
    with pytest.raises(ValidationError, match="out of range"):
        Report(source=SOURCE, external_id="1", text="x", published=published)


def test_the_year_bounds_are_inclusive():
    for year in (1900, 2200):
        stamp = datetime(year, 6, 1, tzinfo=UTC)
        assert Report(source=SOURCE, external_id="1", text="x", published=stamp).published == stamp
