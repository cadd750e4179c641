"""The Python API over a stored ledger; the CLI and the REST API call this.

>>> from skyledger import Ledger
>>> ledger = Ledger("sqlite:///:memory:")
>>> ledger.stats()["reports"]
0
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from datetime import date
from pathlib import Path

from sqlalchemy import Engine

from skyledger.ingest import IngestSummary, ingest
from skyledger.ingest_engines import batch_map
from skyledger.reconcile import event_rows, update_events
from skyledger.records import Report, Source
from skyledger.sources import InputError, read_paths
from skyledger.store import reader
from skyledger.store.db import analyze, default_url, open_engine

EVENT_MODES = ("batch", "deferred")
ANALYZE_AFTER = 10_000  # new reports that make an ingest a bulk load


class Ledger:
    """One ledger database (SQLite file or PostgreSQL), schema brought up to date on open."""

    def __init__(self, url: str | None = None, engine: Engine | None = None):
        self.url = url or default_url()
        self.engine = engine or open_engine(self.url)

    def __enter__(self) -> Ledger:
        return self

    def __exit__(self, *_exc) -> None:
        self.close()

    def close(self) -> None:
        self.engine.dispose()

    def ingest(
        self,
        paths: Iterable[str | Path],
        *,
        source: Source | None = None,
        on_error: Callable[[InputError], None] | None = None,
        on_progress: Callable[[int], None] | None = None,
        **options,
    ) -> IngestSummary:
        """Read files and directories, extract their claims, store them, update events.

        `workers=N` extracts in N local processes; `engine="dask", scheduler="tcp://…"`
        on a Dask cluster (see skyledger.ingest_engines). Writes stay in this process.
        """
        return self.ingest_reports(
            read_paths(paths, source), on_error=on_error, on_progress=on_progress, **options
        )

    def ingest_reports(
        self,
        items: Iterable[Report | InputError],
        *,
        workers: int = 1,
        engine: str = "local",
        scheduler: str | None = None,
        events: str = "batch",
        **options,
    ) -> IngestSummary:
        """Store the reports; events are brought up to date after each batch for the
        buckets it touched (`events="batch"`), or once at the end ("deferred")."""
        if events not in EVENT_MODES:
            raise ValueError(f"events must be one of {', '.join(EVENT_MODES)}, not {events!r}")
        if events == "batch":
            options["after_batch"] = lambda ids: update_events(self.engine, ids)
        with batch_map(engine, workers, scheduler) as map_batches:
            if map_batches:
                options["map_batches"] = map_batches
            summary = ingest(self.engine, items, **options)
        update_events(self.engine)  # what a batch left (or all, deferred), and earlier runs'
        if summary.stored >= ANALYZE_AFTER:  # a bulk load: plans from fresh statistics
            analyze(self.engine)
        return summary

    def events(self, area: str | None = None, since: date | None = None) -> list[dict]:
        """Events (see skyledger.reconcile) for a region or country code, from a ledger day on."""
        return event_rows(self.engine, area=area, since=since)

    def stats(self) -> dict:
        return reader.stats(self.engine)

    def claims(self, limit: int | None = None) -> list[dict]:
        return reader.claim_rows(self.engine, limit=limit)
