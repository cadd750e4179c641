"""`skyledger ingest` end to end: formats, idempotence, bad inputs, summaries and exit codes."""

from __future__ import annotations

import json
import os
import pty
import shutil
import subprocess
import sys
import tracemalloc
from pathlib import Path

import pytest
from click.testing import CliRunner
from sqlalchemy.exc import OperationalError

from conftest import cli_env
from skyledger.cli import cli
from skyledger.follow.registry import add_source
from skyledger.ledger import Ledger
from skyledger.sources import read_paths

FIXTURES = Path(__file__).parent / "fixtures"
AS_ROOT = hasattr(os, "geteuid") and os.geteuid() == 0


def invoke(*args: str, env: dict | None = None):
    return CliRunner().invoke(cli, list(args), prog_name="skyledger", env=env)


def stats(url: str) -> dict:
    result = invoke("stats", "--json", "--db", url)
    assert result.exit_code == 0, result.output
    return json.loads(result.stdout)


def jsonl(path: Path, lines: list[str]) -> Path:
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path


def good_line(n: int) -> str:
    return json.dumps({"id": n, "text": f"Report {n}: air defence shot down {n} drones."})


def error_lines(result) -> list[str]:
    return [line for line in result.stderr.splitlines() if line.startswith("error: ")]


# ingest twice ---------------------------------------------------------------


def test_ingest_directory_twice_stores_nothing_new(tmp_path, db_url):
    inputs = tmp_path / "in"
    shutil.copytree(FIXTURES, inputs)
    first = invoke("ingest", str(inputs), "--db", db_url)
    counts = stats(db_url)
    assert counts["reports"] == 16
    assert "read 17, stored 16, already present 0, failed 1" in first.stdout
    second = invoke("ingest", str(inputs), "--db", db_url)
    assert stats(db_url)["reports"] == counts["reports"]
    assert "stored 0, already present 16, failed 1" in second.stdout
    assert "nothing new" in second.stdout
    assert first.exit_code == second.exit_code == 1  # the feed entry without text


def test_ingest_twice_in_real_processes(tmp_path, run_cli):
    (tmp_path / "in").mkdir()
    for n in range(3):
        (tmp_path / "in" / f"{n}.txt").write_text(f"Report {n}: two drones shot down.")
    url = f"sqlite:///{tmp_path / 'in' / 'ledger.db'}"  # the ledger lives among its inputs
    first = run_cli("ingest", "in", "--db", url)
    assert (first.returncode, first.stderr) == (0, ""), (
        first.stderr
    )  # quiet when piped: no progress bar
    assert first.stdout.startswith("read 3, stored 3, already present 0, failed 0")
    second = run_cli("ingest", "in", "--db", url)
    assert (second.returncode, second.stderr) == (0, ""), (
        second.stderr
    )  # ledger files skipped quietly
    assert second.stdout.splitlines() == [
        "read 3, stored 0, already present 3, failed 0; 0 claims",
        "nothing new: every report was already in the ledger",
    ]
    assert json.loads(run_cli("stats", "--json", "--db", url).stdout)["reports"] == 3


def test_same_text_in_two_files_is_stored_once(tmp_path, sqlite_url):
    (tmp_path / "a.txt").write_text("Four drones shot down over the port.")
    (tmp_path / "b.md").write_text("Four drones   shot down\nover the port.\n")
    result = invoke("ingest", str(tmp_path / "a.txt"), str(tmp_path / "b.md"), "--db", sqlite_url)
    assert "read 2, stored 1, already present 1, failed 0" in result.stdout
    assert result.exit_code == 0


# bad input --------------------------------------------------------------------


def test_jsonl_with_broken_line_three(tmp_path, run_cli):
    lines = [good_line(n) for n in range(1, 8)]
    lines[2] = '{"id": 3, "text": "cut off'
    jsonl(tmp_path / "reports.jsonl", lines)
    url = f"sqlite:///{tmp_path / 'ledger.db'}"
    result = run_cli("ingest", "reports.jsonl", "--db", url)
    assert result.returncode == 1
    [error] = error_lines(result)
    assert error.startswith("error: reports.jsonl, line 3: invalid JSON at column ")
    assert "read 7, stored 6, already present 0, failed 1" in result.stdout
    assert json.loads(run_cli("stats", "--json", "--db", url).stdout)["reports"] == 6


def make_bad_inputs(folder: Path) -> dict[str, str]:
    """A folder of bad inputs beside good ones; returns the expected error for each bad one."""
    folder.mkdir()
    (folder / "good.txt").write_text("Three drones were shot down over the bay.")
    (folder / "binary.txt").write_bytes(b"GIF89a\x00\x01\x00\x01")
    (folder / "cp1251.txt").write_bytes("Сбито три беспилотника".encode("cp1251"))
    (folder / "empty.md").write_text("  \n")
    (folder / "huge.txt").write_bytes(b"x" * 1_000_001)
    (folder / "broken-link.txt").symlink_to(folder / "gone.txt")
    os.mkfifo(folder / "pipe.txt")
    jsonl(
        folder / "lines.jsonl",
        [
            good_line(1),
            "{not json",
            '{"id": 3}',
            '{"id": 4, "text": ""}',
            '{"text": "no id"}',
            "Сбито".encode("cp1251").decode("latin-1"),
            good_line(7),
        ],
    )
    return {
        "binary.txt": "binary file (NUL bytes), not a report",
        "broken-link.txt": "broken symbolic link",
        "cp1251.txt": "not UTF-8: byte 0xd1 at offset 0",
        "empty.md": "empty text",
        "huge.txt": "file is 1,000,001 bytes; the limit is 1,000,000",
        "lines.jsonl, line 2": "invalid JSON at column 2",
        "lines.jsonl, line 3, record 3": "missing field(s): text",
        "lines.jsonl, line 4, record 4": "empty text",
        "lines.jsonl, line 5": "missing field(s): id",
        "lines.jsonl, line 6": "invalid JSON at column 1",
        "pipe.txt": "not a regular file",
    }


def test_each_bad_input_is_named_and_the_rest_goes_on(tmp_path, sqlite_url):
    expected = make_bad_inputs(tmp_path / "in")
    result = invoke("ingest", str(tmp_path / "in"), "--db", sqlite_url)
    assert result.exit_code == 1
    errors = error_lines(result)
    assert len(errors) == len(expected), result.stderr
    for where, message in expected.items():
        prefix = f"error: {tmp_path / 'in' / where}: "
        assert any(line.startswith(prefix) and message in line for line in errors), (
            where,
            result.stderr,
        )
    counts = stats(sqlite_url)
    assert counts["reports"] == 3
    summary = f"read 14, stored 3, already present 0, failed 11; {counts['claims']} claims"
    assert summary in result.stdout


@pytest.mark.skipif(
    AS_ROOT, reason="root reads files whatever their mode; broken links and pipes cover it"
)
def test_unreadable_file(tmp_path, sqlite_url):
    locked = tmp_path / "locked.txt"
    locked.write_text("x")
    locked.chmod(0)
    result = invoke("ingest", str(locked), "--db", sqlite_url)
    assert result.exit_code == 1
    assert f"error: {locked}: cannot read: Permission denied" in result.stderr


def test_missing_path_is_an_input_error(tmp_path, sqlite_url):
    (tmp_path / "ok.txt").write_text("One drone shot down.")
    result = invoke("ingest", str(tmp_path / "nope"), str(tmp_path / "ok.txt"), "--db", sqlite_url)
    assert result.exit_code == 1
    assert f"error: {tmp_path / 'nope'}: no such file or directory" in result.stderr
    assert "stored 1" in result.stdout


@pytest.mark.slow
def test_fifty_megabyte_line(tmp_path, sqlite_url):
    path = tmp_path / "big.jsonl"
    with path.open("wb") as handle:
        handle.write(good_line(1).encode() + b"\n")
        handle.write(b'{"id": 2, "text": "')
        chunk = b"x" * (1 << 20)
        for _ in range(50):
            handle.write(chunk)
        handle.write(b'"}\n')
        handle.write(good_line(3).encode() + b"\n")
    tracemalloc.start()
    try:
        items = list(read_paths([path]))
        _, peak = tracemalloc.get_traced_memory()
    finally:
        tracemalloc.stop()
    assert peak < 10_000_000, f"reading a 50 MB line peaked at {peak:,} bytes"
    assert [getattr(i, "line", None) for i in items] == [None, 2, None]
    result = invoke("ingest", str(path), "--db", sqlite_url)
    assert result.exit_code == 1
    [error] = error_lines(result)
    assert error == f"error: {path}, line 2: line is 52,428,822 bytes; the limit is 2,000,000"
    assert "read 3, stored 2, already present 0, failed 1" in result.stdout


def test_summary_as_json(tmp_path, sqlite_url):
    jsonl(tmp_path / "r.jsonl", [good_line(1), "oops"])
    result = invoke("ingest", str(tmp_path / "r.jsonl"), "--json", "--db", sqlite_url)
    assert result.exit_code == 1
    assert json.loads(result.stdout) == {
        "read": 2,
        "stored": 1,
        "edits": 0,
        "already_present": 0,
        "failed": 1,
        "claims": stats(sqlite_url)["claims"],
        "nothing_new": False,
    }


@pytest.mark.parametrize(
    ("setup", "why"),
    [
        (lambda d: None, "no reports found in the given paths"),
        (lambda d: (d / "e.txt").write_text(""), "no input could be read"),
    ],
)
def test_nothing_new_says_why(tmp_path, sqlite_url, setup, why):
    (tmp_path / "in").mkdir()
    setup(tmp_path / "in")
    result = invoke("ingest", str(tmp_path / "in"), "--db", sqlite_url)
    assert f"nothing new: {why}" in result.stdout


# formats end to end ---------------------------------------------------------------


@pytest.mark.parametrize(
    ("fixture", "reports", "exit_code", "sources"),
    [
        ("telegram/result.json", 4, 0, 1),
        ("feeds/updates.atom", 2, 0, 1),
        ("feeds/news.rss", 2, 1, 1),
        ("html/article.html", 1, 0, 1),
        ("text", 3, 0, 1),
        ("jsonl/reports.jsonl", 4, 0, 2),  # example.org, and lines that name no outlet
    ],
)
def test_formats_end_to_end(sqlite_url, fixture, reports, exit_code, sources):
    result = invoke("ingest", str(FIXTURES / fixture), "--db", sqlite_url)
    assert result.exit_code == exit_code, result.output
    counts = stats(sqlite_url)
    assert counts["reports"] == reports
    assert counts["sources"] == sources


def test_feed_error_names_the_entry(sqlite_url):
    result = invoke("ingest", str(FIXTURES / "feeds" / "news.rss"), "--db", sqlite_url)
    assert error_lines(result) == [
        f"error: {FIXTURES / 'feeds' / 'news.rss'}, record news-1003: entry has no text"
    ]


def test_languages_detected_and_given(tmp_path, sqlite_url):
    invoke("ingest", str(FIXTURES / "telegram" / "result.json"), "--db", sqlite_url)
    assert stats(sqlite_url)["reports_by_lang"] == {"en": 1, "ru": 2, "uk": 1}
    (tmp_path / "note.txt").write_text("Сили ППО")
    invoke("ingest", str(tmp_path / "note.txt"), "--lang", "uk", "--db", sqlite_url)
    assert stats(sqlite_url)["reports_by_lang"]["uk"] == 2


def test_claimant_option_keeps_sources_apart(tmp_path, sqlite_url):
    # message ids repeat across channels; a default claimant must not merge the channels
    for channel in ("one", "two"):
        (tmp_path / channel).mkdir()
        export = {
            "name": channel,
            "messages": [{"id": 1, "type": "message", "text": f"Channel {channel}: drones."}],
        }
        (tmp_path / channel / "result.json").write_text(json.dumps(export))
    result = invoke("ingest", str(tmp_path), "--claimant", "Governor", "--db", sqlite_url)
    assert "stored 2" in result.stdout, result.output
    assert stats(sqlite_url)["sources"] == 2


# usage and ledger errors ------------------------------------------------------------


@pytest.mark.parametrize(
    "args",
    [
        ["ingest"],
        ["ingest", "x", "--batch-size", "0"],
        ["ingest", "x", "--lang", "fr"],
        ["ingest", "x", "--no-such-option"],
    ],
)
def test_usage_errors_exit_2(args, sqlite_url):
    result = invoke(*args, "--db", sqlite_url)
    assert result.exit_code == 2
    assert "Usage: skyledger ingest" in result.stderr


@pytest.mark.parametrize(
    "url",
    [
        "nosuchdb://x",
        "sqlite:////proc/no/such/dir/ledger.db",
        "postgresql+psycopg://u@127.0.0.1:1/x",
    ],
)
def test_bad_ledger_url(tmp_path, url):
    (tmp_path / "a.txt").write_text("x")
    result = invoke("ingest", str(tmp_path / "a.txt"), "--db", url)
    assert result.exit_code == 1
    assert result.stderr.startswith("error: ")
    assert "Traceback" not in result.output
    assert ("cannot open ledger" in result.stderr) or ("not a database URL" in result.stderr)


def test_ledger_from_environment(tmp_path):
    (tmp_path / "a.txt").write_text("One drone shot down.")
    url = f"sqlite:///{tmp_path / 'env.db'}"
    result = invoke("ingest", str(tmp_path / "a.txt"), env={"SKYLEDGER_DB": url})
    assert result.exit_code == 0, result.output
    assert stats(url)["reports"] == 1


def test_ledger_that_fails_mid_way_stops_with_a_clear_error(tmp_path, sqlite_url, monkeypatch):
    def full_disk(engine, batch, **_options):
        raise OperationalError("INSERT", {}, Exception("database or disk is full"))

    monkeypatch.setattr("skyledger.ingest.save_batch", full_disk)
    (tmp_path / "a.txt").write_text("One drone shot down.")
    result = invoke("ingest", str(tmp_path / "a.txt"), "--db", sqlite_url)
    assert result.exit_code == 1
    assert result.stderr.strip() == (
        "error: cannot write to the ledger: the disk is full (database or disk is full)"
    )
    assert "Traceback" not in result.output


def test_progress_bar_on_a_terminal_only(tmp_path):
    """On a terminal stderr shows progress; piped (every other test) it stays quiet."""
    (tmp_path / "a.txt").write_text("One drone shot down.")
    leader, follower = pty.openpty()
    process = subprocess.Popen(
        [
            sys.executable,
            "-m",
            "skyledger",
            "ingest",
            "a.txt",
            "--db",
            f"sqlite:///{tmp_path / 'l.db'}",
        ],
        cwd=tmp_path,
        env=cli_env(TERM="xterm", COLUMNS="100"),
        stdout=subprocess.PIPE,
        stderr=follower,
    )
    os.close(follower)
    out, _ = process.communicate(timeout=120)
    seen = b""
    while True:
        try:
            chunk = os.read(leader, 65536)
        except OSError:
            break
        if not chunk:
            break
        seen += chunk
    os.close(leader)
    assert process.returncode == 0
    assert out.decode().startswith("read 1, stored 1")
    assert b"ingesting" in seen


def test_defaults_reach_the_extractor(tmp_path, sqlite_url, monkeypatch):
    seen = []
    monkeypatch.setattr(
        "skyledger.ingest.extract",
        lambda text, published, lang, claimant: seen.append((lang, claimant)) or [],
    )
    (tmp_path / "a.txt").write_text("Над містом збито два дрони.")
    jsonl(
        tmp_path / "b.jsonl",
        [json.dumps({"id": 1, "text": "Two drones.", "lang": "en", "claimant": "Mayor"})],
    )
    result = invoke(
        "ingest", str(tmp_path), "--claimant", "Governor", "--lang", "ru", "--db", sqlite_url
    )
    assert result.exit_code == 0, result.output
    # a.txt states nothing and takes both defaults; the JSON line's own fields win
    assert seen == [("ru", "Governor"), ("en", "Mayor")]


def test_interrupted_ingest_says_how_to_finish(tmp_path, sqlite_url, monkeypatch):
    def interrupted(paths):
        raise KeyboardInterrupt
        yield

    monkeypatch.setattr("skyledger.cli.ingest_cmd.read_paths", interrupted)
    result = invoke("ingest", str(tmp_path), "--db", sqlite_url)
    assert result.exit_code == 130
    assert "run the same command again to finish" in result.stderr


# new text under a known id ---------------------------------------------------


def test_edited_text_file_is_stored_as_an_edit(tmp_path, db_url):
    report = tmp_path / "kaluga.txt"
    report.write_text("Air defence shot down three drones over Kaluga region.", encoding="utf-8")
    assert invoke("ingest", str(report), "--db", db_url).exit_code == 0
    report.write_text("Air defence shot down five drones over Kaluga region.", encoding="utf-8")
    again = invoke("ingest", str(report), "--db", db_url)
    assert again.exit_code == 0, again.output
    assert "stored 1 (1 as edits of a known id)" in again.stdout
    assert stats(db_url)["reports"] == 2  # the first text is kept beside the edit


def test_two_lines_sharing_an_id_keep_both_texts(tmp_path, db_url):
    lines = [
        json.dumps({"id": "post-7", "text": "Two drones were shot down over Bryansk region."}),
        json.dumps({"id": "post-7", "text": "Four drones were shot down over Bryansk region."}),
    ]
    result = invoke("ingest", str(jsonl(tmp_path / "r.jsonl", lines)), "--json", "--db", db_url)
    assert result.exit_code == 0, result.output
    summary = json.loads(result.stdout)
    assert (summary["stored"], summary["edits"], summary["already_present"]) == (2, 1, 0)


def test_an_id_too_long_to_store_is_an_error_never_cut(tmp_path, db_url):
    shared_start = "x" * 1_000
    lines = [
        json.dumps(
            {"id": shared_start + "a", "text": "One drone was shot down over Kursk region."}
        ),
        json.dumps(
            {"id": shared_start + "b", "text": "Two drones were shot down over Kursk region."}
        ),
        good_line(3),
    ]
    result = invoke("ingest", str(jsonl(tmp_path / "r.jsonl", lines)), "--db", db_url)
    assert result.exit_code == 1
    errors = error_lines(result)
    assert len(errors) == 2 and all(
        "r.jsonl" in e and "id is 1,001 characters" in e for e in errors
    )
    assert stats(db_url)["reports"] == 1  # the good line is stored


# sources are outlets ---------------------------------------------------------------


def test_exports_name_the_outlet_never_the_input_file(tmp_path, sqlite_url):
    folder = tmp_path / "analyst" / "private"
    folder.mkdir(parents=True)
    jsonl(
        folder / "today.jsonl",
        [
            json.dumps(
                {
                    "id": "t1",
                    "text": "Над Белгородской областью сбиты два беспилотника.",
                    "source_url": "https://www.tass.ru/proisshestviya/1",
                }
            )
        ],
    )
    assert invoke("ingest", str(folder / "today.jsonl"), "--db", sqlite_url).exit_code == 0
    for fmt in ("csv", "jsonl", "acled"):
        exported = invoke("export", "--format", fmt, "--db", sqlite_url)
        assert exported.exit_code == 0, exported.output
        assert "tass.ru" in exported.stdout
        assert str(folder) not in exported.stdout


def test_a_followed_channel_names_its_posts_read_from_a_file(tmp_path, sqlite_url):
    with Ledger(sqlite_url) as ledger:
        add_source(ledger.engine, "telegram-web", "@belgorod_gov", claimant="Governor of Belgorod Oblast")  # fmt: skip
    line = {"id": "p1", "text": "Над городом сбиты два беспилотника."}
    jsonl(tmp_path / "posts.jsonl", [json.dumps(line | {"source_url": "https://t.me/Belgorod_Gov/7"})])  # fmt: skip
    assert invoke("ingest", str(tmp_path / "posts.jsonl"), "--db", sqlite_url).exit_code == 0
    with Ledger(sqlite_url) as ledger:
        [claim] = ledger.claims()
    assert (claim["source"], claim["claimant"]) == (
        "https://t.me/s/belgorod_gov",
        "Governor of Belgorod Oblast",
    )


def test_a_post_from_a_governors_channel_defaults_to_the_governor(tmp_path, sqlite_url):
    line = {"id": "1", "text": "Над городом сбиты два беспилотника.", "published": "2025-06-02"}
    posts = [line | {"source_url": "https://t.me/vvgladkov/101"}]
    posts.append(line | {"id": "2", "text": "Сбиты три беспилотника.", "source_url": "https://t.me/other_news/5"})  # fmt: skip
    jsonl(tmp_path / "posts.jsonl", [json.dumps(p, ensure_ascii=False) for p in posts])
    assert invoke("ingest", str(tmp_path / "posts.jsonl"), "--db", sqlite_url).exit_code == 0
    with Ledger(sqlite_url) as ledger:
        found = {(c["source"], c["claimant"]) for c in ledger.claims()}
    assert found == {
        ("@vvgladkov", "Governor of Belgorod Oblast Vyacheslav Gladkov"),
        ("@other_news", None),  # an outlet's channel names nobody: the claim says so
    }


def test_a_telegram_export_of_a_governors_channel_defaults_to_the_governor(sqlite_url):
    # the export's channel is titled "Губернатор Брянской области"
    exported = FIXTURES.parent.parent / "src" / "skyledger" / "samples" / "governor-channel"
    assert invoke("ingest", str(exported), "--db", sqlite_url).exit_code == 0
    with Ledger(sqlite_url) as ledger:
        claimants = {c["claimant"] for c in ledger.claims()}
    assert claimants and None not in claimants
    assert all(c.startswith("Governor of Bryansk Oblast") for c in claimants), claimants
