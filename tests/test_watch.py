"""`watch`: polling local fixture sources that change between polls (nothing leaves 127.0.0.1)."""

from __future__ import annotations

import logging
import os
import queue
import signal
import subprocess
import sys
import threading
import time
from datetime import UTC, datetime, timedelta

import pytest
from sqlalchemy import select

from conftest import cli_env
from live_fixtures import Entry, FixtureServer, Post, feed_xml, preview_page
from skyledger.follow.registry import add_source, get_source, list_sources, save_state
from skyledger.follow.watch import backoff_seconds, is_due, next_due, watch
from skyledger.ledger import Ledger
from skyledger.records import Report, Source
from skyledger.sources.live.http import Fetcher, FetchError
from skyledger.sources.live.poll import fresh_reports
from skyledger.store.schema import reports

CHANNEL = "example_gov"
FIRST_ENTRIES = [
    Entry(
        "n1",
        "Drones over the region",
        "Air defence destroyed five drones over the region overnight.",
    ),
    Entry(
        "n2",
        "Missile alert lifted",
        "The missile alert was lifted at 06:10 local time, officials said.",
    ),
]
NEW_ENTRY = Entry(
    "n3", "Debris found", "Debris of a downed drone fell on a field; nobody was hurt."
)
POSTS = [
    Post(101, "Над областью уничтожены три беспилотника."),
    Post(102, "Над областю збито два ударні дрони.<br>Постраждалих немає."),
]


@pytest.fixture
def server():
    running = FixtureServer().start()
    yield running
    running.stop()


@pytest.fixture
def ledger(db_url):
    with Ledger(db_url) as opened:
        yield opened


@pytest.fixture
def fetcher():
    with Fetcher(timeout=0.5, host_interval=0) as opened:
        yield opened


def stored_ids(ledger) -> list[str]:
    with ledger.engine.connect() as conn:
        return list(conn.execute(select(reports.c.external_id).order_by(reports.c.id)).scalars())


def run_once(ledger, fetcher):
    return watch(ledger.engine, fetcher, once=True)


def report(external_id: str, text: str) -> Report:
    return Report(source=Source(kind="rss", name="feed"), external_id=external_id, text=text)


@pytest.mark.parametrize(
    ("recent", "served", "fresh_ids"),
    [
        ({}, [("a", "One."), ("b", "Two.")], ["a", "b"]),
        ({"a": "x"}, [("a", "One.")], ["a@edit-"]),  # text changed since it was stored
        ({}, [("a", "One."), ("a", "One.")], ["a"]),  # served twice in one poll
        ({}, [("a", "One  drone.")], ["a"]),
    ],
)
def test_fresh_reports(recent, served, fresh_ids):
    fresh = fresh_reports([report(i, t) for i, t in served], recent)
    assert [
        r.external_id[: len(want)] for r, want in zip(fresh, fresh_ids, strict=True)
    ] == fresh_ids


def test_fresh_reports_ignores_white_space_changes_and_keeps_served_ids():
    recent: dict[str, str] = {}
    fresh_reports([report("a", "One drone.")], recent)
    assert fresh_reports([report("a", " One  drone.\n")], recent) == []
    many = [report(str(n), f"Text {n}.") for n in range(400)]
    assert len(fresh_reports(many, recent)) == 400
    assert fresh_reports(many, recent) == []  # all 400 still remembered


def test_feed_new_then_nothing_then_one(ledger, fetcher, server):
    server.serve(
        "/feed.xml", feed_xml(FIRST_ENTRIES), content_type="application/rss+xml", conditional=True
    )
    add_source(ledger.engine, "rss", server.url("/feed.xml"), claimant="Regional administration")
    assert run_once(ledger, fetcher).stored == 2
    assert run_once(ledger, fetcher).stored == 0
    assert server.hits("/feed.xml")[-1].get("If-None-Match")  # asked conditionally: 304
    server.serve(
        "/feed.xml",
        feed_xml([*FIRST_ENTRIES, NEW_ENTRY]),
        content_type="application/rss+xml",
        conditional=True,
    )
    assert run_once(ledger, fetcher).stored == 1
    assert stored_ids(ledger) == ["n1", "n2", "n3"]


def test_feed_with_last_modified_only(ledger, fetcher, server):
    def serve(entries, modified):
        body = feed_xml(entries)
        server.serve(
            "/lm.xml",
            body,
            content_type="application/rss+xml",
            conditional=True,
            send_etag=False,
            last_modified=modified,
        )

    serve(FIRST_ENTRIES, "Wed, 25 Nov 2026 08:00:00 GMT")
    add_source(ledger.engine, "rss", server.url("/lm.xml"))
    assert run_once(ledger, fetcher).stored == 2
    assert run_once(ledger, fetcher).stored == 0
    assert server.hits("/lm.xml")[-1]["If-Modified-Since"] == "Wed, 25 Nov 2026 08:00:00 GMT"
    assert "If-None-Match" not in server.hits("/lm.xml")[-1]
    serve([*FIRST_ENTRIES, NEW_ENTRY], "Wed, 25 Nov 2026 09:00:00 GMT")
    assert run_once(ledger, fetcher).stored == 1


def test_feed_without_validators_stores_nothing_twice(ledger, fetcher, server):
    server.serve("/plain.xml", feed_xml(FIRST_ENTRIES), content_type="application/rss+xml")
    add_source(ledger.engine, "rss", server.url("/plain.xml"))
    assert [run_once(ledger, fetcher).stored for _ in range(3)] == [2, 0, 0]


def test_channel_new_posts_edits_and_forwards(ledger, fetcher, server):
    server.serve(f"/s/{CHANNEL}", preview_page(CHANNEL, POSTS))
    add_source(
        ledger.engine, "telegram-web", server.url(f"/s/{CHANNEL}"), claimant="Regional governor"
    )
    assert run_once(ledger, fetcher).stored == 2
    assert run_once(ledger, fetcher).stored == 0

    forwarded = Post(
        103, "Minister: 40 drones destroyed overnight.", forwarded_from="Ministry of Defence"
    )
    server.serve(f"/s/{CHANNEL}", preview_page(CHANNEL, [*POSTS, forwarded]))
    assert run_once(ledger, fetcher).stored == 1

    edited = Post(102, "Над областю збито три ударні дрони.<br>Постраждалих немає.", edited=True)
    server.serve(f"/s/{CHANNEL}", preview_page(CHANNEL, [POSTS[0], edited, forwarded]))
    assert run_once(ledger, fetcher).stored == 1
    assert run_once(ledger, fetcher).stored == 0  # the same edit is not stored twice

    ids = stored_ids(ledger)
    assert ids[:3] == [f"{CHANNEL}/101", f"{CHANNEL}/102", f"{CHANNEL}/103"]
    assert ids[3].startswith(f"{CHANNEL}/102@edit-")
    (entry,) = list_sources(ledger.engine)
    assert entry.state["last_id"] == 103


def test_channel_catches_up_through_older_pages(ledger, fetcher, server):
    add_source(ledger.engine, "telegram-web", server.url(f"/s/{CHANNEL}"))
    server.serve(f"/s/{CHANNEL}", preview_page(CHANNEL, [Post(10, "Post 10.")]))
    assert run_once(ledger, fetcher).stored == 1
    # Fifteen posts later the first page no longer reaches post 10.
    server.serve(
        f"/s/{CHANNEL}", preview_page(CHANNEL, [Post(n, f"Post {n}.") for n in range(20, 26)])
    )
    server.serve(
        f"/s/{CHANNEL}?before=20",
        preview_page(CHANNEL, [Post(n, f"Post {n}.") for n in range(8, 20)]),
    )
    assert run_once(ledger, fetcher).stored == 15
    assert len(stored_ids(ledger)) == 16


def test_failing_sources_are_logged_and_the_others_go_on(ledger, fetcher, server, caplog):
    server.serve("/feed.xml", feed_xml(FIRST_ENTRIES), content_type="application/rss+xml")
    server.serve("/broken.xml", "Internal error", status=500)
    server.serve(
        "/junk.xml", "<rss><channel><item><title>unclosed", content_type="application/rss+xml"
    )
    server.serve(f"/s/{CHANNEL}", "<html><body>Something else entirely</body></html>")
    server.serve("/slow.xml", feed_xml([NEW_ENTRY]), content_type="application/rss+xml", delay=1.5)
    server.serve("/garbled", b"\x00\x9f\x92\x96 not a page", content_type="text/html")
    failing = [
        add_source(ledger.engine, "web", server.url("/garbled")),
        add_source(ledger.engine, "rss", server.url("/broken.xml")),
        add_source(ledger.engine, "rss", server.url("/junk.xml")),
        add_source(ledger.engine, "telegram-web", server.url(f"/s/{CHANNEL}")),
        add_source(ledger.engine, "rss", server.url("/slow.xml")),
    ]
    add_source(ledger.engine, "rss", server.url("/feed.xml"))
    with caplog.at_level(logging.INFO, logger="skyledger.watch"):
        summary = run_once(ledger, fetcher)
    assert summary.stored == 2 and not summary.ok
    assert sorted(summary.failed_sources) == sorted(entry.id for entry in failing)
    failures = [record.getMessage() for record in caplog.records if "failed" in record.getMessage()]
    assert len(failures) == 5  # one line a failing source
    text = "\n".join(failures)
    assert "HTTP 500" in text and "timed out" in text and "no posts on the preview page" in text
    assert "no readable entry in the feed" in text and "next try in" in text
    assert "binary" in text  # the garbled page
    broken = get_source(ledger.engine, failing[1].id)
    assert (
        broken.state["failures"] == 1
        and broken.state["last_error"] == "HTTP 500 Internal Server Error"
    )


def test_back_off_grows_and_resets(ledger, fetcher, server):
    server.serve("/broken.xml", "Internal error", status=500)
    entry = add_source(ledger.engine, "rss", server.url("/broken.xml"), every="1m")
    run_once(ledger, fetcher)
    run_once(ledger, fetcher)
    failing = get_source(ledger.engine, entry.id)
    assert failing.state["failures"] == 2
    assert not is_due(failing, datetime.now(UTC) + timedelta(seconds=200))  # 60 s * 2**2
    assert is_due(failing, datetime.now(UTC) + timedelta(seconds=241))
    server.serve("/broken.xml", feed_xml(FIRST_ENTRIES), content_type="application/rss+xml")
    assert run_once(ledger, fetcher).stored == 2
    healthy = get_source(ledger.engine, entry.id)
    assert "failures" not in healthy.state and "retry_at" not in healthy.state
    assert next_due(healthy) == healthy.last_polled + timedelta(seconds=60)


def test_retry_after_is_honoured(ledger, fetcher, server):
    server.serve("/busy.xml", "Too many requests", status=429, headers={"Retry-After": "7200"})
    entry = add_source(ledger.engine, "rss", server.url("/busy.xml"), every="1m")
    run_once(ledger, fetcher)
    waiting = get_source(ledger.engine, entry.id)
    assert waiting.state["last_error"] == "HTTP 429 Too Many Requests"
    assert not is_due(waiting, datetime.now(UTC) + timedelta(seconds=7000))


@pytest.mark.parametrize(
    ("every", "failures", "pause"),
    [(60, 1, 120), (60, 2, 240), (60, 5, 1920), (60, 6, 3600), (60, 30, 3600), (7200, 1, 7200)],
)
def test_backoff_seconds(every, failures, pause):
    assert backoff_seconds(every, failures) == pause


def test_only_due_sources_are_polled(ledger, fetcher, server):
    server.serve("/recent.xml", feed_xml(FIRST_ENTRIES), content_type="application/rss+xml")
    server.serve("/never.xml", feed_xml([NEW_ENTRY]), content_type="application/rss+xml")
    recent = add_source(ledger.engine, "rss", server.url("/recent.xml"), every="1h")
    save_state(ledger.engine, recent.id, {}, datetime.now(UTC) - timedelta(minutes=5))
    add_source(ledger.engine, "rss", server.url("/never.xml"), every="1h")
    stop = threading.Event()
    threading.Timer(0.5, stop.set).start()  # ends the loop while it waits for the next due source
    summary = watch(ledger.engine, fetcher, stop=stop)
    assert summary.polls == 1 and summary.stored == 1
    assert (len(server.hits("/recent.xml")), len(server.hits("/never.xml"))) == (0, 1)


def test_folder_new_files_once_each(ledger, fetcher, tmp_path):
    drop = tmp_path / "drop"
    drop.mkdir()
    add_source(ledger.engine, "folder", str(drop), claimant="Press office")
    settled = time.time() - 60

    def write(name: str, text: str) -> None:
        (drop / name).write_text(text, encoding="utf-8")
        os.utime(drop / name, (settled, settled))

    write("a.txt", "Two drones were destroyed over the district this morning.")
    write("b.txt", "A glide bomb hit a warehouse; three people were injured.")
    (drop / "fresh.txt").write_text("Still being copied.", encoding="utf-8")  # too new: next poll
    assert run_once(ledger, fetcher).stored == 2
    assert run_once(ledger, fetcher).stored == 0
    write("c.txt", "Four missiles were launched from the sea overnight.")
    os.utime(drop / "fresh.txt", (settled, settled))
    assert run_once(ledger, fetcher).stored == 2


def test_web_page_conditional_and_changed(ledger, fetcher, server):
    article = (
        "<html><head><title>Overnight attack</title></head><body><article><h1>Overnight attack</h1>"
        "<p>{}</p><p>The regional administration published the figures in the morning.</p></article></body></html>"
    )
    server.serve(
        "/news/1",
        article.format("Eleven drones were shot down over the region overnight."),
        conditional=True,
    )
    add_source(ledger.engine, "web", server.url("/news/1"))
    assert run_once(ledger, fetcher).stored == 1
    assert run_once(ledger, fetcher).stored == 0
    server.serve(
        "/news/1",
        article.format("Twelve drones were shot down over the region overnight."),
        conditional=True,
    )
    assert run_once(ledger, fetcher).stored == 1
    first, updated = stored_ids(ledger)
    assert first == server.url("/news/1") and updated.startswith(first + "@edit-")


def test_user_agent_names_skyledger(fetcher, server):
    server.serve("/page", "<html></html>")
    fetcher.get(server.url("/page"))
    assert server.hits("/page")[0]["User-Agent"].startswith("skyledger/")


def test_polite_pause_between_requests_to_one_host(server):
    server.serve("/page", "<html></html>")
    with Fetcher(host_interval=0.4) as polite:
        started = time.monotonic()
        polite.get(server.url("/page"))
        polite.get(server.url("/page"))
        assert time.monotonic() - started >= 0.4
        polite.stop.set()  # shutting down cuts the pause short
        started = time.monotonic()
        polite.get(server.url("/page"))
        assert time.monotonic() - started < 0.3


def test_missing_page_is_a_fetch_error(fetcher, server):
    with pytest.raises(FetchError, match="HTTP 404"):
        fetcher.get(server.url("/nowhere"))


# The command as users run it, in a subprocess.


def count_reports(url: str) -> int:
    with Ledger(url) as opened:
        return opened.stats()["reports"]


@pytest.mark.slow
def test_cli_watch_once_three_times(run_cli, sqlite_url, server):
    server.serve(
        "/feed.xml", feed_xml(FIRST_ENTRIES), content_type="application/rss+xml", conditional=True
    )
    added = run_cli("sources", "add", "rss", server.url("/feed.xml"), "--db", sqlite_url)
    assert added.returncode == 0, added.stderr
    options = ("watch", "--once", "--host-interval", "0", "--timeout", "2", "--db", sqlite_url)
    first = run_cli(*options)
    assert first.returncode == 0, first.stderr
    assert "stored 2" in first.stderr and count_reports(sqlite_url) == 2
    second = run_cli(*options)
    assert "not modified" in second.stderr and count_reports(sqlite_url) == 2
    server.serve(
        "/feed.xml",
        feed_xml([*FIRST_ENTRIES, NEW_ENTRY]),
        content_type="application/rss+xml",
        conditional=True,
    )
    third = run_cli(*options)
    assert "stored 1" in third.stderr and count_reports(sqlite_url) == 3


def test_a_trickling_server_fails_its_fetch_within_the_total_deadline(server):
    """A 500-byte feed sent one byte every 2 s would take 1,000 s; every read stays under
    the per-read timeout, so only the total deadline stops it."""
    server.serve("/trickle.xml", "x" * 500, content_type="application/rss+xml", trickle=2.0)
    started = time.monotonic()
    with (
        Fetcher(timeout=5, max_time=3, host_interval=0) as fetcher,
        pytest.raises(FetchError, match=r"no complete answer within 3 s"),
    ):
        fetcher.get(server.url("/trickle.xml"))
    assert time.monotonic() - started < 6


@pytest.mark.slow
def test_cli_watch_a_trickling_feed_fails_and_the_others_are_stored(run_cli, sqlite_url, server):
    server.serve("/trickle.xml", feed_xml([NEW_ENTRY]), content_type="application/rss+xml", trickle=2.0)  # fmt: skip
    server.serve("/feed.xml", feed_xml(FIRST_ENTRIES), content_type="application/rss+xml")
    for path in ("/trickle.xml", "/feed.xml"):
        assert (
            run_cli("sources", "add", "rss", server.url(path), "--db", sqlite_url).returncode == 0
        )
    started = time.monotonic()
    result = run_cli(
        "watch", "--once", "--max-time", "5", "--host-interval", "0", "--db", sqlite_url
    )
    assert time.monotonic() - started < 120  # start-up included; 1,000 s without the deadline
    assert result.returncode == 1, result.stderr
    assert "no complete answer within 5 s" in result.stderr and "next try in" in result.stderr
    assert count_reports(sqlite_url) == 2


@pytest.mark.slow
def test_cli_watch_once_exits_1_when_a_source_fails(run_cli, sqlite_url, server):
    server.serve("/feed.xml", feed_xml(FIRST_ENTRIES), content_type="application/rss+xml")
    server.serve("/broken.xml", "down", status=503)
    for path in ("/broken.xml", "/feed.xml"):
        assert (
            run_cli("sources", "add", "rss", server.url(path), "--db", sqlite_url).returncode == 0
        )
    result = run_cli("watch", "--once", "--host-interval", "0", "--db", sqlite_url)
    assert result.returncode == 1
    assert "HTTP 503" in result.stderr and count_reports(sqlite_url) == 2


def start_watch(sqlite_url: str, tmp_path) -> tuple[subprocess.Popen, queue.Queue]:
    process = subprocess.Popen(
        [
            sys.executable,
            "-m",
            "skyledger",
            "watch",
            "--host-interval",
            "0",
            "--timeout",
            "5",
            "--db",
            sqlite_url,
        ],
        stderr=subprocess.PIPE,
        stdout=subprocess.DEVNULL,
        text=True,
        env=cli_env(HOME=str(tmp_path / "home")),
    )
    lines: queue.Queue = queue.Queue()
    threading.Thread(
        target=lambda: [lines.put(line) for line in process.stderr], daemon=True
    ).start()
    return process, lines


def wait_for(lines: queue.Queue, needle: str, seen: list[str], timeout: float = 30) -> None:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        try:
            line = lines.get(timeout=0.2)
        except queue.Empty:
            continue
        seen.append(line)
        if needle in line:
            return
    raise AssertionError(f"{needle!r} not logged; got:\n{''.join(seen)}")


@pytest.mark.slow
@pytest.mark.parametrize("sig", [signal.SIGTERM, signal.SIGINT])
def test_signal_stops_watch_cleanly(sqlite_url, tmp_path, server, sig):
    server.serve("/feed.xml", feed_xml(FIRST_ENTRIES), content_type="application/rss+xml")
    server.serve("/slow.xml", feed_xml([NEW_ENTRY]), content_type="application/rss+xml", delay=1.5)
    with Ledger(sqlite_url) as opened:
        add_source(opened.engine, "rss", server.url("/feed.xml"))
        add_source(opened.engine, "rss", server.url("/slow.xml"))
    process, lines = start_watch(sqlite_url, tmp_path)
    seen: list[str] = []
    try:
        wait_for(lines, "stored 2", seen)  # the fast feed is in
        deadline = time.monotonic() + 10
        while not server.hits("/slow.xml") and time.monotonic() < deadline:
            time.sleep(0.05)
        process.send_signal(sig)  # while the slow feed is being fetched
        assert process.wait(timeout=15) == 0
    finally:
        if process.poll() is None:
            process.kill()
    time.sleep(0.2)
    while not lines.empty():
        seen.append(lines.get())
    log = "".join(seen)
    assert f"{sig.name} received" in log and "Traceback" not in log
    assert count_reports(sqlite_url) == 3  # the slow source was finished and stored before exiting
