"""The registry of followed sources: addresses, intervals, add/list/remove/enable, the CLI."""

from __future__ import annotations

import contextlib
import json

import pytest
from click.testing import CliRunner
from hypothesis import given, settings
from hypothesis import strategies as st

from skyledger.cli import cli
from skyledger.follow.registry import (
    KINDS,
    RegistryError,
    add_source,
    find_source,
    list_sources,
    normalize_address,
    parse_every,
    remove_source,
    save_state,
    set_enabled,
)
from skyledger.ledger import Ledger
from skyledger.records import Report, Source


@pytest.mark.parametrize(
    ("kind", "address", "normal"),
    [
        ("telegram-web", "@example_gov", "https://t.me/s/example_gov"),
        ("telegram-web", "example_gov", "https://t.me/s/example_gov"),
        ("telegram-web", "t.me/example_gov", "https://t.me/s/example_gov"),
        ("telegram-web", "https://t.me/example_gov/123", "https://t.me/s/example_gov"),
        ("telegram-web", "https://t.me/s/example_gov?before=50", "https://t.me/s/example_gov"),
        (
            "telegram-web",
            "http://127.0.0.1:8080/s/example_gov",
            "http://127.0.0.1:8080/s/example_gov",
        ),
        ("telegram-api", "https://t.me/example_gov", "@example_gov"),
        ("rss", "https://news.example/feed.xml", "https://news.example/feed.xml"),
        ("web", " http://news.example/article/1 ", "http://news.example/article/1"),
    ],
)
def test_addresses_are_normalised(kind, address, normal):
    assert normalize_address(kind, address) == normal


@pytest.mark.parametrize(
    ("kind", "address", "message"),
    [
        ("telegram-web", "@ab", "not a Telegram channel name"),
        ("telegram-web", "https://example.org/channel", "ends in /s/<channel>"),
        ("telegram-web", "t.me/", "not a Telegram channel name"),
        ("telegram-web", "@bad-name!", "not a Telegram channel name"),
        ("rss", "news.example/feed.xml", "not an http(s) URL"),
        ("web", "ftp://news.example/a", "not an http(s) URL"),
        ("folder", "/no/such/folder/anywhere", "does not exist"),
        ("gopher", "x", "unknown kind"),
        ("rss", "  ", "empty"),
    ],
)
def test_bad_addresses_say_why(kind, address, message):
    with pytest.raises(RegistryError, match=message.replace("(", r"\(").replace(")", r"\)")):
        normalize_address(kind, address)


@settings(max_examples=300, deadline=None)
@given(st.sampled_from(KINDS), st.text(max_size=60))
def test_any_address_is_normalised_or_refused_with_a_reason(kind, address):
    try:
        normal = normalize_address(kind, address)
    except RegistryError as exc:
        assert str(exc)
    else:
        assert normal == normalize_address(kind, normal)  # normalising twice changes nothing


@settings(max_examples=150, deadline=None)
@given(st.text(alphabet="htps:/[]@.me_abc123?#%", max_size=40))
def test_url_like_addresses_never_crash(address):
    for kind in ("rss", "web", "telegram-web", "telegram-api"):
        with contextlib.suppress(RegistryError):
            normalize_address(kind, address)


def test_folder_address_is_resolved(tmp_path):
    (tmp_path / "drop").mkdir()
    assert normalize_address("folder", str(tmp_path / "drop" / ".." / "drop")) == str(
        (tmp_path / "drop").resolve()
    )


@pytest.mark.parametrize(
    ("value", "seconds"),
    [("300", 300), ("90s", 90), ("5m", 300), ("1h", 3600), ("2d", 172800), (60, 60)],
)
def test_every(value, seconds):
    assert parse_every(value) == seconds


@pytest.mark.parametrize("value", ["5", "soon", "5 minutes", "-1m", ""])
def test_bad_every(value):
    with pytest.raises(RegistryError):
        parse_every(value)


@pytest.fixture
def ledger(db_url):
    with Ledger(db_url) as opened:
        yield opened


def test_add_list_disable_remove(ledger, tmp_path):
    engine = ledger.engine
    channel = add_source(
        engine,
        "telegram-web",
        "@example_gov",
        claimant="Regional governor",
        lang="ru",
        tz="Europe/Moscow",
        every="2m",
    )
    feed = add_source(engine, "rss", "https://news.example/feed.xml")
    assert (channel.name, channel.claimant, channel.lang, channel.tz, channel.every) == (
        "https://t.me/s/example_gov",
        "Regional governor",
        "ru",
        "Europe/Moscow",
        120,
    )
    assert feed.every == 300 and feed.enabled and feed.registered
    assert [entry.id for entry in list_sources(engine)] == [channel.id, feed.id]
    assert find_source(engine, "t.me/example_gov").id == channel.id
    assert find_source(engine, str(feed.id)).id == feed.id

    set_enabled(engine, "@example_gov", False)
    assert [entry.id for entry in list_sources(engine, enabled_only=True)] == [feed.id]

    entry, deleted = remove_source(engine, str(feed.id))
    assert deleted and entry.id == feed.id
    assert [entry.id for entry in list_sources(engine)] == [channel.id]


def test_adding_twice_is_refused(ledger):
    add_source(ledger.engine, "telegram-web", "@example_gov")
    with pytest.raises(RegistryError, match="already followed"):
        add_source(ledger.engine, "telegram-web", "https://t.me/s/example_gov")


@pytest.mark.parametrize(
    ("option", "value"),
    [
        ("lang", "de"),
        ("tz", "Mars/Olympus"),
        ("every", "1s"),
        ("claimant", "c" * 301),  # regression: PostgreSQL refused the insert with a traceback
    ],
)
def test_bad_options(ledger, option, value):
    with pytest.raises(RegistryError):
        add_source(ledger.engine, "rss", "https://news.example/feed.xml", **{option: value})


def test_an_address_too_long_to_store_is_refused(ledger):
    """Regression: on PostgreSQL an address over 1000 characters failed the insert."""
    with pytest.raises(RegistryError, match="at most 1000 fit"):
        add_source(ledger.engine, "rss", "https://news.example/" + "x" * 1000)
    assert add_source(ledger.engine, "rss", "https://news.example/" + "x" * 900).id


def test_a_source_with_reports_is_kept_when_removed(ledger):
    entry = add_source(ledger.engine, "rss", "https://news.example/feed.xml")
    report = Report(
        source=entry.as_source(),
        external_id="n1",
        text="Two drones were shot down near the border.",
    )
    assert ledger.ingest_reports([report]).stored == 1
    _, deleted = remove_source(ledger.engine, "https://news.example/feed.xml")
    assert not deleted
    assert list_sources(ledger.engine) == []
    assert ledger.stats()["sources"] == 1  # the report keeps its provenance
    again = add_source(ledger.engine, "rss", "https://news.example/feed.xml")  # follow it again
    assert again.id == entry.id


def test_a_source_known_from_ingest_becomes_followed(ledger):
    known = Source(kind="rss", name="https://news.example/feed.xml")
    ledger.ingest_reports(
        [Report(source=known, external_id="n1", text="A missile was launched at dawn.")]
    )
    assert list_sources(ledger.engine) == []
    entry = add_source(
        ledger.engine, "rss", "https://news.example/feed.xml", claimant="News agency"
    )
    assert entry.registered and entry.claimant == "News agency"


def test_state_round_trip(ledger):
    from datetime import UTC, datetime

    entry = add_source(ledger.engine, "telegram-web", "@example_gov")
    polled = datetime(2026, 11, 25, 9, 0, tzinfo=UTC)
    save_state(
        ledger.engine, entry.id, {"last_id": 42, "recent": {"example_gov/42": "abc"}}, polled
    )
    (again,) = list_sources(ledger.engine)
    assert again.state == {"last_id": 42, "recent": {"example_gov/42": "abc"}}
    assert again.last_polled == polled


# The CLI: usage errors exit 2, the rest prints what it did.


def invoke(*args: str):
    return CliRunner().invoke(cli, list(args), catch_exceptions=False)


def test_cli_add_list_remove(sqlite_url, tmp_path):
    drop = tmp_path / "drop"
    drop.mkdir()
    added = invoke(
        "sources",
        "add",
        "folder",
        str(drop),
        "--claimant",
        "Press office",
        "--every",
        "1m",
        "--db",
        sqlite_url,
    )
    assert added.exit_code == 0, added.output
    assert "following source 1: folder" in added.output
    assert (
        invoke("sources", "add", "telegram-web", "@example_gov", "--db", sqlite_url).exit_code == 0
    )

    listed = json.loads(invoke("sources", "list", "--format", "json", "--db", sqlite_url).output)
    assert [(s["kind"], s["claimant"], s["every_seconds"]) for s in listed] == [
        ("folder", "Press office", 60),
        ("telegram-web", None, 300),
    ]
    assert listed[0]["state"] == {} and listed[0]["last_polled"] is None
    table = invoke("sources", "list", "--db", sqlite_url)
    assert table.exit_code == 0 and "folder" in table.output

    assert invoke("sources", "disable", "@example_gov", "--db", sqlite_url).exit_code == 0
    assert not json.loads(invoke("sources", "list", "--format", "json", "--db", sqlite_url).output)[
        1
    ]["enabled"]
    assert invoke("sources", "enable", "2", "--db", sqlite_url).exit_code == 0
    removed = invoke("sources", "remove", "1", "--db", sqlite_url)
    assert removed.exit_code == 0 and "no longer following source 1" in removed.output


@pytest.mark.parametrize(
    "args",
    [
        ("sources", "add", "rss", "not-a-url"),
        ("sources", "add", "carrier-pigeon", "x"),
        ("sources", "add", "telegram-web", "@ab"),
        ("sources", "add", "rss", "https://news.example/f", "--every", "1s"),
        ("sources", "add", "rss", "https://news.example/f", "--tz", "Nowhere/City"),
        ("sources", "remove", "99"),
        ("sources", "disable", "@nobody_here"),
        ("sources", "list", "--format", "xml"),
    ],
)
def test_cli_usage_errors_exit_2(sqlite_url, args):
    Ledger(sqlite_url).close()
    result = invoke(*args, "--db", sqlite_url)
    assert result.exit_code == 2, result.output


def test_cli_telegram_api_says_what_it_needs(sqlite_url):
    result = CliRunner().invoke(
        cli, ["sources", "add", "telegram-api", "@example_gov", "--db", sqlite_url]
    )
    assert result.exit_code == 0
    assert "skyledger sources telegram-login" in result.output


@pytest.mark.parametrize(
    "command",
    [
        ("sources",),
        ("sources", "add"),
        ("sources", "list"),
        ("sources", "remove"),
        ("sources", "enable"),
        ("sources", "disable"),
        ("sources", "telegram-login"),
        ("watch",),
    ],
)
def test_help_has_an_example(command):
    result = invoke(*command, "--help")
    assert result.exit_code == 0 and "Example:" in result.output
