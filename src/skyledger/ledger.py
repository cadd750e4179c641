"""The Python API over a stored ledger; the CLI and the REST API call this.

>>> from skyledger import Ledger
>>> ledger = Ledger("sqlite:///:memory:")
>>> ledger.stats()["reports"]
0
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator
from datetime import date
from itertools import islice
from pathlib import Path

from sqlalchemy import Engine

from skyledger.ingest import IngestSummary, ingest
from skyledger.ingest_engines import EVENT_MODES, batch_map
from skyledger.reconcile import event_rows, events_of_new_claims, update_events
from skyledger.records import Report, Source
from skyledger.sources import InputError, read_paths
from skyledger.store import queries, reader
from skyledger.store.db import analyze, default_url, ledger_url, open_engine
from skyledger.tables import Records, filters_of

ANALYZE_AFTER = 10_000  # new reports that make an ingest a bulk load


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
        events: str = "batch",
        **options,
    ) -> IngestSummary:
        """Store the reports; events are brought up to date with each batch, in its
        transaction, for the buckets it touched (`events="batch"`), or once at the end
        ("deferred")."""
        if events not in EVENT_MODES:
            raise ValueError(f"events must be one of {', '.join(EVENT_MODES)}, not {events!r}")
        if events == "batch":
            options["reconcile"] = events_of_new_claims
        with batch_map(engine, workers, scheduler) as map_batches:
            if map_batches:
                options["map_batches"] = map_batches
            summary = ingest(self.engine, items, **options)
        update_events(self.engine)  # what a batch left (or all, deferred), and earlier runs'
        if summary.stored >= ANALYZE_AFTER:  # a bulk load: plans from fresh statistics
            analyze(self.engine)
        return summary

    def events(self, limit: int | None = None, **filters) -> Records:
        """Events (see skyledger.reconcile) as `GET /api/events` gives them, oldest ledger day
        first, undated last. Filters as the REST API's (`since`, `until`, `country`, `admin1`,
        `weapon`, `claim_type`, `claimant`, `q`, `undated`), `conflict=True` for the events
        whose claimants disagree, and `area`: a region or country code."""
        conflict = filters.pop("conflict", None)
        rows = queries.iter_events(self.engine, filters_of(**filters), conflict=conflict)
        return Records(islice(rows, limit))

    def event_days(self, area: str | None = None, since: date | None = None) -> list[dict]:
        """Events with their statements as `claims`, by ledger day (what `skyledger events` lists)."""
        return event_rows(self.engine, area=area, since=since)

    def stats(self) -> dict:
        return reader.stats(self.engine)

    def claims(self, limit: int | None = None, **filters) -> Records:
        """Claims as `GET /api/claims` gives them, in ledger order, with the REST API's
        filters (see `events`). `.to_pandas()` makes a DataFrame of them."""
        return Records(islice(self.iter_claims(**filters), limit))

    def iter_claims(self, **filters) -> Iterator[dict]:
        """The claims of `claims(**filters)` one at a time, read in batches: for ledgers
        too large to hold in memory."""
        return queries.iter_claims(self.engine, filters_of(**filters))

    # -- reviews (see skyledger.review) ----------------------------------------------------

    def review(self, claim_id: int, action: str, reviewer: str, **options):
        """Confirm, correct (`fields={...}`) or reject a claim; returns the review's id and
        the claim's effective values. `version=N` refuses a stale view (StaleReview)."""
        from skyledger import review

        return review.review(self.engine, claim_id, action, reviewer, **options)

    def add_claim(self, report_id: int, reviewer: str, fields: dict, span, **options):
        """Add a claim the extractor missed, stating the span of the report that makes it."""
        from skyledger import review

        return review.add_claim(self.engine, report_id, reviewer, fields, span, **options)

    def confirm_report(self, report_id: int, reviewer: str, note: str | None = None) -> int:
        """Record that a report's claims are complete (it may have none)."""
        from skyledger import review

        return review.confirm_report(self.engine, report_id, reviewer, note)

    def reviews(self, claim_id: int) -> list[dict]:
        """A claim's full review history, oldest first."""
        from skyledger import review

        return review.history(self.engine, claim_id)

    def review_queue(self, filters=None, limit: int = 20) -> tuple[list[dict], int]:
        """Unreviewed claims, most in need first, and how many are left."""
        from skyledger import review

        return review.queue(self.engine, filters, limit)

    def add_user(self, name: str, role: str = "reviewer") -> str:
        """Register a reviewer; returns their token, which the ledger keeps only hashed."""
        from skyledger import users

        return users.add_user(self.engine, name, role)
