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
from skyledger.store.db import default_url, ledger_url, open_engine


class Ledger:
    """One ledger database (SQLite file or PostgreSQL), schema brought up to date on open."""

    def __init__(
        self, url: str | None = None, engine: Engine | None = None, *, create: bool = True
    ):
        """`url`: a SQLAlchemy URL or a SQLite file path. With `create=False` a ledger that
        does not exist is MissingLedger (skyledger.store.db) instead of a new empty one."""
        self.url = ledger_url(url or default_url())
        self.engine = engine or open_engine(self.url, create_missing=create)

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
        **options,
    ) -> IngestSummary:
        with batch_map(engine, workers, scheduler) as map_batches:
            if map_batches:
                options["map_batches"] = map_batches
            summary = ingest(self.engine, items, **options)
        update_events(self.engine)
        return summary

    def events(self, area: str | None = None, since: date | None = None) -> list[dict]:
        """Events (see skyledger.reconcile) for a region or country code, from a ledger day on."""
        return event_rows(self.engine, area=area, since=since)

    def stats(self) -> dict:
        return reader.stats(self.engine)

    def claims(self, limit: int | None = None) -> list[dict]:
        return reader.claim_rows(self.engine, limit=limit)
