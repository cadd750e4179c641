"""The ingest pipeline: read inputs, extract claims, store them batch by batch.

Each batch is one transaction, so a process killed mid-way leaves whole batches
behind and a rerun skips what is stored (reports are unique by content hash).
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass, field

from sqlalchemy import Engine

from skyledger.extract import extract
from skyledger.records import Claim, Report
from skyledger.sources import InputError, detect_lang
from skyledger.store.writer import known_hashes, save_batch

BATCH_SIZE = 500


@dataclass
class IngestSummary:
    read: int = 0
    stored: int = 0
    present: int = 0
    failed: int = 0
    claims: int = 0
    errors: list[InputError] = field(default_factory=list)
    report_ids: list[int] = field(default_factory=list)

    @property
    def ok(self) -> bool:
        return self.failed == 0

    def as_dict(self) -> dict:
        return {
            "read": self.read,
            "stored": self.stored,
            "already_present": self.present,
            "failed": self.failed,
            "claims": self.claims,
        }


def prepare(report: Report) -> Report:
    """Fill in what the source did not say: the language."""
    if report.lang is None:
        report = report.model_copy(update={"lang": detect_lang(report.text)})
    return report


def claims_for(report: Report) -> list[Claim]:
    return extract(report.text, published=report.published, lang=report.lang, claimant=report.source.claimant)


def ingest(
    engine: Engine,
    items: Iterable[Report | InputError],
    *,
    batch_size: int = BATCH_SIZE,
    on_error: Callable[[InputError], None] | None = None,
    on_progress: Callable[[int], None] | None = None,
    extract_batch: Callable[[list[Report]], list[list[Claim] | Exception]] | None = None,
) -> IngestSummary:
    """Store every readable report with its claims; report the rest through `on_error`."""
    summary = IngestSummary()
    pending: list[Report] = []

    def fail(error: InputError) -> None:
        summary.failed += 1
        summary.errors.append(error)
        if on_error:
            on_error(error)

    def flush() -> None:
        _store(engine, pending, summary, fail, extract_batch)
        if on_progress:
            on_progress(len(pending))
        pending.clear()

    for item in items:
        if isinstance(item, InputError):
            summary.read += 1
            fail(item)
            if on_progress:
                on_progress(1)
            continue
        summary.read += 1
        pending.append(prepare(item))
        if len(pending) >= batch_size:
            flush()
    if pending:
        flush()
    return summary


def _store(engine, pending, summary, fail, extract_batch) -> None:
    unique: dict[str, Report] = {}
    for report in pending:
        if report.content_hash in unique:
            summary.present += 1
        else:
            unique[report.content_hash] = report
    stored_before = known_hashes_of(engine, list(unique))
    summary.present += len(stored_before)
    fresh = [r for h, r in unique.items() if h not in stored_before]
    results = extract_batch(fresh) if extract_batch else [_safe_extract(r) for r in fresh]
    batch = []
    for report, outcome in zip(fresh, results, strict=True):
        if isinstance(outcome, Exception):
            fail(InputError(report.source.name, f"extraction failed: {outcome}", record=report.external_id))
        else:
            batch.append((report, outcome))
    saved = save_batch(engine, batch)
    summary.stored += saved.stored
    summary.present += saved.present
    summary.claims += saved.claims
    summary.report_ids.extend(saved.report_ids or [])


def known_hashes_of(engine: Engine, hashes: list[str]) -> set[str]:
    with engine.connect() as conn:
        return known_hashes(conn, hashes)


def _safe_extract(report: Report) -> list[Claim] | Exception:
    try:
        return claims_for(report)
    except Exception as exc:  # one bad report must not stop the batch
        return exc
