"""The parser process: untrusted inputs parsed apart, bounded in time and memory."""

from __future__ import annotations

import time

import pytest

from skyledger.sources.isolation import ParseFailed, ParserProcess

# A page whose one paragraph has 200,000 attributes: minutes of libxml2 (issue 16).
HOSTILE_PAGE = (
    "<html><head><title>Drones</title></head><body><article><p "
    + " ".join(f'a{i}="x"' for i in range(200_000))
    + ">Air defence destroyed three drones over the region overnight.</p></article></body></html>"
).encode()


@pytest.fixture
def parser():
    process = ParserProcess(seconds=2)
    yield process
    process.close()


def test_items_come_back_in_order_and_the_process_is_reused(parser):
    assert list(parser.run(range, 500)) == list(range(500))
    first = parser._process.pid
    assert list(parser.run(range, 3)) == [0, 1, 2]
    assert parser._process.pid == first


def test_a_parse_past_its_deadline_is_killed_and_the_next_one_runs(parser):
    started = time.monotonic()
    with pytest.raises(ParseFailed, match="parsing took longer than 2 s"):
        list(parser.run(time.sleep, 60))
    assert time.monotonic() - started < 10
    assert list(parser.run(range, 2)) == [0, 1]


def test_a_parse_over_its_memory_fails_with_a_reason(parser):
    with pytest.raises(ParseFailed, match="parsing needs more than 450 MB"):
        list(parser.run(bytearray, 2_000_000_000))
    assert list(parser.run(range, 1)) == [0]


def test_a_parser_error_fails_only_that_input(parser):
    with pytest.raises(ParseFailed, match="cannot parse: TypeError"):
        list(parser.run(len, 5))
    assert list(parser.run(range, 1)) == [0]


def test_a_caller_that_stops_reading_leaves_no_stale_items(parser):
    items = parser.run(range, 10_000)
    assert next(items) == 0
    items.close()
    assert list(parser.run(range, 2)) == [0, 1]


@pytest.mark.slow
def test_ingest_fails_the_hostile_page_in_time_and_stores_the_good_file(run_cli, tmp_path):
    folder = tmp_path / "in"
    folder.mkdir()
    (folder / "a-hostile.html").write_bytes(HOSTILE_PAGE)
    (folder / "b-good.txt").write_text(
        "Над Брянской областью уничтожены 3 беспилотника.", encoding="utf-8"
    )
    started = time.monotonic()
    result = run_cli("ingest", str(folder), "--db", f"sqlite:///{tmp_path / 'l.db'}")
    assert time.monotonic() - started < 60  # the page's own share is the 10 s deadline
    assert result.returncode == 1
    assert f"error: {folder / 'a-hostile.html'}: parsing took longer than 10 s" in result.stderr
    assert "stored 1" in result.stdout and "failed 1" in result.stdout
