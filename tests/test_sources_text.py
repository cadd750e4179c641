"""Plain text and Markdown: one report a file; bad files give one clear error."""

from __future__ import annotations

from pathlib import Path

import pytest

from skyledger.records import Report, Source
from skyledger.sources import InputError, read_file
from skyledger.sources.limits import MAX_REPORT_BYTES
from skyledger.sources.textfile import parse_text

FIXTURES = Path(__file__).parent / "fixtures" / "text"


@pytest.mark.parametrize(
    ("name", "starts_with"),
    [
        ("governor-en.txt", "Regional governor: air defence units"),
        ("bulletin-ru.md", "# Сводка за ночь"),
        ("povitryani-uk.md", "## Нічна атака"),
    ],
)
def test_fixture_file_is_one_report(name, starts_with):
    path = FIXTURES / name
    [report] = list(read_file(path))
    assert isinstance(report, Report)
    assert report.text.startswith(starts_with)
    assert report.external_id == str(path.resolve())
    assert report.source.kind == "file"
    assert report.published is None


@pytest.mark.parametrize(
    ("data", "text"),
    [
        (b"Drones downed.\n", "Drones downed."),
        (b"\xef\xbb\xbfWith a byte order mark.", "With a byte order mark."),
        ("  Сбиты два дрона.  \n\n".encode(), "Сбиты два дрона."),
        (b"Crlf\r\nline endings\r\n", "Crlf\r\nline endings"),
        (b"Tab\tseparated", "Tab\tseparated"),
    ],
)
def test_text_is_decoded_and_trimmed(data, text):
    [report] = list(parse_text(Path("r.txt"), data))
    assert report.text == text


@pytest.mark.parametrize(
    ("data", "message"),
    [
        (b"", "empty text"),
        (b"   \n\t\n", "empty text"),
        ("Сбито 3 беспилотника".encode("cp1251"), "not UTF-8: byte 0xd1 at offset 0"),
        (b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR", "binary file (NUL bytes)"),
        (b"x" * (MAX_REPORT_BYTES + 1), "text is 1,000,001 bytes; the limit is 1,000,000"),
    ],
)
def test_bad_text_file_is_one_error(data, message):
    [error] = list(parse_text(Path("bad.txt"), data))
    assert isinstance(error, InputError)
    assert error.path == "bad.txt"
    assert message in error.message
    assert str(error).startswith("bad.txt: ")


def test_given_source_and_language_are_kept(tmp_path):
    path = tmp_path / "note.txt"
    path.write_text("Над містом збито дрон.", encoding="utf-8")
    source = Source(kind="file", name="desk", claimant="Mayor", lang="uk")
    [report] = list(read_file(path, source))
    assert report.source.claimant == "Mayor"
    assert report.lang == "uk"


def test_same_text_resaved_has_same_hash(tmp_path):
    one, two = tmp_path / "a.txt", tmp_path / "b.md"
    one.write_text("Three drones\nwere shot down.", encoding="utf-8")
    two.write_text("Three drones   were shot down.\n", encoding="utf-8")
    [first], [second] = list(read_file(one)), list(read_file(two))
    assert first.content_hash == second.content_hash
    assert first.external_id != second.external_id
