"""geocode() and region_of(): one mention in context -> GeoNames id, admin1, point, precision."""

from __future__ import annotations

import json

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from skyledger.geo import geocode, place_mention, region_of
from skyledger.geo.normalize import name_key

KEYS = {"geonameid", "name", "lat", "lon", "admin1", "precision", "candidates",
        "normal", "confidence"}  # fmt: skip
PRECISIONS = {"place", "between-places", "admin2", "admin1", "country", "unresolved"}
SEED = "The governor said drones were destroyed over Borovsk, Kirov, Maloyaroslavets and Yernov."


# --- the seed report ----------------------------------------------------------------------


@pytest.mark.parametrize(
    "mention, geonameid",
    [("Borovsk", 572070), ("Kirov", 548410), ("Maloyaroslavets", 530849)],
)
def test_seed_towns_resolve_in_kaluga_oblast(mention, geonameid):
    found = geocode(mention, SEED, "en", "RU-KLU")
    assert (found["geonameid"], found["admin1"], found["precision"]) == (
        geonameid,
        "RU-KLU",
        "place",
    )


def test_seed_between_kirishi_and_budogoshch():
    found = geocode("between the populated areas of Kirishi and Budogoshch", None, "en", "RU-LEN")
    assert found["precision"] == "between-places"
    assert found["admin1"] == "RU-LEN"
    # Kirishi 59.474,32.040 and Budogoshch' 59.282,32.471: the midpoint
    assert found["lat"] == pytest.approx(59.378, abs=0.01)
    assert found["lon"] == pytest.approx(32.255, abs=0.01)
    assert {c["geonameid"] for c in found["candidates"]} == {548442, 571252}


def test_seed_misspelt_town_stays_unresolved_with_yermolino_first():
    """'Yernov' is one typo away from nothing: Yermolino (Ермолино, Borovsk district) shares
    its first three letters and is the best candidate, but at a ratio of ~62 it is a guess, so
    the mention stays unresolved and the guess is listed."""
    found = geocode("Yernov", SEED, "en", "RU-KLU")
    assert found["precision"] == "unresolved"
    assert found["geonameid"] is None and found["lat"] is None
    assert found["candidates"][0]["geonameid"] == 467238
    assert all(c["admin1"] == "RU-KLU" for c in found["candidates"])


# --- places --------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "mention, context, lang, admin1, geonameid, normal",
    [
        ("над Малоярославцем", "Ночью над Малоярославцем сбит дрон.", "ru", None, 530849,
         "Малоярославец"),
        ("Киришами", "Обломки нашли за Киришами.", "ru", "RU-LEN", 548442, "Кириши"),
        ("в Ермолино", None, "ru", "RU-KLU", 467238, "Ермолино"),
        ("Ermolino", None, "en", "RU-KLU", 467238, "Ermolino"),
        ("Yermolino", None, "en", "RU-KLU", 467238, "Yermolino"),
        ("Kharkov", None, "en", None, 706483, "Kharkov"),
        ("у Харкові", None, "uk", None, 706483, "Харків"),
        ("Kharkiv's", None, "en", None, 706483, "Kharkiv"),
        ("в Старом Осколе", None, "ru", None, 487928, "Старый Оскол"),
        ("near the town of Shebekino", None, "en", "RU-BEL", 495112, "Shebekino"),
        ("Куп’янськ", None, "uk", "UA-63", None, "Куп'янськ"),
        ("у Рівному", "У Рівному пролунали вибухи.", "uk", "UA-56", 695594, "Рівне"),
        ("в Кирове", "В Кирове Калужской области погас свет.", "ru", None, 548410, "Киров"),
        ("Kirov", "Kirov and Vyatka river", "en", None, 548408, "Kirov"),
        ("Pokrovsk", "Fighting near Pokrovsk in Donetsk region.", "en", None, 704422, "Pokrovsk"),
        ("Zolochiv", "Shelling of Zolochiv, Kharkiv region.", "en", None, 686895, "Zolochiv"),
        ("Zolochiv", "A museum in Zolochiv, Lviv region.", "en", None, 686896, "Zolochiv"),
    ],
)  # fmt: skip
def test_places(mention, context, lang, admin1, geonameid, normal):
    found = geocode(mention, context, lang, admin1)
    assert found["precision"] == "place"
    if geonameid is not None:
        assert found["geonameid"] == geonameid
    assert name_key(found["normal"]) == name_key(normal)  # apostrophe variants aside
    assert found["normal"][:1] == normal[:1]
    assert 0 < found["confidence"] <= 1


@pytest.mark.parametrize(
    "mention, admin1, precision, region",
    [
        ("между Киришами и Будогощью", "RU-LEN", "between-places", "RU-LEN"),
        ("між Кірішами та Будогощею", None, "between-places", "RU-LEN"),
        ("в Киришском районе", None, "admin2", "RU-LEN"),
        ("Kirishi district", "RU-LEN", "admin2", "RU-LEN"),
        ("Севском районе", "RU-BRY", "admin2", "RU-BRY"),
        ("у Золочівській громаді", "UA-63", "admin2", "UA-63"),
        ("Нікопольщина", "UA-12", "admin2", "UA-12"),  # the land around Nikopol: its raion
        ("на Синельниківщині", "UA-12", "admin2", "UA-12"),  # GeoNames: "Synelnykove Raion"
        ("Межівська громада", "UA-12", "admin2", "UA-12"),  # Межова, і/о alternation
        ("на Харківщині", None, "admin1", "UA-63"),
        ("Одещину", None, "admin1", "UA-51"),
        ("в Калужской области", None, "admin1", "RU-KLU"),
        ("over the Bryansk region", None, "admin1", "RU-BRY"),
        ("в Крыму", None, "admin1", "UA-43"),
        ("Russia", None, "country", None),
        ("по Україні", None, "country", None),
        ("Kirovskiy district", None, "unresolved", None),  # a dozen regions have one
        ("Zarechnoborsk", "RU-KLU", "unresolved", None),
        ("на линии фронта", None, "unresolved", None),
        ("", None, "unresolved", None),
    ],
)
def test_precision(mention, admin1, precision, region):
    found = geocode(mention, admin1=admin1)
    assert (found["precision"], found["admin1"]) == (precision, region)


@pytest.mark.parametrize(
    "mention, admin1",
    [
        ("Kharkiv", "RU-BEL"),
        ("Borovsk", "RU-BRY"),
        ("Калужская область", "RU-BRY"),
        ("Kirov", "RU-XXX"),
    ],
)
def test_never_outside_the_stated_admin1(mention, admin1):
    assert geocode(mention, admin1=admin1)["precision"] == "unresolved"


@pytest.mark.parametrize(
    "mention, admin1, seat",
    [("Межівська громада", "UA-12", "Mezhova"), ("Нікопольщина", "UA-12", "Nikopol")],
)
def test_districts_sit_on_their_seat(mention, admin1, seat):
    found = geocode(mention, admin1=admin1)
    town = geocode(seat, admin1=admin1)
    assert abs(found["lat"] - town["lat"]) < 0.05 and abs(found["lon"] - town["lon"]) < 0.05


@pytest.mark.parametrize(
    "mention, admin1, geonameid",
    [
        ("Курчатав", "RU-KRS", 538908),  # one letter wrong in eight
        ("Белгорот", "RU-BEL", 578072),
        ("Kurchatow", "RU-KRS", 538908),
    ],
)
def test_misspellings_inside_the_admin1(mention, admin1, geonameid):
    found = geocode(mention, admin1=admin1)
    assert found["geonameid"] == geonameid
    assert found["confidence"] < 0.8


@pytest.mark.parametrize(
    "mention, admin1, geonameid",
    [
        ("Tuapse refinery", "RU-KDA", 480716),
        ("the Engels airbase", None, 563464),
        ("над акваторией Черного моря", None, None),  # an inflected adjective is not a name
        ("a village in the region", "RU-KRS", None),
    ],
)
def test_a_name_inside_a_longer_phrase(mention, admin1, geonameid):
    found = geocode(mention, admin1=admin1)
    assert found["geonameid"] == geonameid
    if geonameid:
        assert found["confidence"] <= 0.8


@pytest.mark.parametrize(
    "mention, admin1, geonameid",
    [
        ("Погаре", None, 507875),  # an inflected form the gazetteer holds
        ("Курске", "RU-KRS", 538560),
        ("Курчатав", "RU-KRS", None),  # a misspelling: only the fuzzy look-up finds it
        ("Kurchatow", "RU-KRS", None),  # ... and only the folded skeleton
        ("Брянской", "RU-BRY", None),  # a region's adjective is no town
        ("the Engels airbase", None, None),  # no name inside a longer phrase
    ],
)
def test_without_fuzzy_matching_only_names_as_written_or_inflected(mention, admin1, geonameid):
    assert geocode(mention, admin1=admin1, fuzzy=False)["geonameid"] == geonameid


def test_misspelling_without_a_region_stays_unresolved():
    assert geocode("Курчатав")["precision"] == "unresolved"


def test_answer_as_a_place_mention_record():
    record = place_mention("над Малоярославцем", geocode("над Малоярославцем", admin1="RU-KLU"))
    assert (record.text, record.normal, record.geonameid, record.geo_precision) == (
        "над Малоярославцем",
        "Малоярославец",
        530849,
        "place",
    )


def test_admin1_may_be_given_as_a_name():
    assert geocode("Kirov", admin1="Kaluga Oblast")["geonameid"] == 548410


# --- region_of -----------------------------------------------------------------------------


@pytest.mark.parametrize(
    "text, iso",
    [
        ("Калужской области", "RU-KLU"),
        ("Kaluga Oblast", "RU-KLU"),
        ("Kaluga region", "RU-KLU"),
        ("Kaluzhskaya oblast", "RU-KLU"),
        ("Харківщина", "UA-63"),
        ("на Харківщині", "UA-63"),
        ("Харьковской области", "UA-63"),
        ("на Брянщине", "RU-BRY"),
        ("Подмосковье", "RU-MOS"),
        ("Moscow region", "RU-MOS"),
        ("Республика Крым", "UA-43"),
        ("Севастополь", "UA-40"),
        ("Одеській області", "UA-51"),
        ("Bryansk", None),  # a city, not a region
        ("Kirov", None),
        ("", None),
    ],
)
def test_region_of(text, iso):
    assert region_of(text) == iso


# --- any input -----------------------------------------------------------------------------

NAMES = ["Kirov", "Киров", "Borovsk", "Харків", "Kharkiv region", "между Киришами и Будогощью",
         "Золочів", "Pokrovsk", "в Киришском районе", "Одещину", "Russia", "Alekseyevka"]  # fmt: skip
REGIONS = ["RU-KLU", "RU-LEN", "RU-KIR", "UA-63", "UA-46", "UA-14", "RU-BEL", "BY-HM"]


@given(st.sampled_from(NAMES), st.sampled_from(REGIONS), st.text(max_size=80))
@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
def test_a_stated_admin1_is_never_left(mention, admin1, context):
    found = geocode(mention, context, None, admin1)
    if found["precision"] not in ("unresolved", "country"):
        assert found["admin1"] == admin1
    assert all(c["admin1"] == admin1 for c in found["candidates"] if "admin1" in c)


@given(
    st.text(max_size=60),
    st.one_of(st.none(), st.text(max_size=120)),
    st.sampled_from([None, "ru", "uk", "en", "xx"]),
    st.one_of(st.none(), st.sampled_from(REGIONS), st.text(max_size=8)),
)
@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
def test_any_text_gives_a_valid_answer(mention, context, lang, admin1):
    found = geocode(mention, context, lang, admin1)
    assert set(found) == KEYS
    assert found["precision"] in PRECISIONS
    json.dumps(found)
    if found["precision"] == "unresolved":
        assert found["geonameid"] is None and found["lat"] is None and found["lon"] is None
    else:
        assert -90 <= found["lat"] <= 90 and -180 <= found["lon"] <= 180


# --- the command ---------------------------------------------------------------------------


def test_cli_jsonl_contract(run_cli):
    lines = [
        {"id": "a", "mention": "над Малоярославцем", "context": "Дрон сбит.", "admin1": "RU-KLU"},
        {"id": "b", "mention": "Yernov", "lang": "en", "admin1": "RU-KLU"},
    ]
    done = run_cli("geocode", "--format", "jsonl",
                   input="\n".join(json.dumps(x, ensure_ascii=False) for x in lines))  # fmt: skip
    assert done.returncode == 0, done.stderr
    out = [json.loads(line) for line in done.stdout.splitlines()]
    assert out[0]["id"] == "a" and out[0]["geonameid"] == 530849 and out[0]["precision"] == "place"
    assert out[1]["precision"] == "unresolved" and out[1]["lat"] is None
    for row in out:
        assert {
            "id",
            "geonameid",
            "name",
            "lat",
            "lon",
            "admin1",
            "precision",
            "candidates",
        } <= set(row)


@pytest.mark.parametrize(
    ("line", "message"),
    [
        (b"[" * 100_000 + b"]" * 100_000, "nested too deeply"),  # regression: RecursionError
        (b'{"id": 1, "mention": "\\ud800"}', "lone surrogate"),  # regression: UnicodeEncodeError
        (b'{"id": 1, "mention": "x", "admin1": 5}', "'admin1' must be a string"),
    ],
)
def test_cli_a_bad_line_is_named_not_a_traceback(line, message):
    from click.testing import CliRunner

    from skyledger.cli import cli

    result = CliRunner().invoke(cli, ["geocode"], input=line + b'\n{"id": 2, "mention": "Sumy"}\n')
    assert result.exit_code == 1
    assert result.exception is None or isinstance(result.exception, SystemExit)
    assert result.stderr.startswith("error: <stdin>, line 1: ") and message in result.stderr
    assert [json.loads(x)["id"] for x in result.stdout.splitlines()] == [2]


def test_cli_bad_line_is_reported_and_the_rest_processed(run_cli):
    done = run_cli("geocode", input='{"id": 1, "mention": "Kharkiv"}\nnot json\n{"id": 3}\n'
                   '{"id": 4, "mention": "Sumy"}\n')  # fmt: skip
    assert done.returncode == 1
    assert "line 2" in done.stderr and "line 3" in done.stderr
    assert [json.loads(x)["id"] for x in done.stdout.splitlines()] == [1, 4]


def test_cli_table(run_cli):
    done = run_cli("geocode", "--format", "table", input='{"id": 1, "mention": "Kharkiv"}\n')
    assert done.returncode == 0 and "Kharkiv" in done.stdout and "UA-63" in done.stdout


def test_cli_help(run_cli):
    done = run_cli("geocode", "--help")
    assert done.returncode == 0 and "Example:" in done.stdout


@pytest.mark.parametrize(
    "mention, lang",
    [("Слов'янськ", "uk"), ("Слов’янську", "uk"), ("Sloviansk", "en"), ("Slovyansk", "en")],
)
def test_a_name_is_its_own_place_before_another_places_former_name(mention, lang):
    """Nikopol was once called Slovyansk: the name is Sloviansk's own, in Donetsk Oblast."""
    assert geocode(mention, None, lang)["admin1"] == "UA-14"
