"""telegram-api sources: Telethon messages (real Telethon types) served by a stand-in client."""

from __future__ import annotations

import logging
import sys
from datetime import UTC, datetime

import pytest

from skyledger.follow.registry import SourceEntry, add_source, get_source
from skyledger.follow.watch import watch
from skyledger.ledger import Ledger
from skyledger.sources.live.http import Fetcher
from skyledger.sources.live.poll import PollError

types = pytest.importorskip("telethon.tl.types")
from skyledger.sources.live import telegram_api  # noqa: E402

CHANNEL = "example_gov"
WHEN = datetime(2026, 11, 25, 5, 0, tzinfo=UTC)


def message(number: int, text: str | None, **fields):
    return types.Message(
        id=number, peer_id=types.PeerChannel(1001), date=WHEN, message=text, **fields
    )


def forwarded(name: str):
    return types.MessageFwdHeader(date=WHEN, from_name=name)


class StandInClient:
    """What the code uses of Telethon's client, over a list of messages (newest first)."""

    def __init__(self, messages, authorized: bool = True):
        self.messages = sorted(messages, key=lambda m: m.id, reverse=True)
        self.authorized = authorized
        self.calls: list[dict] = []
        self.connected = False

    def connect(self):
        self.connected = True

    def disconnect(self):
        self.connected = False

    def is_user_authorized(self):
        return self.authorized

    def iter_messages(self, entity, limit=None, *, min_id=0, max_id=0):
        self.calls.append({"entity": entity, "limit": limit, "min_id": min_id, "max_id": max_id})
        found = [m for m in self.messages if m.id > min_id and (not max_id or m.id < max_id)]
        return iter(found[:limit] if limit else found)


@pytest.mark.parametrize(
    ("item", "expected"),
    [
        (
            message(1, "Над регионом сбиты два беспилотника."),
            (1, "Над регионом сбиты два беспилотника.", False, None),
        ),
        (message(2, "  Corrected figure.  ", edit_date=WHEN), (2, "Corrected figure.", True, None)),
        (
            message(3, "Their statement.", fwd_from=forwarded("Ministry of Defence")),
            (3, "Their statement.", False, "Ministry of Defence"),
        ),
        (message(4, ""), None),  # a photo without caption
        (message(5, None), None),
        (
            types.MessageService(
                id=6,
                peer_id=types.PeerChannel(1001),
                date=WHEN,
                action=types.MessageActionPinMessage(),
            ),
            None,
        ),
    ],
)
def test_message_post(item, expected):
    post = telegram_api.message_post(item, CHANNEL)
    got = None if post is None else (post.id, post.text, post.edited, post.forwarded_from)
    assert got == expected
    if post is not None:
        assert post.published == WHEN and post.key == f"{CHANNEL}/{item.id}"


@pytest.fixture
def ledger(sqlite_url):
    with Ledger(sqlite_url) as opened:
        yield opened


def use_client(monkeypatch, client) -> None:
    monkeypatch.setattr(telegram_api, "telethon_client", lambda: client)


def test_new_messages_then_nothing_then_one_and_an_edit(ledger, monkeypatch):
    entry = add_source(ledger.engine, "telegram-api", "@example_gov", claimant="Regional governor")
    client = StandInClient([message(10, "Two drones destroyed."), message(11, "Alert lifted.")])
    use_client(monkeypatch, client)
    with Fetcher(host_interval=0) as fetcher:
        assert watch(ledger.engine, fetcher, once=True).stored == 2
        assert watch(ledger.engine, fetcher, once=True).stored == 0
        client.messages.insert(
            0, message(12, "Debris found in a field.", fwd_from=forwarded("District head"))
        )
        assert watch(ledger.engine, fetcher, once=True).stored == 1
        client.messages[-1] = message(10, "Three drones destroyed.", edit_date=WHEN)
        assert watch(ledger.engine, fetcher, once=True).stored == 1
    assert get_source(ledger.engine, entry.id).state["last_id"] == 12
    assert not client.connected and client.calls[0]["entity"] == CHANNEL


def test_catching_up_reads_back_to_the_last_id():
    client = StandInClient([message(n, f"Message {n}.") for n in range(1, 61)])
    posts = telegram_api.fetch_posts(client, CHANNEL, last_id=25)
    assert client.calls[1] == {
        "entity": CHANNEL,
        "limit": telegram_api.MAX_NEW,
        "min_id": 25,
        "max_id": 41,
    }
    assert sorted(post.id for post in posts) == list(range(26, 61))


def test_not_logged_in_is_a_failure_that_says_what_to_do(ledger, monkeypatch, caplog):
    add_source(ledger.engine, "telegram-api", "@example_gov")
    use_client(monkeypatch, StandInClient([], authorized=False))
    with (
        Fetcher(host_interval=0) as fetcher,
        caplog.at_level(logging.WARNING, logger="skyledger.watch"),
    ):
        summary = watch(ledger.engine, fetcher, once=True)
    assert not summary.ok and "skyledger sources telegram-login" in caplog.text


def test_api_errors_become_poll_errors(monkeypatch):
    class Failing(StandInClient):
        def iter_messages(self, *args, **kwargs):
            raise ConnectionError("network is unreachable")

    entry = SourceEntry(id=1, kind="telegram-api", name="@example_gov")
    with pytest.raises(PollError, match="network is unreachable"):
        telegram_api.poll_telegram_api(
            entry.as_source(), entry.state, client_factory=lambda: Failing([])
        )


def test_missing_credentials_skip_the_source(ledger, monkeypatch, caplog):
    monkeypatch.delenv(telegram_api.ENV_API_ID, raising=False)
    add_source(ledger.engine, "telegram-api", "@example_gov")
    with (
        Fetcher(host_interval=0) as fetcher,
        caplog.at_level(logging.WARNING, logger="skyledger.watch"),
    ):
        summary = watch(ledger.engine, fetcher, once=True)
    assert summary.ok and summary.skipped_sources and telegram_api.ENV_API_ID in caplog.text


def test_without_telethon_the_extra_is_named(ledger, monkeypatch, caplog):
    monkeypatch.setitem(sys.modules, "telethon.sync", None)  # import fails as if not installed
    add_source(ledger.engine, "telegram-api", "@example_gov")
    with (
        Fetcher(host_interval=0) as fetcher,
        caplog.at_level(logging.WARNING, logger="skyledger.watch"),
    ):
        watch(ledger.engine, fetcher, once=True)
    assert "pip install 'skyledger[telegram]'" in caplog.text
