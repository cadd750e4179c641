"""cli/progress.py: the total a progress bar can know before the work starts."""

from __future__ import annotations

import io
import json

from rich.console import Console

from skyledger.cli.progress import expected_reports, progress_bar


def test_text_files_and_json_lines_give_a_total(tmp_path):
    (tmp_path / "a.txt").write_text("Над Брянской областью уничтожены 3 беспилотника.", "utf-8")
    (tmp_path / "b.md").write_text("Air defence shot down 2 drones over Kursk Oblast.", "utf-8")
    lines = [json.dumps({"id": n, "text": f"Збито {n} дронів."}) for n in range(5)]
    (tmp_path / "c.jsonl").write_text("\n".join(lines) + "\n\n", "utf-8")  # a blank line is none
    (tmp_path / ".hidden.txt").write_text("skipped, as ingest skips it", "utf-8")
    assert expected_reports([tmp_path]) == 7


def test_a_feed_or_an_export_leaves_the_total_unknown(tmp_path):
    (tmp_path / "a.txt").write_text("Air defence shot down 2 drones.", "utf-8")
    (tmp_path / "feed.xml").write_text('<?xml version="1.0"?><rss><channel/></rss>', "utf-8")
    assert expected_reports([tmp_path]) is None


def test_the_bar_shows_the_total_and_the_time_left():
    bar = progress_bar(Console(file=io.StringIO(), force_terminal=True), "re-extracting")
    task = bar.add_task("x", total=40)
    bar.advance(task, 10)
    screen = Console(file=io.StringIO(), width=100, record=True)
    screen.print(bar.make_tasks_table(bar.tasks))
    text = screen.export_text()
    assert "re-extracting" in text and "10/40" in text and "left" in text
