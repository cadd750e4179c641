"""The ingest pipeline: read inputs, extract claims, store them batch by batch.

Each batch is one transaction, so a process killed mid-way leaves whole batches
behind and a rerun skips what is stored (reports are unique by content hash).
A bad input is counted and reported through `on_error` and the rest goes on; a
ledger that cannot be written stops the run with LedgerError.

Inputs are read lazily, a batch at a time. Extraction runs in this process or in
an engine's workers (skyledger.ingest_engines), which hand each batch back in
input order; the writes always happen here.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field

from sqlalchemy import Engine
from sqlalchemy.exc import SQLAlchemyError

from skyledger.claimants import canonical_name, channel_claimant, office_of
from skyledger.extract import extract
from skyledger.reconcile.timing import claim_bucket
from skyledger.records import EDIT_DIGEST_LENGTH, EDIT_MARK, Claim, Report
from skyledger.sources import InputError, detect_lang
from skyledger.sources.outlets import named_by, outlet_key
from skyledger.store.bulk import PackedClaim, Reconcile, packed
from skyledger.store.db import LedgerError, describe
from skyledger.store.schema import reports
from skyledger.store.writer import known_hashes, registered_outlets, save_batch

BATCH_SIZE = 500
KEPT_ERRORS = 1000  # errors kept on the summary; all are counted and passed to on_error


@dataclass
class IngestSummary:
    """What one ingest did. Every input read is stored, already present or failed."""

    read: int = 0  # reports and bad inputs met
    stored: int = 0  # new reports written
    edits: int = 0  # of them, changed texts under an id already stored (records.edit_id)
    present: int = 0  # reports the ledger (or this run) already had
    failed: int = 0  # bad inputs and reports whose extraction failed
    claims: int = 0  # claims written with the new reports
    errors: list[InputError] = field(default_factory=list)  # the first KEPT_ERRORS
    report_ids: list[int] = field(default_factory=list)

    @property
    def ok(self) -> bool:
        return self.failed == 0

    @property
    def nothing_new(self) -> bool:
        return self.stored == 0

    def line(self) -> str:
        """The one-line summary the CLI prints."""
        edits = f" ({self.edits} as edits of a known id)" if self.edits else ""
        return (
            f"read {self.read}, stored {self.stored}{edits}, already present {self.present}, "
            f"failed {self.failed}; {self.claims} claims"
        )

    def as_dict(self) -> dict:
        return {
            "read": self.read,
            "stored": self.stored,
            "edits": self.edits,
            "already_present": self.present,
            "failed": self.failed,
            "claims": self.claims,
            "nothing_new": self.nothing_new,
        }


# What the ledger's id column holds, less the room an edit's id needs (records.edit_id).
MAX_ID_LENGTH = reports.c.external_id.type.length - len(EDIT_MARK) - EDIT_DIGEST_LENGTH


def prepare(report: Report) -> Report | InputError:
    """Fill in what the source did not say (the language); refuse what no database can hold."""
    fields = {
        "text": report.text,
        "id": report.external_id,
        "url": report.url or "",
        "source": report.source.name,
        "claimant": report.default_claimant or "",
        "origin": report.origin or "",
    }
    for name, value in fields.items():
        if not storable(value):
            return InputError(
                _where(report),
                f"{name} holds NUL or invalid Unicode",
                record=_printable(report.external_id),
            )
    if len(report.external_id) > MAX_ID_LENGTH:
        # Never cut: two long ids sharing their start would become one report.
        return InputError(
            _where(report),
            f"id is {len(report.external_id):,} characters long (at most {MAX_ID_LENGTH:,})",
            record=_printable(report.external_id),
        )
    if report.lang is None:
        report = report.model_copy(update={"lang": detect_lang(report.text)})
    if report.default_claimant is None and report.source.kind.startswith("telegram"):
        owner = channel_owner(report.source)
        if owner:
            report = report.model_copy(update={"claimant": owner})
    return report


def _where(report: Report) -> str:
    return _printable(report.origin or report.source.name)


def channel_owner(source) -> str | None:
    """Who a Telegram channel speaks for: an office's or holder's known channel, or a
    channel whose title names an office ("Губернатор Брянской области")."""
    owner = channel_claimant(outlet_key(source.kind, source.name))
    if owner is None and office_of(source.name) is not None:
        owner = canonical_name(source.name)
    return owner


def storable(value: str) -> bool:
    """Text both SQLite and PostgreSQL accept: valid UTF-8, no NUL."""
    if "\x00" in value:
        return False
    try:
        value.encode("utf-8")
    except UnicodeEncodeError:
        return False
    return True


def _printable(value: str) -> str:
    return value.encode("utf-8", "backslashreplace").decode("utf-8").replace("\x00", "\\x00")[:100]


def with_defaults(
    items: Iterable[Report | InputError], *, claimant: str | None = None, lang: str | None = None
) -> Iterator[Report | InputError]:
    """Give reports a default claimant and language where neither they nor their source
    state one. The claimant is the report's own: its source's row is left as it is."""
    for item in items:
        if isinstance(item, Report):
            if claimant and not item.default_claimant:
                item = item.model_copy(update={"claimant": claimant})
            if lang and not item.lang:
                item = item.model_copy(update={"lang": lang})
        yield item


def claims_for(report: Report) -> list[Claim]:
    return extract(
        report.text, published=report.published, lang=report.lang, claimant=report.default_claimant
    )


# A report's claims (packed for writing, or as Claim records), or why extraction failed.
Outcome = list[PackedClaim] | list[Claim] | Exception
ExtractBatch = Callable[[list[Report]], list[Outcome]]


@dataclass
class Batch:
    """The reports of one transaction that the ledger lacks, and how many inputs they stand for."""

    reports: list[Report]
    size: int


# An engine: each batch with its outcomes, in input order (see skyledger.ingest_engines).
BatchMap = Callable[[Iterable[Batch]], Iterator[tuple[Batch, list[Outcome]]]]


def ingest(
    engine: Engine,
    items: Iterable[Report | InputError],
    *,
    batch_size: int = BATCH_SIZE,
    on_error: Callable[[InputError], None] | None = None,
    on_progress: Callable[[int], None] | None = None,
    extract_batch: ExtractBatch | None = None,
    map_batches: BatchMap | None = None,
    reconcile: Reconcile | None = None,
) -> IngestSummary:
    """Store every readable report with its claims; report the rest through `on_error`.

    Extraction runs in this process (`extract_batch`, by default the extractor) or
    wherever `map_batches` sends it; writes always happen here, one transaction a batch.
    With `reconcile` (skyledger.reconcile.events_of_new_claims), each batch's transaction
    also brings the events of the buckets its claims fall in up to date, and the claims
    are written with their events; without it they are left queued for `update_events`.
    """
    if extract_batch and map_batches:
        raise ValueError("extract_batch runs in this process; it cannot be given with map_batches")
    summary = IngestSummary()

    def fail(error: InputError) -> None:
        summary.failed += 1
        if len(summary.errors) < KEPT_ERRORS:
            summary.errors.append(error)
        if on_error:
            on_error(error)

    items = under_registered_names(engine, items)
    batches = fresh_batches(engine, items, batch_size, summary, fail, on_progress)
    run = map_batches or in_process(extract_batch or extract_each)
    for batch, outcomes in run(batches):
        _store(engine, batch.reports, outcomes, summary, fail, reconcile)
        if on_progress:
            on_progress(batch.size)
    return summary


def under_registered_names(
    engine: Engine, items: Iterable[Report | InputError]
) -> Iterator[Report | InputError]:
    """Reports whose outlet is a followed source filed under that source (its name, its
    default claimant), so a file of a channel's posts joins the channel's row."""
    try:
        registered = registered_outlets(engine)
    except SQLAlchemyError as exc:
        raise LedgerError(f"cannot read the ledger: {describe(exc)}") from exc
    for item in items:
        if registered and isinstance(item, Report):
            source = named_by(registered, item.source)
            if source is not item.source:
                item = item.model_copy(update={"source": source})
        yield item


def fresh_batches(engine, items, batch_size, summary, fail, on_progress) -> Iterator[Batch]:
    """Read and prepare inputs lazily, a batch at a time, leaving out what is stored."""
    pending: list[Report] = []
    for item in items:
        summary.read += 1
        if isinstance(item, InputError):
            fail(item)
            if on_progress:
                on_progress(1)
            continue
        prepared = prepare(item)
        if isinstance(prepared, InputError):
            fail(prepared)
            continue
        pending.append(prepared)
        if len(pending) >= batch_size:
            yield unseen(engine, pending, summary)
            pending = []
    if pending:
        yield unseen(engine, pending, summary)


def unseen(engine: Engine, pending: list[Report], summary: IngestSummary) -> Batch:
    """The batch's reports that neither it (earlier) nor the ledger already holds."""
    unique: dict[str, Report] = {}
    for report in pending:
        if report.content_hash in unique:
            summary.present += 1
        else:
            unique[report.content_hash] = report
    stored_before = known_hashes_of(engine, list(unique))
    summary.present += len(stored_before)
    fresh = [r for h, r in unique.items() if h not in stored_before]
    return Batch(fresh, len(pending))


def in_process(extract_batch: ExtractBatch) -> BatchMap:
    def run(batches: Iterable[Batch]) -> Iterator[tuple[Batch, list[Outcome]]]:
        for batch in batches:
            yield batch, extract_batch(batch.reports)

    return run


def extract_each(reports: list[Report]) -> list[Outcome]:
    return [_safe_extract(r) for r in reports]


def _store(engine, fresh, outcomes, summary, fail, reconcile=None) -> None:
    batch = []
    for report, outcome in zip(fresh, outcomes, strict=True):
        if isinstance(outcome, Exception):
            fail(
                InputError(
                    report.origin or report.source.name,
                    f"extraction failed: {outcome}",
                    record=report.external_id,
                )
            )
        else:
            batch.append((report, outcome))
    try:
        saved = save_batch(engine, batch, bucket_of=claim_bucket, reconcile=reconcile)
    except SQLAlchemyError as exc:  # locked, read-only, disk full: nothing later can be stored
        raise LedgerError(f"cannot write to the ledger: {describe(exc)}") from exc
    summary.stored += saved.stored
    summary.edits += saved.edits
    summary.present += saved.present
    summary.claims += saved.claims
    summary.report_ids.extend(saved.report_ids or [])


def known_hashes_of(engine: Engine, hashes: list[str]) -> set[str]:
    try:
        with engine.connect() as conn:
            return known_hashes(conn, hashes)
    except SQLAlchemyError as exc:
        raise LedgerError(f"cannot read the ledger: {describe(exc)}") from exc


def _safe_extract(report: Report) -> list[PackedClaim] | Exception:
    try:
        return packed(report, claims_for(report), claim_bucket)
    except Exception as exc:  # one bad report must not stop the batch
        return exc
