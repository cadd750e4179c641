"""Read queries behind the REST API, the dashboard and the exports.

Every list is filtered by the same `Filters` and paged by keyset on id (newest first),
with an opaque cursor. A claim's time, for filters and per-day counts, is the
publication time (UTC) of the report that makes it: that is always known, while the
window a claim covers often is not.
"""

from __future__ import annotations

import math
import re
from collections import Counter, defaultdict
from collections.abc import Iterator
from dataclasses import dataclass, fields, replace
from datetime import UTC, datetime, time, timedelta

from sqlalchemy import (
    Engine,
    Integer,
    and_,
    cast,
    column,
    exists,
    false,
    func,
    literal_column,
    or_,
    select,
    table,
)

from skyledger.claimants import claimant_id, office_of
from skyledger.store import rollup
from skyledger.store.rollup import in_series, standing
from skyledger.store.schema import claim_series, claim_tallies, claims, events, reports, sources

DEFAULT_LIMIT = 50
MAX_LIMIT = 500
MAX_ID = 10**18 - 1  # ids of up to 18 digits: one pattern describes every cursor
PRECISION_ORDER = ("place", "between-places", "admin2", "admin1", "water", "country", "unresolved")
SILENT_AFTER = timedelta(days=2)  # a source with nothing newer than this is flagged silent
EXCERPT_CHARS = 280


CLAIM_FIELDS = ("country", "admin1", "weapon", "claim_type", "claimant")


class InvalidCursor(ValueError):
    """A cursor that this server did not hand out."""


@dataclass(frozen=True)
class Filters:
    """What the caller narrows a list to; None means no restriction."""

    since: datetime | None = None
    until: datetime | None = None
    country: str | None = None
    admin1: str | None = None
    weapon: str | None = None
    claim_type: str | None = None
    claimant: str | None = None
    q: str | None = None
    # Claims whose report has no known time: None drops them from a time window and keeps
    # them otherwise; True keeps them in any window; False always leaves them out.
    undated: bool | None = None

    def cleaned(self) -> Filters:
        """Blank strings dropped, NUL removed (PostgreSQL text cannot hold it), codes in
        upper case, times in UTC."""
        changes = {}
        for field in fields(self):
            value = getattr(self, field.name)
            if isinstance(value, str):
                value = value.replace("\x00", "").strip() or None
                if value and field.name in ("country", "admin1"):
                    value = value.upper()
            elif isinstance(value, datetime):
                value = _utc(value)
            changes[field.name] = value
        return replace(self, **changes)


@dataclass
class Page:
    items: list[dict]
    next: str | None

    def as_dict(self) -> dict:
        return {"items": self.items, "next": self.next}


def _utc(value: datetime) -> datetime:
    if value.tzinfo is None:
        value = value.replace(tzinfo=UTC)
    try:
        return value.astimezone(UTC)
    except OverflowError:  # year 1 or 9999 shifted past the calendar's edge
        return (
            datetime.min.replace(tzinfo=UTC) if value.year < 2 else datetime.max.replace(tzinfo=UTC)
        )


# -- cursors ------------------------------------------------------------------------------


# The `next` value of a page, and exactly what decode_cursor accepts (the API's schema
# states it, so a client can tell a valid cursor without asking).
_CURSOR = re.compile(r"k1-[1-9][0-9]{0,17}")
CURSOR_PATTERN = f"^{_CURSOR.pattern}$"


def encode_cursor(last_id: int) -> str:
    return f"k1-{last_id}"


def decode_cursor(cursor: str | None) -> int | None:
    if not cursor:
        return None
    if not _CURSOR.fullmatch(cursor):
        raise InvalidCursor("invalid cursor")
    return int(cursor[3:])


def keyset(query, id_column, cursor: str | None, limit: int):
    """The page after `cursor`, newest first, one row extra to tell whether more follow."""
    after = decode_cursor(cursor)
    if after is not None:
        query = query.where(id_column < after)
    return query.order_by(id_column.desc()).limit(limit + 1)


def equal_to(table_, filters: Filters, names: tuple[str, ...]) -> list:
    return [
        claimant_is(filters.claimant)
        if name == "claimant"
        else table_.c[name] == getattr(filters, name)
        for name in names
        if getattr(filters, name) is not None
    ]


def claimant_is(claimant: str):
    """Claims by this claimant however it is written: "Mayor of Kyiv" finds "Кличко"'s too."""
    return claims.c.claimant_key == claimant_id(claimant)


def _page(rows: list[dict], limit: int) -> Page:
    more = len(rows) > limit
    rows = rows[:limit]
    return Page(rows, encode_cursor(rows[-1]["id"]) if more and rows else None)


# -- full text ------------------------------------------------------------------------------


def fts_query(q: str) -> str:
    """Each word of `q` as a quoted FTS5 phrase: all must occur, no query syntax leaks in."""
    return " ".join('"' + word.replace('"', '""') + '"' for word in q.split())


FTS = table("reports_fts", column("rowid"))


def _fts_matches(q: str):
    return select(FTS.c.rowid).where(literal_column("reports_fts").op("MATCH")(fts_query(q)))


def text_match(engine: Engine, q: str):
    """A condition on reports.id / reports.text true for reports whose text holds every word."""
    if engine.dialect.name == "postgresql":
        simple = literal_column("'simple'::regconfig")
        return func.to_tsvector(simple, reports.c.text).op("@@")(func.plainto_tsquery(simple, q))
    return reports.c.id.in_(_fts_matches(q))


def claim_text_match(engine: Engine, q: str, paged: bool):
    """The claims whose report holds every word of `q`.

    For a page on SQLite the plan depends on how many reports match, which SQLite
    cannot know: few matches are fetched and sorted; many are met by walking claims
    newest first and asking the text index about each one's report, which stops as
    soon as the page is full. The crossover is where both touch about as many rows.
    """
    if engine.dialect.name != "sqlite" or not paged:
        return text_match(engine, q)
    with engine.connect() as conn:
        reports_total = conn.execute(select(func.max(reports.c.id))).scalar() or 0
        dense_at = int(math.sqrt(DEFAULT_LIMIT * reports_total)) + 1
        capped = _fts_matches(q).limit(dense_at).subquery()
        matches = conn.execute(select(func.count()).select_from(capped)).scalar_one()
    if matches >= dense_at:
        match = literal_column("reports_fts").op("MATCH")(fts_query(q))
        return exists().where(match, FTS.c.rowid == claims.c.report_id)
    return claims.c.report_id.in_(_fts_matches(q))


def _has_words(q: str | None) -> bool:
    return bool(q and q.split())


# -- claims ----------------------------------------------------------------------------------

CLAIM_COLUMNS = [
    claims.c.id,
    claims.c.report_id,
    claims.c.seq,
    claims.c.parent_id,
    claims.c.event_id,
    claims.c.claimant,
    claims.c.claim_type,
    claims.c.weapon,
    claims.c.model,
    claims.c.count,
    claims.c.count_qualifier,
    claims.c.country,
    claims.c.admin1,
    claims.c.region_text,
    claims.c.places,
    claims.c.window_start,
    claims.c.window_end,
    claims.c.killed,
    claims.c.injured,
    claims.c.cumulative,
    claims.c.evidence,
    claims.c.confidence,
    claims.c.extractor_version,
    claims.c.review_status,
    claims.c.reviewer,
    claims.c.version,
    reports.c.published,
    reports.c.url,
    reports.c.lang,
    reports.c.ingested,
    sources.c.name.label("source"),
    sources.c.kind.label("source_kind"),
    events.c.conflict.label("event_conflict"),
]


def _claim_select(*extra):
    return select(*CLAIM_COLUMNS, *extra).select_from(
        claims.join(reports, claims.c.report_id == reports.c.id)
        .join(sources, reports.c.source_id == sources.c.id)
        .outerjoin(events, claims.c.event_id == events.c.id)
    )


def claim_conditions(engine: Engine, filters: Filters, paged: bool = False) -> list:
    f = filters
    conditions = [*equal_to(claims, f, CLAIM_FIELDS), standing()]
    conditions += dated(reports.c.published, f)
    if _has_words(f.q):
        conditions.append(claim_text_match(engine, f.q, paged))
    return conditions


def dated(column_, filters: Filters) -> list:
    """The time window on `column_`, with or without the rows whose time is unknown."""
    window = _window_conditions(filters, column_)
    if filters.undated is False:
        return [*window, column_.is_not(None)]
    if filters.undated and window:
        return [or_(column_.is_(None), and_(*window))]
    return window


def unjoined_claim_conditions(engine: Engine, filters: Filters) -> list:
    """The same filters on the claims table alone, for counts: the report's time and text
    become a list of report ids, which the covering index ix_claims_report_summary meets."""
    f = filters
    conditions = [*equal_to(claims, f, CLAIM_FIELDS), standing()]
    in_time = dated(reports.c.published, f)
    if in_time:
        conditions.append(claims.c.report_id.in_(select(reports.c.id).where(*in_time)))
    if _has_words(f.q):
        if engine.dialect.name == "sqlite":
            conditions.append(claims.c.report_id.in_(_fts_matches(f.q)))
        else:
            conditions.append(
                claims.c.report_id.in_(select(reports.c.id).where(text_match(engine, f.q)))
            )
    return conditions


def claim_precision(places: list[dict], admin1: str | None, country: str | None) -> str:
    """The finest precision the claim's places support, else its area's."""
    found = [p.get("geo_precision") or "unresolved" for p in places or []]
    located = [
        p.get("geo_precision")
        for p in places or []
        if p.get("geo_precision") in ("place", "between-places") and p.get("lat") is not None
    ]
    if admin1:
        found.append("admin1")
    if country:
        found.append("country")
    candidates = [
        p for p in found if p in PRECISION_ORDER and p not in ("place", "between-places")
    ] + located
    return min(candidates, key=PRECISION_ORDER.index, default="unresolved")


def claim_item(row) -> dict:
    item = dict(row._mapping)
    item["places"] = item.get("places") or []
    item["evidence"] = item.get("evidence") or {}
    item["geo_precision"] = claim_precision(item["places"], item["admin1"], item["country"])
    return item


def list_claims(
    engine: Engine,
    filters: Filters = Filters(),
    cursor: str | None = None,
    limit: int = DEFAULT_LIMIT,
) -> Page:
    filters = filters.cleaned()
    with engine.connect() as conn:
        if (filters.since or filters.until) and filters.undated is None:
            newest = newest_claim_in_window(conn, filters)
            if newest is None:
                return Page([], None)
            conditions = [
                claims.c.id <= newest,
                *claim_conditions(engine, _untimed(filters), paged=True),
            ]
            conditions += _window_check(engine, filters)
        else:
            conditions = claim_conditions(engine, filters, paged=True)
        query = keyset(_claim_select().where(*conditions), claims.c.id, cursor, limit)
        rows = [claim_item(row) for row in conn.execute(query)]
    return _page(rows, limit)


def _untimed(filters: Filters) -> Filters:
    return replace(filters, since=None, until=None)


def newest_claim_in_window(conn, filters: Filters) -> int | None:
    """The highest claim id among reports published in the window.

    A page newest-first then walks claims down from there: a report-time window is
    usually a run of neighbouring ids, so the page fills within a few hundred rows,
    where starting from the window's reports would sort every claim in it. Each report
    keeps its newest claim's id, so this reads one index over (published, last_claim_id)
    and never the claims.
    """
    query = select(func.max(reports.c.last_claim_id)).where(*_window_conditions(filters))
    return conn.execute(query).scalar()


def _window_conditions(filters: Filters, column=None) -> list:
    column = reports.c.published if column is None else column
    found = []
    if filters.since:
        found.append(column >= filters.since)
    if filters.until:
        found.append(column < filters.until)
    return found


def _window_check(engine: Engine, filters: Filters) -> list:
    """The window tested row by row; on SQLite written so that no index is used for it
    (else the planner starts from the window's reports and sorts them all)."""
    if engine.dialect.name != "sqlite":
        return _window_conditions(filters)
    return _window_conditions(filters, func.coalesce(reports.c.published, None))


def get_claim(engine: Engine, claim_id: int) -> dict | None:
    """One claim with its report's text, so its evidence spans can be shown in place."""
    query = _claim_select(
        reports.c.text.label("report_text"),
        reports.c.external_id,
    ).where(claims.c.id == claim_id)
    with engine.connect() as conn:
        row = conn.execute(query).first()
    if row is None:
        return None
    item = claim_item(row)
    item["report"] = {
        "id": item["report_id"],
        "text": item.pop("report_text"),
        "external_id": item.pop("external_id"),
        "url": item["url"],
        "published": item["published"],
        "lang": item["lang"],
        "source": item["source"],
        "source_kind": item["source_kind"],
    }
    return item


def iter_claims(
    engine: Engine, filters: Filters = Filters(), with_text: bool = False
) -> Iterator[dict]:
    """Every matching claim in ledger order, streamed (for exports)."""
    filters = filters.cleaned()
    extra = [reports.c.text.label("report_text")] if with_text else []
    query = _claim_select(*extra).where(*claim_conditions(engine, filters)).order_by(claims.c.id)
    with engine.connect() as conn:
        for row in conn.execution_options(yield_per=1000).execute(query):
            yield claim_item(row)


# -- reports ---------------------------------------------------------------------------------

REPORT_COLUMNS = [
    reports.c.id,
    reports.c.source_id,
    sources.c.name.label("source"),
    sources.c.kind.label("source_kind"),
    reports.c.external_id,
    reports.c.url,
    reports.c.url_text,
    reports.c.published,
    reports.c.published_precision,
    reports.c.lang,
    reports.c.content_hash,
    reports.c.ingested,
]


def report_conditions(engine: Engine, filters: Filters) -> list:
    f = filters
    conditions = dated(reports.c.published, f)
    if _has_words(f.q):
        conditions.append(text_match(engine, f.q))
    claim_filters = equal_to(claims, f, CLAIM_FIELDS)
    if claim_filters:
        conditions.append(reports_with_claims(engine, f))
    return conditions


def reports_with_claims(engine: Engine, filters: Filters):
    """The reports that carry a claim matching the filters, by a plan that suits how many
    claims match, which no planner without statistics can know.

    Few matches: their report ids are read once from the claims index (a semi-join). Many:
    reports are walked newest first and each one's claims looked up by report id, which
    stops once the page is full. Left to itself SQLite would walk every report and search
    the matching claims anew for each (seconds on a ledger of 50,000 reports).
    """
    matching = equal_to(claims, filters, CLAIM_FIELDS)
    with engine.connect() as conn:
        reports_total = conn.execute(select(func.max(reports.c.id))).scalar() or 0
        dense_at = int(math.sqrt(DEFAULT_LIMIT * reports_total)) + 1
        capped = select(claims.c.id).where(*matching).limit(dense_at).subquery()
        matches = conn.execute(select(func.count()).select_from(capped)).scalar_one()
    if matches < dense_at:
        return reports.c.id.in_(select(claims.c.report_id).where(*matching))
    if engine.dialect.name == "sqlite":  # no index but the report's for these terms
        matching = [
            func.coalesce(claims.c.claimant_key, None) == claimant_id(filters.claimant)
            if name == "claimant"
            else func.coalesce(claims.c[name], None) == getattr(filters, name)
            for name in CLAIM_FIELDS
            if getattr(filters, name) is not None
        ]
    return exists().where(claims.c.report_id == reports.c.id, *matching)


def list_reports(
    engine: Engine,
    filters: Filters = Filters(),
    cursor: str | None = None,
    limit: int = DEFAULT_LIMIT,
) -> Page:
    filters = filters.cleaned()
    excerpt = func.substr(reports.c.text, 1, EXCERPT_CHARS).label("excerpt")
    claim_count = (
        select(func.count())
        .where(claims.c.report_id == reports.c.id)
        .scalar_subquery()
        .label("claims")
    )
    query = (
        select(*REPORT_COLUMNS, excerpt, claim_count)
        .select_from(reports.join(sources, reports.c.source_id == sources.c.id))
        .where(*report_conditions(engine, filters))
    )
    query = keyset(query, reports.c.id, cursor, limit)
    with engine.connect() as conn:
        rows = [dict(row._mapping) for row in conn.execute(query)]
    return _page(rows, limit)


def get_report(engine: Engine, report_id: int) -> dict | None:
    query = (
        select(*REPORT_COLUMNS, reports.c.text)
        .select_from(reports.join(sources, reports.c.source_id == sources.c.id))
        .where(reports.c.id == report_id)
    )
    with engine.connect() as conn:
        row = conn.execute(query).first()
        if row is None:
            return None
        item = dict(row._mapping)
        claim_rows = conn.execute(
            _claim_select().where(claims.c.report_id == report_id).order_by(claims.c.seq)
        )
        item["claims"] = [claim_item(r) for r in claim_rows]
    return item


# -- events ----------------------------------------------------------------------------------


def event_conditions(engine: Engine, filters: Filters, conflict: bool | None = None) -> list:
    f = filters
    conditions = equal_to(events, f, ("country", "admin1", "weapon", "claim_type"))
    conditions += dated(events.c.first_reported, f)
    if conflict is not None:
        conditions.append(events.c.conflict == conflict)
    member = []
    if f.claimant is not None:
        member.append(claimant_is(f.claimant))
    if _has_words(f.q):
        member.append(claims.c.report_id.in_(select(reports.c.id).where(text_match(engine, f.q))))
    if member:
        conditions.append(exists().where(claims.c.event_id == events.c.id, *member))
    return conditions


def event_item(row) -> dict:
    item = dict(row._mapping)
    item["detail"] = item.get("detail") or {}
    return item


def list_events(
    engine: Engine,
    filters: Filters = Filters(),
    cursor: str | None = None,
    limit: int = DEFAULT_LIMIT,
    conflict: bool | None = None,
) -> Page:
    filters = filters.cleaned()
    query = select(events).where(*event_conditions(engine, filters, conflict))
    query = keyset(query, events.c.id, cursor, limit)
    with engine.connect() as conn:
        rows = [event_item(row) for row in conn.execute(query)]
    return _page(rows, limit)


def iter_events(
    engine: Engine, filters: Filters = Filters(), conflict: bool | None = None
) -> Iterator[dict]:
    """Every matching event, oldest ledger day first (undated last), streamed."""
    filters = filters.cleaned()
    query = (
        select(events)
        .where(*event_conditions(engine, filters, conflict))
        .order_by(events.c.key, events.c.id)
    )
    with engine.connect() as conn:
        for row in conn.execution_options(yield_per=1000).execute(query):
            yield event_item(row)


def get_event(engine: Engine, event_id: int) -> dict | None:
    """One event with the claims it groups (who said what)."""
    with engine.connect() as conn:
        row = conn.execute(select(events).where(events.c.id == event_id)).first()
        if row is None:
            return None
        item = event_item(row)
        members = conn.execute(
            _claim_select().where(claims.c.event_id == event_id).order_by(claims.c.id)
        )
        item["claims"] = [claim_item(r) for r in members]
    return item


# -- aggregates ------------------------------------------------------------------------------


def day_of(engine: Engine, column_):
    """'YYYY-MM-DD' of a UTC timestamp column, on either backend."""
    return rollup.day_of(engine.dialect.name, column_)


# -- aggregates kept as claims are written (skyledger.store.rollup) ------------------------
#
# A filter the summed tables keep no dimension for (text, region in the series, a time
# that is not a UTC midnight) sends the query to the claims themselves.


def _rolled_up(table_, filters: Filters, names: tuple[str, ...]) -> list:
    """The filters as conditions on a summed table's key columns."""
    conditions = []
    for name in names:
        wanted = getattr(filters, name)
        if wanted is None:
            continue
        column_ = table_.c["claimant_key" if name == "claimant" else name]
        wanted = claimant_id(wanted) if name == "claimant" else wanted
        # '' stands for a missing value there, and no filter asks for a missing value
        conditions.append(column_ == wanted if wanted != rollup.NONE else false())
    return conditions


def _midnight(moment: datetime | None) -> bool:
    """No time given, or a UTC midnight (filters are in UTC once cleaned): a whole day."""
    return moment is None or moment.time() == time.min


def _series_answers(filters: Filters, by_area: bool) -> bool:
    f = filters
    return not (by_area or f.country or f.admin1 or _has_words(f.q)) and (
        _midnight(f.since) and _midnight(f.until)
    )


def _tallies_answer(filters: Filters) -> bool:
    f = filters
    return not (f.since or f.until or f.undated is False or _has_words(f.q))


def _series_from_rollup(engine: Engine, filters: Filters) -> list[dict]:
    s = claim_series
    conditions = _rolled_up(s, filters, ("claim_type", "weapon", "claimant"))
    if filters.since:
        conditions.append(s.c.day >= filters.since.date().isoformat())
    if filters.until:
        conditions.append(s.c.day < filters.until.date().isoformat())
    keys = [s.c.day, s.c.claim_type, s.c.claimant_key]  # the table's key: read in order
    query = (
        select(
            s.c.day,
            s.c.claim_type,
            s.c.claimant_key,
            func.max(s.c.claimant).label("claimant"),
            func.sum(s.c.claims).label("claims"),
            func.sum(s.c.claimed).label("claimed"),
        )
        .where(*conditions)
        .group_by(*keys)
        .order_by(*keys)
    )
    none = rollup.value
    with engine.connect() as conn:
        rows = conn.execute(query).all()
    if engine.dialect.name == "postgresql":
        rows = _missing_last(rows)
    items = series_items(
        (day, None, kind, none(key), none(claimant), int(n), int(claimed))
        for day, kind, key, claimant, n, claimed in rows
    )
    return list(items)


def _missing_last(rows: list) -> list:
    """Rows ordered by (day, claim type, claimant key) with the claims of no claimant
    (key '', first) moved to the end of their day and type, where PostgreSQL sorts a
    missing key; the order is the database's, so only equal values are compared."""
    moved, held = [], None
    for row in rows:
        if held is not None and (row[0], row[1]) != (held[0], held[1]):
            moved.append(held)
            held = None
        if row[2] == rollup.NONE:
            held = row
        else:
            moved.append(row)
    return moved if held is None else [*moved, held]


def series_items(rows) -> Iterator[dict]:
    """Rows of (day, admin1, claim type, claimant key, wording, claims, claimed) as the
    series' items, each claimant named as claimant_label names it."""
    labels: dict[tuple, str | None] = {}
    for day, admin1, claim_type, key, claimant, n, claimed in rows:
        label = labels.get((key, claimant), labels)
        if label is labels:
            label = labels[key, claimant] = claimant_label(key, Counter([claimant]))
        yield {
            "day": day,
            "admin1": admin1,
            "claim_type": claim_type,
            "claimant": label,
            "claims": n,
            "claimed": claimed or 0,
        }


def _region_claims_from_rollup(conn, filters: Filters) -> list[tuple[str, int, int]]:
    t = claim_tallies
    query = (
        select(t.c.admin1, func.sum(t.c.claims), func.sum(t.c.claimed))
        .where(t.c.admin1 != rollup.NONE, *_rolled_up(t, filters, CLAIM_FIELDS))
        .group_by(t.c.admin1)
    )
    return [(admin1, int(n), int(claimed)) for admin1, n, claimed in conn.execute(query)]


def _counts_from_rollup(conn, filters: Filters, dimensions: tuple[str, ...]) -> tuple:
    """What `_counts` gives, from one small grouping of the summed table per dimension."""
    t = claim_tallies
    conditions = _rolled_up(t, filters, CLAIM_FIELDS)
    n = func.sum(t.c.claims)
    by: dict[str, Counter] = {}
    for name in dimensions:
        query = select(t.c[name], n).where(*conditions).group_by(t.c[name])
        by[name] = Counter({rollup.value(v): int(k) for v, k in conn.execute(query)})
    wordings: dict[str, Counter] = defaultdict(Counter)
    query = select(t.c.claimant_key, t.c.claimant, n).where(*conditions)
    for key, claimant, k in conn.execute(query.group_by(t.c.claimant_key, t.c.claimant)):
        wordings[rollup.value(key)][rollup.value(claimant)] += int(k)
    return sum(by[dimensions[0]].values()), by, wordings


def _counts(grouped, dimensions: tuple[str, ...]) -> tuple:
    """The number of claims, claims per value of each dimension, and each canonical
    claimant's wordings with their claims, from rows (*dimensions, claimant, claims)."""
    by: dict[str, Counter] = {d: Counter() for d in dimensions}
    counters = [by[d] for d in dimensions]
    wordings: dict[str, Counter] = defaultdict(Counter)
    total = 0
    for *values, claimant, n in grouped:
        total += n
        for counter, value in zip(counters, values, strict=True):
            counter[value] += n
        wordings[values[dimensions.index("claimant_key")]][claimant] += n
    return total, by, wordings


def places(engine: Engine, filters: Filters = Filters(), limit: int = 1000) -> list[dict]:
    """Resolved places named by matching claims, with how many claims and claimants name them."""
    found: dict[tuple, dict] = {}
    claimants: dict[tuple, set] = defaultdict(set)
    for claim in iter_claims(engine, filters):
        for place in claim["places"]:
            if place.get("lat") is None or place.get("lon") is None:
                continue
            key = (place.get("geonameid"), place.get("name"), place["lat"], place["lon"])
            entry = found.setdefault(
                key,
                {
                    "geonameid": place.get("geonameid"),
                    "name": place.get("name") or place.get("normal") or place.get("text"),
                    "lat": place["lat"],
                    "lon": place["lon"],
                    "admin1": place.get("admin1") or claim["admin1"],
                    "geo_precision": place.get("geo_precision") or "unresolved",
                    "claims": 0,
                },
            )
            entry["claims"] += 1
            claimants[key].add(claimant_id(claim["claimant"]))  # canonical: one per office
    for key, entry in found.items():
        entry["claimants"] = len(claimants[key])
    ranked = sorted(found.values(), key=lambda e: (-e["claims"], str(e["name"])))
    return ranked[:limit]


def regions(engine: Engine, filters: Filters = Filters()) -> list[dict]:
    """Per admin1: matching claims, the total count they claim, events and conflicting events."""
    filters = filters.cleaned()
    claim_query = (
        select(
            claims.c.admin1, func.count().label("claims"), func.sum(claims.c.count).label("claimed")
        )
        .where(claims.c.admin1.is_not(None), *unjoined_claim_conditions(engine, filters))
        .group_by(claims.c.admin1)
    )
    event_query = (
        select(
            events.c.admin1,
            func.count().label("events"),
            func.sum(cast(events.c.conflict, Integer)).label("conflicts"),
        )
        .where(events.c.admin1.is_not(None), *event_conditions(engine, filters))
        .group_by(events.c.admin1)
    )
    table_: dict[str, dict] = {}
    with engine.connect() as conn:
        if _tallies_answer(filters):
            found = _region_claims_from_rollup(conn, filters)
        else:
            found = [tuple(row) for row in conn.execute(claim_query)]
        for admin1, n, claimed in found:
            table_[admin1] = {"admin1": admin1, "claims": n, "claimed": claimed or 0}
        for row in conn.execute(event_query):
            entry = table_.setdefault(row.admin1, {"admin1": row.admin1, "claims": 0, "claimed": 0})
            entry.update(events=row.events, conflicts=int(row.conflicts or 0))
    for entry in table_.values():
        entry.setdefault("events", 0)
        entry.setdefault("conflicts", 0)
    return sorted(table_.values(), key=lambda e: e["admin1"])


def timeseries(engine: Engine, filters: Filters = Filters(), by_area: bool = True) -> list[dict]:
    """Claims per day (UTC, by publication), area, claim type and canonical claimant, with
    the counts they claim.

    Counts of two claim types or two claimants are never added together: "launched" and
    "destroyed", or two claimants' figures, are different claims. A total that is broken
    down by region is left out (its parts are counted), and so are running totals since
    some earlier date: neither is one day's happening. With `by_area=False` the areas
    are summed (admin1 is then null).
    """
    filters = filters.cleaned()
    if _series_answers(filters, by_area):
        return _series_from_rollup(engine, filters)
    day = day_of(engine, reports.c.published).label("day")
    area = claims.c.admin1 if by_area else literal_column("NULL").label("admin1")
    keys = [day, claims.c.admin1] if by_area else [day]
    keys += [claims.c.claim_type, claims.c.claimant_key]  # one series per canonical claimant
    query = (
        select(
            day,
            area,
            claims.c.claim_type,
            claims.c.claimant_key,
            func.max(claims.c.claimant).label("claimant"),
            func.count().label("claims"),
            func.sum(claims.c.count).label("claimed"),
        )
        .select_from(claims.join(reports, claims.c.report_id == reports.c.id))
        .where(*in_series(), *claim_conditions(engine, filters))
        .group_by(*keys)
        .order_by(*keys)
    )
    with engine.connect() as conn:
        return list(series_items(conn.execute(query)))


def source_health(engine: Engine, days: int = 14, now: datetime | None = None) -> list[dict]:
    """Reports per source per day over the last `days` days, and which sources fell silent.

    Days are those of publication (reports with no known time count in the total only).
    "Now" is the newest report in the ledger unless given, so an archive read long after
    the fact does not call every source silent.
    """
    stamp = reports.c.published
    with engine.connect() as conn:
        if now is None:
            now = conn.execute(select(func.max(stamp))).scalar() or datetime.now(UTC)
        now = _utc(now)
        start = (now - timedelta(days=days - 1)).replace(hour=0, minute=0, second=0, microsecond=0)
        per_source = (
            select(
                reports.c.source_id,
                func.count().label("reports"),
                func.max(stamp).label("last_report"),
            )
            .group_by(reports.c.source_id)
            .subquery()
        )
        totals = conn.execute(
            select(
                sources.c.id,
                sources.c.kind,
                sources.c.name,
                sources.c.claimant,
                sources.c.lang,
                sources.c.enabled,
                func.coalesce(per_source.c.reports, 0).label("reports"),
                per_source.c.last_report,
            )
            .select_from(sources.outerjoin(per_source, per_source.c.source_id == sources.c.id))
            .order_by(sources.c.id)
        ).all()
        day = day_of(engine, stamp).label("day")
        recent = conn.execute(
            select(reports.c.source_id, day, func.count().label("n"))
            .where(stamp >= start)
            .group_by(reports.c.source_id, day)
        ).all()
    per_day: dict[int, Counter] = defaultdict(Counter)
    for row in recent:
        per_day[row.source_id][row.day] = row.n
    calendar = [(start + timedelta(days=i)).strftime("%Y-%m-%d") for i in range(days)]
    result = []
    for row in totals:
        last = _utc(row.last_report) if isinstance(row.last_report, datetime) else None
        silent_for = (now - last) if last else None
        result.append(
            {
                "id": row.id,
                "kind": row.kind,
                "name": row.name,
                "claimant": row.claimant,
                "lang": row.lang,
                "enabled": row.enabled,
                "reports": row.reports,
                "last_report": last,
                "silent": last is None or silent_for > SILENT_AFTER,
                "silent_days": None
                if silent_for is None
                else round(silent_for / timedelta(days=1), 1),
                "per_day": [{"day": d, "reports": per_day[row.id][d]} for d in calendar],
            }
        )
    return result


def stats(engine: Engine, filters: Filters = Filters()) -> dict:
    """Totals, and the values the dashboard offers as filters (with their claim counts).

    The claim counts come from one grouped pass (type x weapon x claimant x region),
    summed here, rather than one scan per breakdown. Claimants are counted by canonical
    claimant, as the claimant filter matches them: "Governor of Kaluga Oblast" and
    "Governor of Kaluga Oblast Vladislav Shapsha" are one entry.
    """
    filters = filters.cleaned()
    dimensions = ("claim_type", "weapon", "claimant_key", "admin1")
    columns = [claims.c[d] for d in dimensions] + [claims.c.claimant]
    combined = (
        select(*columns, func.count().label("n"))
        .where(*unjoined_claim_conditions(engine, filters))
        .group_by(*columns)
    )
    with engine.connect() as conn:
        if _tallies_answer(filters):
            total, by, wordings = _counts_from_rollup(conn, filters, dimensions)
        else:
            total, by, wordings = _counts(conn.execute(combined), dimensions)
        result = {
            "reports": conn.execute(select(func.count()).select_from(reports)).scalar_one(),
            "claims": total,
            "events": conn.execute(
                select(func.count()).select_from(events).where(*event_conditions(engine, filters))
            ).scalar_one(),
            "conflicting_events": conn.execute(
                select(func.count())
                .select_from(events)
                .where(*event_conditions(engine, filters, True))
            ).scalar_one(),
            "sources": conn.execute(select(func.count()).select_from(sources)).scalar_one(),
        }
        # one query each: SQLite reads a single min() or max() off the index, both at once
        # by a scan of every report
        span = [
            conn.execute(select(extreme(reports.c.published))).scalar()
            for extreme in (func.min, func.max)
        ]
    named: Counter = Counter()
    for key, n in by["claimant_key"].items():
        named[claimant_label(key, wordings[key])] += n
    by["claimant_key"] = named
    by = {d: {str(k): n for k, n in counter.items() if k is not None} for d, counter in by.items()}
    ranked = {d: dict(sorted(by[d].items(), key=lambda kv: (-kv[1], kv[0]))) for d in dimensions}
    result["claims_by_type"] = ranked["claim_type"]
    result["claims_by_weapon"] = ranked["weapon"]
    result["claims_by_claimant"] = dict(list(ranked["claimant_key"].items())[:100])
    result["claims_by_admin1"] = ranked["admin1"]
    result["first_published"], result["last_published"] = span
    return result


def claimant_label(key: str | None, wordings: Counter) -> str | None:
    """The name a canonical claimant is offered under: its office's, else its most used
    wording; the claimant filter finds all its claims by either."""
    if key is None:
        return None
    # the most used; of equally used ones the first in order, whatever order they came in
    wording = min(wordings.items(), key=lambda item: (-item[1], str(item[0])))[0]
    office = office_of(wording)
    return office.name if office is not None else wording
