"""Walking paths and picking each file's parser by suffix, then by its first bytes."""

from __future__ import annotations

import os
import shutil
import sqlite3
from pathlib import Path

import pytest

from skyledger.records import Report
from skyledger.sources import InputError, files, read_paths
from skyledger.sources.files import is_database_file, iter_files, parse_bytes

FIXTURES = Path(__file__).parent / "fixtures"
AS_ROOT = hasattr(os, "geteuid") and os.geteuid() == 0


def kinds(items) -> list[str]:
    return [i.source.kind if isinstance(i, Report) else f"error: {i.message}" for i in items]


@pytest.mark.parametrize(
    ("name", "data", "kind"),
    [
        ("a.txt", b"Drones downed.", "file"),
        ("a.md", b"# Title\n\nDrones downed.", "file"),
        ("a.markdown", b"Drones downed.", "file"),
        ("README", b"No suffix is plain text.", "file"),
        ("a.jsonl", b'{"id": 1, "text": "x", "source_url": "https://t.me/a_b/1"}', "telegram"),
        ("a.ndjson", b'{"id": 1, "text": "x", "source_url": "https://t.me/a_b/1"}', "telegram"),
        (
            "result.json",
            b'{"name": "c", "messages": [{"id": 1, "type": "message", "text": "x"}]}',
            "telegram",
        ),
        ("a.rss", (FIXTURES / "feeds" / "news.rss").read_bytes(), "rss"),
        ("a.xml", (FIXTURES / "feeds" / "updates.atom").read_bytes(), "rss"),
        ("a.atom", (FIXTURES / "feeds" / "updates.atom").read_bytes(), "rss"),
        ("feed", (FIXTURES / "feeds" / "news.rss").read_bytes(), "rss"),
        ("a.html", (FIXTURES / "html" / "article.html").read_bytes(), "web"),
        ("page", (FIXTURES / "html" / "article.html").read_bytes(), "web"),
        ("page.htm", (FIXTURES / "html" / "article.html").read_bytes(), "web"),
    ],
)
def test_dispatch(name, data, kind):
    assert kinds(parse_bytes(Path(name), data))[0] == kind


@pytest.mark.parametrize(
    ("name", "data", "message"),
    [
        ("a.pdf", b"%PDF-1.7 ...", "unknown file type '.pdf'"),
        ("a.txt", b"text\x00with NUL", "binary file (NUL bytes), not a report"),
        ("a.json", b"{", "invalid JSON: parse error: premature EOF"),
    ],
)
def test_dispatch_errors(name, data, message):
    [error] = parse_bytes(Path(name), data)
    assert message in error.message


def test_directory_walk_is_sorted_and_skips_hidden(tmp_path):
    (tmp_path / "b").mkdir()
    (tmp_path / ".git").mkdir()
    (tmp_path / "b" / "2.txt").write_text("two")
    (tmp_path / "1.txt").write_text("one")
    (tmp_path / ".hidden.txt").write_text("hidden")
    (tmp_path / ".git" / "x.txt").write_text("hidden")
    (tmp_path / ".DS_Store").write_bytes(b"\x00")
    assert [p.relative_to(tmp_path).as_posix() for p in iter_files([tmp_path])] == [
        "1.txt",
        "b/2.txt",
    ]


def test_ledger_files_in_a_folder_are_skipped_quietly(tmp_path):
    (tmp_path / "report.txt").write_text("Three drones shot down.")
    database = tmp_path / "ledger.db"
    with sqlite3.connect(database) as conn:
        conn.execute("PRAGMA journal_mode=WAL")
        conn.execute("CREATE TABLE t (x)")
        conn.execute("INSERT INTO t VALUES (1)")
    (tmp_path / "ledger.db-wal").write_bytes(b"\x37\x7f\x06\x82")
    (tmp_path / "ledger.db-shm").write_bytes(b"\x00" * 32)
    (tmp_path / "other.sqlite").write_bytes(database.read_bytes())
    items = list(read_paths([tmp_path]))
    assert kinds(items) == ["file"]
    assert is_database_file(database)
    assert is_database_file(tmp_path / "ledger.db-wal")
    assert not is_database_file(tmp_path / "report.txt")


def test_ledger_file_named_explicitly_is_a_clear_error(tmp_path):
    database = tmp_path / "ledger.db"
    sqlite3.connect(database).execute("CREATE TABLE t (x)").connection.close()
    [error] = read_paths([database])
    assert "a SQLite database (a ledger?), not a report" in error.message


def test_companion_name_without_database_is_not_skipped(tmp_path):
    (tmp_path / "notes-wal").write_text("Just a file whose name ends in -wal.")
    assert kinds(read_paths([tmp_path])) == ["file"]


@pytest.mark.parametrize(
    ("make", "message"),
    [
        (lambda p: p.symlink_to(p.parent / "nowhere.txt"), "broken symbolic link"),
        (lambda p: os.mkfifo(p), "not a regular file (a pipe, socket or device)"),
    ],
)
def test_odd_entries_in_a_folder_are_reported(tmp_path, make, message):
    (tmp_path / "good.txt").write_text("Drones shot down.")
    make(tmp_path / "odd.txt")
    items = list(read_paths([tmp_path]))
    assert kinds(items) == ["file", f"error: {message}"]
    assert items[1].path == str(tmp_path / "odd.txt")


def test_named_fifo_is_reported_without_blocking(tmp_path):
    fifo = tmp_path / "pipe.jsonl"
    os.mkfifo(fifo)
    [error] = read_paths([fifo])
    assert error.message.startswith("not a regular file")


def test_missing_path(tmp_path):
    [error] = read_paths([tmp_path / "missing.txt"])
    assert (error.path, error.message) == (
        str(tmp_path / "missing.txt"),
        "no such file or directory",
    )


@pytest.mark.skipif(AS_ROOT, reason="root reads files whatever their mode")
def test_unreadable_file_and_folder(tmp_path):
    (tmp_path / "locked.txt").write_text("x")
    (tmp_path / "locked.txt").chmod(0)
    (tmp_path / "sub").mkdir()
    (tmp_path / "sub" / "inside.txt").write_text("x")
    (tmp_path / "sub").chmod(0)
    try:
        messages = [str(e) for e in read_paths([tmp_path])]
    finally:
        (tmp_path / "sub").chmod(0o755)
    assert f"{tmp_path / 'locked.txt'}: cannot read: Permission denied" in messages
    assert any("cannot read folder" in m for m in messages)


def test_files_over_their_limit_are_refused_unread(tmp_path, monkeypatch):
    monkeypatch.setitem(files.SIZE_LIMITS, "html", 10)
    (tmp_path / "big.html").write_bytes(b"<html>" + b"x" * 100)
    [error] = read_paths([tmp_path / "big.html"])
    assert error.message == "file is 106 bytes; the limit is 10"


def test_fixtures_folder_reads_whole(tmp_path):
    shutil.copytree(FIXTURES, tmp_path / "in")
    items = list(read_paths([tmp_path / "in"]))
    reports = [i for i in items if isinstance(i, Report)]
    errors = [i for i in items if isinstance(i, InputError)]
    assert len(reports) == 3 + 4 + 4 + 4 + 1  # feeds, jsonl, telegram, text, html
    assert [e.record for e in errors] == ["news-1003"]


@pytest.mark.parametrize(
    ("name", "data", "expected"),
    [
        ("win.txt", "Сбито два дрона.".encode("utf-16"), "file"),
        (
            "win.txt",
            b"\xff\xfe\x00\xd8",
            "error: not valid UTF-16 at offset 2 (re-save the file as UTF-8)",
        ),
        (
            "win.jsonl",
            '{"id": 1, "text": "x"}'.encode("utf-16"),
            "error: not UTF-8 but UTF-16 (re-save the file as UTF-8)",
        ),
        ("bin.dat", b"\x00\x01\x02" * 1000, "error: binary file (NUL bytes), not a report"),
    ],
)
def test_encodings_and_binary_files(tmp_path, name, data, expected):
    (tmp_path / name).write_bytes(data)
    assert kinds(read_paths([tmp_path / name])) == [expected]


def test_telegram_export_folder_with_media(tmp_path):
    export = tmp_path / "ChatExport_2026-05-03"
    shutil.copytree(FIXTURES / "telegram", export)
    (export / "photos").mkdir()
    (export / "photos" / "photo_1@02-05-2026_07-00-00.jpg").write_bytes(b"\xff\xd8\xff\xe0JFIF")
    (export / "photos" / "photo_1@02-05-2026_07-00-00_thumb.jpg").write_bytes(b"\xff\xd8\xff")
    (export / "video_files").mkdir()
    (export / "video_files" / "clip.MP4").write_bytes(b"\x00\x00\x00\x18ftyp")
    assert kinds(read_paths([export])) == ["telegram"] * 4
    [error] = read_paths([export / "photos" / "photo_1@02-05-2026_07-00-00.jpg"])
    assert "unknown file type '.jpg'" in error.message


def test_a_nul_in_a_json_line_fails_only_that_line(tmp_path):
    lines = [
        b'{"id": 1, "text": "Air defence shot down two drones over the region."}',
        b'{"id": 2, "text": "bro\x00ken"}',
        b'{"id": 3, "text": "Debris fell on a field near the village."}',
    ]
    (tmp_path / "mixed.jsonl").write_bytes(b"\n".join(lines) + b"\n")
    assert kinds(read_paths([tmp_path / "mixed.jsonl"])) == [
        "file",
        "error: binary data (NUL bytes), not a JSON line",
        "file",
    ]


def locked_folders(monkeypatch, *locked):
    """Folders os.walk cannot list (chmod cannot lock a folder from root, who runs CI)."""
    real_scandir = os.scandir

    def scandir(path="."):
        if Path(os.fsdecode(path)) in locked:
            raise PermissionError(13, "Permission denied", os.fsdecode(path))
        return real_scandir(path)

    monkeypatch.setattr(os, "scandir", scandir)


@pytest.mark.parametrize("locked", [("a-first",), ("z-last",), ("a-first", "m-middle", "z-last")])
def test_an_unreadable_folder_is_an_error_wherever_the_walk_meets_it(tmp_path, monkeypatch, locked):
    for name in ("a-first", "m-middle", "z-last"):
        (tmp_path / name).mkdir()
        (tmp_path / name / "r.txt").write_text("Сбито два беспилотника.", encoding="utf-8")
    locked_folders(monkeypatch, *(tmp_path / name for name in locked))
    found = list(iter_files([tmp_path]))
    assert sorted(str(item) for item in found if isinstance(item, InputError)) == [
        f"{tmp_path / name}: cannot read folder: Permission denied" for name in locked
    ]
    readable = {"a-first", "m-middle", "z-last"} - set(locked)
    assert sorted(item.parent.name for item in found if isinstance(item, Path)) == sorted(readable)


def test_an_unreadable_folder_given_by_name_is_an_error(tmp_path, monkeypatch):
    locked_folders(monkeypatch, tmp_path)
    [error] = iter_files([tmp_path])
    assert str(error) == f"{tmp_path}: cannot read folder: Permission denied"
